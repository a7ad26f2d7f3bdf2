"""The directory search: the only thing the directory's pages, feeds and the API call.

    query, errors, vocabulary = parse_directory_query(request.GET, locale="nl")
    results = search(query, vocabulary=vocabulary)
    results.hits, results.total, results.facets, results.engine

The engine behind it (search.engines, SEARCH_ENGINE: "database" by default) answers ids,
scores and facet counts; this package turns them into records, presented in the visitor's
language. Its documents on a search engine are declared in documents.py.
"""

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
    "Facet",
    "FacetValue",
    "Hit",
    "ParameterError",
    "parse_directory_query",
    "search",
]
