"""Querysets compiled into SQL once per process, the values that change bound per use.

Building a queryset and compiling it into SQL can cost more CPU than running it. When the
SQL of ``build(*values)`` depends only on a key the caller computes cheaply (the locale, the
filters, the query string...) and on a few values (the request's time, a list of translation
keys), the first use compiles it twice with two sets of stand-in values. That shows where
each value goes among the parameters, and that nothing else moves; later uses bind their own
values there. If anything else differs between the two compilations (a value read from the
clock or the database while building), nothing is kept and every use compiles.

Entries never need invalidating: the key holds everything else the SQL depends on. At most
``max_entries`` are kept per cache, the least recently used dropped first.
"""

import datetime
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import UUIDField
from django.db.models.query import get_related_populators


@dataclass(frozen=True)
class Variable:
    """A value bound per use: its two stand-ins, and how the database receives it. A list
    stand-in stands for a list of values of that length (an IN list keeps its order)."""

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


def _adapt_plain(value, connection):
    return value


def integers(count: int) -> Variable:
    """``count`` distinct integers, in order (primary keys)."""
    return Variable(
        tuple([-side * 10**15 - number for number in range(count)] for side in (1, 2)),
        _adapt_plain,
    )


def uuids(count: int) -> Variable:
    """``count`` distinct UUIDs, in order."""
    return Variable(
        tuple(
            [uuid.UUID(int=(side << 64) + number + 1) for number in range(count)] for side in (1, 2)
        ),
        _adapt_uuid,
    )


class Slot:
    """Where a variable's value goes in the parameters."""

    __slots__ = ("index", "position")

    def __init__(self, index, position):
        self.index, self.position = index, position


def _items(variable: Variable, value) -> list:
    return value if isinstance(variable.stand_ins[0], list) else [value]


def find_slots(first: tuple, second: tuple, variables, connection) -> tuple | None:
    """The parameters of the two compilations as constants and slots; None when something
    other than the variables differs."""
    if len(first) != len(second):
        return None
    markers = {}
    for index, variable in enumerate(variables):
        ones, others = (_items(variable, stand_in) for stand_in in variable.stand_ins)
        for position, pair in enumerate(zip(ones, others, strict=True)):
            key = tuple(variable.adapt(value, connection) for value in pair)
            markers[key] = (index, position)
    result = []
    for one, other in zip(first, second, strict=True):
        if one == other:
            result.append(one)
        elif (one, other) in markers:
            result.append(Slot(*markers[one, other]))
        else:
            return None
    return tuple(result)


def adapt(variables, values, connection) -> list[list]:
    """Each variable's value(s) as the database receives them."""
    return [
        [variable.adapt(item, connection) for item in _items(variable, value)]
        for variable, value in zip(variables, values, strict=True)
    ]


def bind(slots: tuple, adapted: list[list]) -> list:
    return [
        adapted[slot.index][slot.position] if isinstance(slot, Slot) else slot for slot in slots
    ]


def converters_of(compiler) -> tuple:
    """What turns the compiled query's raw columns into Python values, by position."""
    fields = [column[0] for column in compiler.select[: compiler.col_count]]
    return tuple(compiler.get_converters(fields).items())


def convert(rows, converters: tuple, connection) -> list[list]:
    """Rows as Django's compiler returns them (``SQLCompiler.apply_converters``)."""
    result = []
    for row in rows:
        row = list(row)
        for position, (functions, expression) in converters:
            value = row[position]
            for function in functions:
                value = function(value, expression, connection)
            row[position] = value
        result.append(row)
    return result


class Kept:
    """At most ``max_entries`` compiled entries (or None: could not be kept), least recently
    used dropped first; shared by the threads of a process."""

    def __init__(self, max_entries: int):
        self.max_entries = max_entries
        self._entries: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key, compile_entry: Callable):
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
        entry = compile_entry()
        with self._lock:
            self._entries[key] = entry
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return entry


def _sql(queryset) -> tuple[str, tuple, str]:
    sql, params = queryset.query.get_compiler(queryset.db).as_sql()
    return sql, tuple(params), queryset.db


