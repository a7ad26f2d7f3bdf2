"""What a directory search returns, whichever engine answered."""

import math
from dataclasses import dataclass, field

from django.core.paginator import Paginator

from .query import DirectoryQuery, ParameterError


def attributes(obj, names) -> dict:
    """``obj``'s attributes of these names, in this order: plain data for JSON."""
    return {name: getattr(obj, name) for name in names}


@dataclass
class FacetValue:
    value: str  # the token to put in the query string
    label: str  # in the visitor's language (see ``language``)
    count: int  # public records matching the query with this value (other facets applied)
    selected: bool = False
    language: str = ""

    def as_dict(self) -> dict:
        return attributes(self, ("value", "label", "count", "selected"))


@dataclass
class Facet:
    name: str
    label: str
    values: list[FacetValue]

    def __iter__(self):
        return iter(self.values)

    @property
    def selected(self) -> list[FacetValue]:
        return [value for value in self.values if value.selected]

    def as_dict(self) -> list[dict]:
        return [value.as_dict() for value in self.values]


@dataclass
class Hit:
    kind: str
    pk: int
    record: object  # the model instance, in the language it is shown in
    view: object  # a presenters.RecordView: labels in the visitor's language
    score: float | None = None
    highlights: dict[str, str] = field(default_factory=dict)  # field -> HTML with <mark>

    @property
    def language(self) -> str:
        return self.view.language


@dataclass
class DirectoryResults:
    query: DirectoryQuery
    hits: list[Hit]
    total: int
    facets: dict[str, Facet]
    engine: str  # which engine answered ("database", "opensearch"…)
    degraded: bool = False  # the configured engine failed and another one answered
    notices: list[ParameterError] = field(default_factory=list)  # corrections made while searching
    took_ms: float = 0.0

    @property
    def page(self) -> int:
        return self.query.page

    @property
    def page_size(self) -> int:
        return self.query.page_size

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / self.page_size))

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def page_obj(self):
        """A Django ``Page`` for pagination templates (no record is loaded by it)."""
        return Paginator(range(self.total), self.page_size).get_page(self.page)

    def as_dict(self) -> dict:
        """Plain data for JSON: the API adds the serialised records itself."""
        return {
            **attributes(self, ("total", "page", "page_size", "num_pages", "engine", "degraded")),
            "facets": {name: facet.as_dict() for name, facet in self.facets.items()},
            "notices": [notice.as_dict() for notice in self.notices],
        }
