"""Where each translation stands: the one place that says it, for the dashboard, the page
listing, the translation editor and the API.

``translation_status(obj)`` describes one page or translatable snippet in its own locale;
``translation_statuses(obj)`` describes every site language of ``obj``'s translation group,
languages without a translation included (``missing``).

A translation is *outdated* when its source changed since it was last synchronised (segments
whose text is new or different: ``changed_segments``) or when synchronised segments still lack
a translation (``untranslated_segments``); updating it from the source ("Sync translated
pages") keeps the translations of unchanged segments, since wagtail-localize keys them by
source text and position.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

SOURCE = "source"
MISSING = "missing"
DRAFT = "draft"
OUTDATED = "outdated"
MACHINE_UNREVIEWED = "machine_unreviewed"
UP_TO_DATE = "up_to_date"

STATE_LABELS = {
    SOURCE: _("Source"),
    MISSING: _("Missing"),
    DRAFT: _("Draft"),
    OUTDATED: _("Outdated"),
    MACHINE_UNREVIEWED: _("Machine-translated, not reviewed"),
    UP_TO_DATE: _("Up to date"),
}
#: the states of a translation, in the order the dashboard shows them
TRANSLATION_STATES = [MISSING, DRAFT, OUTDATED, MACHINE_UNREVIEWED, UP_TO_DATE]


@dataclass(frozen=True)
class TranslationStatus:
    locale: str
    source_locale: str
    state: str
    last_synchronised: datetime | None = None
    #: paths of source segments that are new or changed since the last synchronisation
    changed_segments: tuple[str, ...] = ()
    #: paths of synchronised segments without a translation in ``locale``
    untranslated_segments: tuple[str, ...] = ()
    #: paths of segments translated by a machine and not edited by a person since
    machine_segments: tuple[str, ...] = ()
    translation_id: int | None = None
    source_id: int | None = None
    instance: object = field(default=None, compare=False, repr=False)

    @property
    def label(self) -> str:
        return str(STATE_LABELS[self.state])

    @property
    def is_outdated(self) -> bool:
        return bool(self.changed_segments or self.untranslated_segments)

    @property
    def machine_translated(self) -> bool:
        return bool(self.machine_segments)

    def as_dict(self) -> dict:
        """The status as the partner API shows it."""
        return {
            "source_locale": self.source_locale,
            "locale": self.locale,
            "state": self.state,
            "outdated": self.is_outdated,
            "machine_translated": self.machine_translated,
            "reviewed": not self.machine_translated,
            "last_synchronised": self.last_synchronised,
            "changed_segments": list(self.changed_segments),
            "untranslated_segments": list(self.untranslated_segments),
        }


def segment_field_labels(paths, model) -> str:
    """The labels, in the active language, of the fields that segment paths belong to
    (``title``, ``body.<block id>.text``...), each once, for people to read."""
    labels = []
    for path in paths:
        name = path.split(".", 1)[0]
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            label = name
        else:
            # A child relation (``tagged_items.<key>.name``) is named by its items' model.
            label = str(
                capfirst(
                    field.related_model._meta.verbose_name_plural
                    if field.auto_created and field.one_to_many
                    else field.verbose_name
                )
            )
        if label not in labels:
            labels.append(label)
    return ", ".join(labels)


def _specific(obj):
    return obj.specific if isinstance(obj, Page) else obj


def _is_real(obj) -> bool:
    """Aliases are synchronised copies of the source, not translations."""
    return not (isinstance(obj, Page) and obj.alias_of_id)


def _is_draft(obj) -> bool:
    return isinstance(obj, DraftStateMixin) and not obj.live


NOT_LOADED = object()


class SourceComparison:
    """A TranslationSource compared with its object as it is now (computed once per source)."""

    def __init__(self, source: TranslationSource, synced=None, instance=NOT_LOADED):
        """``synced`` ([(string id, context id, path, text)]) and ``instance`` (the source
        object as it is now, None when deleted) may be given when read for many sources."""
        self.source = source
        if synced is None:
            synced = StringSegment.objects.filter(source=source).values_list(
                "string_id", "context_id", "context__path", "string__data"
            )
        self.synced = list(synced)
        synced_pairs = {(path, data) for _s, _c, path, data in self.synced}
        if instance is NOT_LOADED:
            try:
                instance = source.get_source_instance()
            except source.specific_content_type.model_class().DoesNotExist:
                instance = None
        current = extract_segments(instance) if instance is not None else []
        self.changed = tuple(
            sorted(
                {
                    segment.path
                    for segment in current
                    if isinstance(segment, StringSegmentValue)
                    and (segment.path, segment.string.data) not in synced_pairs
                }
            )
        )

    def status_in(
        self, locale, instance, translation: Translation | None, translation_type=None
    ) -> TranslationStatus:
        """``translation_type(string id, context id)`` may be given when the translations of
        many sources' segments were read at once; otherwise they are read here."""
        if translation_type is None:
            types = {
                (string_id, context_id): kind
                for string_id, context_id, kind in StringTranslation.objects.filter(
                    locale=locale, context_id__in={context for _s, context, _p, _d in self.synced}
                ).values_list("translation_of_id", "context_id", "translation_type")
            }
            translation_type = lambda string, context: types.get((string, context))  # noqa: E731
        untranslated, machine = _untranslated_and_machine(
            ((string, context, path) for string, context, path, _d in self.synced),
            translation_type,
        )
        return TranslationStatus(
            locale=locale.language_code,
            source_locale=self.source.locale.language_code,
            state=_state(instance, self.changed, untranslated, machine),
            last_synchronised=self.source.last_updated_at,
            changed_segments=self.changed,
            untranslated_segments=untranslated,
            machine_segments=machine,
            translation_id=translation.pk if translation else None,
            source_id=self.source.pk,
            instance=instance,
        )


