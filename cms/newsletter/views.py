"""The admin's sending page of an issue: progress (sent, failed, remaining), send, pause,
resume, and "send a test to me"."""

import smtplib

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import sending
from .models import Dispatch, NewsletterIssuePage
from .permissions import can_send, can_test


def issue_or_404(request, page_id):
    issue = get_object_or_404(NewsletterIssuePage, pk=page_id)
    if not (can_test(request.user, issue) or can_send(request.user)):
        raise PermissionDenied
    return issue


def dispatch_of(issue):
    return Dispatch.objects.filter(issue=issue).first()


def sending_page(request, page_id):
    issue = issue_or_404(request, page_id)
    dispatch = dispatch_of(issue)
    return TemplateResponse(
        request,
        "newsletter/admin/sending.html",
        {
            "issue": issue,
            "dispatch": dispatch,
            "progress": dispatch.progress() if dispatch else None,
            "can_send": can_send(request.user),
            "can_test": can_test(request.user, issue),
            "page_title": _("Sending: %(title)s") % {"title": issue.title},
        },
    )


def back(issue):
    return redirect(reverse("newsletter_sending", args=[issue.pk]))


@require_POST
def send(request, page_id):
    issue = issue_or_404(request, page_id)
    if not can_send(request.user):
        raise PermissionDenied
    try:
        sending.start(issue, request.user)
    except sending.NotSendable:
        messages.error(
            request, _("Only a published issue that was never sent can be sent to subscribers.")
        )
    else:
        messages.success(request, _("Sending started: the worker sends the issue in batches."))
    return back(issue)


def change_dispatch(request, page_id, change, done):
    """Apply ``change`` to the issue's running dispatch (senders only), then say ``done``."""
    issue = issue_or_404(request, page_id)
    dispatch = dispatch_of(issue)
    if not can_send(request.user) or dispatch is None:
        raise PermissionDenied
    change(dispatch)
    messages.success(request, done)
    return back(issue)


@require_POST
def pause(request, page_id):
    return change_dispatch(
        request,
        page_id,
        sending.pause,
        _("Sending paused: the current batch ends, then nothing more."),
    )


@require_POST
def resume(request, page_id):
    return change_dispatch(request, page_id, sending.resume, _("Sending resumed."))


@require_POST
def send_test(request, page_id):
    issue = issue_or_404(request, page_id)
    if not can_test(request.user, issue):
        raise PermissionDenied
    if not request.user.email:
        messages.error(request, _("Your account has no e-mail address: add one to your account."))
        return back(issue)
    try:
        sending.send_test(issue.get_latest_revision_as_object(), request.user.email)
    except (OSError, smtplib.SMTPException):
        messages.error(request, _("The test could not be sent: the mail server did not accept it."))
    else:
        messages.success(
            request, _("A test was sent to %(email)s.") % {"email": request.user.email}
        )
    return back(issue)
