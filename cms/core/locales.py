"""Locales by id, read once per process: a handful of rows that change when a language is added.

Every page template reads its page's locale (lang, og:locale, alternates); a served page has
only its ``locale_id`` loaded, so each page view would cost one query for it.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale

_codes: dict[int, str] = {}


def locale_by_id(locale_id: int) -> Locale:
    """A Locale instance for this id (its language code read once per process)."""
    if locale_id not in _codes:
        _codes.clear()
        _codes.update(Locale.objects.values_list("pk", "language_code"))
    return Locale(pk=locale_id, language_code=_codes[locale_id])


def forget_locales(**kwargs) -> None:
    _codes.clear()


post_save.connect(forget_locales, sender=Locale, dispatch_uid="coffee-core-locales-saved")
post_delete.connect(forget_locales, sender=Locale, dispatch_uid="coffee-core-locales-deleted")
