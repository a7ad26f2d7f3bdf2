"""Per-client throttling for the public API, counted in a cache shared by every worker process.

The rate (COFFEE_API_THROTTLE_RATE, e.g. "300/min") and the cache alias
(COFFEE_API_THROTTLE_CACHE, the database cache by default) are read at request time, so tests
can change them with override_settings. The client is the connecting address: X-Forwarded-For
is only trusted for COFFEE_API_NUM_PROXIES proxies in front of the site.
"""

from django.conf import settings
from django.core.cache import caches
from rest_framework.throttling import AnonRateThrottle


class PublicApiThrottle(AnonRateThrottle):
    scope = "coffee_api"

    def __init__(self):
        # Do not read DRF's DEFAULT_THROTTLE_RATES: the rate is ours.
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)

    @property
    def cache(self):
        return caches[getattr(settings, "COFFEE_API_THROTTLE_CACHE", "default")]

    def get_rate(self):
        return getattr(settings, "COFFEE_API_THROTTLE_RATE", "300/min") or None

    def allow_request(self, request, view):
        # Always throttle: the public API never authenticates, so no user is exempt.
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        self.history = self.cache.get(self.key, [])
        self.now = self.timer()
        while self.history and self.history[-1] <= self.now - self.duration:
            self.history.pop()
        if len(self.history) >= self.num_requests:
            return self.throttle_failure()
        return self.throttle_success()

    def get_ident(self, request):
        remote_addr = request.META.get("REMOTE_ADDR", "")
        num_proxies = getattr(settings, "COFFEE_API_NUM_PROXIES", 0)
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR")
        if num_proxies and forwarded:
            addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
            if addresses:
                return addresses[-min(num_proxies, len(addresses))]
        return remote_addr
