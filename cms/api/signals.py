"""Signal handlers that feed the change log (and through it, the webhooks)."""

import threading

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from cms.core.visibility import hold_changed

from . import changes, locale, webhooks
from .models import ContentChange


def on_page_published(sender, instance, **kwargs):
    changes.record(instance)


def on_page_unpublished(sender, instance, **kwargs):
    changes.record(instance, hidden=True)


def on_hold_changed(sender, page, **kwargs):
    # A page its app held back comes out (a newsletter issue being sent), or goes back.
    if page.pk not in deleting_pages():
        changes.record(page)


def on_page_moved(sender, instance, **kwargs):
    # Its URL (and its descendants') changed: partners holding them need to know.
    changes.record_subtree(instance, touch=True)


def on_object_published(sender, instance, **kwargs):
    """Wagtail's generic signal for DraftStateMixin models (pages have their own)."""
    if isinstance(instance, Page):
        return
    changes.record(instance)


def on_object_unpublished(sender, instance, **kwargs):
    if isinstance(instance, Page):
        return
    changes.record(instance, hidden=True)


_deleting = threading.local()


def deleting_pages() -> set:
    if not hasattr(_deleting, "pks"):
        _deleting.pks = set()
    return _deleting.pks


def on_page_pre_delete(sender, instance, **kwargs):
    # Deleting a page first deletes its view restrictions: while that happens, the page must
    # not look public for an instant (see on_restriction_changed).
    deleting_pages().add(instance.pk)


def on_object_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        if sender is Page:  # once per page, not once per table of its multi-table model
            changes.record_deleted(instance)
            deleting_pages().discard(instance.pk)
        return
    if changes.kind_for_model(sender) is not None:
        changes.record_deleted(instance)


def on_object_saved(sender, instance, created, raw=False, **kwargs):
    """Models without draft states (e.g. taxonomies) change when saved."""
    if raw or isinstance(instance, Page):
        return
    if changes.kind_for_model(sender) is None:
        return
    drafts = hasattr(instance, "live") and hasattr(instance, "has_unpublished_changes")
    if drafts and not (created and instance.live):
        # DraftStateMixin: the published signal says "created"/"updated"; a plain save can
        # still hide a record partners know (a coworker withdrawing consent). A row created
        # live in code (imports, the demo) is never "published": its creation is the change.
        changes.record(instance, touch=False, only_hide=True)
    else:
        changes.record(instance)


def on_restriction_changed(sender, instance, **kwargs):
    if instance.page_id in deleting_pages():
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        changes.record_subtree(page, touch=False)


def connect():
    page_published.connect(on_page_published, dispatch_uid="coffee_api_page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="coffee_api_page_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="coffee_api_page_moved")
    hold_changed.connect(on_hold_changed, dispatch_uid="coffee_api_hold_changed")
    published.connect(on_object_published, dispatch_uid="coffee_api_published")
    unpublished.connect(on_object_unpublished, dispatch_uid="coffee_api_unpublished")
    pre_delete.connect(on_page_pre_delete, sender=Page, dispatch_uid="coffee_api_pre_delete")
    post_delete.connect(on_object_deleted, dispatch_uid="coffee_api_deleted")
    post_save.connect(on_object_saved, dispatch_uid="coffee_api_saved")
    post_save.connect(
        on_restriction_changed, sender=PageViewRestriction, dispatch_uid="coffee_api_pvr_saved"
    )
    post_delete.connect(
        on_restriction_changed, sender=PageViewRestriction, dispatch_uid="coffee_api_pvr_deleted"
    )
    post_save.connect(
        webhooks.on_change_recorded, sender=ContentChange, dispatch_uid="coffee_api_webhooks"
    )
    post_save.connect(locale.forget_locales, sender=Locale, dispatch_uid="coffee_api_locale_saved")
    post_delete.connect(
        locale.forget_locales, sender=Locale, dispatch_uid="coffee_api_locale_deleted"
    )
