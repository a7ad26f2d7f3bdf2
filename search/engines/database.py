"""The embedded engine: Wagtail's database search backend for the words, the ORM for filters,
facet counts and the page of hits. Every query starts from the plan's ``visible`` queryset, the
caller's one definition of what a visitor may see; the total and every facet are counted in one
query (a UNION ALL of grouped counts), whatever the number of facets and values. Without facets,
the page is read first: a page that is not full tells the total, and nothing is counted."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connections, router
from django.db.models import Case, Count, F, Q, TextField, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast

from search.pages import database_backend

from .base import Engine, EngineResponse, FacetField, SearchPlan

KEY_SUFFIX = "__translation_key"
TOTAL = -1  # the row of the count query that holds the number of matching records


def ordering(order_by) -> list:
    """``("-first_published_at", "pk")`` as ORM expressions, missing values last."""
    expressions = []
    for name in order_by:
        if name.startswith("-"):
            expressions.append(F(name[1:]).desc(nulls_last=True))
        else:
            expressions.append(F(name).asc(nulls_last=True))
    return expressions


def _by_row_id(plan: SearchPlan, facet: FacetField, path: str) -> bool:
    """Filter and count on the foreign key itself (no join) when the plan knows the rows."""
    return path.endswith(KEY_SUFFIX) and facet.name in plan.row_ids


def facet_condition(model, plan: SearchPlan, facet: FacetField, keys) -> Q:
    """Records filed under any of ``keys`` for this facet."""
    condition = Q()
    for path in facet.paths:
        if facet.lookup != "in":
            for key in keys:
                condition |= Q(**{f"{path}__{facet.lookup}": key})
            continue
        if _by_row_id(plan, facet, path):
            ids = [pk for key in keys for pk in plan.row_ids[facet.name].get(key, ())]
            lookup = {f"{path[: -len(KEY_SUFFIX)]}__in": ids}
        else:
            lookup = {f"{path}__in": keys}
        if model._meta.get_field(path.split("__")[0]).many_to_many:
            # A sub-query rather than a join, so that a record never appears twice.
            condition |= Q(pk__in=model._default_manager.filter(**lookup).values("pk"))
        else:
            condition |= Q(**lookup)
    return condition


def apply_filters(queryset, plan: SearchPlan, *, skip: str | None = None):
    for name, keys in plan.filters.items():
        facet = plan.facet(name)
        if name == skip or not keys or facet is None:
            continue
        queryset = queryset.filter(facet_condition(queryset.model, plan, facet, keys))
    return queryset


def _grouped(rows, position: int, value, counted: str = "pk"):
    """(position, value, number of records) rows, one per value."""
    return (
        rows.order_by()
        .annotate(f=Value(position), v=value)
        .values("f", "v")
        .annotate(n=Count(counted, distinct=counted != "pk"))
        .values_list("f", "v", "n")
    )


def _key_of(plan: SearchPlan, facet: FacetField, column: str):
    """SQL naming the key a row id of ``column`` stands for (no join to the rows)."""
    whens = [
        When(**{f"{column}__in": ids}, then=Value(key))
        for key, ids in plan.row_ids[facet.name].items()
        if ids
    ]
    return Case(*whens, default=Value(None), output_field=TextField())


def _facet_parts(model, plan: SearchPlan, position: int, facet: FacetField, scope) -> list:
    """Querysets counting one facet among the records of ``scope``."""
    sources = []
    for path in facet.paths:
        field = model._meta.get_field(path.split("__")[0])
        by_row_id = _by_row_id(plan, facet, path)
        if field.is_relation and not by_row_id:
            return []  # keys the plan has no rows of: not counted
        sources.append((field, by_row_id))
    if len(sources) > 2 or (len(sources) == 2 and not all(by_id for _f, by_id in sources)):
        # Filed under a key by several paths: a record counts once per key.
        return [
            _grouped(
                scope.filter(facet_condition(model, plan, facet, [key])),
                position,
                Value(key, output_field=TextField()),
            )
            for key in plan.facet_keys.get(facet.name, ())
        ]
    parts = []
    for field, by_row_id in sources:
        if field.many_to_many:
            through = field.remote_field.through
            record, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            rows = through._default_manager.filter(**{f"{record}__in": scope.values("pk")})
            value = _key_of(plan, facet, target) if by_row_id else Cast(target, TextField())
            parts.append(_grouped(rows, position, value, counted=record))
        else:
            column = field.attname
            value = _key_of(plan, facet, column) if by_row_id else Cast(column, TextField())
            parts.append(_grouped(scope, position, value))
    if len(sources) == 2:
        # Two paths (a home space, spaces visited): records filed under a key by both were
        # counted twice; count them once (inclusion-exclusion).
        parts.append(_overlap(model, plan, position, facet, sources, scope))
    return parts


def _overlap(model, plan, position, facet, sources, scope):
    """Minus the records whose two paths lead to the same key."""
    (first, _), (second, _) = sources
    if first.many_to_many:
        first, second = second, first
    if first.many_to_many or not second.many_to_many:
        raise ValueError(f"Facet {facet.name}: two paths are counted as a column and a list.")
    through = second.remote_field.through
    record, target = second.m2m_field_name(), second.m2m_reverse_field_name()
    rows = (
        through._default_manager.filter(**{f"{record}__in": scope.values("pk")})
        .annotate(
            listed=_key_of(plan, facet, target),
            own=_key_of(plan, facet, f"{record}__{first.attname}"),
        )
        .filter(listed=F("own"))
    )
    return (
        rows.order_by()
        .annotate(f=Value(position), v=F("listed"))
        .values("f", "v")
        .annotate(n=-Count(record, distinct=True))
        .values_list("f", "v", "n")
    )


def count_all(plan: SearchPlan, visible, matching) -> tuple[int, dict[str, dict[str, int]]]:
    """The number of ``matching`` records and every facet's counts, in one query (a UNION ALL
    of grouped counts). A facet with a filter is counted among the ``visible`` records
    matching the other filters."""
    model = matching.model
    parts = [_grouped(matching, TOTAL, Value(None, output_field=TextField()))]
    if plan.with_facets:
        for position, facet in enumerate(plan.facets):
            scope = matching
            if facet.name in plan.filters:
                scope = apply_filters(visible, plan, skip=facet.name)
            parts += _facet_parts(model, plan, position, facet, scope)
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    total, counts = 0, {facet.name: {} for facet in plan.facets}
    for position, value, n in rows:
        if position == TOTAL:
            total = n
            continue
        if value in (None, ""):
            continue
        facet = plan.facets[position]
        keys = value.split(facet.separator) if facet.separator else [value]
        facet_counts = counts[facet.name]
        for key in keys:
            if key not in (None, ""):
                facet_counts[key] = facet_counts.get(key, 0) + n
    return total, counts


#: Matches tested as a list of ids (each query part binds them again; SQLite's bound
#: parameters are the limit); past it, a sub-query.
MAX_LISTED = 2000
#: Records matched by the words (in any language, before the visitor's filters) read whole at
#: once when there are no more than this: cheaper than reading their ids, then a page of them.
FEW = 50


class BackendWords:
    """Words matched by Wagtail's search backend (any database it supports).

    On PostgreSQL each record is indexed with its own language's stemming; the records a
    locale shows include untranslated ones in other languages, so the words are looked up
    as each language would analyse them (search/backends.py)."""

    def __init__(self, model, terms, *, prefix: bool):
        self.terms, self.prefix = tuple(terms), prefix
        # The database backend, even when Wagtail's default one is a search engine.
        backend = database_backend()
        method = backend.autocomplete if prefix else backend.search
        results = method(
            " ".join(terms), model.objects.order_by(), operator="and", order_by_relevance=True
        )
        # The backend's queryset: the records containing every word, with their "_score".
        self.ranked = results.annotate_score("_score").get_queryset()
        self._scores = None

    def scores(self) -> dict[int, float]:
        """Each matching record's rank (higher is better), read once with the matches: as a
        sub-query joined to the index entries, PostgreSQL would plan one full-text match per
        record. Past MAX_LISTED records, only the first MAX_LISTED + 1."""
        if self._scores is None:
            rows = self.ranked.order_by().values_list("pk", "_score")[: MAX_LISTED + 1]
            self._scores = {pk: score or 0.0 for pk, score in rows}
        return self._scores

    def condition(self) -> Q:
        scores = self.scores()
        if len(scores) <= MAX_LISTED:
            return Q(pk__in=sorted(scores))
        return Q(pk__in=self.ranked.order_by().values("pk"))

    def rank(self, matching, start, stop) -> "Ranked":
        scores = self.scores()
        if len(scores) <= MAX_LISTED:
            # The backend orders equal ranks by descending id.
            return ranked_page(matching, start, stop, scores, ties=-1)
        ordered = self.ranked.filter(pk__in=matching.order_by().values("pk"))
        rows = list(ordered.values_list("pk", "_score")[start:stop])
        ids = [pk for pk, _score in rows]
        return Ranked(
            ids, {pk: score or 0.0 for pk, score in rows}, total_of_page(start, stop, len(ids))
        )


class SQLiteWords:
    """Words matched in Wagtail's SQLite FTS5 index, with the join order forced.

    The backend's own query lets SQLite walk every index entry of the model and run the
    full-text match once per entry whenever the tables have no statistics (8 s for one word
    at 10,000 people), and it ranks with a correlated sub-query per result. Reading the FTS
    table first (CROSS JOIN) and ranking the matches in one pass takes milliseconds. The
    index itself is still written by Wagtail's backend.
    """

    TITLE_WEIGHT = 4.0  # the "title" column holds the record's name

    def __init__(self, model, terms, *, prefix: bool):
        from wagtail.search.models import IndexEntry, SQLiteFTSIndexEntry

        self.terms, self.prefix = tuple(terms), prefix
        fts = SQLiteFTSIndexEntry._meta.db_table
        entries = IndexEntry._meta.db_table
        words = [f'"{term}"' for term in terms]  # terms are \w+ only: nothing to escape
        if prefix:
            words[-1] += "*"
        columns = "{autocomplete}" if prefix else "{title body}"
        self.params = [
            f"{columns} : ({' AND '.join(words)})",
            ContentType.objects.get_for_model(model).pk,
        ]
        self.from_sql = (
            f"FROM {fts} CROSS JOIN {entries} e ON e.id = {fts}.rowid "  # noqa: S608
            f"WHERE {fts} MATCH %s AND e.content_type_id = %s"
        )
        self.fts = fts
        self.model = model
        self._scores = None

    def condition(self) -> Q:
        # The matches are read once: the total and each facet's count then test a list
        # instead of running the full-text match again. Past MAX_LISTED (SQLite's bound
        # parameters), a sub-query; table names come from the models, the words and content
        # type are bound parameters.
        scores = self.scores()
        if len(scores) <= MAX_LISTED:
            return Q(pk__in=sorted(scores))
        sql = f"SELECT CAST(e.object_id AS INTEGER) {self.from_sql}"
        return Q(pk__in=RawSQL(sql, self.params))  # noqa: S611

    def scores(self) -> dict[int, float]:
        if self._scores is None:
            sql = (
                f"SELECT e.object_id, bm25({self.fts}, 1.0, 1.0, {self.TITLE_WEIGHT}) "
                f"{self.from_sql}"
            )
            connection = connections[router.db_for_read(self.model)]
            with connection.cursor() as cursor:
                cursor.execute(sql, self.params)
                # bm25: lower is better
                self._scores = {int(pk): -score for pk, score in cursor.fetchall()}
        return self._scores

    def rank(self, matching, start, stop) -> "Ranked":
        return ranked_page(matching, start, stop, self.scores(), ties=1)


def ranked_page(matching, start, stop, scores: dict[int, float], *, ties: int) -> "Ranked":
    """The page from ``start`` to ``stop`` of the ``matching`` records, every match being
    scored already, so the total comes with the page; equal scores in ascending (``ties=1``) or
    descending (``ties=-1``) id order. When the words match few records (in any language), the
    matching records themselves are read and ranked: no second query for the records of the
    page. A record indexed after the scores were read ranks last (score 0)."""

    def best_first(pk):
        return (-scores.get(pk, 0.0), ties * pk)

    if len(scores) <= max(FEW, stop):
        records = sorted(matching.order_by(), key=lambda record: best_first(record.pk))
        page = records[start:stop]
        ids = [record.pk for record in page]
        return Ranked(ids, {pk: scores.get(pk, 0.0) for pk in ids}, len(records), page)
    ids = sorted(matching.order_by().values_list("pk", flat=True), key=best_first)
    page = ids[start:stop]
    return Ranked(page, {pk: scores.get(pk, 0.0) for pk in page}, len(ids))


def total_of_page(start: int, stop: int, read: int) -> int | None:
    """The number of matching records when a page read from ``start`` to ``stop`` tells it:
    a page that is not full is the last one (an empty page only when it is the first)."""
    if read < stop - start and (read or not start):
        return start + read
    return None


@dataclass
class Ranked:
    """A page of matches: their ids in order, scores, the total when known without counting,
    and the records when they were read with it."""

    ids: list[int]
    scores: dict[int, float]
    total: int | None
    records: list | None = None


def words_matcher(model):
    from wagtail.search import models as search_models

    # Only defined when the default database is SQLite with FTS5.
    sqlite_fts = getattr(search_models, "SQLiteFTSIndexEntry", None)
    connection = connections[router.db_for_read(model)]
    if connection.vendor == "sqlite" and sqlite_fts is not None:
        return SQLiteWords
    return BackendWords


class Matches:
    """The plan's records: visible ones matching the words, and those matching the filters."""

    def __init__(self, plan: SearchPlan, words=None):
        self.plan, self.words = plan, words
        visible = plan.visible
        self.visible = visible if words is None else visible.filter(words.condition())
        self.matching = apply_filters(self.visible, plan)


