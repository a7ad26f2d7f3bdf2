"""Search settings (search/), each read from the environment.

SEARCH_ENGINE: "database" (embedded, the default), "opensearch" or "elasticsearch". With an
engine, every call to it (the directory, the site search, the API, Wagtail's own search in the
admin and the v2 ?search=, indexing) goes through a circuit breaker per engine URL
(search/breaker.py): after SEARCH_BREAKER_FAILURES failures or timeouts in a row, searches answer
from the database at once and index updates are queued, for SEARCH_BREAKER_RESET_SECONDS; then
one call probes the engine again. Its state lives in the SEARCH_BREAKER_CACHE cache alias, which
every worker process shares (the database cache by default).
"""

from .env import env_int, env_str

SEARCH_ENGINE = env_str("SEARCH_ENGINE", "database")
SEARCH_URL = env_str("SEARCH_URL", "http://127.0.0.1:9200")
SEARCH_USERNAME = env_str("SEARCH_USERNAME", "")
SEARCH_PASSWORD = env_str("SEARCH_PASSWORD", "")
SEARCH_TIMEOUT = float(env_str("SEARCH_TIMEOUT", "2"))  # seconds to wait for an answer
SEARCH_CONNECT_TIMEOUT = float(env_str("SEARCH_CONNECT_TIMEOUT", "0.5"))  # seconds to connect
SEARCH_INDEX_PREFIX = env_str("SEARCH_INDEX_PREFIX", "coffee-dev-")  # one per environment
SEARCH_BREAKER_CACHE = env_str("SEARCH_BREAKER_CACHE", "default")
SEARCH_BREAKER_FAILURES = env_int("SEARCH_BREAKER_FAILURES", 3)
SEARCH_BREAKER_RESET_SECONDS = env_int("SEARCH_BREAKER_RESET_SECONDS", 30)
# Searches of the site that found nothing (search/misses.py): new ones are no longer recorded
# once this many are kept (an editor turns them into synonyms or page keywords, or deletes them).
SEARCH_MISSES_MAX = env_int("SEARCH_MISSES_MAX", 5000)

# On PostgreSQL, Wagtail's database backend with accents folded, as SQLite's does, and French,
# Dutch and English stemming by each object's locale (search/backends.py).
DATABASE_SEARCH_BACKEND = (
    "search.backends"
    if env_str("DATABASE_URL", "").startswith(("postgres://", "postgresql://", "pgsql://"))
    else "wagtail.search.backends.database"
)


def wagtail_search_backends(
    engine: str, url: str, *, index_prefix: str, timeout: float, username="", password=""
) -> dict:
    """WAGTAILSEARCH_BACKENDS: the database backend alone, or, with an engine, Wagtail's backend
    for it behind the circuit breaker (search/engine_backend.py, answering from the database
    backend when the engine does not) and the database backend kept up to date beside it."""
    database = {"BACKEND": DATABASE_SEARCH_BACKEND}
    if engine not in ("opensearch", "elasticsearch"):
        return {"default": database}
    if username:
        credentials = "http_auth" if engine == "opensearch" else "basic_auth"
        options = {credentials: (username, password)}
    else:
        options = {}
    return {
        "default": {
            "BACKEND": "search.engine_backend."
            + ("OpenSearchBackend" if engine == "opensearch" else "ElasticsearchBackend"),
            "URLS": [url],
            "INDEX_PREFIX": f"{index_prefix}wagtail-",
            "TIMEOUT": timeout,
            "OPTIONS": {"max_retries": 0, "retry_on_timeout": False, **options},
            "FALLBACK": "database",  # the WAGTAILSEARCH_BACKENDS entry answering instead
        },
        "database": database,
    }


WAGTAILSEARCH_BACKENDS = wagtail_search_backends(
    SEARCH_ENGINE,
    SEARCH_URL,
    index_prefix=SEARCH_INDEX_PREFIX,
    timeout=SEARCH_TIMEOUT,
    username=SEARCH_USERNAME,
    password=SEARCH_PASSWORD,
)
# The WAGTAILSEARCH_BACKENDS entry of the database backend (the directory falls back to it).
SEARCH_DATABASE_BACKEND = "database" if "database" in WAGTAILSEARCH_BACKENDS else "default"
