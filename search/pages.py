"""Page search (site search, API) on Wagtail's default backend, with the database backend as a
fallback when that backend is a search engine that does not answer.

    results, degraded = search_pages(pages, "coworking", language="en")

With an engine, Wagtail's default backend sits behind the circuit breaker
(search/engine_backend.py); the database backend is always kept up to date as well
(WAGTAILSEARCH_BACKENDS, see cms/settings/search.py).
"""

from django.conf import settings
from wagtail.search.backends import get_search_backend


def searchable_words(text: str) -> str:
    """The words of ``text`` a backend can take: control and other unprintable characters
    (PostgreSQL refuses NUL) and double quotes (SQLite's FTS5 backend wraps terms in quotes
    without escaping them) dropped, white space collapsed."""
    kept = "".join(c if c.isprintable() and c != '"' else " " for c in text)
    return " ".join(kept.split())


def database_backend(language: str | None = None):
    """Wagtail's database search backend, analysing words as ``language`` does when it can
    (PostgreSQL's stemming, search/backends.py); without a language, in any language."""
    backend = get_search_backend(getattr(settings, "SEARCH_DATABASE_BACKEND", "default"))
    for_language = getattr(backend, "for_language", None)  # SQLite's FTS5 does not stem
    return for_language(language) if for_language is not None else backend


def search_pages(queryset, query: str, *, language: str | None = None, **options):
    """Wagtail search results for ``query`` among ``queryset`` (pages in ``language`` when
    given) and whether the database answered instead of the engine (its circuit breaker open,
    or the engine failing now: search/engine_backend.py). The results are counted here, so
    that a failing engine is caught here and not while a template paginates them."""

    results = _results(queryset, query, language, options)
    if not hasattr(results, "degraded"):  # the database answers: nothing to catch
        return results, False
    results.count()
    return results, results.degraded


def _results(queryset, query: str, language: str | None, options):
    """Wagtail search results, through the engine's breaker when there is an engine."""

    def from_database():
        return database_backend(language).search(query, queryset, **options)

    search_or = getattr(get_search_backend(), "search_or", None)  # an engine, with a breaker
    if search_or is None:
        return from_database()
    return search_or(from_database, query, queryset, **options)


def count_pages_by(queryset, query: str, field: str, *, language: str | None = None, **options):
    """({value of ``field``: how many pages match}, degraded), in one search: the counts of
    every kind of page at once (``field`` the attribute of a FilterField, e.g.
    "content_type_id")."""
    results = _results(queryset, query, language, options)
    counts = results.facet(field)
    return dict(counts), getattr(results, "degraded", False)


def first_pages(
    queryset, query: str, start: int, stop: int, *, language: str | None = None, **options
):
    """(the matching pages from ``start`` to ``stop``, best first, degraded), read at once;
    no count."""
    window = _results(queryset, query, language, options)[start:stop]
    found = list(window)
    return found, getattr(window, "degraded", False)
