"""Skills and sectors: translatable vocabularies that editors manage, with synonyms per language."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from cms.core.models import PublishedSnippet
from cms.core.models.field_lists import searched, searched_as_typed, translatable
from cms.core.models.taxonomy import UNIQUE_PER_LANGUAGE


def split_synonyms(text: str) -> list[str]:
    return [word.strip() for word in (text or "").replace("\n", ",").split(",") if word.strip()]


class TaxonomyTerm(PublishedSnippet):
    """One word of a vocabulary, in one language; its translations share a translation_key.

    A new translation is a draft: the directory's filters, search and API read only published
    terms (``objects.public()``), so a draft's label is never shown nor searched."""

    label = models.CharField(_("label"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=True,
        help_text=_("Used in the directory's addresses (?skill=…); lower case, no spaces."),
    )
    synonyms = models.TextField(
        _("synonyms"),
        blank=True,
        help_text=_(
            "Other words people use for it in this language, separated by commas "
            "(for example: comptable, expert-comptable)."
        ),
    )

    panels = [FieldPanel("label"), FieldPanel("slug"), FieldPanel("synonyms")]
    override_translatable_fields = translatable("label", "slug", "synonyms")
    search_fields = [
        *searched_as_typed("label"),
        *searched("synonyms"),
        *PublishedSnippet.published_filter_fields,
    ]

    class Meta(PublishedSnippet.Meta):
        abstract = True
        ordering = ["label"]
        unique_together = UNIQUE_PER_LANGUAGE

    def __str__(self):
        return self.label

    @property
    def synonym_list(self) -> list[str]:
        return split_synonyms(self.synonyms)

    @property
    def words(self) -> list[str]:
        """The label and every synonym: what a search for this term should match."""
        return [self.label, *self.synonym_list]


class Skill(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("skill")
        verbose_name_plural = _("skills")


class Sector(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
