"""Search engines, chosen by the SEARCH_ENGINE setting ("database" by default).

An engine is registered by dotted path; views, templates and the API never ask which one runs.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from .base import Engine, EngineResponse, EngineUnavailable, FacetField, SearchPlan

ENGINES = {
    "database": "search.engines.database.DatabaseEngine",
    "opensearch": "search.engines.opensearch.OpenSearchEngine",
    "elasticsearch": "search.engines.elasticsearch.ElasticsearchEngine",
}
DEFAULT_ENGINE = "database"


def get_engine(name: str | None = None) -> Engine:
    name = name or getattr(settings, "SEARCH_ENGINE", DEFAULT_ENGINE) or DEFAULT_ENGINE
    try:
        path = ENGINES[name]
    except KeyError as error:
        raise ImproperlyConfigured(
            f"SEARCH_ENGINE={name!r} is not one of {', '.join(sorted(ENGINES))}."
        ) from error
    return import_string(path)()


def get_fallback_engine() -> Engine:
    return get_engine(DEFAULT_ENGINE)


__all__ = [
    "ENGINES",
    "Engine",
    "EngineResponse",
    "EngineUnavailable",
    "FacetField",
    "SearchPlan",
    "get_engine",
    "get_fallback_engine",
]
