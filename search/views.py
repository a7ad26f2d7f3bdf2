from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from cms.core.listing import paginate
from cms.core.queries import searchable_pages

from .pages import search_pages, searchable_words

MAX_QUERY_LENGTH = 200


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
