"""Rebuilding the directory indexes with no downtime.

For each kind: create ``<base>-<timestamp>`` (no refresh, no replica, an asynchronous
translog while loading), send it every row some locale shows, in bulk
requests sent by two threads while the next documents are built; then restore the settings,
refresh, move the locales' aliases to it in one atomic request and delete the indices no
alias uses any more. Searches keep reading the old index until the swap.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from cms.directory.indexing import forget_context
from cms.directory.kinds import KINDS
from search.clients import get_client, index_alias, index_base

from .documents import build_rows, index_body, locale_aliases
from .indexer import current_context, languages

BATCH_SIZE = 2000
REBUILD_TIMEOUT = 120  # seconds per bulk request while rebuilding
LOADING_SETTINGS = {"refresh_interval": "-1", "translog.durability": "async"}
SERVING_SETTINGS = {"refresh_interval": "1s", "translog.durability": "request"}


def new_index_name(base: str) -> str:
    return f"{base}-{timezone.now():%Y%m%d%H%M%S%f}"


@dataclass
class RebuildReport:
    kind: str
    locale: str
    index: str
    documents: int  # rows this locale shows
    seconds: float  # the whole kind's rebuild: its locales share one index
    deleted: list


def actions(kind, name: str, context, progress: dict[str, Callable] | None = None):
    """Index actions for every public row of ``kind`` that some locale shows."""
    rows = kind.model.objects.public().exclude(shown_in="").order_by("pk")
    for document_id, document in build_rows(kind, rows.values_list("pk", flat=True), context):
        yield {"_op_type": "index", "_index": name, "_id": document_id, "_source": document}
        for locale in document["locales"]:
            if progress and progress.get(locale):
                progress[locale](1)


def rebuild_kind(kind, locales, *, progress=None, client=None) -> list[RebuildReport]:
    client = client or get_client()
    started = time.perf_counter()
    base = index_base(kind.name)
    name = new_index_name(base)
    body = index_body(kind, name)
    body["settings"].update(LOADING_SETTINGS)
    client.create_index(name, body)
    try:
        _count, errors = client.bulk(
            actions(kind, name, current_context(), progress),
            chunk_size=BATCH_SIZE,
            timeout=REBUILD_TIMEOUT,
            parallel=True,
        )
        if errors:
            raise RuntimeError(f"{len(errors)} documents were refused, first: {errors[0]}")
        client.set_settings(name, {"index": SERVING_SETTINGS})
        client.refresh(name)
        old = client.swap_aliases(name, locale_aliases(kind, locales))
    except Exception:
        client.delete_index(name)
        raise
    # Indices no locale reads any more go, with those left by an interrupted rebuild.
    in_use = {name}
    for locale in languages():
        in_use.update(client.indices_of_alias(index_alias(kind.name, locale)))
    for index in client.indices_matching(f"{base}-*"):
        if index not in in_use:
            client.delete_index(index)
    seconds = time.perf_counter() - started
    return [
        RebuildReport(
            kind.name, locale, name, client.count(index_alias(kind.name, locale)), seconds, old
        )
        for locale in locales
    ]


def rebuild_all(kinds=None, locales=None, *, progress_factory=None) -> list[RebuildReport]:
    """Rebuild the index of every kind (of ``kinds``). Its locales share it: every locale is
    rebuilt, ``locales`` only chooses the progress bars and reports.
    ``progress_factory(kind, locale, total)`` returns a callable advanced once per document
    (a tqdm bar's ``update``), or None."""
    forget_context()
    client = get_client(timeout=REBUILD_TIMEOUT)
    shown = list(locales or languages())
    reports = []
    for kind_name in kinds or KINDS:
        kind = KINDS[kind_name]
        progress = None
        if progress_factory is not None:
            progress = {
                locale: progress_factory(
                    kind_name, locale, kind.model.objects.in_locale(locale).count()
                )
                for locale in shown
            }
        reports += [
            report
            for report in rebuild_kind(kind, languages(), progress=progress, client=client)
            if report.locale in shown
        ]
    return reports
