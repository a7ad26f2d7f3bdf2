from django.contrib.sitemaps.views import sitemap
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from search.pages import search_pages, searchable_words

from .listing import paginate
from .queries import searchable_pages

MAX_QUERY_LENGTH = 200


def sitemap_xml(request, sitemaps):
    """Django's sitemap view over ``sitemaps`` (name -> Sitemap class, see cms/urls.py), each
    built with the request: Wagtail finds the site and the pages' URLs from it."""
    return sitemap(request, sitemaps={name: cls(request) for name, cls in sitemaps.items()})


def clean_query(raw: str) -> tuple[str, str | None]:
    """The words to search for, and a message when they had to be shortened."""
    query = searchable_words(raw)
    if len(query) > MAX_QUERY_LENGTH:
        message = _("Your search was shortened to %(n)d characters.") % {"n": MAX_QUERY_LENGTH}
        return query[:MAX_QUERY_LENGTH], message
    return query, None


def site_search(request):
    """Full-text search over the visible pages of the visitor's language."""
    query, message = clean_query(request.GET.get("q", ""))
    results = Page.objects.none()
    if query:
        locale = Locale.get_active()
        pages = searchable_pages(Page.objects.filter(locale=locale)).specific()
        results, _degraded = search_pages(pages, query, language=locale.language_code)
    return render(
        request,
        "search/search.html",
        {"query": query, "results": paginate(request, results), "message": message},
    )


def server_error(request):
    """The 500 page, in the language of the URL the visitor asked for."""
    language = translation.get_language_from_path(request.path_info) or translation.get_language()
    with translation.override(language):
        return render(request, "500.html", {"LANGUAGE_CODE": language}, status=500)
