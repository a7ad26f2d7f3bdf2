"""Search answers and vocabularies kept until the content changes.

Kept under the content version (cms.core.content_version: the newest id of the change feed,
which every visible change writes) in the cache that DIRECTORY_CACHE names: local memory by
default, a shared one (Redis…) when CACHES says so; an empty DIRECTORY_CACHE keeps nothing.
A record that expires without being saved writes nothing to the change feed, so nothing is
kept past the moment the next visible record expires, nor past DIRECTORY_CACHE_SECONDS.
"""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.db.models import Min
from django.utils import timezone

from cms.core.content_version import content_version

from .models import Company, Coworker, ProjectIdea

#: (content version, when the next visible record expires), for this process
_next_expiry = [None, None]


def store():
    alias = getattr(settings, "DIRECTORY_CACHE", "")
    return caches[alias] if alias else None


def next_expiry(version, now):
    """When the next record visible at ``now`` expires (None: none does)."""
    kept_version, instant = _next_expiry
    if kept_version == version and (instant is None or instant > now):
        return instant
    found = [
        model.objects.public(now).filter(expire_at__gt=now).aggregate(next=Min("expire_at"))["next"]
        for model in (Coworker, Company, ProjectIdea)
    ]
    found = [instant for instant in found if instant is not None]
    _next_expiry[:] = [version, min(found) if found else None]
    return _next_expiry[1]


def key_for(*parts) -> str:
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:40]
    return f"directory:{digest}"


def kept(parts: tuple, compute, *, keep=lambda value: True):
    """``compute()``, or what it returned last for ``parts`` under the same content version."""
    cache = store()
    if cache is None:
        return compute()
    now = timezone.now()
    version = content_version()
    key = key_for(version, *parts)
    value = cache.get(key)
    if value is not None:
        return value
    value = compute()
    if keep(value):
        lifetime = timedelta(seconds=settings.DIRECTORY_CACHE_SECONDS)
        expiry = next_expiry(version, now)
        if expiry is not None:
            lifetime = min(lifetime, expiry - now)
        seconds = lifetime.total_seconds()
        if seconds >= 1:
            cache.set(key, value, int(seconds))
    return value
