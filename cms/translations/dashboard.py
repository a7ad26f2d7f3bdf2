"""What the translation dashboard counts: every translatable page and snippet, whatever
language it was written in, per organisation, content type and language, by translation state.

Statuses are computed per content type, a fixed number of queries for all its objects
(``cms.translations.status.group_statuses``), not per object."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, TranslatableMixin

from .status import SOURCE, TranslationStatus, group_statuses


def organisation_of(obj) -> str:
    """The organisation a piece of content belongs to ("" when it has none).

    The one place the dashboard groups by organisation: it reads an ``organisation`` field
    (a space page or a name) where a content type has one.
    """
    organisation = getattr(obj, "organisation", None)
    return str(organisation) if organisation else ""


def translatable_models() -> list[type]:
    """Concrete page types and snippets that editors translate."""
    found = []
    for model in apps.get_models():
        if not issubclass(model, TranslatableMixin) or model is Page:
            continue
        if issubclass(model, Page) and model._meta.app_label.startswith("wagtail"):
            continue
        found.append(model)
    return sorted(found, key=lambda model: str(model._meta.verbose_name_plural))


def _rows(model):
    """Every row of ``model`` (sources, translations and aliases), with what the dashboard
    reads of them."""
    objects = model.objects.all()
    if issubclass(model, Page):
        objects = objects.exact_type(model)
    related = ["locale"]
    if any(field.name == "organisation" and field.is_relation for field in model._meta.fields):
        related.append("organisation")
    # Translated inline items (an article's tags) are read to compare a source with its
    # translations: all at once, not per object.
    translated_items = [
        relation.get_accessor_name()
        for relation in get_all_child_relations(model)
        if issubclass(relation.related_model, TranslatableMixin)
    ]
    return objects.select_related(*related).prefetch_related(*translated_items).order_by("pk")


@dataclass(frozen=True)
class Entry:
    """One source object in one language."""

    source: object
    model: type
    organisation: str
    status: TranslationStatus


def entries(models: list[type] | None = None) -> Iterator[Entry]:
    """One entry per source object and language it is not written in."""
    for model in models or translatable_models():
        for source, statuses in group_statuses(_rows(model)):
            organisation = organisation_of(source)
            for code, status in statuses.items():
                if code == source.locale.language_code or status.state == SOURCE:
                    continue
                yield Entry(source, model, organisation, status)


@dataclass
class Row:
    organisation: str
    model: type
    language: str
    counts: Counter

    @property
    def content_type(self) -> str:
        return f"{self.model._meta.app_label}.{self.model._meta.model_name}"


def summary(all_entries: list[Entry]) -> list[Row]:
    """Counts by (organisation, content type, language) and state."""
    rows: dict[tuple, Row] = {}
    for entry in all_entries:
        key = (entry.organisation, entry.model, entry.status.locale)
        row = rows.get(key)
        if row is None:
            row = rows[key] = Row(entry.organisation, entry.model, entry.status.locale, Counter())
        row.counts[entry.status.state] += 1
    language_order = [code for code, _name in settings.LANGUAGES]
    return sorted(
        rows.values(),
        key=lambda row: (
            row.organisation,
            str(row.model._meta.verbose_name_plural),
            language_order.index(row.language) if row.language in language_order else 99,
        ),
    )
