"""Page search (site search, API) on Wagtail's default backend, with the database backend as a
fallback when that backend is a search engine that does not answer.

    results, degraded = search_pages(pages, "coworking", language="en")

Wagtail's engine backends catch indexing errors but let searches raise; the database backend is
always kept up to date as well (WAGTAILSEARCH_BACKENDS, see cms/settings/base.py).
"""

import logging

from django.conf import settings
from wagtail.search.backends import get_search_backend

logger = logging.getLogger(__name__)


def searchable_words(text: str) -> str:
    """The words of ``text`` a backend can take: NUL bytes and double quotes dropped (SQLite's
    FTS5 backend wraps terms in quotes without escaping them), white space collapsed."""
    return " ".join(text.replace("\x00", " ").replace('"', " ").split())


def database_backend(language: str | None = None):
    """Wagtail's database search backend, analysing words as ``language`` does when it can
    (PostgreSQL's stemming, search/backends.py); without a language, in any language."""
    backend = get_search_backend(getattr(settings, "SEARCH_DATABASE_BACKEND", "default"))
    for_language = getattr(backend, "for_language", None)  # SQLite's FTS5 does not stem
    return for_language(language) if for_language is not None else backend


def search_pages(queryset, query: str, *, language: str | None = None, **options):
    """Wagtail search results for ``query`` among ``queryset`` (pages in ``language`` when
    given) and whether the fallback answered. The results are counted here, so that a failing
    engine is caught here and not while a template paginates them."""
    database_name = getattr(settings, "SEARCH_DATABASE_BACKEND", "default")
    if database_name != "default":
        backend = get_search_backend()
        try:
            results = backend.search(query, queryset, **options)
            results.count()
            return results, False
        except Exception as error:  # noqa: BLE001 (any engine failure: answer from the database)
            logger.warning(
                "Page search engine unavailable (%s): answering from the database", error
            )
    return database_backend(language).search(query, queryset, **options), (
        database_name != "default"
    )
