"""Index updates as django-tasks tasks, enqueued once the saving transaction has committed.

The "default" TASKS backend runs them at once (ImmediateBackend); a database backend and a
worker (``manage.py db_worker``) take them off the request when configured.
"""

import logging

from django_tasks import task

from search.indexer import retry_pending_updates, update_groups

logger = logging.getLogger(__name__)


@task()
def update_search_index(model: str, translation_keys: list[str]) -> bool:
    """Bring the engine's documents of these translation groups up to date (never raises
    because the engine is down: the groups are kept for a retry)."""
    return update_groups(model, translation_keys)


@task()
def retry_pending_search_updates() -> int:
    done, _left = retry_pending_updates()
    return done


def replay_when_recovered(sender, url, **kwargs) -> None:
    """The engine answers again (search.breaker.engine_recovered): send it what it missed."""
    try:
        retry_pending_search_updates.enqueue()
    except Exception:  # a broken task backend: search_retry_pending still replays them
        logger.exception("Could not enqueue the replay of pending search index updates")
