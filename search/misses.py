"""Searches that find nothing, recorded per language without personal data (search.models
.SearchMiss): the words normalised, a count and when it was last seen; no address, no user,
and nothing that looks like an e-mail address or a phone number."""

import re

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import SearchMiss
from .site import normalise_query

#: what is never recorded: an e-mail address, a run of digits like a phone or account number
PERSONAL = re.compile(r"@|\d[\d .\-/]{5,}\d")
MAX_LENGTH = 200


def recordable(query: str) -> str:
    """The form ``query`` is recorded in, or "" when it must not be recorded."""
    words = normalise_query(query)[:MAX_LENGTH].strip()
    if not words or PERSONAL.search(words):
        return ""
    return words


def record(query: str, language: str) -> None:
    """Count one more search for ``query`` in ``language`` that found nothing. New queries
    stop being recorded once SEARCH_MISSES_MAX are kept (those kept still count)."""
    words = recordable(query)
    if not words:
        return
    now = timezone.now()
    existing = SearchMiss.objects.filter(query=words, language=language)
    if existing.update(count=F("count") + 1, last_seen=now):
        return
    if SearchMiss.objects.count() >= settings.SEARCH_MISSES_MAX:
        return
    try:
        with transaction.atomic():
            SearchMiss.objects.create(query=words, language=language, last_seen=now)
    except IntegrityError:  # another request recorded it first
        existing.update(count=F("count") + 1, last_seen=now)
