"""One small client interface over opensearch-py and the official elasticsearch 8 client.

Request bodies are built once with ``elasticsearch.dsl`` (``.to_dict()``) and sent through
whichever client SEARCH_ENGINE names; every failure to reach the engine (refused connection,
timeout, 5xx, missing index) becomes ``EngineUnavailable`` so that callers fall back.
"""

import functools
import logging
from abc import ABC, abstractmethod

from django.conf import settings

from search.directory.engines.base import EngineUnavailable

logger = logging.getLogger(__name__)

REMOTE_ENGINES = ("opensearch", "elasticsearch")


def remote_engine_configured() -> bool:
    return getattr(settings, "SEARCH_ENGINE", "database") in REMOTE_ENGINES


class EngineClient(ABC):
    """What the search app needs from an engine, whatever its client library."""

    engine = ""

    def __init__(self, url: str, *, username: str = "", password: str = "", timeout=2.0):
        self.url = url
        self.timeout = timeout
        self.client = self.make_client(url, username, password, timeout)

    # -- subclass hooks ------------------------------------------------------------------
    @abstractmethod
    def make_client(self, url, username, password, timeout):
        """The client library's object, configured for ``url``."""

    errors: tuple = ()
    not_found: tuple = ()

    @abstractmethod
    def bulk_helper(self):
        """The client library's ``helpers.bulk``."""

    # -- operations ----------------------------------------------------------------------
    def call(self, operation, *args, **kwargs):
        try:
            return operation(*args, **kwargs)
        except self.errors as error:
            raise EngineUnavailable(f"{self.engine} at {self.url}: {error}") from error

    def ping(self) -> bool:
        try:
            return bool(self.client.ping())
        except Exception:  # noqa: BLE001 (any failure means "not reachable")
            return False

    def search(self, index: str, body: dict) -> dict:
        return self.call(self.client.search, index=index, body=body)

    def create_index(self, name: str, body: dict) -> None:
        self.call(self.client.indices.create, index=name, body=body)

    def delete_index(self, name: str) -> None:
        try:
            self.call(self.client.indices.delete, index=name)
        except EngineUnavailable as error:
            if not isinstance(error.__cause__, self.not_found):
                raise

    def indices_of_alias(self, alias: str) -> list[str]:
        try:
            return sorted(self.call(self.client.indices.get_alias, name=alias))
        except EngineUnavailable as error:
            if isinstance(error.__cause__, self.not_found):
                return []
            raise

    def indices_matching(self, pattern: str) -> list[str]:
        try:
            return sorted(self.call(self.client.indices.get, index=pattern))
        except EngineUnavailable as error:
            if isinstance(error.__cause__, self.not_found):
                return []
            raise

    def swap_alias(self, alias: str, new_index: str) -> list[str]:
        """Point ``alias`` at ``new_index`` in one atomic request; returns the old indices."""
        old = self.indices_of_alias(alias)
        actions = [{"remove": {"index": name, "alias": alias}} for name in old]
        actions.append({"add": {"index": new_index, "alias": alias}})
        self.call(self.client.indices.update_aliases, body={"actions": actions})
        return [name for name in old if name != new_index]

    def refresh(self, index: str) -> None:
        self.call(self.client.indices.refresh, index=index)

    def set_settings(self, index: str, body: dict) -> None:
        self.call(self.client.indices.put_settings, index=index, body=body)

    def bulk(self, actions, *, chunk_size: int = 1000, timeout=None) -> tuple[int, list]:
        """Stream index/delete actions; returns (successes, errors). Missing documents on
        delete are not errors. ``timeout``: per request (SEARCH_TIMEOUT by default, so that
        a save never waits longer; rebuilds pass a longer one)."""
        helper = self.bulk_helper()
        successes, errors = 0, []
        try:
            for ok, item in helper(
                self.client,
                actions,
                chunk_size=chunk_size,
                raise_on_error=False,
                raise_on_exception=True,
                request_timeout=timeout or self.timeout,
            ):
                if ok:
                    successes += 1
                else:
                    info = next(iter(item.values()), {})
                    if info.get("status") == 404 and "delete" in item:
                        successes += 1
                    else:
                        errors.append(item)
        except self.errors as error:
            raise EngineUnavailable(f"{self.engine} at {self.url}: {error}") from error
        return successes, errors


class OpenSearchClient(EngineClient):
    engine = "opensearch"

    def make_client(self, url, username, password, timeout):
        from opensearchpy import OpenSearch
        from opensearchpy import exceptions as opensearch_errors

        self.errors = (opensearch_errors.OpenSearchException,)
        self.not_found = (opensearch_errors.NotFoundError,)
        return OpenSearch(
            hosts=[url],
            http_auth=(username, password) if username else None,
            timeout=timeout,
            max_retries=0,
            retry_on_timeout=False,
        )

    def bulk_helper(self):
        from opensearchpy.helpers import streaming_bulk

        return streaming_bulk


class ElasticsearchClient(EngineClient):
    engine = "elasticsearch"

    def make_client(self, url, username, password, timeout):
        import elastic_transport
        import elasticsearch

        self.errors = (elasticsearch.ApiError, elastic_transport.TransportError)
        self.not_found = (elasticsearch.NotFoundError,)
        return elasticsearch.Elasticsearch(
            url,
            basic_auth=(username, password) if username else None,
            request_timeout=timeout,
            max_retries=0,
            retry_on_timeout=False,
        )

    def bulk_helper(self):
        from elasticsearch.helpers import streaming_bulk

        return streaming_bulk


CLIENTS = {"opensearch": OpenSearchClient, "elasticsearch": ElasticsearchClient}


@functools.cache
def _client(engine, url, username, password, timeout) -> EngineClient:
    return CLIENTS[engine](url, username=username, password=password, timeout=timeout)


def get_client(engine: str | None = None, *, timeout: float | None = None) -> EngineClient:
    """The client for the configured engine (one per settings, reused: it pools connections).
    ``timeout`` overrides SEARCH_TIMEOUT (rebuilds create indexes and load them in bulk)."""
    engine = engine or settings.SEARCH_ENGINE
    if engine not in CLIENTS:
        raise EngineUnavailable(f"SEARCH_ENGINE={engine!r} has no search-engine client")
    return _client(
        engine,
        settings.SEARCH_URL,
        getattr(settings, "SEARCH_USERNAME", ""),
        getattr(settings, "SEARCH_PASSWORD", ""),
        float(timeout or getattr(settings, "SEARCH_TIMEOUT", 2.0)),
    )


def index_alias(kind: str, locale: str) -> str:
    """The alias searches and updates go through: prefix + kind + locale."""
    return f"{settings.SEARCH_INDEX_PREFIX}directory-{kind}-{locale}".lower()
