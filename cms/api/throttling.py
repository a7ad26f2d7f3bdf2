"""Per-client throttling for the public API, counted in the database, shared by every worker.

A fixed window per client (COFFEE_API_THROTTLE_RATE, e.g. "300/min", read at request time so
tests can change it); Retry-After is the time left in the window, and a client can send up to
twice the rate across a window boundary. The client is the connecting address: X-Forwarded-For
is only trusted for COFFEE_API_NUM_PROXIES proxies.

The shared count is one row per client, updated by a single upsert that returns the new total.
Writing it on every request would make every answer, even one from the response cache, wait for
a database write, so each process adds its requests to the row in batches: it writes when its
view of the total is more than SYNC_EVERY seconds old, or when that view plus its own unwritten
requests reaches the limit (so every refusal is decided on a fresh total). A client refused in
a window is refused locally until the window ends. Bound: a client can go over the limit by the
requests other worker processes accepted in the last SYNC_EVERY seconds and had not yet written.
"""

import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from rest_framework.throttling import AnonRateThrottle

from .models import ThrottleWindow

#: Seconds a process may use its last view of a client's total before writing its own count.
SYNC_EVERY = 1.0
#: Rows of clients idle for longer than this are deleted, at most once per process per hour.
CLEANUP_EVERY = 3600
_last_cleanup = time.monotonic()


@dataclass
class _Client:
    window_start: int
    total: int = 0  # the shared total, as last read
    unwritten: int = 0  # this process's requests not yet added to it
    synced_at: float = 0.0


_clients: dict[str, _Client] = {}
_lock = threading.Lock()


def _upsert_sql() -> str:
    table = connection.ops.quote_name(ThrottleWindow._meta.db_table)
    # Only the table name is interpolated (quoted); the values are parameters.
    return (
        f"INSERT INTO {table} (client, window_start, hits) VALUES (%s, %s, %s) "  # noqa: S608
        f"ON CONFLICT (client) DO UPDATE SET "
        f"hits = CASE WHEN {table}.window_start = excluded.window_start "
        f"THEN {table}.hits + excluded.hits ELSE excluded.hits END, "
        f"window_start = excluded.window_start "
        f"RETURNING hits"
    )


def add_requests(client: str, window_start: int, count: int) -> int:
    """Add `count` requests of `client` to the window starting at `window_start`: the new total."""
    with connection.cursor() as cursor:
        cursor.execute(_upsert_sql(), [client[:100], window_start, count])
        return cursor.fetchone()[0]


def count_request(client: str, window_start: int, limit: int, now: float) -> int:
    """Count one request; the client's total in this window as far as this process knows."""
    with _lock:
        state = _clients.get(client)
        if state is None or state.window_start != window_start:
            if len(_clients) > 10_000:
                _forget_old_windows(window_start)
            state = _clients[client] = _Client(window_start)
        state.unwritten += 1
        estimate = state.total + state.unwritten
        if state.total > limit or (estimate <= limit and now - state.synced_at < SYNC_EVERY):
            return estimate
        unwritten, state.unwritten = state.unwritten, 0
    total = add_requests(client, window_start, unwritten)
    with _lock:
        state.total, state.synced_at = total, now
        return total + state.unwritten


def _forget_old_windows(window_start):
    for client in [key for key, state in _clients.items() if state.window_start != window_start]:
        del _clients[client]


def reset() -> None:
    """Forget this process's unwritten counts (tests)."""
    with _lock:
        _clients.clear()


def delete_idle_clients(before: int) -> None:
    global _last_cleanup
    _last_cleanup = time.monotonic()
    ThrottleWindow.objects.filter(window_start__lt=before).delete()


class PublicApiThrottle(AnonRateThrottle):
    scope = "coffee_api"

    def __init__(self):
        # Do not read DRF's DEFAULT_THROTTLE_RATES: the rate is ours.
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)

    def get_rate(self):
        return getattr(settings, "COFFEE_API_THROTTLE_RATE", "300/min") or None

    def allow_request(self, request, view):
        # Always throttle: the public API never authenticates, so no user is exempt.
        if self.rate is None:
            return True
        now = self.timer()
        self.window_end = (int(now) // self.duration + 1) * self.duration
        self.now = now
        # A request already counted (before the response cache was looked up) is not recounted.
        hits = getattr(request, "_coffee_throttle_hits", None)
        if hits is None:
            window_start = self.window_end - self.duration
            hits = count_request(self.get_ident(request), window_start, self.num_requests, now)
            getattr(request, "_request", request)._coffee_throttle_hits = hits
        if time.monotonic() - _last_cleanup > CLEANUP_EVERY:
            delete_idle_clients(before=self.window_end - 2 * self.duration)
        return hits <= self.num_requests

    def wait(self):
        return max(1, round(self.window_end - self.now))

    def get_ident(self, request):
        remote_addr = request.META.get("REMOTE_ADDR", "")
        num_proxies = getattr(settings, "COFFEE_API_NUM_PROXIES", 0)
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR")
        if num_proxies and forwarded:
            addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
            if addresses:
                return addresses[-min(num_proxies, len(addresses))]
        return remote_addr
