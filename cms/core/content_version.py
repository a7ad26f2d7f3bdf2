"""The content version: the id of the newest entry of the change feed (cms/api/changes.py).

Every publish, unpublish, edit or delete of visible content writes to the change feed, so
results computed from the content can be cached under this number: a change anywhere retires
them all, at once in the process that saved it and within VERSION_TTL in the others (each
process re-reads the number at most once per VERSION_TTL). The change feed belongs to the
partner API; it is named here by its model label, not imported, so that any app can read the
version without depending on the API.
"""

import time

from django.apps import apps
from django.db.models import Max
from django.db.models.signals import post_save

CHANGE_FEED_MODEL = "coffee_api.ContentChange"
VERSION_TTL = 1.0

#: [newest change id, time.monotonic() when read, newest change time]
_version = [None, 0.0, None]


def _read_version() -> None:
    now = time.monotonic()
    if _version[0] is None or now - _version[1] > VERSION_TTL:
        try:
            feed = apps.get_model(CHANGE_FEED_MODEL)
        except LookupError:  # no change feed in this project: nothing is ever kept long
            _version[:] = [int(now), now, None]
            return
        newest = feed.objects.aggregate(id=Max("id"), timestamp=Max("timestamp"))
        _version[:] = [newest["id"] or 0, now, newest["timestamp"]]


def content_version() -> int:
    """The newest change's id (0 when the feed is empty), read at most once per VERSION_TTL
    by this process."""
    _read_version()
    return _version[0]


def latest_change_time():
    """When the change feed last moved (None if it is empty), with content_version()'s bound."""
    _read_version()
    return _version[2]


def forget_version(**kwargs) -> None:
    _version[:] = [None, 0.0, None]


post_save.connect(forget_version, sender=CHANGE_FEED_MODEL, dispatch_uid="coffee-content-version")
