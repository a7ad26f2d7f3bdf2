"""Querysets compiled into SQL once per process, their time-dependent values bound per use.

Building a queryset and compiling it into SQL can cost more CPU than running it. When the
SQL of ``build(now)`` depends only on a key the caller can compute cheaply (the locale, the
filters...) and on the time, the first use compiles it twice with two stand-in times, which
shows where the time goes in the parameters and that nothing else moves; later uses bind
their own time there. If anything else differs between the two compilations (a value read
from the clock or the database while building), nothing is kept and every use compiles.

Entries never need invalidating: the key holds everything else the SQL depends on. At most
MAX_ENTRIES are kept, the least recently used dropped first.
"""

import datetime
from collections import OrderedDict
from collections.abc import Callable

from django.db import connections

MAX_ENTRIES = 512

STAND_INS = (
    datetime.datetime(2000, 1, 1, 0, 0, 0, 271828, tzinfo=datetime.UTC),
    datetime.datetime(2000, 1, 2, 0, 0, 0, 314159, tzinfo=datetime.UTC),
)

_compiled: OrderedDict = OrderedDict()
_UNCACHEABLE = object()
_NOW = object()  # marks the parameters that receive the time


def _sql(queryset) -> tuple[str, tuple, str]:
    sql, params = queryset.query.get_compiler(queryset.db).as_sql()
    return sql, tuple(params), queryset.db


class CompiledSQL:
    def __init__(self, sql: str, slots: tuple, alias: str):
        self.sql, self.slots, self.alias = sql, slots, alias

    @classmethod
    def compile(cls, build: Callable) -> "CompiledSQL | None":
        (sql, params, alias), (other_sql, other_params, other_alias) = (
            _sql(build(stand_in)) for stand_in in STAND_INS
        )
        if sql != other_sql or alias != other_alias or len(params) != len(other_params):
            return None
        adapt = connections[alias].ops.adapt_datetimefield_value
        times = tuple(adapt(stand_in) for stand_in in STAND_INS)
        slots = []
        for one, other in zip(params, other_params, strict=True):
            if one == other:
                slots.append(one)
            elif (one, other) == times:
                slots.append(_NOW)
            else:
                return None
        return cls(sql, tuple(slots), alias)

    def params(self, now: datetime.datetime) -> list:
        adapted = connections[self.alias].ops.adapt_datetimefield_value(now)
        return [adapted if slot is _NOW else slot for slot in self.slots]


def sql_for(key, build: Callable, now: datetime.datetime) -> tuple[str, list]:
    """``build(now)``'s SQL and parameters, compiled once per ``key``.

    ``build(time)`` must return a queryset whose SQL depends on nothing but ``key`` and
    ``time``."""
    compiled = _compiled.get(key)
    if compiled is None:
        compiled = CompiledSQL.compile(build) or _UNCACHEABLE
        _compiled[key] = compiled
        while len(_compiled) > MAX_ENTRIES:
            _compiled.popitem(last=False)
    else:
        _compiled.move_to_end(key)
    if compiled is _UNCACHEABLE:
        sql, params, _alias = _sql(build(now))
        return sql, list(params)
    return compiled.sql, compiled.params(now)
