"""The embedded engine: Wagtail's database search backend for the words, the ORM for filters
and facet counts. Every query starts from ``in_locale()``, the one definition of what a
visitor may see; the total and every facet are counted in one query, whatever the number
of facets and values."""

from django.contrib.contenttypes.models import ContentType
from django.db import connections, router
from django.db.models import F, Q
from django.db.models.expressions import RawSQL
from django.utils import timezone

from cms.core import compiled
from cms.directory.fields import split_choices
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


TOTAL = -1  # the row of the facet query that holds the number of matching records


def _row_id_keys(plan, spec, column) -> tuple[str, list]:
    """SQL naming the key (translation key) a row id stands for: no join to the terms."""
    whens, params = [], []
    for key, ids in plan.row_ids[spec.name].items():
        if ids:
            whens.append(f"WHEN {column} IN ({', '.join(['%s'] * len(ids))}) THEN %s")
            params += [*ids, key]
    if not whens:
        return "CAST(NULL AS TEXT)", []
    return f"CASE {' '.join(whens)} END", params


def _sources(model, plan, spec, quote) -> list[tuple[str, str, str, bool]] | None:
    """Where each path of a facet is stored: (table, record column, value column, whether the
    value is a row id). None when a path leads to terms the vocabulary has no rows of."""
    table = quote(model._meta.db_table)
    record = f"{table}.{quote(model._meta.pk.column)}"
    sources = []
    for path in spec.paths:
        field = model._meta.get_field(path.split("__")[0])
        by_row_id = _by_row_id(plan, spec, path)
        if field.is_relation and not by_row_id:
            return None
        if field.many_to_many:
            through = field.remote_field.through._meta
            links = quote(through.db_table)
            source = through.get_field(field.m2m_field_name()).column
            target = through.get_field(field.m2m_reverse_field_name()).column
            sources.append((links, f"{links}.{quote(source)}", f"{links}.{quote(target)}", True))
        else:
            sources.append((table, record, f"{table}.{quote(field.column)}", by_row_id))
    return sources


def facet_part(model, plan, spec, position, scope, quote) -> tuple[str, list] | None:
    """SQL counting one facet among the records of the ``scope`` CTE: rows of (facet
    position, value, number of records), decoded by ``read_facet_rows``."""
    sources = _sources(model, plan, spec, quote)
    if sources is None:
        return None
    if len(sources) == 1:
        # Each value as stored (a row id, a code, a list of codes), one group each.
        table, record, value, _by_id = sources[0]
        return (
            f"SELECT {position} AS f, CAST({value} AS TEXT) AS v, "  # noqa: S608
            f"COUNT(DISTINCT {record}) AS n FROM {table} "
            f"WHERE {record} IN (SELECT pk FROM {scope}) GROUP BY {value}",
            [],
        )
    # Filed under a key by several paths (home space, spaces visited): the record counts once.
    pairs, params = [], []
    for table, record, value, by_id in sources:
        key, key_params = (
            _row_id_keys(plan, spec, value) if by_id else (f"CAST({value} AS TEXT)", [])
        )
        pairs.append(
            f"SELECT {record} AS r, {key} AS v FROM {table} "  # noqa: S608
            f"WHERE {record} IN (SELECT pk FROM {scope})"
        )
        params += key_params
    return (
        f"SELECT {position} AS f, v, COUNT(DISTINCT r) AS n "  # noqa: S608
        f"FROM ({' UNION ALL '.join(pairs)}) AS pairs GROUP BY v",
        params,
    )


def read_facet_rows(rows, plan, model) -> tuple[int, dict[str, dict[str, int]]]:
    total, counts = 0, {spec.name: {} for spec in plan.kind.facets}
    choice_lists = {spec.name for spec in plan.kind.facets if spec.is_choice_list(model)}
    keys_of_rows = {}
    for position, value, n in rows:
        if position == TOTAL:
            total = n
            continue
        if value in (None, ""):
            continue
        spec = plan.kind.facets[position]
        if spec.name in choice_lists:
            keys = split_choices(value)  # one row per combination of codes: ",fr,nl,"
        elif len(spec.paths) == 1 and _by_row_id(plan, spec, spec.paths[0]):
            if spec.name not in keys_of_rows:
                keys_of_rows[spec.name] = _key_of_row(plan, spec)
            keys = [keys_of_rows[spec.name].get(int(value))]
        else:
            keys = [value]
        spec_counts = counts[spec.name]
        for key in keys:
            if key not in (None, ""):
                spec_counts[str(key)] = spec_counts.get(str(key), 0) + n
    return total, counts


def _key_of_row(plan, spec) -> dict[int, str]:
    return {pk: key for key, ids in plan.row_ids[spec.name].items() for pk in ids}


