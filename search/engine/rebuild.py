"""Rebuilding the directory indexes with no downtime.

For each kind and locale: create ``<alias>-<timestamp>`` (no refresh, no replica while
loading), stream every document into it with bulk requests, refresh, then move the alias in
one atomic request and delete the indices it pointed to before. Searches keep reading the old
index until the swap.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from cms.directory.indexing import forget_context
from cms.directory.kinds import KINDS
from search.clients import get_client, index_alias

from .documents import build_documents, index_body
from .indexer import current_context, languages

BATCH_SIZE = 1000
REBUILD_TIMEOUT = 120  # seconds per bulk request while rebuilding


def new_index_name(alias: str) -> str:
    return f"{alias}-{timezone.now():%Y%m%d%H%M%S%f}"


@dataclass
class RebuildReport:
    kind: str
    locale: str
    index: str
    documents: int
    seconds: float
    deleted: list


def documents(kind, locale, index_name, context, progress: Callable[[int], None] | None = None):
    pks = kind.model.objects.in_locale(locale).order_by("pk").values_list("pk", flat=True)
    for key, document in build_documents(kind, pks, context):
        yield {"_op_type": "index", "_index": index_name, "_id": key, "_source": document}
        if progress is not None:
            progress(1)


def rebuild_index(kind, locale, *, progress=None, client=None) -> RebuildReport:
    client = client or get_client()
    started = time.perf_counter()
    alias = index_alias(kind.name, locale)
    name = new_index_name(alias)
    body = index_body(kind, name)
    body["settings"]["refresh_interval"] = "-1"
    client.create_index(name, body)
    try:
        count, errors = client.bulk(
            documents(kind, locale, name, current_context(), progress),
            chunk_size=BATCH_SIZE,
            timeout=REBUILD_TIMEOUT,
        )
        if errors:
            raise RuntimeError(f"{len(errors)} documents were refused, first: {errors[0]}")
        client.set_settings(name, {"index": {"refresh_interval": "1s"}})
        client.refresh(name)
        old = client.swap_alias(alias, name)
    except Exception:
        client.delete_index(name)
        raise
    for index in old:
        client.delete_index(index)
    # Indices left behind by an interrupted rebuild (never aliased) go too.
    for index in client.indices_matching(f"{alias}-*"):
        if index != name and index not in old:
            client.delete_index(index)
    return RebuildReport(kind.name, locale, name, count, time.perf_counter() - started, old)


def rebuild_all(kinds=None, locales=None, *, progress_factory=None) -> list[RebuildReport]:
    """Rebuild every (kind, locale) index. ``progress_factory(kind, locale, total)`` returns a
    callable advanced once per document (a tqdm bar's ``update``), or None."""
    forget_context()
    client = get_client(timeout=REBUILD_TIMEOUT)
    reports = []
    for kind_name in kinds or KINDS:
        kind = KINDS[kind_name]
        for locale in locales or languages():
            progress = None
            if progress_factory is not None:
                total = kind.model.objects.in_locale(locale).count()
                progress = progress_factory(kind_name, locale, total)
            reports.append(rebuild_index(kind, locale, progress=progress, client=client))
    return reports
