from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from cms.core.listing import paginate
from cms.core.queries import searchable_pages

MAX_QUERY_LENGTH = 200


def site_search(request):
    """Full-text search over the visible pages of the visitor's language."""
    query = request.GET.get("q", "").strip()
    message = None
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH]
        message = _("Your search was shortened to %(n)d characters.") % {"n": MAX_QUERY_LENGTH}
    query = query.replace("\x00", "")
    results = Page.objects.none()
    if query:
        pages = searchable_pages(Page.objects.filter(locale=Locale.get_active())).specific()
        results = pages.search(query)
    return render(
        request,
        "search/search.html",
        {"query": query, "results": paginate(request, results), "message": message},
    )
