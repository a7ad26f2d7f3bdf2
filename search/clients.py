"""One small client interface over opensearch-py and the official elasticsearch 8 client.

Request bodies are built once with ``elasticsearch.dsl`` (``.to_dict()``) and sent through
whichever client SEARCH_ENGINE names; every failure to reach the engine (refused connection,
timeout, 5xx, missing index) becomes ``EngineUnavailable`` so that callers fall back.
"""

import functools
import itertools
import logging
from abc import ABC, abstractmethod
from collections import deque
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings

from search.breaker import guarded
from search.engines.base import EngineUnavailable

logger = logging.getLogger(__name__)

REMOTE_ENGINES = ("opensearch", "elasticsearch")
PARALLEL_THREADS = 2  # bulk requests in flight while rebuilding


def remote_engine_configured() -> bool:
    return getattr(settings, "SEARCH_ENGINE", "database") in REMOTE_ENGINES


class EngineClient(ABC):
    """What the search app needs from an engine, whatever its client library."""

    engine = ""

    def __init__(
        self, url: str, *, username: str = "", password: str = "", timeout=2.0, connect=0.5
    ):
        self.url = url
        self.timeout = timeout
        self.connect_timeout = min(connect, timeout)
        self.client = self.make_client(url, username, password, timeout)

    # -- subclass hooks ------------------------------------------------------------------
    @abstractmethod
    def make_client(self, url, username, password, timeout):
        """The client library's object, configured for ``url``."""

    errors: tuple = ()
    not_found: tuple = ()

    @abstractmethod
    def bulk_helper(self):
        """The client library's ``helpers.streaming_bulk``."""

    def request_timeout(self, seconds: float):
        """A per-request timeout of ``seconds`` in the client library's terms."""
        return seconds

    @abstractmethod
    def is_outage(self, error) -> bool:
        """Whether ``error`` says the engine is down or stuck (refused, timed out, 5xx), as
        opposed to an answer (404, 400): outages open the circuit breaker."""

    # -- operations ----------------------------------------------------------------------
    def call(self, operation, *args, **kwargs):
        try:
            return guarded(self.url, operation, *args, outage=self.is_outage, **kwargs)
        except self.errors as error:
            raise EngineUnavailable(
                f"{self.engine} at {self.url}: {outage_detail(error)}"
            ) from error

    def ping(self) -> bool:
        try:
            return bool(self.client.ping())
        except Exception:  # noqa: BLE001 (any failure means "not reachable")
            return False

    def search(self, index: str, body: dict) -> dict:
        return self.call(self.client.search, index=index, body=body)

    def msearch(self, index: str, bodies: list[dict]) -> dict:
        """Several searches of ``index`` in one request: their answers are ``responses``, in
        order (one failed search fails them all)."""
        lines = [line for body in bodies for line in ({}, body)]
        answer = self.call(self.client.msearch, index=index, body=lines)
        for response in answer["responses"]:
            if "error" in response:
                raise EngineUnavailable(f"{self.engine} at {self.url}: {response['error']}")
        return answer

    def create_index(self, name: str, body: dict) -> None:
        self.call(self.client.indices.create, index=name, body=body)

    def delete_index(self, name: str) -> None:
        try:
            self.call(self.client.indices.delete, index=name)
        except EngineUnavailable as error:
            if not isinstance(error.__cause__, self.not_found):
                raise

    def indices_of_alias(self, alias: str) -> list[str]:
        return self.names_or_none(self.client.indices.get_alias, name=alias)

    def indices_matching(self, pattern: str) -> list[str]:
        return self.names_or_none(self.client.indices.get, index=pattern)

    def names_or_none(self, method, **params) -> list[str]:
        """The sorted index names ``method`` answers; none when nothing by that name exists."""
        try:
            return sorted(self.call(method, **params))
        except EngineUnavailable as error:
            if isinstance(error.__cause__, self.not_found):
                return []
            raise

    def swap_aliases(self, new_index: str, aliases: dict[str, dict]) -> list[str]:
        """Point every alias (name -> its definition: filter…) at ``new_index`` in one atomic
        request; returns the indices they pointed to before."""
        actions, old = [], set()
        for alias, definition in aliases.items():
            for name in self.indices_of_alias(alias):
                actions.append({"remove": {"index": name, "alias": alias}})
                old.add(name)
            actions.append({"add": {"index": new_index, "alias": alias, **definition}})
        self.call(self.client.indices.update_aliases, body={"actions": actions})
        return sorted(old - {new_index})

    def refresh(self, index: str) -> None:
        self.call(self.client.indices.refresh, index=index)

    def set_settings(self, index: str, body: dict) -> None:
        self.call(self.client.indices.put_settings, index=index, body=body)

    def count(self, index: str) -> int:
        return int(self.call(self.client.count, index=index)["count"])

    def _stream(self, actions, chunk_size, timeout):
        return self.bulk_helper()(
            self.client,
            actions,
            chunk_size=chunk_size,
            raise_on_error=False,
            raise_on_exception=True,
            request_timeout=self.request_timeout(timeout or self.timeout),
        )

    def _parallel(self, actions, chunk_size, timeout):
        """Like ``_stream``, with requests sent by other threads while this one reads the
        next actions (the actions may query the database: they are read in this thread)."""
        with ThreadPoolExecutor(PARALLEL_THREADS) as pool:
            pending = deque()
            actions = iter(actions)
            while chunk := list(itertools.islice(actions, chunk_size)):
                pending.append(pool.submit(lambda c: list(self._stream(c, len(c), timeout)), chunk))
                while len(pending) > PARALLEL_THREADS:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()

    def bulk(
        self, actions, *, chunk_size: int = 1000, timeout=None, parallel: bool = False
    ) -> tuple[int, list]:
        """Stream index/delete actions; returns (successes, errors). Missing documents on
        delete are not errors. ``timeout``: per request (SEARCH_TIMEOUT by default, so that
        a save never waits longer; rebuilds pass a longer one). ``parallel``: requests are
        sent by PARALLEL_THREADS threads while the next actions are built."""
        send = self._parallel if parallel else self._stream

        def stream():
            successes, errors = 0, []
            for ok, item in send(actions, chunk_size, timeout):
                if ok:
                    successes += 1
                else:
                    info = next(iter(item.values()), {})
                    if info.get("status") == 404 and "delete" in item:
                        successes += 1
                    else:
                        errors.append(item)
            return successes, errors

        return self.call(stream)


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
            timeout=connection_timeout(self.connect_timeout, timeout),
            max_retries=0,
            retry_on_timeout=False,
            pool_maxsize=PARALLEL_THREADS + 1,
        )

    def request_timeout(self, seconds: float):
        return connection_timeout(self.connect_timeout, seconds)

    def is_outage(self, error) -> bool:
        return opensearch_outage(error)

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
            node_class=elasticsearch_node_class(self.connect_timeout),
            max_retries=0,
            retry_on_timeout=False,
        )

    def is_outage(self, error) -> bool:
        return elasticsearch_outage(error)

    def bulk_helper(self):
        from elasticsearch.helpers import streaming_bulk

        return streaming_bulk