class DatabaseEngine(Engine):
    name = "database"

    def search(self, plan: SearchPlan) -> EngineResponse:
        if plan.visible is None:
            raise ValueError("The database engine needs the plan's visible records.")
        model = plan.visible.model
        words = words_matcher(model)(model, plan.terms, prefix=False) if plan.terms else None
        matches = Matches(plan, words)
        response = self.answer(plan, matches)
        if plan.terms and not response.total and not (plan.filters and matches.visible.exists()):
            # No whole-word match: try the last word as the beginning of a word ("compta").
            words = words_matcher(model)(model, plan.terms, prefix=True)
            response = self.answer(plan, Matches(plan, words))
        return response

    def answer(self, plan: SearchPlan, matches: Matches) -> EngineResponse:
        """Facets: everything counted first, then the page (none when nothing matches).
        Without: the page first, counted only when it is full (or past the last one)."""
        facet_counts = {}
        if plan.with_facets:
            total, facet_counts = count_all(plan, matches.visible, matches.matching)
            if not total:
                return EngineResponse(ids=[], total=0, facet_counts=facet_counts)
        ranked = self.page(plan, matches)
        if not plan.with_facets:
            total = ranked.total
            if total is None:
                total, facet_counts = count_all(plan, matches.visible, matches.matching)
        return EngineResponse(
            ids=ranked.ids,
            total=total,
            facet_counts=facet_counts,
            scores=ranked.scores,
            records=ranked.records,
        )

    def page(self, plan: SearchPlan, matches: Matches) -> Ranked:
        start, stop = plan.offset, plan.offset + plan.limit
        if plan.by_relevance and matches.words is not None:
            return matches.words.rank(matches.matching, start, stop)
        # The page of records itself, loaded as the caller's visible queryset says.
        records = list(matches.matching.order_by(*ordering(plan.order_by))[start:stop])
        ids = [record.pk for record in records]
        return Ranked(ids, {}, total_of_page(start, stop, len(ids)), records)
