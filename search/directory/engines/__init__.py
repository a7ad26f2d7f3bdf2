"""Directory search engines, chosen by the SEARCH_ENGINE setting ("database" by default).

An engine is registered by dotted path; views, templates and the API never ask which one runs.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from .base import DirectoryEngine, EngineResponse, EngineUnavailable, SearchPlan

ENGINES = {
    "database": "search.directory.engines.database.DatabaseEngine",
    "opensearch": "search.directory.engines.opensearch.OpenSearchEngine",
    "elasticsearch": "search.directory.engines.elasticsearch.ElasticsearchEngine",
}
DEFAULT_ENGINE = "database"


def get_engine(name: str | None = None) -> DirectoryEngine:
    name = name or getattr(settings, "SEARCH_ENGINE", DEFAULT_ENGINE) or DEFAULT_ENGINE
    try:
        path = ENGINES[name]
    except KeyError as error:
        raise ImproperlyConfigured(
            f"SEARCH_ENGINE={name!r} is not one of {', '.join(sorted(ENGINES))}."
        ) from error
    return import_string(path)()


def get_fallback_engine() -> DirectoryEngine:
    return get_engine(DEFAULT_ENGINE)


__all__ = [
    "ENGINES",
    "DirectoryEngine",
    "EngineResponse",
    "EngineUnavailable",
    "SearchPlan",
    "get_engine",
    "get_fallback_engine",
]
