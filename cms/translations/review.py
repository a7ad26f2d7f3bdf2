"""Submitting a translation for review from wagtail-localize's translation editor.

The editor only offers "Publish", which an organisation editor may not do: they send the
translated page into the review workflow instead, as "Submit to …" does in the page editor,
and see, as there, the comment of a reviewer who asked for changes, then resubmit.
The translated text becomes a new revision of the translated page (its published version, if
any, stays as it is until a coordinator approves) and the page's workflow starts on it.
"""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation


def translated_page(translation: Translation):
    """The page a translation writes to (None for snippets or when it is not created yet)."""
    try:
        instance = translation.get_target_instance()
    except ObjectDoesNotExist:
        return None
    return instance.specific if isinstance(instance, Page) else None


def review_action(translation: Translation, user) -> dict | None:
    """What the translation editor offers about review: {"workflow": …, "in_review": bool,
    "sent_back": the reviewer's TaskState when they asked for changes (its comment, who,
    when; the button then resubmits to its task), "url": …}; None when the page has no
    workflow or the user may not edit it."""
    page = translated_page(translation)
    if page is None or not page.permissions_for_user(user).can_edit():
        return None
    workflow = page.get_workflow()
    if workflow is None or not workflow.active:
        return None
    state = page.current_workflow_state
    sent_back = state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES
    return {
        "workflow": workflow,
        "in_review": page.workflow_in_progress,
        "sent_back": state.current_task_state if sent_back else None,
        "url": reverse("translations_submit_for_review", args=[translation.pk]),
    }


@require_POST
def submit_for_review(request, translation_id):
    translation = get_object_or_404(Translation, pk=translation_id)
    page = translated_page(translation)
    if page is None:
        raise Http404
    editor_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    workflow = page.get_workflow()
    if workflow is None or not workflow.active:
        messages.error(request, _("No review workflow applies to this page."))
        return redirect(editor_url)
    if page.workflow_in_progress:
        messages.warning(request, _("In Moderation"))
        return redirect(editor_url)
    with transaction.atomic():
        # The translated text, as "Publish" would write it, saved as a revision only.
        translated = translation.source.get_ephemeral_translated_instance(
            translation.target_locale, fallback=True
        )
        translated.save_revision(user=request.user, log_action=True)
        state = page.current_workflow_state
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(request.user)  # the review that asked for changes, on the new text
        else:
            workflow.start(translated, request.user)
    messages.success(
        request,
        _("Page '%(page_title)s' has been submitted for moderation.")
        % {"page_title": translated.get_admin_display_title()},
    )
    return redirect(editor_url)
