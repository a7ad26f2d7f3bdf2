"""Keeping privacy, translations and the search indexes consistent, whatever saved the record.

The one place a directory record's search index update is triggered from: its row saved
(post_save), its skills, sectors or spaces changed (m2m_changed: a ClusterableModel writes
them after the row, so the row's own signal saw the old ones), or its row deleted. The
handlers are connected in DirectoryConfig.ready().
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from wagtail.signals import page_published, page_unpublished

from cms.spaces.models import SpacePage
from search.indexing import index_record, index_records, unindex_record

from .indexing import forget_context
from .listing import refresh_group
from .models import Company, Coworker, ProjectIdea, Sector, Skill


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
    reindex(instance)


def reindex(record):
    """The record's entry in the database index now, its engine documents after commit."""
    record.forget_index_texts()
    index_record(record)


def relations_changed(sender, instance, action, reverse, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and not reverse:
        reindex(instance)


def record_deleted(sender, instance, **kwargs):
    unindex_record(instance)
    refresh_group(sender, instance.translation_key)


def records_using_term(term):
    """Every directory row that names this skill or sector, in any language."""
    relation = "skills" if term._meta.model_name == "skill" else "sectors"
    lookup = {f"{relation}__translation_key": term.translation_key}
    return [
        (model, list(model.get_indexed_objects().filter(**lookup).distinct()))
        for model in (Coworker, Company, ProjectIdea)
    ]


def reindex_records(batches):
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
    if isinstance(instance.specific_deferred, SpacePage):
        forget_context()


def connect():
    for model in (Coworker, Company, ProjectIdea):
        name = model.__name__
        post_save.connect(record_saved, sender=model, dispatch_uid=f"directory-saved-{name}")
        post_delete.connect(record_deleted, sender=model, dispatch_uid=f"directory-deleted-{name}")
        for relation in model._meta.many_to_many:
            m2m_changed.connect(
                relations_changed,
                sender=relation.remote_field.through,
                dispatch_uid=f"directory-relations-{name}-{relation.name}",
            )
    for model in (Skill, Sector):
        uid = f"directory-term-{model.__name__}"
        post_save.connect(term_saved, sender=model, dispatch_uid=f"{uid}-saved")
        pre_delete.connect(term_deleting, sender=model, dispatch_uid=f"{uid}-deleting")
        post_delete.connect(term_deleted, sender=model, dispatch_uid=f"{uid}-deleted")
    page_published.connect(space_changed, dispatch_uid="directory-space-published")
    page_unpublished.connect(space_changed, dispatch_uid="directory-space-unpublished")
