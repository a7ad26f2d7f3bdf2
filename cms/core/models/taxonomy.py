from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin
from wagtail.search import index

from ..visibility import PublicQuerySet, PublishedRowMixin
from .field_lists import filtered_by, searched_as_typed
from .named import ListedByName

#: What the search of every translatable snippet filters on, after the model's own fields.
TRANSLATION_FILTER_FIELDS = filtered_by("locale", "translation_key")

#: ``Meta.unique_together`` of a translatable model with a slug: one row per language in a
#: translation group, and each slug once per language.
UNIQUE_PER_LANGUAGE = [("translation_key", "locale"), ("slug", "locale")]


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
    published_filter_fields = [*TRANSLATION_FILTER_FIELDS, *filtered_by("live")]

    class Meta(TranslatableMixin.Meta):
        abstract = True


class NamedTerm(ListedByName):
    """A translatable name with a slug of its own in each language, listed by name
    (categories, newsletter interests)."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(ListedByName.Meta):
        abstract = True
        unique_together = UNIQUE_PER_LANGUAGE


# ``__str__``: ListedByName's (in another module, where the linter does not look).
class Category(NamedTerm, PublishedSnippet):  # noqa: DJ008
    """A topic shared by blog articles (categories) and studies (themes); editors translate it.

    A new translation is a draft: visitors see only published categories
    (``Category.objects.public()``)."""

    search_fields = [*searched_as_typed("name"), *PublishedSnippet.published_filter_fields]

    class Meta(NamedTerm.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")
