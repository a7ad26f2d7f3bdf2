"""Login throttling: what a locked-out client sees, and the page-password view that counts.

django-axes counts failures per (username, client address) in the database (so every worker
process agrees) and calls `lockout_response` once the limit is reached. Password-protected
pages count the same way, the page standing in for the username ("page:<id>", which no real
username can be: Django usernames have no colon).
"""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_username, get_cool_off, get_credentials
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max
from django.shortcuts import render
from django.utils import timezone
from wagtail import views as wagtail_views


def retry_at(request, credentials) -> timezone.datetime | None:
    """When the lockout of this (username or page, client address) ends."""
    cool_off = get_cool_off(request)
    if cool_off is None:
        return None
    last = AccessAttempt.objects.filter(
        username=get_client_username(request, credentials),
        ip_address=getattr(request, "axes_ip_address", None),
    ).aggregate(last=Max("attempt_time"))["last"]
    return (last or timezone.now()) + cool_off


def lockout_response(request, original_response=None, credentials=None):
    """Our 429 page, in the visitor's language, saying when to try again."""
    until = retry_at(request, credentials)
    cool_off = get_cool_off(request)
    response = render(
        request,
        "accounts/lockout.html",
        {
            "retry_at": until,
            "minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
            "failure_limit": settings.AXES_FAILURE_LIMIT,
        },
        status=429,
    )
    if until is not None:
        seconds = max(0, int((until - timezone.now()).total_seconds()))
        response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "no-store"
    return response


def page_credentials(page_id: int) -> dict:
    return get_credentials(f"page:{page_id}")


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's page password view, with wrong passwords counted per (page, client address)
    and a lockout once AXES_FAILURE_LIMIT is reached (same URL name as Wagtail's)."""
    credentials = page_credentials(page_id)
    if request.method == "POST" and not AxesProxyHandler.is_allowed(request, credentials):
        return lockout_response(request, credentials=credentials)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if request.method == "POST" and response.status_code == 200:  # the form again: refused
        AxesProxyHandler.user_login_failed(
            sender=authenticate_with_password, credentials=credentials, request=request
        )
    return response
