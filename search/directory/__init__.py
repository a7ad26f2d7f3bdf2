"""The directory search interface: the only thing views, feeds and the API call.

    query, errors, vocabulary = parse_directory_query(request.GET, locale="nl")
    results = search(query, vocabulary=vocabulary)
    results.hits, results.total, results.facets, results.engine

The engine behind it (SEARCH_ENGINE: "database" today) never shows through.
"""

from .engines import EngineUnavailable, get_engine
from .query import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    MAX_TEXT_LENGTH,
    DirectoryQuery,
    ParameterError,
    parse_directory_query,
)
from .results import DirectoryResults, Facet, FacetValue, Hit
from .service import search

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "MAX_PAGE_SIZE",
    "MAX_TEXT_LENGTH",
    "DirectoryQuery",
    "DirectoryResults",
    "EngineUnavailable",
    "Facet",
    "FacetValue",
    "Hit",
    "ParameterError",
    "get_engine",
    "parse_directory_query",
    "search",
]
