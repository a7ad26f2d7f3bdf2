"""The embedded engine: Wagtail's database search backend for the words, the ORM for filters,
facet counts and the page of hits. Every query starts from the plan's ``visible`` queryset, the
caller's one definition of what a visitor may see; the total and every facet are counted in one
query (a UNION ALL of grouped counts), whatever the number of facets and values."""

from django.contrib.contenttypes.models import ContentType
from django.db import connections, router
from django.db.models import Count, F, IntegerField, Q, TextField, Value
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


def _value_sources(model, plan: SearchPlan, facet: FacetField, scope):
    """(queryset, record path, value path) per path of a facet, restricted to the records of
    ``scope``; None when a path leads to rows the plan has no ids of."""
    sources = []
    for path in facet.paths:
        field = model._meta.get_field(path.split("__")[0])
        if field.is_relation and not _by_row_id(plan, facet, path):
            return None
        if field.many_to_many:
            through = field.remote_field.through
            record, value = field.m2m_field_name(), field.m2m_reverse_field_name()
            rows = through._default_manager.filter(**{f"{record}__in": scope})
            sources.append((rows, record, value))
        else:
            sources.append((model._default_manager.filter(pk__in=scope), "pk", field.name))
    return sources


def _count_parts(model, plan: SearchPlan, visible, matching):
    """Querysets of rows (position, value, count, record): the total, then per facet either
    the number of records per value (one path) or (value, record) pairs to count in Python
    (several paths: a record filed twice under a key counts once)."""
    text, number = TextField(), IntegerField()
    total = (
        matching.order_by()
        .annotate(f=Value(TOTAL), v=Value(None, output_field=text))
        .values("f", "v")
        .annotate(n=Count("pk"), r=Value(None, output_field=number))
        .values_list("f", "v", "n", "r")
    )
    parts = [total]
    if not plan.with_facets:
        return parts
    for position, facet in enumerate(plan.facets):
        scope = matching
        if facet.name in plan.filters:
            scope = apply_filters(visible, plan, skip=facet.name)
        sources = _value_sources(model, plan, facet, scope.order_by().values("pk"))
        if sources is None:
            continue
        for rows, record, value in sources:
            rows = rows.order_by().annotate(f=Value(position), v=Cast(value, text))
            if len(sources) == 1:
                parts.append(
                    rows.values("f", "v")
                    .annotate(n=Count(record, distinct=True), r=Value(None, output_field=number))
                    .values_list("f", "v", "n", "r")
                )
            else:
                parts.append(
                    rows.annotate(n=Value(None, output_field=number), r=F(record)).values_list(
                        "f", "v", "n", "r"
                    )
                )
    return parts


def count_all(plan: SearchPlan, visible, matching) -> tuple[int, dict[str, dict[str, int]]]:
    """The number of ``matching`` records and every facet's counts, in one query. A facet with
    a filter is counted among the ``visible`` records matching the other filters."""
    model = matching.model
    parts = _count_parts(model, plan, visible, matching)
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    total, counts = 0, {facet.name: {} for facet in plan.facets}
    key_of_row = {
        name: {pk: key for key, ids in keys.items() for pk in ids}
        for name, keys in plan.row_ids.items()
    }
    pairs: dict[str, dict[str, set]] = {}
    for position, value, n, record in rows:
        if position == TOTAL:
            total = n
            continue
        if value in (None, ""):
            continue
        facet = plan.facets[position]
        if facet.separator:
            keys = [key for key in value.split(facet.separator) if key]
        elif facet.name in key_of_row:
            keys = [key_of_row[facet.name].get(int(value))]
        else:
            keys = [value]
        for key in keys:
            if key in (None, ""):
                continue
            if n is None:  # a (value, record) pair
                pairs.setdefault(facet.name, {}).setdefault(key, set()).add(record)
            else:
                spec_counts = counts[facet.name]
                spec_counts[key] = spec_counts.get(key, 0) + n
    for name, records in pairs.items():
        counts[name] = {key: len(ids) for key, ids in records.items()}
    return total, counts


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

    def condition(self) -> Q:
        return Q(pk__in=self.ranked.order_by().values("pk"))

    def rank(self, matching, start, stop):
        ordered = self.ranked.filter(pk__in=matching.order_by().values("pk"))
        rows = list(ordered.values_list("pk", "_score")[start:stop])
        return [pk for pk, _score in rows], {pk: -(score or 0.0) for pk, score in rows}


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

    def condition(self) -> Q:
        # Table names come from the models, the words and content type are bound parameters.
        sql = f"SELECT CAST(e.object_id AS INTEGER) {self.from_sql}"
        return Q(pk__in=RawSQL(sql, self.params))  # noqa: S611

    def scores(self) -> dict[int, float]:
        sql = f"SELECT e.object_id, bm25({self.fts}, 1.0, 1.0, {self.TITLE_WEIGHT}) {self.from_sql}"
        connection = connections[router.db_for_read(self.model)]
        with connection.cursor() as cursor:
            cursor.execute(sql, self.params)
            return {int(pk): -score for pk, score in cursor.fetchall()}  # bm25: lower is better

    def rank(self, matching, start, stop):
        scores = self.scores()
        ids = sorted(
            matching.order_by().values_list("pk", flat=True),
            key=lambda pk: (-scores.get(pk, 0), pk),
        )
        page = ids[start:stop]
        return page, {pk: scores.get(pk, 0.0) for pk in page}


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
        total, facet_counts = count_all(plan, matches.visible, matches.matching)
        if plan.terms and not total and not (plan.filters and matches.visible.exists()):
            # No whole-word match: try the last word as the beginning of a word ("compta").
            words = words_matcher(model)(model, plan.terms, prefix=True)
            matches = Matches(plan, words)
            total, facet_counts = count_all(plan, matches.visible, matches.matching)

        start, stop = plan.offset, plan.offset + plan.limit
        scores, records = {}, None
        if not total:
            ids = []
        elif plan.by_relevance and words is not None:
            ids, scores = words.rank(matches.matching, start, stop)
        else:
            # The page of records itself, loaded as the caller's visible queryset says.
            records = list(matches.matching.order_by(*ordering(plan.order_by))[start:stop])
            ids = [record.pk for record in records]
        return EngineResponse(
            ids=ids, total=total, facet_counts=facet_counts, scores=scores, records=records
        )
