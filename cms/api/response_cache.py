"""A cache of whole public API answers, looked up before the view runs.

Every public answer is the same for every client (the API never authenticates), so a 200 can
be reused for the same URL until the content changes. "The content changes" is read from the
change feed: the key holds the id of the newest ContentChange, so a publish, unpublish or
delete anywhere makes every cached answer stale at once, in every worker. Changes the feed does
not record (a renamed category, a new image) show within the TTL, which is the max-age the
answers already carry (API_CACHE_MAX_AGE): a shared cache in front could keep them as long.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse

from .models import ContentChange

HEADERS_KEPT = ("Content-Type", "Last-Modified")


def _cache():
    alias = getattr(settings, "COFFEE_API_RESPONSE_CACHE", "")
    return caches[alias] if alias else None


def _key(request) -> str:
    version = ContentChange.objects.order_by("-id").values_list("id", flat=True).first() or 0
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"coffee-api:{version}:{path}"


def lookup(request):
    """The stored answer to this GET, or None. Sets ``request.api_cache_key`` for store()."""
    cache = _cache()
    if cache is None or request.method not in ("GET", "HEAD"):
        return None
    request.api_cache_key = _key(request)
    stored = cache.get(request.api_cache_key)
    if stored is None:
        return None
    content, headers = stored
    response = HttpResponse(content, status=200)
    for name, value in headers.items():
        response[name] = value
    response["X-Cache"] = "hit"
    return response


def store(request, response) -> None:
    cache = _cache()
    key = getattr(request, "api_cache_key", None)
    if cache is None or key is None or response.status_code != 200 or "X-Cache" in response:
        return
    headers = {name: response[name] for name in HEADERS_KEPT if name in response}
    cache.set(key, (response.content, headers), settings.COFFEE_API_CACHE_MAX_AGE)
    response["X-Cache"] = "miss"