def _untranslated_and_machine(synced, translation_type):
    """Paths of the synchronised segments without a translation, and of those translated by a
    machine; ``translation_type(string_id, context_id)`` is None without a translation."""
    untranslated, machine = set(), set()
    for string_id, context_id, path in synced:
        kind = translation_type(string_id, context_id)
        if kind is None:
            untranslated.add(path)
        elif kind == StringTranslation.TRANSLATION_TYPE_MACHINE:
            machine.add(path)
    return tuple(sorted(untranslated)), tuple(sorted(machine))


def _state(instance, changed, untranslated, machine) -> str:
    if _is_draft(instance):
        return DRAFT
    if changed or untranslated:
        return OUTDATED
    if machine:
        return MACHINE_UNREVIEWED
    return UP_TO_DATE


def _translation_into(obj) -> Translation | None:
    return (
        Translation.objects.filter(source__object_id=obj.translation_key, target_locale=obj.locale)
        .exclude(source__locale=obj.locale)
        .select_related("source", "source__locale", "target_locale")
        .first()
    )


def _source_status(obj) -> TranslationStatus:
    code = obj.locale.language_code
    return TranslationStatus(locale=code, source_locale=code, state=SOURCE, instance=obj)


def translation_status(obj) -> TranslationStatus:
    """The status of ``obj`` (a page or translatable snippet) in its own locale."""
    obj = _specific(obj)
    translation = _translation_into(obj)
    if translation is None:
        return _source_status(obj)
    if not _is_real(obj):
        return TranslationStatus(
            locale=obj.locale.language_code,
            source_locale=translation.source.locale.language_code,
            state=MISSING,
            translation_id=translation.pk,
        )
    return SourceComparison(translation.source).status_in(obj.locale, obj, translation)


def translation_statuses(obj) -> dict[str, TranslationStatus]:
    """{language code: status} for every site language of ``obj``'s translation group."""
    obj = _specific(obj)
    members = type(obj).objects.filter(translation_key=obj.translation_key)
    [(_source, statuses)] = group_statuses(members.select_related("locale"))
    return statuses


def group_statuses(rows) -> list[tuple[object, dict[str, TranslationStatus]]]:
    """translation_statuses() of every translation group among ``rows`` (rows of one model,
    with their locale), each with its source row: [(source row, {language: status})].

    Five queries whatever the number of groups (their translation sources, the translations,
    the sources' segments, the translations of those segments), plus what extracting a source
    object's segments reads (a chooser in a StreamField, a translated inline).
    """
    groups: dict[str, list] = {}
    for row in rows:
        groups.setdefault(str(row.translation_key), []).append(_specific(row))
    if not groups:
        return []
    sources: dict[str, TranslationSource] = {}
    for source in (
        TranslationSource.objects.filter(object_id__in=list(groups))
        .select_related("locale")
        .order_by("pk")
    ):
        sources.setdefault(str(source.object_id), source)
    translations = {
        (translation.source_id, translation.target_locale.language_code): translation
        for translation in Translation.objects.filter(
            source__in=list(sources.values())
        ).select_related("target_locale")
    }
    synced: dict[int, list] = {source.pk: [] for source in sources.values()}
    for source_id, *segment in StringSegment.objects.filter(
        source__in=list(sources.values())
    ).values_list("source_id", "string_id", "context_id", "context__path", "string__data"):
        synced[source_id].append(tuple(segment))
    contexts = {segment[1] for segments in synced.values() for segment in segments}
    types = {}
    if contexts:
        types = {
            (string, context, locale): kind
            for string, context, locale, kind in StringTranslation.objects.filter(
                context_id__in=contexts
            ).values_list("translation_of_id", "context_id", "locale_id", "translation_type")
        }
    result = []
    for key, group in groups.items():
        members = {member.locale.language_code: member for member in group}
        source = sources.get(key)
        if source is not None:
            source_code = source.locale.language_code
        else:
            source_code = min(group, key=lambda member: member.pk).locale.language_code
        comparison = None
        if source is not None:
            comparison = SourceComparison(
                source, synced[source.pk], instance=members.get(source_code)
            )
        statuses = {}
        for code, _name in settings.LANGUAGES:
            member = members.get(code)
            translation = translations.get((source.pk, code)) if source is not None else None
            if code == source_code and member is not None:
                statuses[code] = _source_status(member)
            elif member is None or not _is_real(member) or translation is None:
                statuses[code] = TranslationStatus(
                    locale=code,
                    source_locale=source_code,
                    state=MISSING if member is None or not _is_real(member) else SOURCE,
                    instance=member if member is not None and _is_real(member) else None,
                )
            else:
                locale_id = translation.target_locale_id
                statuses[code] = comparison.status_in(
                    translation.target_locale,
                    member,
                    translation,
                    lambda string, context, locale_id=locale_id: types.get(
                        (string, context, locale_id)
                    ),
                )
        result.append((members.get(source_code) or group[0], statuses))
    return result