def stand_in_querysets(build: Callable, variables) -> list:
    """``build()`` with each side's stand-ins: the two querysets whose SQL is compared."""
    return [build(*(variable.stand_ins[side] for variable in variables)) for side in (0, 1)]


class CompiledSQL:
    """A queryset's SQL with its variables left to bind."""

    def __init__(self, sql: str, slots: tuple, alias: str, variables):
        self.sql, self.slots, self.alias, self.variables = sql, slots, alias, variables

    @classmethod
    def compile_with_compiler(cls, build: Callable, variables):
        """(CompiledSQL, the first stand-in queryset, its compiler), or None when the SQL
        cannot be kept."""
        querysets = stand_in_querysets(build, variables)
        compilers = [queryset.query.get_compiler(queryset.db) for queryset in querysets]
        try:
            (sql, params), (other_sql, other_params) = (c.as_sql() for c in compilers)
        except EmptyResultSet:  # e.g. an empty IN list: Django answers without SQL
            return None
        alias = querysets[0].db
        if sql != other_sql or alias != querysets[1].db:
            return None
        slots = find_slots(tuple(params), tuple(other_params), variables, connections[alias])
        if slots is None:
            return None
        return cls(sql, slots, alias, variables), querysets[0], compilers[0]

    @classmethod
    def compile(cls, build: Callable, variables) -> "CompiledSQL | None":
        found = cls.compile_with_compiler(build, variables)
        return found and found[0]

    def params(self, *values) -> list:
        return bind(self.slots, adapt(self.variables, values, connections[self.alias]))


class CompiledInstances:
    """A queryset's model instances, rows joined by ``select_related`` included, read with
    SQL compiled once (what Django's ``ModelIterable`` does, without compiling each time)."""

    def __init__(self, compiled: CompiledSQL, compiler):
        self.compiled = compiled
        klass_info, select = compiler.klass_info, compiler.select
        self.model = klass_info["model"]
        self.start, self.end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
        self.init_list = [column[0].target.attname for column in select[self.start : self.end]]
        self.populators = get_related_populators(klass_info, select, compiled.alias)
        self.converters = converters_of(compiler)

    @classmethod
    def compile(cls, build: Callable, variables) -> "CompiledInstances | None":
        found = CompiledSQL.compile_with_compiler(build, variables)
        if found is None:
            return None
        compiled, queryset, compiler = found
        if (
            compiler.annotation_col_map
            or queryset._known_related_objects
            or queryset._prefetch_related_lookups
        ):
            return None
        return cls(compiled, compiler)

    def instances(self, *values) -> list:
        alias = self.compiled.alias
        connection = connections[alias]
        with connection.cursor() as cursor:
            cursor.execute(self.compiled.sql, self.compiled.params(*values))
            rows = convert(cursor.fetchall(), self.converters, connection)
        objects = []
        for row in rows:
            obj = self.model.from_db(alias, self.init_list, row[self.start : self.end])
            for populator in self.populators:
                populator.populate(row, obj)
            objects.append(obj)
        return objects


_kept_sql = Kept(max_entries=512)
_kept_instances = Kept(max_entries=512)


def instances_for(key, build: Callable, variables, values) -> list:
    """``list(build(*values))``, with the SQL compiled once per ``key``.

    ``build(*values)`` must return a queryset of model instances whose SQL depends on
    nothing but ``key`` and ``values`` (one per variable)."""
    compiled = _kept_instances.get(key, lambda: CompiledInstances.compile(build, variables))
    if compiled is None:
        return list(build(*values))
    return compiled.instances(*values)


def sql_for(key, build: Callable, variables, values) -> tuple[str, list]:
    """``build(*values)``'s SQL and parameters, compiled once per ``key``.

    ``build(*values)`` must return a queryset whose SQL depends on nothing but ``key`` and
    ``values`` (one per variable)."""
    compiled = _kept_sql.get(key, lambda: CompiledSQL.compile(build, variables))
    if compiled is None:
        sql, params, _alias = _sql(build(*values))
        return sql, list(params)
    return compiled.sql, compiled.params(*values)
