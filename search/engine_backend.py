"""Wagtail's OpenSearch and Elasticsearch backends behind the circuit breaker (search/breaker.py).

WAGTAILSEARCH_BACKENDS["default"] when SEARCH_ENGINE names an engine (cms/settings/search.py):
Wagtail's own searches (the admin's page, image and document search, the v2 API's ?search=, the
site search) and index updates go through the breaker of the engine's URL.

- Searches answer ``FallbackResults``: the engine's results, or, when the breaker is open or the
  engine fails while they are read, the same search on the database backend (FALLBACK, kept up
  to date beside the engine); ``degraded`` says which one answered.
- Index updates (add, add_bulk, delete) never raise and never wait on an open breaker: what the
  engine could not take is queued in ``PendingIndexUpdate`` (model and primary key) and sent
  again by ``sync_objects`` when the engine is back (search.indexer.retry_pending_updates).
- An index is created with its mapping before its first document (a document sent to a missing
  index would create it with a guessed mapping, which Wagtail's queries do not match).
"""

import logging

from django.conf import settings
from modelsearch.backends import get_search_backend
from modelsearch.backends.elasticsearch8 import Elasticsearch8SearchBackend
from modelsearch.backends.opensearch2 import OpenSearch2SearchBackend
from modelsearch.index import class_is_indexed

from search import registry
from search.breaker import Breaker, guarded
from search.clients import (
    connection_timeout,
    elasticsearch_node_class,
    elasticsearch_outage,
    opensearch_outage,
    outage_detail,
)
from search.engines.base import EngineUnavailable
from search.indexer import remember_objects

logger = logging.getLogger(__name__)

_prepared: set[tuple[str, str, str]] = set()  # (url, index, model) whose mapping is in place


class FallbackResults:
    """Search results read from the engine, or from the database once the engine fails (or
    when the breaker was open from the start). Sliced, counted and iterated as Wagtail's."""

    def __init__(self, backend, engine_results, database_factory, *, degraded=False):
        self.backend = backend
        self.engine_results = engine_results
        self.database_factory = database_factory
        self.database_results = database_factory() if degraded else None
        self.degraded = degraded
        self.model = (self.database_results if degraded else engine_results).model

    def fall_back(self, error) -> None:
        logger.warning(
            "Search engine unavailable (%s): answering from the database", outage_detail(error)
        )
        self.degraded = True
        self.engine_results = None

    def run(self, operation):
        if not self.degraded:
            try:
                return guarded(
                    self.backend.url,
                    operation,
                    self.engine_results,
                    outage=self.backend.is_outage,
                )
            except EngineUnavailable as error:
                self.fall_back(error)
            except self.backend.engine_errors as error:
                self.fall_back(error)
        if self.database_results is None:
            self.database_results = self.database_factory()
        return operation(self.database_results)

    def derive(self, change) -> "FallbackResults":
        factory = self.database_factory
        derived = FallbackResults(
            self.backend,
            None if self.degraded else change(self.engine_results),
            lambda: change(factory()),
            degraded=self.degraded,
        )
        return derived

    def count(self) -> int:
        return self.run(lambda results: results.count())

    def results(self) -> list:
        return self.run(lambda results: results.results())

    def __iter__(self):
        return iter(self.results())

    def __len__(self):
        return len(self.results())

    def __getitem__(self, key):
        if isinstance(key, slice):
            return self.derive(lambda results: results[key])
        return self.run(lambda results: results[key])

    def annotate_score(self, field_name):
        return self.derive(lambda results: results.annotate_score(field_name))

    def facet(self, field_name):
        return self.run(lambda results: results.facet(field_name))

    @property
    def supports_facet(self) -> bool:
        return self.current().supports_facet

    def current(self):
        """The results that answer now (the engine's until it fails)."""
        if not self.degraded:
            return self.engine_results
        if self.database_results is None:
            self.database_results = self.database_factory()
        return self.database_results

    def __getattr__(self, name):
        # Other attributes of Wagtail's search results (prefetch_related, query_compiler...).
        if name.startswith("__") or name in {"engine_results", "database_results", "degraded"}:
            raise AttributeError(name)
        return getattr(self.current(), name)

    def __repr__(self):
        return f"<FallbackResults degraded={self.degraded} {self.engine_results!r}>"


