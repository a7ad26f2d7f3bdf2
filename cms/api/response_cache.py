"""A cache of whole public API answers, looked up before any view code runs (a middleware).

Every public answer is the same for every client (the API never authenticates), so a 200 can
be reused for the same URL until the content changes. "The content changes" is read from the
change feed: the key holds the id of the newest ContentChange, so a publish, unpublish or
delete anywhere makes every cached answer stale at once, in every worker.

Staleness bound (cms.core.content_version): each process re-reads that id at most every
second, and at once after a change saved in the same process; a change made through another
process shows within that second. Changes the feed does not record (a renamed category, a new
image) show within the entry's lifetime, the max-age the answers already carry
(API_CACHE_MAX_AGE), which a shared cache in front could keep them anyway.

The page listings' Last-Modified reads the newest change's time with the same bound
(cms.core.content_version.latest_change_time()), instead of a query per request.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

from cms.core.base_url import base_url
from cms.core.content_version import content_version

HEADERS_NOT_KEPT = {"x-cache", "set-cookie"}


def _cache():
    alias = getattr(settings, "COFFEE_API_RESPONSE_CACHE", "")
    return caches[alias] if alias else None


def lookup(request):
    """The stored answer to this GET (a 304 when the client has it), or None.

    Sets ``request.api_cache_key`` for store()."""
    cache = _cache()
    if cache is None or request.method not in ("GET", "HEAD"):
        return None
    # Answers hold absolute URLs: one entry per scheme and host (cms.core.base_url).
    address = base_url(request) + request.get_full_path()
    path = hashlib.sha256(address.encode()).hexdigest()
    request.api_cache_key = key = f"coffee-api:{content_version()}:{path}"
    stored = cache.get(key)
    if stored is None:
        return None
    content, headers = stored
    response = HttpResponse(content, status=200)
    for name, value in headers:
        response[name] = value
    response["X-Cache"] = "hit"
    last_modified = response.get("Last-Modified")
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(last_modified) if last_modified else None,
        response=response,
    )


def store(request, response) -> None:
    cache = _cache()
    key = getattr(request, "api_cache_key", None)
    if cache is None or key is None or response.status_code != 200 or "X-Cache" in response:
        return
    if varies_per_client(response):
        return
    headers = [
        (name, value) for name, value in response.items() if name.lower() not in HEADERS_NOT_KEPT
    ]
    cache.set(key, (response.content, headers), settings.COFFEE_API_CACHE_MAX_AGE)
    response["X-Cache"] = "miss"


def varies_per_client(response) -> bool:
    cache_control = response.get("Cache-Control", "").lower()
    vary = response.get("Vary", "").lower()
    return (
        "private" in cache_control
        or "no-store" in cache_control
        or "cookie" in vary
        or "authorization" in vary
        or response.cookies
    )


class ResponseCacheMiddleware:
    """Answers a public API GET from the cache before its view runs, and keeps new answers.

    Only views that say their answers are shared (PublicAPIMixin.shares_answers) take part.
    A cached answer is still counted by the view's throttle; a refused client gets no cached
    answer, and the view answers the 429 (the request is not counted twice).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        store(request, response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        view_class = getattr(view_func, "cls", None)
        if not getattr(view_class, "shares_answers", False) or _cache() is None:
            return None
        for throttle_class in view_class.throttle_classes:
            throttle = throttle_class()
            if not throttle.allow_request(request, None):
                return None
        return lookup(request)
