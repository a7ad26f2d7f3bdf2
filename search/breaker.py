"""A circuit breaker per search-engine URL, shared by every worker process.

Every call to the engine (searches, index updates, rebuild steps) goes through ``guarded``:

    answer = guarded(url, client.search, index=..., body=..., outage=is_outage)

- closed: calls go through; each failure or timeout (``outage(error)`` true) is counted, a
  success clears the count;
- open, after SEARCH_BREAKER_FAILURES failures in a row: calls fail at once with
  ``EngineUnavailable`` (callers answer from the database, or queue the index update) for
  SEARCH_BREAKER_RESET_SECONDS;
- then one call, in one process, probes the engine (an atomic ``cache.add``): its success closes
  the breaker, its failure
  opens it for another period. The first success after a failure sends ``engine_recovered``
  (the index updates queued meanwhile are replayed).

The state (failures, opened at) lives in the SEARCH_BREAKER_CACHE cache alias: with the
database or Redis cache, every process sees a breaker another one opened.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.dispatch import Signal

from search.engines.base import EngineUnavailable

logger = logging.getLogger(__name__)

#: sent (sender=Breaker, url=...) when a probe finds the engine back
engine_recovered = Signal()


class BreakerOpen(EngineUnavailable):
    """The breaker is open: the engine was not called."""


def _cache():
    return caches[getattr(settings, "SEARCH_BREAKER_CACHE", "default")]


class Breaker:
    def __init__(self, url: str):
        self.url = url
        digest = hashlib.sha256(url.encode()).hexdigest()[:16]
        self.key = f"search-breaker:{digest}"
        self.probe_key = f"{self.key}:probe"
        self.threshold = max(1, int(getattr(settings, "SEARCH_BREAKER_FAILURES", 3)))
        self.reset_seconds = float(getattr(settings, "SEARCH_BREAKER_RESET_SECONDS", 30))

    # -- state -----------------------------------------------------------------------------
    def state(self) -> dict:
        return _cache().get(self.key) or {"failures": 0, "opened_at": None}

    def is_open(self) -> bool:
        """Open and not yet due for a probe."""
        opened_at = self.state()["opened_at"]
        return opened_at is not None and time.time() - opened_at < self.reset_seconds

    def allow(self) -> bool:
        """Whether this call may go to the engine (closed, or the one probe of a due breaker)."""
        opened_at = self.state()["opened_at"]
        if opened_at is None:
            return True
        if time.time() - opened_at < self.reset_seconds:
            return False
        # One probe per period, whichever process asks first.
        return _cache().add(self.probe_key, time.time(), timeout=max(1, int(self.reset_seconds)))

    def success(self) -> None:
        state = self.state()
        if not state["failures"] and state["opened_at"] is None:
            return
        cache = _cache()
        cache.delete(self.key)
        cache.delete(self.probe_key)
        logger.warning("Search engine at %s answers again", self.url)
        # Updates may have been queued since the first failure, open or not.
        engine_recovered.send(sender=Breaker, url=self.url)

    def failure(self, error) -> None:
        state = self.state()
        failures = state["failures"] + 1
        opened_at = state["opened_at"]
        if failures >= self.threshold:
            if opened_at is None:
                logger.warning(
                    "Search engine at %s failed %d times (%s): breaker open for %s s",
                    self.url,
                    failures,
                    error,
                    self.reset_seconds,
                )
            opened_at = time.time()  # a failed probe opens it for another period
        cache = _cache()
        cache.set(self.key, {"failures": failures, "opened_at": opened_at}, timeout=None)
        cache.delete(self.probe_key)

    def reset(self) -> None:
        """Closed, with no failure counted (tests, after an operator fixed the engine)."""
        cache = _cache()
        cache.delete(self.key)
        cache.delete(self.probe_key)


def guarded(url: str, operation, *args, outage=lambda error: True, **kwargs):
    """``operation(*args, **kwargs)`` through the breaker of ``url``. Raises BreakerOpen when
    open; an exception for which ``outage(error)`` is true counts as a failure (and is
    re-raised); any answer, or another exception (the engine answered: 404, 400), closes it."""
    breaker = Breaker(url)
    if not breaker.allow():
        raise BreakerOpen(f"search engine at {url}: circuit breaker open")
    try:
        result = operation(*args, **kwargs)
    except Exception as error:
        if outage(error):
            breaker.failure(error)
        else:
            breaker.success()
        raise
    breaker.success()
    return result
