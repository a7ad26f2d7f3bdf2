"""The embedded engine: Wagtail's database search backend for the words, the ORM for filters
and facet counts. Every query starts from ``in_locale()``, the one definition of what a
visitor may see; each facet is counted in one query, whatever the number of values."""

from django.contrib.contenttypes.models import ContentType
from django.db import connections, router
from django.db.models import Count, F, Q
from django.db.models.expressions import RawSQL

from search.pages import database_backend

from .base import DirectoryEngine, EngineResponse, SearchPlan

ORDERINGS = {
    "name": ("sort_key", "pk"),
    "recent": ("-first_published_at", "-pk"),
    "deadline": (F("deadline").asc(nulls_last=True), "sort_key", "pk"),
}


KEY_SUFFIX = "__translation_key"


def _by_row_id(plan, spec, path) -> bool:
    """Filter and count on the foreign key itself (no join) when the plan knows the rows."""
    return path.endswith(KEY_SUFFIX) and spec.name in plan.row_ids


def facet_condition(model, plan, spec, keys) -> Q:
    """Records filed under any of ``keys`` for this facet."""
    condition = Q()
    choice_list = spec.is_choice_list(model)
    for path in spec.paths:
        relation = model._meta.get_field(path.split("__")[0])
        if choice_list:
            for key in keys:
                condition |= Q(**{f"{path}__has": key})
            continue
        if _by_row_id(plan, spec, path):
            ids = [pk for key in keys for pk in plan.row_ids[spec.name].get(key, ())]
            lookup = {f"{path[: -len(KEY_SUFFIX)]}__in": ids}
        else:
            lookup = {f"{path}__in": keys}
        if relation.many_to_many:
            # A sub-query rather than a join, so that a record never appears twice.
            condition |= Q(pk__in=model._default_manager.filter(**lookup).values("pk"))
        else:
            condition |= Q(**lookup)
    return condition


def apply_filters(queryset, plan: SearchPlan, *, skip: str | None = None):
    model = queryset.model
    for name, keys in plan.filters.items():
        if name == skip or not keys:
            continue
        queryset = queryset.filter(facet_condition(model, plan, plan.kind.facet(name), keys))
    return queryset


def count_facet(queryset, plan, spec) -> dict[str, int]:
    """Public records per value of one facet, in one query."""
    model = queryset.model
    keys = plan.facet_keys.get(spec.name, ())
    if len(spec.paths) == 1 and not spec.is_choice_list(model):
        path = spec.paths[0]
        key_of = None
        if _by_row_id(plan, spec, path):
            key_of = {pk: key for key, ids in plan.row_ids[spec.name].items() for pk in ids}
            path = path[: -len(KEY_SUFFIX)]
        rows = (
            queryset.order_by()
            .values(path)
            .annotate(n=Count("pk", distinct=spec.is_multi_valued(model)))
            .values_list(path, "n")
        )
        counts: dict[str, int] = {}
        for value, n in rows:
            key = key_of.get(value) if key_of is not None else value
            if key not in (None, ""):
                counts[str(key)] = counts.get(str(key), 0) + n
        return counts
    if not keys:
        return {}
    aggregates = {
        f"k{position}": Count("pk", filter=facet_condition(model, plan, spec, [key]))
        for position, key in enumerate(keys)
    }
    totals = queryset.order_by().aggregate(**aggregates)
    return {key: totals[f"k{position}"] for position, key in enumerate(keys)}


class BackendWords:
    """Words matched by Wagtail's search backend (any database it supports).

    On PostgreSQL each record is indexed with its own language's stemming; the records a
    locale shows include untranslated ones in other languages, so the words are looked up
    as each language would analyse them (search/backends.py)."""

    def __init__(self, model, terms, *, prefix: bool):
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

    def rank(self, queryset, plan, start, stop):
        ordered = apply_filters(self.ranked.in_locale(plan.locale), plan)
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

    def rank(self, queryset, plan, start, stop):
        scores = self.scores()
        ids = sorted(queryset.values_list("pk", flat=True), key=lambda pk: (-scores.get(pk, 0), pk))
        page = ids[start:stop]
        return page, {pk: scores.get(pk, 0.0) for pk in page}


def words_matcher(model):
    from wagtail.search import models as search_models

    # Only defined when the default database is SQLite with FTS5.
    SQLiteFTSIndexEntry = getattr(search_models, "SQLiteFTSIndexEntry", None)  # noqa: N806
    connection = connections[router.db_for_read(model)]
    if connection.vendor == "sqlite" and SQLiteFTSIndexEntry is not None:
        return SQLiteWords
    return BackendWords


class DatabaseEngine(DirectoryEngine):
    name = "database"

    def search(self, plan: SearchPlan) -> EngineResponse:
        model = plan.kind.model
        everyone = model.objects.in_locale(plan.locale)
        visible, words = everyone, None
        if plan.terms:
            words = words_matcher(model)(model, plan.terms, prefix=False)
            visible = everyone.filter(words.condition())

        matching = apply_filters(visible, plan)
        total = matching.count()
        if plan.terms and not total and not (plan.filters and visible.exists()):
            # No whole-word match: try the last word as the beginning of a word ("compta").
            words = words_matcher(model)(model, plan.terms, prefix=True)
            visible = everyone.filter(words.condition())
            matching = apply_filters(visible, plan)
            total = matching.count()

        scores = {}
        start, stop = plan.offset, plan.offset + plan.limit
        if plan.ordering == "relevance" and words is not None:
            ids, scores = words.rank(matching, plan, start, stop)
        else:
            ordering = ORDERINGS.get(plan.ordering, ORDERINGS["name"])
            ids = list(matching.order_by(*ordering).values_list("pk", flat=True)[start:stop])

        facet_counts = {}
        if plan.with_facets:
            for spec in plan.kind.facets:
                scope = apply_filters(visible, plan, skip=spec.name)
                facet_counts[spec.name] = count_facet(scope, plan, spec)
        return EngineResponse(ids=ids, total=total, facet_counts=facet_counts, scores=scores)