class Scopes:
    """The plan's sets of records (visible, matching, matching but for one filter) as
    functions of the time, and their SQL, compiled once per shape (cms.core.compiled)."""

    def __init__(self, plan: SearchPlan, words=None, now=None):
        self.plan, self.words = plan, words
        self.now = now or timezone.now()
        self.model = plan.kind.model

    def visible(self, now=None):
        everyone = self.model.objects.in_locale(self.plan.locale, now or self.now)
        return everyone if self.words is None else everyone.filter(self.words.condition())

    def matching(self, now=None, skip: str | None = None):
        return apply_filters(self.visible(now), self.plan, skip=skip)

    def _shape(self, skip):
        plan, filters = self.plan, []
        for name, keys in sorted(plan.filters.items()):
            if name != skip and keys:
                ids = plan.row_ids.get(name, {})
                filters.append((name, keys, tuple(ids.get(key, ()) for key in keys)))
        words = None if self.words is None else (self.words.terms, self.words.prefix)
        return (self.model, plan.locale, words, tuple(filters), skip)

    def sql(self, skip: str | None = None) -> tuple[str, list]:
        """The primary keys of ``matching(skip=skip)``."""
        return compiled.sql_for(
            ("directory-scope", *self._shape(skip)),
            lambda now: self.matching(now, skip).order_by().values("pk"),
            [compiled.NOW],
            [self.now],
        )

    def page_ids(self, ordering_name: str, start: int, stop: int) -> list[int]:
        ordering = ORDERINGS.get(ordering_name, ORDERINGS["name"])
        sql, params = compiled.sql_for(
            ("directory-page", *self._shape(None), ordering_name, start, stop),
            lambda now: self.matching(now).order_by(*ordering).values("pk")[start:stop],
            [compiled.NOW],
            [self.now],
        )
        with connections[router.db_for_read(self.model)].cursor() as cursor:
            cursor.execute(sql, params)
            return [pk for (pk,) in cursor.fetchall()]


def count_all(scopes: Scopes) -> tuple[int, dict[str, dict[str, int]]]:
    """The number of matching records and every facet's counts, in one query.

    The matching records are selected once (a CTE); a facet with a filter is counted among
    the records matching the other filters (its own CTE)."""
    plan, model = scopes.plan, scopes.model
    connection = connections[router.db_for_read(model)]
    quote = connection.ops.quote_name
    ctes, params = [], []

    def scope(name, skip=None):
        sql, scope_params = scopes.sql(skip)
        ctes.append(f"{name}(pk) AS ({sql})")
        params.extend(scope_params)
        return name

    matched = scope("matched")
    total = f"SELECT {TOTAL} AS f, CAST(NULL AS TEXT) AS v, COUNT(*) AS n FROM {matched}"  # noqa: S608
    parts = [(total, [])]
    if plan.with_facets:
        for position, spec in enumerate(plan.kind.facets):
            where = matched
            if spec.name in plan.filters:
                where = scope(f"scope{position}", skip=spec.name)
            part = facet_part(model, plan, spec, position, where, quote)
            if part is not None:
                parts.append(part)
    body = " UNION ALL ".join(
        f"SELECT * FROM ({text}) AS part{position}"  # noqa: S608
        for position, (text, _) in enumerate(parts)
    )
    params += [param for _text, part_params in parts for param in part_params]
    with connection.cursor() as cursor:
        cursor.execute(f"WITH {', '.join(ctes)} {body}", params)
        rows = cursor.fetchall()
    return read_facet_rows(rows, plan, model)


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
        self.terms, self.prefix = tuple(terms), prefix
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
        words = None
        if plan.terms:
            words = words_matcher(model)(model, plan.terms, prefix=False)
        scopes = Scopes(plan, words)
        total, facet_counts = count_all(scopes)
        if plan.terms and not total and not (plan.filters and scopes.visible().exists()):
            # No whole-word match: try the last word as the beginning of a word ("compta").
            words = words_matcher(model)(model, plan.terms, prefix=True)
            scopes = Scopes(plan, words, scopes.now)
            total, facet_counts = count_all(scopes)

        scores, records = {}, None
        start, stop = plan.offset, plan.offset + plan.limit
        if not total:
            ids = []
        elif plan.ordering == "relevance" and words is not None:
            ids, scores = words.rank(scopes.matching(), plan, start, stop)
        else:
            ids = scopes.page_ids(plan.ordering, start, stop)
            if plan.list_queryset is not None:
                # Read in this request from the rows just selected: no need to check again
                # that they are public (an engine's index would need it).
                loaded = compiled.instances_for(
                    ("directory-records", model, plan.list_queryset, len(ids)),
                    lambda ids: plan.list_queryset(model._default_manager.filter(pk__in=ids)),
                    [compiled.integers(len(ids))],
                    [ids],
                )
                by_pk = {record.pk: record for record in loaded}
                records = [by_pk[pk] for pk in ids if pk in by_pk]
        return EngineResponse(
            ids=ids, total=total, facet_counts=facet_counts, scores=scores, records=records
        )