class BreakerBackendMixin:
    """Searches and index updates of a Wagtail engine backend through the breaker."""

    outage = staticmethod(lambda error: True)

    def __init__(self, params):
        params = dict(params)
        urls = params.get("URLS") or ["http://localhost:9200"]
        self.url = urls if isinstance(urls, str) else urls[0]
        self.fallback_name = params.pop("FALLBACK", "database")
        self.connect_timeout = float(
            params.pop("CONNECT_TIMEOUT", getattr(settings, "SEARCH_CONNECT_TIMEOUT", 0.5))
        )
        self.read_timeout = float(params.get("TIMEOUT", 10))
        params["TIMEOUT"] = self.client_timeout(self.connect_timeout, self.read_timeout)
        params["OPTIONS"] = params.get("OPTIONS", {}) | self.client_options(self.connect_timeout)
        super().__init__(params)

    def client_timeout(self, connect: float, read: float):
        return read

    def client_options(self, connect: float) -> dict:
        """Options of the client library's constructor that make it connect within
        ``connect`` seconds."""
        return {}

    def is_outage(self, error) -> bool:
        return self.outage(error)

    # -- searches --------------------------------------------------------------------------
    def fallback_backend(self):
        return get_search_backend(self.fallback_name)

    def engine_available(self) -> bool:
        return not Breaker(self.url).is_open()

    @staticmethod
    def database_only(model_or_queryset) -> bool:
        """Models with an engine index of their own (search.registry: the directory's
        records): Wagtail's engine index does not hold them, the database backend does."""
        model = getattr(model_or_queryset, "model", model_or_queryset)
        return registry.for_model(model) is not None

    def search_or(self, database_factory, query, model_or_queryset, **options):
        """``search`` with the database answering through ``database_factory`` instead."""
        engine_search = super().search
        return self.answer_or(
            database_factory,
            lambda: engine_search(query, model_or_queryset, **options),
            model_or_queryset,
        )

    def search(self, query, model_or_queryset, **options):
        def database():
            return self.fallback_backend().search(query, model_or_queryset, **options)

        return self.search_or(database, query, model_or_queryset, **options)

    def autocomplete(self, query, model_or_queryset, **options):
        def database():
            return self.fallback_backend().autocomplete(query, model_or_queryset, **options)

        engine_autocomplete = super().autocomplete
        return self.answer_or(
            database,
            lambda: engine_autocomplete(query, model_or_queryset, **options),
            model_or_queryset,
        )

    def answer_or(self, database_factory, engine_answer, model_or_queryset):
        """The engine's ``engine_answer()``, with the database's ``database_factory()`` standing
        in when the engine cannot answer; the database alone for the models only it holds."""
        if self.database_only(model_or_queryset):
            return database_factory()
        if not self.engine_available():
            return FallbackResults(self, None, database_factory, degraded=True)
        return FallbackResults(self, engine_answer(), database_factory)

    # -- index updates ---------------------------------------------------------------------
    def prepare(self, model) -> None:
        """Create ``model``'s index with its mapping when missing (once per process)."""
        index = self.get_index_for_model(model)
        key = (self.url, index.name, model._meta.label_lower)
        if key in _prepared:
            return
        if not index.exists():
            index.put()
        index.add_model(model)
        _prepared.add(key)

    def engine_write(self, model, operation, *args) -> None:
        """``operation`` through the breaker; raises EngineUnavailable."""
        try:
            guarded(self.url, self.prepare, model, outage=self.is_outage)
            guarded(self.url, operation, *args, outage=self.is_outage)
        except self.engine_errors as error:
            raise EngineUnavailable(f"search engine at {self.url}: {error}") from error

    def write_or_queue(self, model, pks, operation, *args) -> bool:
        if not class_is_indexed(model):
            return True
        try:
            self.engine_write(model, operation, *args)
        except EngineUnavailable as error:
            logger.warning("Search engine unavailable: %s kept for later (%s)", model, error)
            remember_objects(model, pks, error)
            return False
        return True

    def add(self, obj):
        self.write_or_queue(type(obj), [obj.pk], super().add, obj)

    def add_bulk(self, model, obj_list):
        obj_list = list(obj_list)
        self.write_or_queue(model, [obj.pk for obj in obj_list], super().add_bulk, model, obj_list)

    def delete(self, obj):
        self.write_or_queue(type(obj), [obj.pk], super().delete, obj)

    def sync_objects(self, model, pks) -> None:
        """Send the engine the current state of these objects of ``model`` (indexed, or
        deleted when gone or no longer indexed); raises EngineUnavailable."""
        if not class_is_indexed(model):
            return
        pks = {str(pk) for pk in pks}
        present = list(model.get_indexed_objects().filter(pk__in=pks))
        if present:
            self.engine_write(model, super().add_bulk, model, present)
        for pk in pks - {str(obj.pk) for obj in present}:
            self.engine_write(model, super().delete, model(pk=pk))


class OpenSearchBackend(BreakerBackendMixin, OpenSearch2SearchBackend):
    outage = staticmethod(opensearch_outage)

    @property
    def engine_errors(self):
        from opensearchpy.exceptions import OpenSearchException

        return (OpenSearchException,)

    def client_timeout(self, connect: float, read: float):
        return connection_timeout(connect, read)


class ElasticsearchBackend(BreakerBackendMixin, Elasticsearch8SearchBackend):
    outage = staticmethod(elasticsearch_outage)

    @property
    def engine_errors(self):
        import elastic_transport
        import elasticsearch

        return (elasticsearch.ApiError, elastic_transport.TransportError)

    def client_options(self, connect: float) -> dict:
        return {"node_class": elasticsearch_node_class(connect)}


SearchBackend = OpenSearchBackend
