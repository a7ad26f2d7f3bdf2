"""Keeping an engine's documents in step with the database.

The unit of work is a translation group: whenever any row of a group changes (save, publish,
unpublish, consent, erase, delete), which row each language shows may change too, so every
language's document of the group is read again from the registered index (search.registry)
and written, or deleted when no locale shows that row any more.
When the engine cannot be reached, the group goes into ``PendingIndexUpdate`` and is retried
later: an edit is never lost and a save never fails because of the engine. Pages, images and
documents (Wagtail's own indexes, search/engine_backend.py) are queued there too, per object.
"""

import logging
import time
from collections import defaultdict

from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.search.backends import get_search_backend

from search import registry
from search.clients import get_client, index_alias, index_base, remote_engine_configured
from search.engines.base import EngineUnavailable
from search.models import PendingIndexUpdate

from .documents import document_id as document_id_of
from .documents import index_body

logger = logging.getLogger(__name__)

RETRY_BATCH = 500


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def new_index_name(base: str) -> str:
    return f"{base}-{timezone.now():%Y%m%d%H%M%S%f}"


def locale_aliases(name: str, locales) -> dict[str, dict]:
    """Alias name -> definition, for each locale: the rows that locale shows."""
    return {
        index_alias(name, locale): {"filter": {"term": {"locales": locale}}} for locale in locales
    }


def model_label(model) -> str:
    return model._meta.label_lower


_known_aliases: dict[tuple, tuple] = {}  # (url, index base) -> (when checked, write aliases)
ALIAS_CHECK_SECONDS = 60


def ensure_index(client, index: registry.EngineIndex) -> list[str]:
    """The aliases to write an index's documents through: one per engine index behind its
    locales' aliases (one, unless indexes of an older layout, one per locale, are still there
    until the next rebuild). The engine index is created when missing. Checked at most once a
    minute per process: a save should cost one bulk request, not four."""
    base = index_base(index.name)
    seen, targets = _known_aliases.get((client.url, base), (None, []))
    if seen is not None and time.monotonic() - seen < ALIAS_CHECK_SECONDS:
        return targets
    aliases = locale_aliases(index.name, languages())
    indices = {alias: client.indices_of_alias(alias) for alias in aliases}
    missing = {alias: definition for alias, definition in aliases.items() if not indices[alias]}
    if missing:
        name = new_index_name(base)
        client.create_index(name, index_body(index.shape, name))
        client.swap_aliases(name, missing)
        indices.update({alias: [name] for alias in missing})
    targets, covered = [], set()
    for alias, names in indices.items():
        if not covered.issuperset(names):
            targets.append(alias)
            covered.update(names)
    _known_aliases[(client.url, base)] = (time.monotonic(), targets)
    return targets


def group_actions(index: registry.EngineIndex, translation_keys, targets):
    """Bulk actions writing or deleting the document of every row of these groups (written
    when the row is shown in some locale, deleted otherwise) through each of ``targets``."""
    keys = [str(key) for key in translation_keys]
    documents = dict(index.documents(keys))
    actions = []
    for alias in targets:
        for key in keys:
            for language in languages():
                document_id = document_id_of(key, language)
                document = documents.get(document_id)
                if document is None:
                    actions.append({"_op_type": "delete", "_index": alias, "_id": document_id})
                else:
                    actions.append(
                        {
                            "_op_type": "index",
                            "_index": alias,
                            "_id": document_id,
                            "_source": document,
                        }
                    )
    return actions


def sync_groups(model, translation_keys, *, refresh: bool = False) -> None:
    """Write the current state of these groups of ``model``'s index, and of the groups that
    follow them in other indexes, to the engine; raises EngineUnavailable."""
    index = registry.for_model(model)
    if index is None:
        return
    keys = {str(key) for key in translation_keys}
    batches = defaultdict(set)
    batches[index.name] |= keys
    for other, other_keys in index.related_groups(keys).items():
        batches[other] |= {str(key) for key in other_keys}
    client = get_client()
    for name, batch_keys in batches.items():
        if not batch_keys:
            continue
        batch_index = registry.get(name)
        targets = ensure_index(client, batch_index)
        _ok, errors = client.bulk(group_actions(batch_index, sorted(batch_keys), targets))
        if errors:
            raise EngineUnavailable(f"{len(errors)} documents refused: {errors[:1]}")
        if refresh:
            for alias in targets:
                client.refresh(alias)


def remember(model, translation_keys, error) -> None:
    remember_each(model, "translation_key", translation_keys, error)


def remember_objects(model, pks, error) -> None:
    """Objects of Wagtail's indexes (pages, images, documents) the engine could not take."""
    remember_each(model, "object_id", pks, error)


def remember_each(model, field: str, values, error) -> None:
    """One pending update per value of ``field``; one already waiting counts another attempt."""
    label = model_label(model)
    for value in {str(value) for value in values}:
        try:
            with transaction.atomic():
                pending, created = PendingIndexUpdate.objects.get_or_create(
                    model=label, **{field: value}, defaults={"last_error": str(error)[:2000]}
                )
            if not created:
                PendingIndexUpdate.objects.filter(pk=pending.pk).update(
                    attempts=F("attempts") + 1, last_error=str(error)[:2000]
                )
        except IntegrityError:  # another worker remembered it first
            continue


def sync_pending(model, rows) -> None:
    """Send the engine these pending rows of ``model``; raises EngineUnavailable."""
    groups = [row.translation_key for row in rows if row.translation_key]
    if groups:
        sync_groups(model, groups)
    objects = [row.object_id for row in rows if row.object_id]
    if objects:
        backend = get_search_backend()
        sync_objects = getattr(backend, "sync_objects", None)  # an engine behind the breaker
        if sync_objects is not None:
            sync_objects(model, objects)


def update_groups(model_name: str, translation_keys, *, retry_pending: bool = True) -> bool:
    """Sync these groups, remembering them when the engine is down. Never raises for the
    engine. Returns True when the engine took the update."""
    if not remote_engine_configured():
        return True
    model = apps.get_model(model_name)
    try:
        sync_groups(model, translation_keys)
    except EngineUnavailable as error:
        logger.warning(
            "Search engine unavailable: %d %s groups kept for later (%s)",
            len(set(translation_keys)),
            model_name,
            error,
        )
        remember(model, translation_keys, error)
        return False
    if retry_pending:
        retry_pending_updates(limit=RETRY_BATCH)
    return True


def retry_pending_updates(*, limit: int | None = None) -> tuple[int, int]:
    """Retry what the engine missed. Returns (done, still pending)."""
    if not remote_engine_configured():
        return 0, PendingIndexUpdate.objects.count()
    rows = list(
        PendingIndexUpdate.objects.order_by("pk")[:limit]
        if limit
        else PendingIndexUpdate.objects.order_by("pk")
    )
    if not rows:
        return 0, 0
    by_model = defaultdict(list)
    for row in rows:
        by_model[row.model].append(row)
    done = 0
    for label, group in by_model.items():
        try:
            sync_pending(apps.get_model(label), group)
        except EngineUnavailable as error:
            PendingIndexUpdate.objects.filter(pk__in=[row.pk for row in group]).update(
                attempts=F("attempts") + 1, last_error=str(error)[:2000]
            )
            break
        except LookupError:
            pass  # a model that no longer exists: nothing to index
        # Delete exactly the rows read: a newer failure for the same group keeps its row
        # only if it was created after (it has a new pk).
        PendingIndexUpdate.objects.filter(pk__in=[row.pk for row in group]).delete()
        done += len(group)
    return done, PendingIndexUpdate.objects.count()
