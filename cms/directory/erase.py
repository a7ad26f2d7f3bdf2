"""Erasing a person from everywhere: every translation of their record, its revisions, audit
log entries, wagtail-localize strings, search index entries, contact-form traces, the links
companies and project ideas had to them, and the project ideas they posted alone."""

import uuid
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.dispatch import Signal

from .models import Company, ContactMessage, Coworker, ProjectIdea

#: Sent inside the erasure's transaction with ``emails`` (the person's addresses) and
#: ``report`` (a Counter): other apps erase what they keep about the person and count it.
person_erased = Signal()


class PersonNotFound(LookupError):
    pass


def find_person(identifier: str):
    """The translation key of the person named by a record id, a slug or a translation key."""
    identifier = str(identifier).strip()
    queryset = Coworker.objects.all()
    if identifier.isdigit():
        row = queryset.filter(pk=int(identifier)).first()
    else:
        try:
            row = queryset.filter(translation_key=uuid.UUID(identifier)).first()
        except ValueError:
            row = queryset.filter(slug=identifier).first()
    if row is None:
        raise PersonNotFound(identifier)
    return row.translation_key


def _purge_localize(model, translation_keys, report: Counter, label: str):
    """wagtail-localize keeps a copy of the source text (strings, segments, JSON snapshot)."""
    from wagtail_localize.models import (
        SegmentOverride,
        String,
        StringSegment,
        StringTranslation,
        TranslatableObject,
        TranslationContext,
        TranslationSource,
    )

    objects = TranslatableObject.objects.filter(translation_key__in=translation_keys)
    sources = TranslationSource.objects.filter(object__in=objects)
    contexts = TranslationContext.objects.filter(object__in=objects)
    # Strings are shared between sources: only those no other source uses are this record's.
    used_elsewhere = StringSegment.objects.exclude(source__in=sources).values("string_id")
    own_strings = String.objects.filter(segments__source__in=sources).exclude(pk__in=used_elsewhere)
    own_string_ids = set(own_strings.values_list("pk", flat=True))
    # Translations go first, while their context still exists (wagtail-localize's delete
    # signal reads it).
    report[f"{label}: wagtail-localize translations"] += StringTranslation.objects.filter(
        Q(context__in=contexts) | Q(translation_of_id__in=own_string_ids)
    ).delete()[0]
    report[f"{label}: wagtail-localize overrides"] += SegmentOverride.objects.filter(
        context__in=contexts
    ).delete()[0]
    report[f"{label}: wagtail-localize sources and segments"] += sources.delete()[0]
    contexts.delete()
    objects.delete()
    report[f"{label}: wagtail-localize strings"] += String.objects.filter(
        pk__in=own_string_ids
    ).delete()[0]


def _purge_rows(model, translation_keys, report: Counter, label: str):
    """Delete every row of these translation groups with what Wagtail keeps beside them."""
    from wagtail.models import ModelLogEntry, ReferenceIndex, Revision, WorkflowState
    from wagtail.search.models import IndexEntry

    rows = model.objects.filter(translation_key__in=translation_keys)
    ids = [str(pk) for pk in rows.values_list("pk", flat=True)]
    if not ids:
        return []
    content_type = ContentType.objects.get_for_model(model)
    revisions = Revision.objects.filter(base_content_type=content_type, object_id__in=ids)
    report[f"{label}: revisions"] += revisions.count()
    report[f"{label}: audit log entries"] += ModelLogEntry.objects.filter(
        content_type=content_type, object_id__in=ids
    ).delete()[0]
    report[f"{label}: workflow states"] += WorkflowState.objects.filter(
        base_content_type=content_type, object_id__in=ids
    ).delete()[0]
    ReferenceIndex.objects.filter(
        Q(base_content_type=content_type, object_id__in=ids)
        | Q(to_content_type=content_type, to_object_id__in=ids)
    ).delete()
    _purge_localize(model, translation_keys, report, label)
    for row in rows.select_related("locale"):
        report[f"{label}: records ({row.locale.language_code})"] += 1
    rows.delete()  # search index entries leave through the post_delete signal
    revisions.delete()  # normally gone with the rows (generic relation); make sure
    leftover = IndexEntry.objects.filter(content_type=content_type, object_id__in=ids)
    report[f"{label}: search index entries"] += len(ids) - leftover.count()
    leftover.delete()
    return ids


def _scrub_revisions(model, field: str, person_ids: set[str], report: Counter):
    """Remove the person from the saved drafts and history of other records."""
    from wagtail.models import Revision
    from wagtail_localize.models import TranslationSource

    content_type = ContentType.objects.get_for_model(model)
    person_numbers = {int(pk) for pk in person_ids}

    def scrub(content: dict) -> bool:
        value = content.get(field)
        if isinstance(value, list):
            kept = [item for item in value if int(item) not in person_numbers]
            if kept != value:
                content[field] = kept
                return True
        elif value is not None and int(value) in person_numbers:
            content[field] = None
            return True
        return False

    for revision in Revision.objects.filter(base_content_type=content_type).iterator():
        if isinstance(revision.content, dict) and scrub(revision.content):
            revision.save(update_fields=["content"])
            report[f"{model._meta.verbose_name_plural}: revisions rewritten"] += 1
    import json

    for source in TranslationSource.objects.filter(specific_content_type=content_type):
        content = json.loads(source.content_json)
        if scrub(content):
            source.content_json = json.dumps(content)
            source.save(update_fields=["content_json"])
            report[f"{model._meta.verbose_name_plural}: translation snapshots rewritten"] += 1


@transaction.atomic
def erase_person(translation_key) -> Counter:
    """Erase the person with this translation key; returns what was removed, by kind."""
    report: Counter = Counter()
    rows = Coworker.objects.filter(translation_key=translation_key)
    person_ids = {str(pk) for pk in rows.values_list("pk", flat=True)}
    if not person_ids:
        raise PersonNotFound(str(translation_key))
    photos = {row.photo_id for row in rows if row.photo_id}
    emails = {row.email for row in rows if row.email}

    report["contact-form traces"] += ContactMessage.objects.filter(
        coworker_id__in=person_ids
    ).delete()[0]

    through = Company.people.through
    report["links from companies"] += through.objects.filter(coworker_id__in=person_ids).delete()[0]

    posted = ProjectIdea.objects.filter(posted_by_coworker_id__in=person_ids)
    alone = set(
        posted.filter(posted_by_company__isnull=True).values_list("translation_key", flat=True)
    )
    _purge_rows(ProjectIdea, alone, report, "project ideas they posted")
    report["project ideas unlinked (kept for their company)"] += ProjectIdea.objects.filter(
        posted_by_coworker_id__in=person_ids
    ).update(posted_by_coworker=None)

    _purge_rows(Coworker, [translation_key], report, "person")
    _scrub_revisions(Company, "people", person_ids, report)
    _scrub_revisions(ProjectIdea, "posted_by_coworker", person_ids, report)

    if photos:
        from wagtail.images import get_image_model

        still_used = set(
            Coworker.objects.filter(photo_id__in=photos).values_list("photo_id", flat=True)
        ) | set(Company.objects.filter(logo_id__in=photos).values_list("logo_id", flat=True))
        for image in get_image_model().objects.filter(pk__in=photos - still_used):
            image.delete()
            report["photos"] += 1
    person_erased.send(sender=Coworker, emails=emails, report=report)
    return Counter({key: value for key, value in report.items() if value})
