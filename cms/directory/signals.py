"""Keeping privacy, translations and the search index consistent, whatever saved the record."""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.signals import page_published, page_unpublished

from .indexing import forget_context
from .listing import refresh_group


def share_privacy_fields(sender, instance, update_fields=None, **kwargs):
    """Consent and contact preferences hold for the person, not for one translation.

    The record's source (the oldest row of its translation group) is the authority: saving
    it copies these fields to every translation at once, without waiting for a
    wagtail-localize sync; saving a translation takes them back from the source, so a
    translation built from an old snapshot can never bring back a withdrawn consent.
    """
    fields = sender.privacy_fields
    if update_fields is not None and not set(fields) & set(update_fields):
        return
    group = sender.objects.filter(translation_key=instance.translation_key)
    source = group.order_by("pk").first()
    if source is None:
        return
    values = {name: getattr(source, name) for name in fields}
    if source.pk == instance.pk:
        targets = group.exclude(pk=source.pk)
    else:
        targets = group.filter(pk=instance.pk)
        for name, value in values.items():
            setattr(instance, name, value)
    differs = targets.exclude(**values)
    if differs.exists():
        differs.update(**values)


# Saves that cannot change which rows are public.
NOT_VISIBILITY_FIELDS = {
    "latest_revision",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
    "sort_key",
    "shown_in",
}


def record_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw:
        return
    if update_fields is not None and set(update_fields) <= NOT_VISIBILITY_FIELDS:
        return
    if hasattr(sender, "privacy_fields"):
        share_privacy_fields(sender, instance, update_fields=update_fields)
    refresh_group(sender, instance.translation_key)
    from search.indexing import schedule_record_update

    schedule_record_update(instance)  # the search engine's documents, after commit


def record_deleted(sender, instance, **kwargs):
    from search.indexing import unindex_record

    unindex_record(instance)
    refresh_group(sender, instance.translation_key)


def records_using_term(term):
    """Every directory row that names this skill or sector, in any language."""
    from .models import Company, Coworker, ProjectIdea

    relation = "skills" if term._meta.model_name == "skill" else "sectors"
    lookup = {f"{relation}__translation_key": term.translation_key}
    return [
        (model, list(model.get_indexed_objects().filter(**lookup).distinct()))
        for model in (Coworker, Company, ProjectIdea)
    ]


def reindex_records(batches):
    from search.indexing import index_records

    for model, records in batches:
        if records:
            index_records(model, records)


def term_saved(sender, instance, raw=False, **kwargs):
    forget_context()
    if not raw:
        reindex_records(records_using_term(instance))


def term_deleting(sender, instance, **kwargs):
    instance._records_to_reindex = records_using_term(instance)


def term_deleted(sender, instance, **kwargs):
    forget_context()
    reindex_records(getattr(instance, "_records_to_reindex", []))


def space_changed(sender, instance, **kwargs):
    from cms.spaces.models import SpacePage

    if isinstance(instance.specific_deferred, SpacePage):
        forget_context()


def connect():
    from .models import Company, Coworker, ProjectIdea, Sector, Skill

    for model in (Coworker, Company, ProjectIdea):
        name = model.__name__
        post_save.connect(record_saved, sender=model, dispatch_uid=f"directory-saved-{name}")
        post_delete.connect(record_deleted, sender=model, dispatch_uid=f"directory-deleted-{name}")
    for model in (Skill, Sector):
        uid = f"directory-term-{model.__name__}"
        post_save.connect(term_saved, sender=model, dispatch_uid=f"{uid}-saved")
        pre_delete.connect(term_deleting, sender=model, dispatch_uid=f"{uid}-deleting")
        post_delete.connect(term_deleted, sender=model, dispatch_uid=f"{uid}-deleted")
    page_published.connect(space_changed, dispatch_uid="directory-space-published")
    page_unpublished.connect(space_changed, dispatch_uid="directory-space-unpublished")
