"""/api/v2/search/: pages and directory records matching a query, grouped by kind."""

from django.conf import settings
from wagtail.models import Page

from cms.core.visibility import visible_pages
from search.pages import search_pages

from . import params
from .directory import directory_hits
from .errors import InvalidParameter
from .links import get_links
from .locale import requested_locale

DEFAULT_LIMIT = 10
MAX_LIMIT = 50


def page_hits(request, text, locale, limit):
    pages = visible_pages(Page.objects.all(), request)
    if locale is not None:
        pages = pages.filter(locale=locale)
    searchable = Page.objects.filter(pk__in=pages.values("pk"))
    language = locale.language_code if locale is not None else None
    results, degraded = search_pages(searchable, text, operator="and", language=language)
    total = results.count()
    items = []
    links = get_links(request)
    hits = list(results[:limit])
    specific_classes = {page.pk: page.specific_class for page in hits}
    locales = dict(
        Page.objects.filter(pk__in=[page.pk for page in hits]).values_list(
            "pk", "locale__language_code"
        )
    )
    for page in hits:
        model = specific_classes[page.pk]
        items.append(
            {
                "id": page.pk,
                "type": f"{model._meta.app_label}.{model.__name__}" if model else None,
                "title": page.title,
                "locale": locales.get(page.pk),
                "summary": page.search_description or None,
                "detail_url": links.reverse_pk("coffee_api:pages:detail", page.pk),
                "html_url": links.page_url(page.url_path),
            }
        )
    engine = "database" if degraded else settings.SEARCH_ENGINE
    return {"total": total, "engine": engine, "degraded": degraded, "items": items}


def site_search(request):
    query_params = request.query_params
    if not query_params.get("q", "").strip():
        raise InvalidParameter("q", "q is required: the words to search for.")
    text = params.parse_search(query_params["q"], "q")
    if not text:
        raise InvalidParameter("q", "q has no words to search for.")
    locale = requested_locale(request)
    limit = params.get_int(query_params, "limit", DEFAULT_LIMIT, minimum=1, maximum=MAX_LIMIT)
    results = {"pages": page_hits(request, text, locale, limit)}
    results.update(directory_hits(request, text, locale, limit))
    return {
        "query": text,
        "locale": locale.language_code if locale else None,
        "results": results,
    }
