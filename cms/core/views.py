from django.contrib.sitemaps.views import sitemap
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _

from search import misses, site
from search.pages import searchable_words

from .listing import paginate

MAX_QUERY_LENGTH = 200
GROUP_LIMIT = 5  # hits of each kind on the first page of results
KIND_PAGE_SIZE = 10  # hits per page of one kind
SUGGESTIONS, MAX_SUGGESTIONS = 8, 20


def sitemap_xml(request, sitemaps):
    """Django's sitemap view over ``sitemaps`` (name -> Sitemap class, see cms/urls.py), each
    built with the request: Wagtail finds the site and the pages' URLs from it."""
    return sitemap(request, sitemaps={name: cls(request) for name, cls in sitemaps.items()})


def clean_query(raw: str) -> tuple[str, str | None]:
    """The words to search for, and a message when they had to be shortened or were no
    words at all ("*", "-", control characters: not a search for everything)."""
    query = searchable_words(raw)
    if raw and not any(character.isalnum() for character in query):
        return "", _("Type a word to search for: letters or digits.")
    if len(query) > MAX_QUERY_LENGTH:
        message = _("Your search was shortened to %(n)d characters.") % {"n": MAX_QUERY_LENGTH}
        return query[:MAX_QUERY_LENGTH], message
    return query, None


class LazyHits:
    """One kind's hits for Django's paginator: counted already, a page fetched on demand."""

    def __init__(self, total: int, fetch):
        self.total, self.fetch = total, fetch

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, window: slice) -> list:
        return self.fetch(window.start, window.stop - window.start)


def did_you_mean(query: str, language: str) -> str:
    """A likely spelling of ``query`` from the site's titles, names and terms, when it finds
    something; else ""."""
    corrected = site.did_you_mean(query, language)
    if corrected and site.finds_anything(corrected, language):
        return corrected
    return ""


def site_search(request):
    """One search box for everything: every kind (pages, events, studies, people, companies,
    project ideas) with its count and first hits, or one kind page by page (?kind=)."""
    query, message = clean_query(request.GET.get("q", ""))
    language = translation.get_language()
    kind = request.GET.get("kind", "")
    source = site.get(kind) if kind else None
    status = 200
    if kind and source is None:
        message, kind, status = _("There is no such kind of result: all are shown."), "", 400
    context = {"query": query, "message": message, "kind": kind, "groups": [], "total": 0}
    if query:
        with site.one_search():  # the kinds share what they read (one query, not one per kind)
            context.update(search_context(request, query, language, kind, source))
    return render(request, "search/search.html", context, status=status)


def search_context(request, query: str, language: str, kind: str, source) -> dict:
    """The groups, and the one kind's page of hits when ``source`` is given."""
    context = {}
    groups = site.search_everywhere(query, language, GROUP_LIMIT)
    context["groups"] = groups
    context["total"] = sum(group.total for group in groups)
    context["degraded"] = any(group.degraded for group in groups)
    if source is not None:
        group = next(group for group in groups if group.kind == kind)

        def fetch(offset, limit):
            return site.search_in(source, query, language, offset, limit).hits

        context["group"] = group
        context["results"] = paginate(request, LazyHits(group.total, fetch), KIND_PAGE_SIZE)
    if not context["total"]:
        misses.record(query, language)  # the words only: nothing about the visitor
        context["did_you_mean"] = did_you_mean(query, language)
    return context


def json_error(status: int, code: str, message: str, parameter: str) -> JsonResponse:
    """An error in the API's shape (cms/api/errors.py), naming the parameter at fault."""
    body = {"status": status, "code": code, "parameter": parameter, "message": message}
    return JsonResponse({"error": body}, status=status)


def site_suggest(request):
    """Suggestions as you type (site/static/search/suggest.js): titles, names and skills
    starting with ``q``, in the visitor's language, as JSON."""
    raw = request.GET.get("q", "")
    if "\x00" in raw:
        return json_error(400, "invalid_parameter", "q has a control character.", "q")
    if len(raw) > MAX_QUERY_LENGTH:
        message = f"q is longer than {MAX_QUERY_LENGTH} characters."
        return json_error(400, "invalid_parameter", message, "q")
    query = searchable_words(raw)
    try:
        limit = int(request.GET.get("limit", SUGGESTIONS))
    except ValueError:
        return json_error(400, "invalid_parameter", "limit must be a whole number.", "limit")
    if not 1 <= limit <= MAX_SUGGESTIONS:
        message = f"limit must be between 1 and {MAX_SUGGESTIONS}."
        return json_error(400, "invalid_parameter", message, "limit")
    language = translation.get_language()
    found = site.suggestions(query, language, limit) if len(query) >= 2 else []
    labels = {source.kind: str(source.label()) for source in site.sources()}
    response = JsonResponse(
        {
            "query": query,
            "suggestions": [
                {
                    "label": known.label,
                    "url": known.url or None,
                    "kind": kind,
                    "group": labels[kind],
                }
                for kind, known in found
            ],
        }
    )
    patch_cache_control(response, public=True, max_age=60)
    patch_vary_headers(response, ["Accept-Language"])
    return response


def server_error(request):
    """The 500 page, in the language of the URL the visitor asked for."""
    language = translation.get_language_from_path(request.path_info) or translation.get_language()
    with translation.override(language):
        return render(request, "500.html", {"LANGUAGE_CODE": language}, status=500)
