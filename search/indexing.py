"""Keeping the search indexes up to date: one place that every save, delete and bulk load
goes through, whichever engines are configured."""

import logging

from wagtail.search import index
from wagtail.search.backends import get_search_backends

logger = logging.getLogger(__name__)


def index_record(instance) -> None:
    """(Re)index one object in every search backend that updates automatically."""
    index.insert_or_update_object(instance)


def unindex_record(instance) -> None:
    index.remove_object(instance)


def index_records(model, objects, *, batch_size: int = 1000) -> int:
    """Index many objects of one model at once (bulk loads, rebuilds). Returns the count."""
    objects = list(objects)
    for backend in get_search_backends(with_auto_update=True):
        for start in range(0, len(objects), batch_size):
            backend.add_bulk(model, objects[start : start + batch_size])
    return len(objects)
