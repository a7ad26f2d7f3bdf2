"""Keeping the engine's directory documents in step with the database.

The unit of work is a translation group: whenever any row of a group changes (save, publish,
unpublish, consent, erase, delete), which row each language shows may change too, so every
locale's document of the group is recomputed from ``in_locale()`` and written or deleted.
When the engine cannot be reached, the group goes into ``PendingIndexUpdate`` and is retried
later: an edit is never lost and a save never fails because of the engine.
"""

import logging
import time
from collections import defaultdict

from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F

from cms.directory.indexing import current_context
from cms.directory.kinds import KINDS
from search.clients import get_client, index_base, remote_engine_configured
from search.directory.engines.base import EngineUnavailable

from .documents import build_rows, index_body, locale_aliases
from .documents import document_id as document_id_of

logger = logging.getLogger(__name__)

RETRY_BATCH = 500


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def kind_of_model(model):
    return next(kind for kind in KINDS.values() if kind.model is model)


def model_label(model) -> str:
    return model._meta.label_lower


_known_aliases: dict[tuple, tuple] = {}  # (url, index base) -> (when checked, write aliases)
ALIAS_CHECK_SECONDS = 60


def ensure_index(client, kind) -> list[str]:
    """The aliases to write ``kind``'s documents through: one per index behind its locales'
    aliases (one index, unless indexes of an older layout, one per locale, are still there
    until the next rebuild). The index is created when missing. Checked at most once a minute
    per process: a save should cost one bulk request, not four."""
    seen, targets = _known_aliases.get((client.url, index_base(kind.name)), (None, []))
    if seen is not None and time.monotonic() - seen < ALIAS_CHECK_SECONDS:
        return targets
    aliases = locale_aliases(kind, languages())
    indices = {alias: client.indices_of_alias(alias) for alias in aliases}
    missing = {alias: definition for alias, definition in aliases.items() if not indices[alias]}
    if missing:
        from .rebuild import new_index_name

        name = new_index_name(index_base(kind.name))
        client.create_index(name, index_body(kind, name))
        client.swap_aliases(name, missing)
        indices.update({alias: [name] for alias in missing})
    targets, covered = [], set()
    for alias, names in indices.items():
        if not covered.issuperset(names):
            targets.append(alias)
            covered.update(names)
    _known_aliases[(client.url, index_base(kind.name))] = (time.monotonic(), targets)
    return targets


def group_actions(kind, translation_keys, targets):
    """Bulk actions writing or deleting the document of every row of these groups (written
    when the row is shown in some locale, deleted otherwise) through each of ``targets``."""
    keys = [str(key) for key in translation_keys]
    rows = kind.model.objects.public().filter(translation_key__in=keys).exclude(shown_in="")
    documents = dict(
        build_rows(kind, rows.order_by("pk").values_list("pk", flat=True), current_context())
    )
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


def dependent_groups(model, keys) -> dict:
    """Other groups whose visibility follows these ones (a person's project ideas)."""
    extra = {}
    if model._meta.label_lower == "directory.coworker":
        from cms.directory.models import ProjectIdea

        posted = ProjectIdea._default_manager.filter(
            posted_by_coworker__translation_key__in=list(keys)
        ).values_list("translation_key", flat=True)
        extra[ProjectIdea] = {str(key) for key in posted}
    return extra


def sync_groups(model, translation_keys, *, refresh: bool = False) -> None:
    """Write the current state of these groups to the engine; raises EngineUnavailable."""
    keys = {str(key) for key in translation_keys}
    batches = defaultdict(set)
    batches[model] |= keys
    for other, other_keys in dependent_groups(model, keys).items():
        batches[other] |= other_keys
    client = get_client()
    for batch_model, batch_keys in batches.items():
        if not batch_keys:
            continue
        kind = kind_of_model(batch_model)
        targets = ensure_index(client, kind)
        _ok, errors = client.bulk(group_actions(kind, sorted(batch_keys), targets))
        if errors:
            raise EngineUnavailable(f"{len(errors)} documents refused: {errors[:1]}")
        if refresh:
            for alias in targets:
                client.refresh(alias)


def remember(model, translation_keys, error) -> None:
    from search.models import PendingIndexUpdate

    label = model_label(model)
    for key in {str(key) for key in translation_keys}:
        try:
            with transaction.atomic():
                pending, created = PendingIndexUpdate.objects.get_or_create(
                    model=label, translation_key=key, defaults={"last_error": str(error)[:2000]}
                )
            if not created:
                PendingIndexUpdate.objects.filter(pk=pending.pk).update(
                    attempts=F("attempts") + 1, last_error=str(error)[:2000]
                )
        except IntegrityError:  # another worker remembered it first
            continue


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
    from search.models import PendingIndexUpdate

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
            sync_groups(apps.get_model(label), [row.translation_key for row in group])
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
