"""Absolute URLs of a response, built once per request instead of once per object.

Wagtail computes each page's address with `reverse()` under the page's language and each
object's API address with another `reverse()`: about 60 of them for a list of 20 pages. Both
have the same shape for every object of a request, so the varying part (an id, a url_path) is
put into a prefix computed once. The results are the same strings Wagtail's page methods
build (tests/api/test_links.py compares them on every page of the test site), with the
scheme and host of the request served or PUBLIC_BASE_URL (cms.core.base_url), not the Site
record's.
"""

from urllib.parse import quote

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS
from wagtail.models import Site

from cms.core.base_url import base_url, site_root_url
from cms.core.http import django_request

_SENTINEL_PK = 987654321
_REVERSE_SAFE = RFC3986_SUBDELIMS + "/~:@"


class Links:
    def __init__(self, request, router=None):
        self.request = django_request(request)
        self.router = router
        self.site = find_site(self.request)
        self.base_url = base_url(self.request)
        self._detail_prefixes = {}
        self._language_prefixes = {}
        self._page_urls = {}
        self._root_urls = {}
        self._root_paths = None

    def full(self, path: str | None) -> str | None:
        if not path:
            return path
        if path.startswith(("http://", "https://")):
            return path
        return self.base_url + path

    def detail_url(self, model, pk) -> str | None:
        """What wagtail.api.v2.utils.get_object_detail_url answers, without reverse() per object."""
        if self.router is None:
            return None
        if model not in self._detail_prefixes:
            path = self.router.get_object_detail_urlpath(model, _SENTINEL_PK)
            marker = f"/{_SENTINEL_PK}/"
            if path and path.endswith(marker) and path.count(str(_SENTINEL_PK)) == 1:
                self._detail_prefixes[model] = (self.full(path[: -len(marker) + 1]), "/")
            else:
                self._detail_prefixes[model] = None
        prefix = self._detail_prefixes[model]
        if prefix is None:
            path = self.router.get_object_detail_urlpath(model, pk)
            return self.full(path) if path else None
        return f"{prefix[0]}{pk}{prefix[1]}"

    def reverse_pk(self, name: str, pk) -> str:
        """get_full_url(request, reverse(name, args=[pk])), reverse() once per request."""
        key = ("name", name)
        if key not in self._detail_prefixes:
            path = self.full(reverse(name, args=[_SENTINEL_PK]))
            self._detail_prefixes[key] = path.rsplit(str(_SENTINEL_PK), 1)
        prefix, suffix = self._detail_prefixes[key]
        return f"{prefix}{pk}{suffix}"

    def site_root_paths(self):
        if self._root_paths is None:
            self._root_paths = Site.get_site_root_paths()
        return self._root_paths

    def _language_prefix(self, language_code):
        """reverse("wagtail_serve", args=("",)) under that language: "/nl/"."""
        if language_code not in self._language_prefixes:
            try:
                with translation.override(language_code):
                    self._language_prefixes[language_code] = reverse("wagtail_serve", args=("",))
            except NoReverseMatch:
                self._language_prefixes[language_code] = None
        return self._language_prefixes[language_code]

    def page_url(self, url_path: str) -> str | None:
        """Page.get_full_url(request) from the page's url_path (Wagtail's get_url_parts)."""
        # A listed page's address shows again in the translations of the other listed pages.
        try:
            return self._page_urls[url_path]
        except KeyError:
            url = self._page_urls[url_path] = self._page_url(url_path)
            return url

    def _page_url(self, url_path: str) -> str | None:
        possible = [root for root in self.site_root_paths() if url_path.startswith(root.root_path)]
        if not possible:
            return None
        site_id, root_path, root_url, language_code = possible[0]
        if len({root.site_id for root in possible}) > 1:
            for root in possible:
                if self.site is not None and root.site_id == self.site.pk:
                    site_id, root_path, root_url, language_code = root
                    break
        if site_id not in self._root_urls:
            self._root_urls[site_id] = site_root_url(site_id, root_url, self.request)
        root_url = self._root_urls[site_id]
        prefix = self._language_prefix(language_code)
        if prefix is None:
            return None
        page_path = prefix + quote(url_path[len(root_path) :], safe=_REVERSE_SAFE)
        if page_path.startswith("//"):
            page_path = "/%2F" + page_path[2:]
        if not getattr(settings, "WAGTAIL_APPEND_SLASH", True) and page_path != "/":
            page_path = page_path.rstrip("/")
        return root_url + page_path


def find_site(request):
    """The Site serving this request (Wagtail keeps it on the request once found)."""
    return Site.find_for_request(django_request(request))


def get_links(context_or_request) -> Links:
    """One Links per request (kept on Django's HttpRequest)."""
    holder = context_or_request
    router = None
    if isinstance(holder, dict):
        router = holder.get("router")
        holder = holder.get("request")
    holder = django_request(holder)
    links = getattr(holder, "coffee_links", None)
    if links is None or (router is not None and links.router is None):
        if router is None:
            router = getattr(holder, "wagtailapi_router", None)
        links = Links(holder, router)
        holder.coffee_links = links
    return links
