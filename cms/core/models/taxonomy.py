from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin
from wagtail.search import index

from ..visibility import PublicQuerySet, PublishedRowMixin


class PublishedSnippet(
    PublishedRowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    models.Model,
):
    """A translatable, searchable snippet with draft states (categories, skills, sectors):
    visitors read only its published rows (``objects.public()``)."""

    objects = PublicQuerySet.as_manager()

    #: What the search of every such snippet (and of directory records, translated with
    #: drafts too) filters on, after the model's own fields.
    published_filter_fields = [
        index.FilterField("locale"),
        index.FilterField("translation_key"),
        index.FilterField("live"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True


class Category(PublishedSnippet):
    """A topic shared by blog articles (categories) and studies (themes); editors translate it.

    A new translation is a draft: visitors see only published categories
    (``Category.objects.public()``)."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        *PublishedSnippet.published_filter_fields,
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name