def outage_detail(error) -> str:
    """What went wrong, for the log: the client's error and the lower-level errors it wraps
    (elastic_transport says "Connection timed out" and keeps urllib3's words, such as
    "connect timeout=0.5", in ``errors`` or as the cause)."""
    words, pending = [], [error]
    while pending:
        current = pending.pop(0)
        if str(current) not in words:
            words.append(str(current))
        pending.extend(getattr(current, "errors", None) or ())
        if current.__cause__ is not None:
            pending.append(current.__cause__)
    return ": ".join(words)


def opensearch_outage(error) -> bool:
    """opensearch-py: refused, timed out (ConnectionError) or a 5xx answer."""
    from opensearchpy import exceptions

    if isinstance(error, exceptions.ConnectionError):
        return True
    status = getattr(error, "status_code", None)
    return isinstance(status, int) and status >= 500


def elasticsearch_outage(error) -> bool:
    """elasticsearch 8: refused, timed out (elastic_transport's errors) or a 5xx answer."""
    import elastic_transport
    import elasticsearch

    if isinstance(error, elastic_transport.TransportError):
        return True
    return isinstance(error, elasticsearch.ApiError) and error.meta.status >= 500


def connection_timeout(connect: float, read: float):
    """A urllib3 timeout: ``connect`` seconds to connect (a refused or unreachable engine is
    known at once), ``read`` to answer."""
    import urllib3

    return urllib3.Timeout(connect=connect if read is None else min(connect, read), read=read)


@functools.cache
def elasticsearch_node_class(connect: float):
    """elastic_transport's urllib3 node with ``connect`` seconds to connect, whatever the read
    timeout of the client or of a request (elasticsearch 8 has one timeout for both: a
    refused or unreachable engine would make each call wait SEARCH_TIMEOUT)."""
    from elastic_transport import Urllib3HttpNode
    from elastic_transport.client_utils import DEFAULT

    class ConnectTimeoutNode(Urllib3HttpNode):
        def __init__(self, config):
            super().__init__(config)
            self.pool.timeout = connection_timeout(connect, config.request_timeout)

        def perform_request(self, method, target, body=None, headers=None, request_timeout=DEFAULT):
            if isinstance(request_timeout, int | float):
                request_timeout = connection_timeout(connect, request_timeout)
            return super().perform_request(
                method, target, body=body, headers=headers, request_timeout=request_timeout
            )

    return ConnectTimeoutNode


CLIENTS = {"opensearch": OpenSearchClient, "elasticsearch": ElasticsearchClient}


@functools.cache
def _client(engine, url, username, password, timeout, connect) -> EngineClient:
    return CLIENTS[engine](
        url, username=username, password=password, timeout=timeout, connect=connect
    )


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
        float(getattr(settings, "SEARCH_CONNECT_TIMEOUT", 0.5)),
    )


def index_base(kind: str) -> str:
    """prefix + kind: the indices of a kind are named ``<base>-<timestamp>``."""
    return f"{settings.SEARCH_INDEX_PREFIX}directory-{kind}".lower()


def index_alias(kind: str, locale: str) -> str:
    """The alias searches and updates go through: prefix + kind + locale. One index holds a
    kind's rows in every language; each locale's alias filters it to the rows that locale
    shows (see search.indexer.locale_aliases)."""
    return f"{index_base(kind)}-{locale}".lower()