# Many objects at once (API listings) ---------------------------------------------------------

#: Locale id -> language code, kept in the process (cleared when a Locale is saved or deleted).
_language_codes: dict[int, str] = {}


def _forget_language_codes(**kwargs) -> None:
    _language_codes.clear()


post_save.connect(_forget_language_codes, sender=Locale, dispatch_uid="coffee-status-locales")
post_delete.connect(_forget_language_codes, sender=Locale, dispatch_uid="coffee-status-locales")


def _language_code(locale_id: int) -> str:
    if locale_id not in _language_codes:
        _language_codes.update(Locale.objects.values_list("pk", "language_code"))
    return _language_codes[locale_id]


def translation_statuses_for(objects) -> list[TranslationStatus]:
    """translation_status() of each object (pages, page rows with ``translation_key``,
    ``locale_id`` and ``alias_of_id``, translatable snippets), in order, for a whole listing.

    Two queries whatever the number of objects (the translations into the objects' locales
    with their sources, then the translations of their segments), plus one comparison per
    distinct source (its synchronised segments and a segment extraction of its object).
    """
    objects = list(objects)
    if not objects:
        return []
    translations = {
        (str(translation.source.object_id), translation.target_locale_id): translation
        for translation in Translation.objects.filter(
            source__object_id__in={obj.translation_key for obj in objects},
            target_locale_id__in={obj.locale_id for obj in objects},
        )
        .exclude(source__locale_id=F("target_locale_id"))
        .select_related("source")
        .order_by("-pk")
    }
    found = {
        id(obj): translations.get((str(obj.translation_key), obj.locale_id)) for obj in objects
    }
    sources = {t.source.pk: t.source for t in found.values() if t is not None}
    comparisons = {pk: SourceComparison(source) for pk, source in sources.items()}
    contexts = {
        context for comparison in comparisons.values() for _s, context, _p, _d in comparison.synced
    }
    types = {}
    if contexts:
        types = {
            (string, context, locale): kind
            for string, context, locale, kind in StringTranslation.objects.filter(
                locale_id__in={obj.locale_id for obj in objects}, context_id__in=contexts
            ).values_list("translation_of_id", "context_id", "locale_id", "translation_type")
        }
    statuses = []
    for obj in objects:
        code = _language_code(obj.locale_id)
        translation = found[id(obj)]
        if translation is None:
            statuses.append(TranslationStatus(locale=code, source_locale=code, state=SOURCE))
            continue
        source_code = _language_code(translation.source.locale_id)
        if getattr(obj, "alias_of_id", None):
            statuses.append(
                TranslationStatus(
                    locale=code,
                    source_locale=source_code,
                    state=MISSING,
                    translation_id=translation.pk,
                )
            )
            continue
        comparison = comparisons[translation.source.pk]
        changed = comparison.changed
        untranslated, machine = _untranslated_and_machine(
            ((string, context, path) for string, context, path, _d in comparison.synced),
            lambda string, context, locale=obj.locale_id: types.get((string, context, locale)),
        )
        statuses.append(
            TranslationStatus(
                locale=code,
                source_locale=source_code,
                state=_state(obj, changed, untranslated, machine),
                last_synchronised=translation.source.last_updated_at,
                changed_segments=changed,
                untranslated_segments=untranslated,
                machine_segments=machine,
                translation_id=translation.pk,
                source_id=translation.source.pk,
            )
        )
    return statuses
