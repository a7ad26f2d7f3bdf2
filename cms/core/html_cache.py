"""Whole HTML pages for anonymous visitors, kept until the content changes (a middleware).

A page served by Wagtail to a visitor without a session is the same for every such visitor, so
its HTML can be reused for the same address until the content changes. "The content changes" is
read from the change feed (cms.core.content_version): the key holds the id of the newest change,
so a publish, unpublish, edit, move, view-restriction change, expiry (``publish_scheduled``
unpublishes) or the edit of a snippet shown on the page (navigation, categories) retires every
kept page at once, in every worker, within the version's one-second bound.

Never kept, never answered from the cache:
- a request with a session cookie (an editor, anyone logged in) or an Authorization header;
- anything but a GET; an answer other than a 200 text/html page served by Wagtail;
- a page with a view restriction (password, login, groups): Wagtail answers its form with 200;
- an answer that sets a cookie or that rendered a CSRF token (a page with a POST form);
- beyond HTML_CACHE_SECONDS, nor beyond the next scheduled expiry of a live page (its listings
  drop the page at that time, before ``publish_scheduled`` runs).

Headers: a page that may be shared says ``Cache-Control: public, max-age=HTML_CACHE_MAX_AGE``
and ``Vary: Cookie`` (an editor's copy differs); any other page Wagtail serves says
``Cache-Control: private, no-cache``, so that no shared cache in front keeps it.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.db.models import Min
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.models import Page

from cms.core.base_url import base_url
from cms.core.content_version import content_version
from cms.core.visibility import page_is_visible

#: Set on the request by the before_serve_page hook (cms.core.wagtail_hooks).
SERVED_PAGE = "coffee_served_page"
HEADERS_NOT_KEPT = {"x-cache", "set-cookie"}


def _cache():
    alias = getattr(settings, "HTML_CACHE", "")
    return caches[alias] if alias else None


def mark_served_page(page, request) -> None:
    """Remember which page Wagtail is serving (the middleware decides on its way out)."""
    setattr(request, SERVED_PAGE, page)


def is_anonymous_get(request) -> bool:
    """A GET from a visitor without a session or credentials: the only requests sharing pages."""
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def may_share(request, response) -> bool:
    """Whether this answer to this request is the same for every anonymous visitor."""
    page = getattr(request, SERVED_PAGE, None)
    return (
        page is not None
        and is_anonymous_get(request)
        and response.status_code == 200
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
        and page_is_visible(page, request)
    )


def cache_key(request) -> str:
    address = base_url(request) + request.get_full_path()
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"coffee-html:{content_version()}:{digest}"


def lifetime() -> int:
    """HTML_CACHE_SECONDS, cut short at the next scheduled expiry of a live page."""
    seconds = settings.HTML_CACHE_SECONDS
    next_expiry = Page.objects.filter(live=True, expire_at__gt=timezone.now()).aggregate(
        at=Min("expire_at")
    )["at"]
    if next_expiry is not None:
        seconds = min(seconds, int((next_expiry - timezone.now()).total_seconds()))
    return max(seconds, 0)


def lookup(request):
    """The kept answer to this request, or None."""
    cache = _cache()
    if cache is None or not is_anonymous_get(request):
        return None
    request.coffee_html_key = key = cache_key(request)
    stored = cache.get(key)
    if stored is None:
        return None
    content, headers = stored
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    response["X-Cache"] = "hit"
    return response


def store(request, response) -> None:
    cache = _cache()
    key = getattr(request, "coffee_html_key", None)
    if cache is None or key is None:
        return
    seconds = lifetime()
    if seconds <= 0:
        return
    headers = [
        (name, value) for name, value in response.items() if name.lower() not in HEADERS_NOT_KEPT
    ]
    cache.set(key, (response.content, headers), seconds)
    response["X-Cache"] = "miss"


class HtmlCacheMiddleware:
    """Answers an anonymous GET of a page from the cache, and keeps new shareable pages.

    Placed before the session, CSRF and authentication middleware: a hit costs no session,
    user or page lookup; on the way out it sees the cookies those set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cached = lookup(request)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if getattr(request, SERVED_PAGE, None) is None:
            return response
        if may_share(request, response):
            patch_cache_control(response, public=True, max_age=settings.HTML_CACHE_MAX_AGE)
            patch_vary_headers(response, ["Cookie"])
            store(request, response)
        else:
            patch_cache_control(response, private=True, no_cache=True)
        return response
