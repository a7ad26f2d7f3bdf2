"""The field lists a model declares, written as the names they list: what editors translate
and what every translation keeps (wagtail-localize), what search reads and what the API
shows (Wagtail)."""

from wagtail.api import APIField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


def translatable(*field_names: str) -> list[TranslatableField]:
    """Fields that editors translate, each page or item in its own language."""
    return [TranslatableField(name) for name in field_names]


def synchronised(*field_names: str, overridable: bool = True) -> list[SynchronizedField]:
    """Fields that every translation keeps the same as its source (dates, links, choices);
    ``overridable=False``: a translator may not give them another value either."""
    return [SynchronizedField(name, overridable=overridable) for name in field_names]


def searched(*field_names: str) -> list[index.SearchField]:
    """Fields whose words the search finds."""
    return [index.SearchField(name) for name in field_names]


def searched_as_typed(field_name: str) -> list:
    """A field found by its words and, as the visitor types, by their beginnings."""
    return [index.SearchField(field_name), index.AutocompleteField(field_name)]


def filtered_by(*field_names: str) -> list[index.FilterField]:
    """Fields a search may be filtered or ordered by."""
    return [index.FilterField(name) for name in field_names]


def shown_in_api(*field_names: str) -> list[APIField]:
    """Fields the API gives, each under its own name."""
    return [APIField(name) for name in field_names]
