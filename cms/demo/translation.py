"""Create real wagtail-localize translations of pages and snippets, with our own translated text.

What an editor does in the admin ("Translate this page", fill in the strings, "Publish"), done in
code:

1. ``TranslationSource.update_or_create_from_instance(obj)`` freezes the French source and splits
   it into segments (one ``String`` per title, slug, plain-text field, rich-text paragraph, list
   item, StreamField text block...).
2. For every target locale and every ``StringSegment``, a ``StringTranslation`` (the translation
   memory, keyed by string + context + locale) is written with the text found in ``translations``
   (French source text -> {"nl": ..., "en": ...}). Strings without a provided translation keep the
   source text (wagtail-localize's fallback).
3. Page links chosen in StreamFields (``LinkBlock.page``) are overridden (``SegmentOverride``) to
   point at the page's translation in the target locale when it exists.
4. ``TranslationCreator(user, locales).create_translations(obj)`` creates the ``Translation``
   records and calls ``Translation.save_target()``: the translated page/snippet is created (or
   updated) from the segments and published.

Filling the strings *before* ``TranslationCreator`` matters: ``create_translations`` already calls
``save_target`` once, so filling them afterwards would need a second save (two revisions per page,
the first one with the French text).

Already translated objects (a non-alias translation exists in the locale) are left alone, so
running the demo loader twice changes nothing.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping

from django.db import transaction
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.strings import StringValue

from .content import TRANSLATIONS

logger = logging.getLogger(__name__)

Translations = Mapping[str, Mapping[str, str]]


class TranslationError(RuntimeError):
    """wagtail-localize could not create a translation (it swallows validation errors)."""


class Glossary:
    """Looks up the translation of a segment.

    Keys are French source texts: plain text (matched against the segment's text, so "&", quotes
    and line breaks need no escaping) or HTML for rich-text paragraphs that contain inline markup
    (``<b>``, ``<a href=...>``): those are normalised the way wagtail-localize stores them
    (attributes replaced by ``id="a1"``...), and the translation must use the same tags.
    """

    def __init__(self, translations: Translations | None = None):
        self.plain: dict[str, Mapping[str, str]] = {}
        self.html: dict[str, dict[str, str]] = {}
        for source, targets in (translations or {}).items():
            if "<" in source:
                self.html[self._html_key(source)] = {
                    language: self._html_key(text) for language, text in targets.items()
                }
            else:
                self.plain[self._plain_key(source)] = targets

    @staticmethod
    def _plain_key(text: str) -> str:
        return "\n".join(" ".join(line.split()) for line in text.strip().split("\n"))

    @staticmethod
    def _html_key(html: str) -> str:
        return StringValue.from_source_html(html.strip())[0].data

    def lookup(self, segment_data: str, language_code: str) -> str | None:
        """The translated string, in the HTML form wagtail-localize stores, or None."""
        targets = self.html.get(segment_data)
        if targets and language_code in targets:
            return targets[language_code]
        text = self._plain_key(StringValue(segment_data).render_text())
        targets = self.plain.get(text)
        if targets and language_code in targets:
            return StringValue.from_plaintext(targets[language_code]).data
        return None


def _locales(locales: Iterable[Locale | str]) -> list[Locale]:
    result = []
    for locale in locales:
        if isinstance(locale, str):
            locale = Locale.objects.get(language_code=locale)
        result.append(locale)
    return result


def _existing_translation(instance, locale):
    translation = instance.get_translation_or_none(locale)
    if translation is None:
        return None
    if isinstance(translation, Page):
        if translation.alias_of_id:  # an alias (synchronised copy) is not a translation yet
            return None
        return translation.specific
    return translation


def fill_strings(source: TranslationSource, locale: Locale, glossary: Glossary, user=None) -> int:
    """Write the StringTranslations of ``source`` into ``locale``; returns how many were written."""
    written = 0
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = glossary.lookup(segment.string.data, locale.language_code)
        if text is None:
            continue
        string_translation, _ = StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": text,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )
        if string_translation.has_error:
            logger.warning(
                "Translation of %r into %s is invalid (tags or links differ from the source): "
                "the source text is used.",
                segment.string.data,
                locale.language_code,
            )
        written += 1
    return written


def localize_page_links(source: TranslationSource, locale: Locale, user=None) -> int:
    """Point page choosers of StreamField links (blocks whose field is named ``page``) at the
    translation of the chosen page in ``locale``, as an editor would in the translation editor.

    Returns how many overrides were created or changed (links to pages that are not translated
    yet keep pointing at the source page).
    """
    changed = 0
    for segment in OverridableSegment.objects.filter(source=source).select_related("context"):
        if segment.context.path.rsplit(".", 1)[-1] != "page" or not isinstance(segment.data, int):
            continue
        page = Page.objects.filter(pk=segment.data).first()
        translated = page.get_translation_or_none(locale) if page else None
        if translated is None or translated.alias_of_id:
            continue
        data_json = json.dumps(translated.pk)
        override = SegmentOverride.objects.filter(locale=locale, context=segment.context).first()
        if override is not None and override.data_json == data_json:
            continue
        if override is None:
            override = SegmentOverride(locale=locale, context=segment.context)
        override.data_json = data_json
        override.last_translated_by = user
        override.save()
        changed += 1
    return changed


def _ensure_published(translated, user):
    """New translations are drafts (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is off) and
    ``save_target()`` publishes through ``transaction.on_commit()``: the demo's translations are
    real ones, so publish them now, pages and snippets with drafts alike."""
    if isinstance(translated, DraftStateMixin) and (
        not translated.live or translated.has_unpublished_changes
    ):
        translated.get_latest_revision().publish(user=user)
        translated.refresh_from_db()


def sync_page_links(obj, locales: Iterable[Locale | str], user=None) -> int:
    """Re-point the page links of existing translations of ``obj`` at translated pages.

    Needed when a page links to pages translated after it (the home page links to its own
    children). Only saves (and publishes) a translation when one of its links changed, so it is
    idempotent. Returns the number of translations saved.
    """
    if isinstance(obj, Page):
        obj = obj.specific
    source = TranslationSource.objects.get_for_instance_or_none(obj)
    if source is None:
        return 0
    saved = 0
    for locale in _locales(locales):
        translation = Translation.objects.filter(source=source, target_locale=locale).first()
        if translation is None or not localize_page_links(source, locale, user):
            continue
        with transaction.atomic():
            translation.save_target(user=user, publish=True)
        _ensure_published(_existing_translation(obj, locale), user)
        saved += 1
    return saved


def _translate(instance, locales, *, user, publish, translations):
    if isinstance(instance, Page):
        instance = instance.specific
    if not isinstance(instance, TranslatableMixin):
        raise TypeError(f"{instance!r} is not translatable")
    results = {}
    targets = []
    for locale in _locales(locales):
        if locale.pk == instance.locale_id:
            continue
        existing = _existing_translation(instance, locale)
        if existing is not None:
            results[locale.language_code] = existing
        else:
            targets.append(locale)
    if not targets:
        return results

    glossary = translations if isinstance(translations, Glossary) else Glossary(translations)
    is_page = isinstance(instance, Page)
    with transaction.atomic():
        source, _ = TranslationSource.update_or_create_from_instance(instance)
        for locale in targets:
            fill_strings(source, locale, glossary, user)
            localize_page_links(source, locale, user)
        if publish or not is_page:
            # What the admin's "Translate" action does: creates Translation records and saves
            # the targets (published when the source is live).
            TranslationCreator(user, targets).create_translations(instance)
        else:
            for locale in targets:
                translation, _ = Translation.objects.update_or_create(
                    source=source, target_locale=locale, defaults={"enabled": True}
                )
                translation.save_target(user=user, publish=False)

    for locale in targets:
        translated = _existing_translation(instance, locale)
        if translated is None:
            raise TranslationError(
                f"wagtail-localize did not create the {locale.language_code} translation of "
                f"{instance!r} (a validation error is swallowed by TranslationCreator)."
            )
        if publish:
            _ensure_published(translated, user)
        results[locale.language_code] = translated
    return results


def translate_page(
    page: Page,
    locales: Iterable[Locale | str],
    user=None,
    publish: bool = True,
    translations: Translations | Glossary | None = None,
) -> dict[str, Page]:
    """Translate ``page`` into ``locales`` (Locale objects or language codes) with wagtail-localize.

    Parents must be translated first (otherwise wagtail-localize copies them untranslated).
    ``translations`` maps French source texts to {"nl": ..., "en": ...}; it defaults to the demo
    content's glossary. Returns {language_code: translated page} (existing ones included).
    """
    if translations is None:
        translations = TRANSLATIONS
    return _translate(page, locales, user=user, publish=publish, translations=translations)


def translate_snippet(
    obj: TranslatableMixin,
    locales: Iterable[Locale | str],
    user=None,
    translations: Translations | Glossary | None = None,
):
    """Translate a translatable snippet (Category, Navigation...) like ``translate_page``."""
    if translations is None:
        translations = TRANSLATIONS
    return _translate(obj, locales, user=user, publish=True, translations=translations)


def translate_record(record: TranslatableMixin, language_code: str, texts: Mapping[str, str]):
    """Translate a directory record (or any translatable snippet) into one language, field by
    field: ``texts`` maps field names to their translated text (other fields keep the source
    text). Returns the new translation, or None when the record already had one."""
    locale = Locale.objects.get(language_code=language_code)
    if _existing_translation(record, locale) is not None:
        return None
    glossary = {getattr(record, name): {language_code: text} for name, text in texts.items()}
    return translate_snippet(record, [locale], translations=glossary)[language_code]
