"""The registration form's answer and a registrant's own page (reached by the signed link).

Opening the link changes nothing (mail scanners follow links): it shows the registration and a
"Cancel my registration" button, whose POST (with the CSRF token) cancels."""

from django.shortcuts import redirect
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from . import services
from .emails import manage_token, registration_from_token
from .forms import RegistrationForm
from .throttling import RegistrationThrottle

TOO_MANY = _(
    "Too many registrations were sent from your connection. Nothing was saved: please try "
    "again later."
)

REFUSED_STATUS = {
    services.ALREADY_REGISTERED: 409,
    services.DISABLED: 403,
    services.CLOSED: 403,
    services.PAST: 403,
}


def render_event(request, page, *, form=None, message=None, status=200, occurrence=None):
    response = page.render(
        request,
        context_overrides={"signup": page.registration_context(form, message, occurrence)},
    )
    response.status_code = status
    return response


def registration_path(page, registration) -> str:
    return page.url + page.reverse_subpage("registration", args=[manage_token(registration)])


def register(request, page):
    if request.method != "POST" or not page.registration_enabled:
        return redirect(page.url)
    form = RegistrationForm(request.POST, page=page)
    throttle = RegistrationThrottle()
    if not throttle.allow_request(request, None):
        # Nothing is saved; the page keeps what the visitor typed and the date they chose.
        chosen = page.chosen_occurrence(request.POST.get("occurrence", "")[:20])
        response = render_event(
            request, page, form=form, message=TOO_MANY, status=429, occurrence=chosen
        )
        response["Retry-After"] = str(max(1, round(throttle.wait() or 1)))
        response["Cache-Control"] = "private, no-store"
        return response
    if not form.is_valid():
        chosen = getattr(form, "cleaned_data", {}).get("occurrence")
        return render_event(request, page, form=form, status=400, occurrence=chosen)
    occurrence = form.cleaned_data.get("occurrence")
    try:
        registration = form.register(get_language(), request)
    except services.RegistrationRefused as refused:
        return render_event(
            request,
            page,
            form=form,
            message=refused.message,
            status=REFUSED_STATUS[refused.code],
            occurrence=occurrence,
        )
    # Post/redirect/get: reloading the answer never submits the form again.
    return redirect(registration_path(page, registration))


def registration(request, page, token):
    found = registration_from_token(token)
    if found is None or found.event_key != page.translation_key:
        response = page.render(request, template="registrations/bad_link.html")
        response.status_code = 404
        response["X-Robots-Tag"] = "noindex"
        response["Cache-Control"] = "private, no-store"
        return response
    if request.method == "POST":
        services.cancel(found.pk, request=request)
        return redirect(request.path)
    response = page.render(
        request,
        template="registrations/registration_page.html",
        context_overrides={"registration": found},
    )
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = "private, no-store"
    return response
