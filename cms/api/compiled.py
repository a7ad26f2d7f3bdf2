"""values() querysets of the page listings compiled into SQL once per process.

Building a listing's queryset, its values() and compiling the count and the rows into SQL
costs more CPU than running them. For a given endpoint, query string (among the parameters
whose effect on the SQL is a function of their text), columns, site, site roots and view
restrictions, the SQL is always the same but for a few values: the request's time (what has
expired or ended) and, for the look-ups of a listed batch, the translation keys. The first
request compiles the queryset twice with two sets of stand-in values, which shows where each
value goes (and that nothing else changes); later requests bind their own values there.

Everything else the SQL depends on is in the key (the site's roots, the view restrictions and
the Locale id are read for each request), so no entry ever needs invalidating: at most
MAX_ENTRIES are kept, the least recently used dropped first.
"""

import datetime
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connections
from django.db.models import UUIDField

from .visibility import get_visibility

#: Parameters whose effect on the SQL depends on their text only (no database look-up).
CACHEABLE_PARAMETERS = frozenset({"locale", "from", "to", "city", "type", "fields"})
#: Applied by the pagination, outside the compiled SQL.
PAGINATION_PARAMETERS = frozenset({"limit", "offset"})
MAX_ENTRIES = 256

_compiled: OrderedDict = OrderedDict()
_lock = threading.Lock()


@dataclass(frozen=True)
class Variable:
    """A value bound per request: its two stand-ins, and how the database receives it."""

    stand_ins: tuple
    adapt: Callable  # (value, connection) -> query parameter


def _adapt_datetime(value, connection):
    return connection.ops.adapt_datetimefield_value(value)


def _adapt_uuid(value, connection):
    return UUIDField().get_db_prep_value(value, connection)


NOW = Variable(
    (
        datetime.datetime(2000, 1, 1, 0, 0, 0, 271828, tzinfo=datetime.UTC),
        datetime.datetime(2000, 1, 2, 0, 0, 0, 314159, tzinfo=datetime.UTC),
    ),
    _adapt_datetime,
)


def uuids(count: int) -> Variable:
    """``count`` distinct UUIDs (a list, in order: Django keeps an IN list's order)."""
    return Variable(
        tuple(
            [uuid.UUID(int=(side << 64) + number + 1) for number in range(count)] for side in (1, 2)
        ),
        _adapt_uuid,
    )


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
        first, second = (
            _compile(build(*(variable.stand_ins[side] for variable in variables)))
            for side in (0, 1)
        )
        if first[:2] + first[4:5] + first[6:] != second[:2] + second[4:5] + second[6:]:
            return None
        connection = connections[first[6]]
        markers = {}
        for index, variable in enumerate(variables):
            pairs = [variable.stand_ins[0], variable.stand_ins[1]]
            if not isinstance(pairs[0], list):
                pairs = [[pairs[0]], [pairs[1]]]
            for position, (one, other) in enumerate(zip(*pairs, strict=True)):
                key = (variable.adapt(one, connection), variable.adapt(other, connection))
                markers[key] = (index, position)
        slots = _slots(first[2], second[2], markers)
        count_slots = _slots(first[3], second[3], markers)
        if slots is None or count_slots is None:
            return None
        return cls(first, slots, count_slots, variables)

    def bind(self, *values):
        connection = connections[self.alias]
        adapted = []
        for variable, value in zip(self.variables, values, strict=True):
            items = value if isinstance(variable.stand_ins[0], list) else [value]
            adapted.append([variable.adapt(item, connection) for item in items])
        return Bound(self, adapted)


class _Slot:
    """Where a variable's value goes in the parameters."""

    __slots__ = ("index", "position")

    def __init__(self, index, position):
        self.index, self.position = index, position


def _slots(first, second, markers):
    if len(first) != len(second):
        return None
    result = []
    for one, other in zip(first, second, strict=True):
        if one == other:
            result.append(one)
        elif (one, other) in markers:
            result.append(_Slot(*markers[one, other]))
        else:
            return None
    return tuple(result)


def _compile(queryset):
    query = queryset.query
    compiler = query.get_compiler(queryset.db)
    sql, params = compiler.as_sql()
    names = [*query.extra_select, *query.values_select, *query.annotation_select]
    fields = [column[0] for column in compiler.select[: compiler.col_count]]
    converters = tuple(compiler.get_converters(fields).items())
    inner_sql, count_params = queryset.order_by().query.get_compiler(queryset.db).as_sql()
    count_sql = f"SELECT COUNT(*) FROM ({inner_sql}) subquery"  # noqa: S608 - Django's SQL
    return sql, count_sql, tuple(params), tuple(count_params), names, converters, queryset.db


class Bound:
    """What OffsetLimitPagination needs of a queryset: count() and a slice (row dicts)."""

    def __init__(self, compiled, values):
        self.compiled = compiled
        self.values = values

    def _params(self, slots):
        values = self.values
        return [
            values[slot.index][slot.position] if isinstance(slot, _Slot) else slot for slot in slots
        ]

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
        result = []
        for row in rows:
            row = list(row[:width])
            for position, (converters, expression) in compiled.converters:
                value = row[position]
                for converter in converters:
                    value = converter(value, expression, connection)
                row[position] = value
            result.append(dict(zip(names, row, strict=True)))
        return result


def get(key, build, variables):
    """The compiled values() for this key, compiled on first use (None if it cannot be)."""
    with _lock:
        if key in _compiled:
            _compiled.move_to_end(key)
            return _compiled[key]
    compiled = CompiledValues.compile(build, variables)
    with _lock:
        _compiled[key] = compiled
        while len(_compiled) > MAX_ENTRIES:
            _compiled.popitem(last=False)
    return compiled


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
