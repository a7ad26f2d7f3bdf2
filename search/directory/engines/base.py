"""The contract between the directory search and an engine (database, OpenSearch…)."""

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import QuerySet

from cms.directory.kinds import DirectoryKind

from ..query import DirectoryQuery


class EngineUnavailable(Exception):
    """The engine could not answer (down, slow, misconfigured): the caller falls back."""


@dataclass(frozen=True)
class SearchPlan:
    """A DirectoryQuery resolved against the vocabulary: everything an engine needs.

    ``filters`` and ``facet_keys`` hold keys (translation keys, choice codes), the values
    records are filed under, never URL tokens.
    """

    query: DirectoryQuery
    kind: DirectoryKind
    terms: tuple[str, ...]
    filters: dict[str, tuple[str, ...]]
    facet_keys: dict[str, tuple[str, ...]]  # every known key of each facet
    # For facets on translated records (skills, spaces): key -> primary keys of its rows in
    # every language, so that a database can filter and count without joining them.
    row_ids: dict[str, dict[str, tuple[int, ...]]] = field(default_factory=dict)
    ordering: str = ""
    offset: int = 0
    limit: int = 20
    with_facets: bool = True
    # How the caller loads records to show them (joined rows, columns): an engine that
    # reads the hits from the site's database loads them so and returns the records.
    list_queryset: Callable[[QuerySet], QuerySet] | None = None

    @property
    def locale(self) -> str:
        return self.query.locale


@dataclass
class EngineResponse:
    ids: list[int]  # primary keys of the hits of the page, in order
    total: int
    facet_counts: dict[str, dict[str, int]] = field(default_factory=dict)  # facet -> key -> n
    scores: dict[int, float] = field(default_factory=dict)
    records: list | None = None  # the hits, in order, when read from the site's database


class DirectoryEngine(ABC):
    name = ""

    @abstractmethod
    def search(self, plan: SearchPlan) -> EngineResponse:
        """Answer the plan with public records only; raise EngineUnavailable when unable."""
