from django.db import models
from django.utils.translation import gettext_lazy as _


class PageKeyword(models.Model):
    """A search that leads to a page: the site search shows the page first for these words
    (normalised as searches are: accents and case folded). Editors add them from the report
    of searches without results."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="search_keywords",
        verbose_name=_("page"),
    )
    keyword = models.CharField(_("keyword"), max_length=200)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("page keyword")
        verbose_name_plural = _("page keywords")
        constraints = [
            models.UniqueConstraint(fields=["page", "keyword"], name="core_page_keyword_unique")
        ]

    def __str__(self):
        return self.keyword
