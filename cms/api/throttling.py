"""Per-client throttling of the public API: DRF's SimpleRateThrottle over the shared cache.

A fixed window per client (COFFEE_API_THROTTLE_RATE, e.g. "300/min", read at request time so
tests can change it); Retry-After is the time left in the window, and a client can send up to
twice the rate across a window boundary. The client is cms.core.client_ip.client_ip (the
connecting address, or X-Forwarded-For behind TRUSTED_PROXIES).

A client's count in a window is one entry of the cache COFFEE_API_THROTTLE_CACHE ("default":
the database table every process of the machine shares, or Redis with CACHE_URL, shared by
every server), added to with cache.add() and cache.incr(). Writing it on every request would
make every answer, even one from the response cache, wait for a cache write, so each process
adds its requests in batches: it writes when its view of the total is more than SYNC_EVERY
seconds old, or when that view plus its own unwritten requests reaches the limit (so every
refusal is decided on a fresh total). A client refused in a window is refused locally until
the window ends. Bound: a client can go over the limit by the requests other processes accepted
in the last SYNC_EVERY seconds and had not yet written (and, on the database cache, whose
incr() is a read then a write, by increments two processes wrote at the same instant).
"""

import threading
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from rest_framework.throttling import SimpleRateThrottle

from cms.core.client_ip import client_ip
from cms.core.http import django_request

#: Seconds a process may use its last view of a client's total before writing its own count.
SYNC_EVERY = 1.0
KEY_PREFIX = "coffee-throttle"


@dataclass
class _Client:
    window_start: int
    total: int = 0  # the shared total, as last read
    unwritten: int = 0  # this process's requests not yet added to it
    synced_at: float = float("-inf")


_clients: dict[str, _Client] = {}
_lock = threading.Lock()


def shared_cache():
    return caches[settings.COFFEE_API_THROTTLE_CACHE]


def window_key(client: str, window_start: int) -> str:
    return f"{KEY_PREFIX}:{window_start}:{client[:100]}"


def add_requests(client: str, window_start: int, count: int, duration: int = 60) -> int:
    """Add `count` requests of `client` to the window starting at `window_start`: the new total."""
    cache, key = shared_cache(), window_key(client, window_start)
    if cache.add(key, count, timeout=2 * duration):
        return count
    try:
        return cache.incr(key, count)
    except ValueError:  # the entry expired between add() and incr()
        cache.set(key, count, timeout=2 * duration)
        return count


def count_request(client: str, window_start: int, limit: int, now: float, duration: int) -> int:
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
    total = add_requests(client, window_start, unwritten, duration)
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


class PublicApiThrottle(SimpleRateThrottle):
    """Every client, anonymous by construction (the public API never authenticates)."""

    scope = "coffee_api"

    def __init__(self):
        # Not DRF's DEFAULT_THROTTLE_RATES: the rate is ours, read at request time.
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)

    def get_rate(self):
        return getattr(settings, "COFFEE_API_THROTTLE_RATE", "300/min") or None

    def get_cache_key(self, request, view):
        return self.get_ident(request)

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        now = self.timer()
        self.window_end = (int(now) // self.duration + 1) * self.duration
        self.now = now
        # A request already counted (before the response cache was looked up) is not recounted.
        holder = django_request(request)
        hits = getattr(holder, "coffee_throttle_hits", None)
        if hits is None:
            client = self.get_cache_key(request, view)
            window_start = self.window_end - self.duration
            hits = count_request(client, window_start, self.num_requests, now, self.duration)
            holder.coffee_throttle_hits = hits
        return hits <= self.num_requests

    def wait(self):
        return max(1, round(self.window_end - self.now))

    def get_ident(self, request):
        return client_ip(request)
