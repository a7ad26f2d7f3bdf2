"""The page listings' values() querysets compiled into SQL once per process
(cms.core.compiled does the compiling and binding).

For a given endpoint, query string (among the parameters whose effect on the SQL is a
function of their text), columns, site, site roots and view restrictions, a listing's SQL is
always the same but for the request's time (what has expired or ended) and, for the look-ups
of a listed batch, the translation keys. Everything else the SQL depends on is in the key (the
site's roots, the view restrictions and the Locale id are read for each request), so no entry
ever needs invalidating.
"""

from django.db import connections

from cms.core.compiled import (
    NOW,
    Kept,
    adapt,
    bind,
    convert,
    converters_of,
    find_slots,
    stand_in_querysets,
    uuids,
)

from .visibility import get_visibility

__all__ = ["NOW", "CompiledValues", "get", "listing", "uuids"]

#: Parameters whose effect on the SQL depends on their text only (no database look-up).
CACHEABLE_PARAMETERS = frozenset({"locale", "from", "to", "city", "type", "fields"})
#: Applied by the pagination, outside the compiled SQL.
PAGINATION_PARAMETERS = frozenset({"limit", "offset"})

_compiled = Kept(max_entries=256)


class CompiledValues:
    """A values() queryset's rows (and count) as SQL, with its variables left to bind."""

    def __init__(self, first, slots, count_slots, variables):
        self.sql, self.count_sql, _params, _count_params, self.names, self.converters = first[:6]
        self.alias = first[6]
        self.slots = slots
        self.count_slots = count_slots
        self.variables = variables

    @classmethod
    def compile(cls, build, variables):
        """From build(*values) -> values() queryset; None unless only the variables vary."""
        first, second = (_compile(queryset) for queryset in stand_in_querysets(build, variables))
        if first[:2] + first[4:5] + first[6:] != second[:2] + second[4:5] + second[6:]:
            return None
        connection = connections[first[6]]
        slots = find_slots(first[2], second[2], variables, connection)
        count_slots = find_slots(first[3], second[3], variables, connection)
        if slots is None or count_slots is None:
            return None
        return cls(first, slots, count_slots, variables)

    def bind(self, *values):
        return Bound(self, adapt(self.variables, values, connections[self.alias]))


def _compile(queryset):
    query = queryset.query
    compiler = query.get_compiler(queryset.db)
    sql, params = compiler.as_sql()
    names = [*query.extra_select, *query.values_select, *query.annotation_select]
    converters = converters_of(compiler)
    inner_sql, count_params = queryset.order_by().query.get_compiler(queryset.db).as_sql()
    count_sql = f"SELECT COUNT(*) FROM ({inner_sql}) subquery"  # noqa: S608 - Django's SQL
    return sql, count_sql, tuple(params), tuple(count_params), names, converters, queryset.db


class Bound:
    """What OffsetLimitPagination needs of a queryset: count() and a slice (row dicts)."""

    def __init__(self, compiled, values):
        self.compiled = compiled
        self.values = values

    def _params(self, slots):
        return bind(slots, self.values)

    def count(self):
        with connections[self.compiled.alias].cursor() as cursor:
            cursor.execute(self.compiled.count_sql, self._params(self.compiled.count_slots))
            return cursor.fetchone()[0]

    def all(self):
        return self[:]

    def __getitem__(self, items):
        compiled = self.compiled
        connection = connections[compiled.alias]
        sql = f"{compiled.sql} {connection.ops.limit_offset_sql(items.start, items.stop)}"
        with connection.cursor() as cursor:
            cursor.execute(sql, self._params(compiled.slots))
            rows = cursor.fetchall()
        names = compiled.names
        width = len(names)
        rows = convert((row[:width] for row in rows), compiled.converters, connection)
        return [dict(zip(names, row, strict=True)) for row in rows]


def get(key, build, variables):
    """The compiled values() for this key, compiled on first use (None if it cannot be)."""
    return _compiled.get(key, lambda: CompiledValues.compile(build, variables))


def listing(view, model, columns, build_values):
    """The compiled listing for this request, or None when its SQL cannot be reused.

    build_values(now) -> the listing's values() as if the request's time were ``now``."""
    query_params = view.request.query_params
    names = set(query_params)
    if not names <= CACHEABLE_PARAMETERS | PAGINATION_PARAMETERS:
        return None
    if any(len(query_params.getlist(name)) > 1 for name in names):
        return None
    key = view.listing_sql_key(
        (
            model,
            tuple(columns),
            tuple(sorted((name, query_params[name]) for name in names - PAGINATION_PARAMETERS)),
        )
    )
    if key is None:
        return None
    compiled = get(key, build_values, [NOW])
    return None if compiled is None else compiled.bind(get_visibility(view.request).now)
