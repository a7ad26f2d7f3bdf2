"""Keeping the search indexes up to date: one place that every save, delete and bulk load
goes through, whichever engines are configured."""

import logging
import threading
from collections import defaultdict
from contextlib import contextmanager

from django.apps import apps
from django.conf import settings
from django.db import transaction
from wagtail.search import index
from wagtail.search.backends import get_search_backend, get_search_backends

from search import registry
from search.clients import remote_engine_configured
from search.indexer import remember
from search.tasks import update_search_index

logger = logging.getLogger(__name__)


def _has_engine_index(model) -> bool:
    return registry.for_model(model) is not None


def _database_only(model) -> bool:
    """Models with an engine index of their own (search.registry): Wagtail's engine backend
    would only duplicate its documents (and make saves wait when it is down)."""
    return _has_engine_index(model) and remote_engine_configured()


@contextmanager
def paused():
    """No index writes from this thread meanwhile (a whole database being loaded, as a backup
    restore does: a record is saved before the rows it points to); rebuild the indexes after."""
    _local.paused = True
    try:
        yield
    finally:
        _local.paused = False


def _is_paused() -> bool:
    return getattr(_local, "paused", False)


def index_record(instance) -> None:
    """(Re)index one object in every search backend that updates automatically."""
    if _is_paused():
        return
    if _database_only(type(instance)):
        indexed = index.get_indexed_instance(instance)
        if indexed is not None:
            get_search_backend(settings.SEARCH_DATABASE_BACKEND).add(indexed)
    else:
        index.insert_or_update_object(instance)
    if _has_engine_index(type(instance)):
        schedule_record_update(instance)


def unindex_record(instance) -> None:
    if _is_paused():
        return
    if _database_only(type(instance)):
        get_search_backend(settings.SEARCH_DATABASE_BACKEND).delete(instance)
    else:
        index.remove_object(instance)
    if _has_engine_index(type(instance)):
        schedule_record_update(instance)


def index_records(model, objects, *, batch_size: int = 1000) -> int:
    """Index many objects of one model at once (bulk loads, rebuilds). Returns the count."""
    if _is_paused():
        return 0
    objects = list(objects)
    if _database_only(model):
        backends = [get_search_backend(settings.SEARCH_DATABASE_BACKEND)]
    else:
        backends = get_search_backends(with_auto_update=True)
    for backend in backends:
        for start in range(0, len(objects), batch_size):
            backend.add_bulk(model, objects[start : start + batch_size])
    if _has_engine_index(model):
        schedule_engine_update(model, {obj.translation_key for obj in objects})
    return len(objects)


# ------------------------------------------------------------------ the search engine
# Directory documents on OpenSearch/Elasticsearch are updated per translation group, after
# the transaction commits, by a task (search.tasks); nothing here talks to the engine.

_local = threading.local()  # per thread: another thread's commit must not flush our keys


def _queued() -> dict[str, set]:
    if not hasattr(_local, "queued"):
        _local.queued = defaultdict(set)
    return _local.queued


def _flush_engine_updates() -> None:
    queued = _queued()
    batches = {label: sorted(keys) for label, keys in queued.items() if keys}
    queued.clear()
    for label, keys in batches.items():
        try:
            update_search_index.enqueue(label, keys)
        except Exception:  # a broken task backend must not break a save that has committed
            logger.exception("Could not enqueue the search index update of %s", label)
            remember(apps.get_model(label), keys, "task backend failure")


def schedule_engine_update(model, translation_keys) -> None:
    """Update the engine's documents of these groups once the current transaction commits
    (at once outside a transaction). A rolled-back transaction's groups are synced with the
    next commit: syncing reads the database, so that is harmless."""
    if not remote_engine_configured():
        return
    keys = {str(key) for key in translation_keys if key}
    if not keys:
        return
    _queued()[model._meta.label_lower].update(keys)
    transaction.on_commit(_flush_engine_updates)


def schedule_record_update(instance) -> None:
    schedule_engine_update(type(instance), [getattr(instance, "translation_key", None)])
