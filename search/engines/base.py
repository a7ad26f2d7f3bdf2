"""The contract between a search and an engine (the database, OpenSearch, Elasticsearch).

The caller (the directory's search) hands an engine a plain-data plan and gets
back ids, a total, scores and facet counts; it turns them into records itself. An engine knows
nothing of the models behind the ids beyond what the plan says.
"""

from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from django.db.models import QuerySet


class EngineUnavailable(Exception):
    """The engine could not answer (down, slow, misconfigured): the caller falls back."""


@dataclass(frozen=True)
class FacetField:
    """How records are filed under the keys of one facet.

    ``paths``: ORM paths from a record to its key(s) (the database engine filters and counts on
    them; an engine's documents hold the keys in ``facet_<name>``). ``lookup``: "in" for plain
    columns and relations, "has" for a list of choices stored as ``,a,b,`` (split with
    ``separator`` when counting).
    """

    name: str
    paths: tuple[str, ...]
    lookup: str = "in"
    separator: str = ""


@dataclass(frozen=True)
class SearchPlan:
    """Everything an engine needs to answer one search, as plain data.

    ``filters`` and ``facet_keys`` hold keys (translation keys, choice codes): the values
    records are filed under. ``row_ids``: for facets on translated rows, key -> primary keys
    of its rows in every language, so that a database filters and counts without joining them.
    ``order_by``: field names, "-" for descending, missing values last; ``by_relevance``: the
    best matches first when there are words. ``visible``: for the database engine, the records
    a visitor may see (loaded as the caller lists them: the page of hits comes back as records).
    """

    index: str  # the registered index (search.registry) an engine searches: "coworkers"
    locale: str
    terms: tuple[str, ...] = ()
    facets: tuple[FacetField, ...] = ()
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    facet_keys: dict[str, tuple[str, ...]] = field(default_factory=dict)
    row_ids: dict[str, dict[str, tuple[int, ...]]] = field(default_factory=dict)
    order_by: tuple[str, ...] = ("pk",)
    by_relevance: bool = False
    offset: int = 0
    limit: int = 20
    with_facets: bool = True
    visible: QuerySet | None = field(default=None, compare=False)

    def facet(self, name: str) -> FacetField | None:
        return next((facet for facet in self.facets if facet.name == name), None)


@dataclass
class EngineResponse:
    ids: list[int]  # primary keys of the hits of the page, in order
    total: int
    facet_counts: dict[str, dict[str, int]] = field(default_factory=dict)  # facet -> key -> n
    scores: dict[int, float] = field(default_factory=dict)
    records: list | None = None  # the hits, in order, when read from the site's database


class Engine(ABC):
    name = ""

    @abstractmethod
    def search(self, plan: SearchPlan) -> EngineResponse:
        """Answer the plan with visible records only; raise EngineUnavailable when unable."""
