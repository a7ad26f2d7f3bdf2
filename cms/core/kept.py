"""What every visitor of a site and language sees the same (menus, home and section pages, the
home page's listings), computed once per content version by each process.

Entries are dropped when the change feed moves (cms.core.content_version: at once in the process
that saved the change, within a second in the others) and at the latest after
SITE_CHROME_CACHE_SECONDS, which bounds what the feed does not record (an expiry date passing
before ``publish_scheduled`` runs, an event ending). With SITE_CHROME_CACHE_SECONDS = 0 nothing
is kept beyond the request.
"""

import time

from django.conf import settings
from django.utils import translation
from wagtail.models import Site

from cms.core.content_version import content_version

_kept = {"version": None, "since": 0.0, "values": {}}


def _memo(request, key, compute):
    if request is None:
        return compute()
    store = request.__dict__.setdefault("coffee_kept_memo", {})
    if key not in store:
        store[key] = compute()
    return store[key]


def kept(request, name, compute):
    """``compute()`` once per content version for the request's site and active language."""
    seconds = settings.SITE_CHROME_CACHE_SECONDS
    language = translation.get_language()
    if not seconds:
        return _memo(request, (language, name), compute)
    site = Site.find_for_request(request) if request is not None else None
    key = (site.pk if site is not None else None, language, name)
    version, now = content_version(), time.monotonic()
    if _kept["version"] != version or now - _kept["since"] > seconds:
        _kept.update(version=version, since=now, values={})
    values = _kept["values"]
    if key not in values:
        values[key] = compute()
    return values[key]


def forget() -> None:
    _kept.update(version=None, since=0.0, values={})
