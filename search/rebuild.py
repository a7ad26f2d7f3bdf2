"""Rebuilding the engine indexes with no downtime.

For each registered index: create ``<base>-<timestamp>`` (no refresh, no replica, an
asynchronous translog while loading), send it every row some locale shows, in bulk requests
sent by two threads while the next documents are built; then restore the settings, refresh,
move the locales' aliases to it in one atomic request and delete the indices no alias uses any
more. Searches keep reading the old index until the swap.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass

from modelsearch.index import get_indexed_models
from modelsearch.management.commands.rebuild_modelsearch_index import group_models_by_index
from wagtail.search.backends import get_search_backend

from search import registry
from search.clients import get_client, index_alias, index_base
from search.engines.base import EngineUnavailable

from .documents import index_body
from .indexer import languages, locale_aliases, new_index_name

BATCH_SIZE = 2000
REBUILD_TIMEOUT = 120  # seconds per bulk request while rebuilding
LOADING_SETTINGS = {"refresh_interval": "-1", "translog.durability": "async"}
SERVING_SETTINGS = {"refresh_interval": "1s", "translog.durability": "request"}


@dataclass
class RebuildReport:
    kind: str
    locale: str
    index: str
    documents: int  # rows this locale shows
    seconds: float  # the whole index's rebuild: its locales share it
    deleted: list


def actions(index: registry.EngineIndex, name: str, progress: dict[str, Callable] | None = None):
    """Index actions for every row of ``index`` that some locale shows."""
    for document_id, document in index.all_documents():
        yield {"_op_type": "index", "_index": name, "_id": document_id, "_source": document}
        for locale in document["locales"]:
            if progress and progress.get(locale):
                progress[locale](1)


def rebuild_index(index, locales, *, progress=None, client=None) -> list[RebuildReport]:
    client = client or get_client()
    started = time.perf_counter()
    base = index_base(index.name)
    name = new_index_name(base)
    body = index_body(index.shape, name)
    body["settings"].update(LOADING_SETTINGS)
    client.create_index(name, body)
    try:
        _count, errors = client.bulk(
            actions(index, name, progress),
            chunk_size=BATCH_SIZE,
            timeout=REBUILD_TIMEOUT,
            parallel=True,
        )
        if errors:
            raise RuntimeError(f"{len(errors)} documents were refused, first: {errors[0]}")
        client.set_settings(name, {"index": SERVING_SETTINGS})
        client.refresh(name)
        old = client.swap_aliases(name, locale_aliases(index.name, locales))
    except Exception:
        client.delete_index(name)
        raise
    # Indices no locale reads any more go, with those left by an interrupted rebuild.
    in_use = {name}
    for locale in languages():
        in_use.update(client.indices_of_alias(index_alias(index.name, locale)))
    for other in client.indices_matching(f"{base}-*"):
        if other not in in_use:
            client.delete_index(other)
    seconds = time.perf_counter() - started
    return [
        RebuildReport(
            index.name, locale, name, client.count(index_alias(index.name, locale)), seconds, old
        )
        for locale in locales
    ]


def rebuild_all(names=None, locales=None, *, progress_factory=None) -> list[RebuildReport]:
    """Rebuild every registered index (of ``names``). Its locales share it: every locale is
    rebuilt, ``locales`` only chooses the progress bars and reports.
    ``progress_factory(name, locale, total)`` returns a callable advanced once per document
    (a tqdm bar's ``update``), or None."""
    client = get_client(timeout=REBUILD_TIMEOUT)
    shown = list(locales or languages())
    reports = []
    for name in names or registry.indexes():
        index = registry.get(name)
        progress = None
        if progress_factory is not None:
            progress = {
                locale: progress_factory(name, locale, index.count_in_locale(locale))
                for locale in shown
            }
        reports += [
            report
            for report in rebuild_index(index, languages(), progress=progress, client=client)
            if report.locale in shown
        ]
    return reports


def rebuild_wagtail_indexes(*, chunk_size: int = BATCH_SIZE) -> dict[str, int]:
    """Rebuild the engine's copies of Wagtail's own indexes (pages, images, documents...),
    as Wagtail's ``update_index`` does: a new index with every model's mapping, every object,
    then the alias moved to it. Models with an engine index of their own (search.registry) are
    left out: their searches read the database backend. Returns objects per index name."""
    backend = get_search_backend(TIMEOUT=REBUILD_TIMEOUT)
    if getattr(backend, "sync_objects", None) is None:  # not an engine: nothing to rebuild
        return {}
    models = [model for model in get_indexed_models() if registry.for_model(model) is None]
    try:
        return load_wagtail_indexes(backend, models, chunk_size)
    except backend.engine_errors as error:
        raise EngineUnavailable(f"search engine at {backend.url}: {error}") from error


def load_wagtail_indexes(backend, models, chunk_size) -> dict[str, int]:
    counts = {}
    for index, index_models in group_models_by_index(backend, models).items():
        rebuilder = backend.rebuilder_class(index)
        new_index = rebuilder.start()
        for model in index_models:
            new_index.add_model(model)
        count = 0
        for model in index_models:
            objects = model.get_indexed_objects().order_by("pk")
            for start in range(0, objects.count(), chunk_size):
                chunk = list(objects[start : start + chunk_size])
                new_index.add_items(model, chunk)
                count += len(chunk)
        rebuilder.finish()
        counts[index.name] = count
    return counts
