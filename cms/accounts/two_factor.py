"""Two-factor authentication (TOTP, django-otp) for admin accounts.

- An editor enrols on /admin/account/two-factor/: a QR code for an authenticator app, then a
  code from it confirms the device. The same page removes it (with a current code).
- Signing in with a confirmed device takes two steps: the password (Wagtail's login form), then
  a code (/admin/login/code/). Until the code is given, nobody is signed in.
- ADMIN_2FA_REQUIRED=1 sends every admin user without a device to the enrolment page.
"""

import time
from base64 import b32encode
from io import BytesIO
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login, logout
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.account import LoginView

PENDING = "accounts_2fa_pending"  # session key: the user who gave a password, not yet a code
PENDING_SECONDS = 300  # time to give the code; then the password is asked again
ADMIN_PREFIX = "/admin/"
API_PREFIX = "/api/"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())


def confirmed_device(user):
    return next(iter(devices_for_user(user, confirmed=True)), None)


def safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return fallback


class TwoStepLoginView(LoginView):
    """Wagtail's login; a user with a confirmed device is sent to the code step instead of
    being signed in."""

    def form_valid(self, form):
        user = form.get_user()
        if not user_has_device(user, confirmed=True):
            return super().form_valid(form)
        self.request.session[PENDING] = {
            "user": user.pk,
            "backend": user.backend,
            "remember": bool(form.cleaned_data.get("remember")),
            "at": time.time(),
        }
        target = self.get_redirect_url()
        url = reverse("accounts_login_code")
        return HttpResponseRedirect(f"{url}?{urlencode({'next': target})}" if target else url)


@never_cache
def login_code(request):
    """The second step: a code from the device of the user who gave their password."""
    pending = request.session.get(PENDING) or {}
    user = get_user_model().objects.filter(pk=pending.get("user"), is_active=True).first()
    if user is None or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        request.session.pop(PENDING, None)
        return redirect("wagtailadmin_login")
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = confirmed_device(user)
        if device is not None and device.verify_token(form.cleaned_data["code"]):
            del request.session[PENDING]
            login(request, user, backend=pending["backend"])
            otp_login(request, device)
            request.session.set_expiry(settings.SESSION_COOKIE_AGE if pending["remember"] else 0)
            return redirect(safe_next(request, reverse("wagtailadmin_home")))
        form.add_error("code", _("This code is not valid. Enter the current code of your app."))
    return render(
        request,
        "accounts/login_code.html",
        {"form": form, "next": safe_next(request, "")},
        status=400 if form.is_bound else 200,
    )


def qr_svg(data: str) -> str:
    out = BytesIO()
    qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage).save(out)
    svg = out.getvalue().decode()
    return mark_safe(svg[svg.index("<svg") :])  # noqa: S308 - made here from our own data


@never_cache
def two_factor(request):
    """Enrol (QR code, then a code confirms) or remove the two-factor device of the account."""
    user = request.user
    device = confirmed_device(user)
    form = CodeForm(request.POST or None)
    if device is None:
        # Enrolment: the code of the device being set up confirms it.
        checked = TOTPDevice.objects.filter(user=user, confirmed=False).first()
        if checked is None:
            checked = TOTPDevice.objects.create(
                user=user, name=str(_("Authenticator app")), confirmed=False
            )
    else:
        # Removal: the code of the confirmed device removes it.
        checked = device
    if form.is_valid():
        if checked.verify_token(form.cleaned_data["code"]):
            if device is None:
                checked.confirmed = True
                checked.save(update_fields=["confirmed"])
                otp_login(request, checked)
                messages.success(request, _("Two-factor authentication is on."))
            else:
                TOTPDevice.objects.filter(user=user).delete()
                messages.success(request, _("Two-factor authentication is off."))
            return redirect("accounts_two_factor")
        form.add_error("code", _("This code is not valid. Enter the current code of your app."))
    context = {"enabled": device is not None, "form": form, "required": settings.ADMIN_2FA_REQUIRED}
    if device is None:
        context["qr_code"] = qr_svg(checked.config_url)
        context["secret"] = b32encode(checked.bin_key).decode()
    return render(
        request, "accounts/two_factor.html", context, status=400 if form.is_bound else 200
    )


class TwoFactorMiddleware:
    """After django-otp's OTPMiddleware: a session signed in without the code of a confirmed
    device (another login form) is signed out; with ADMIN_2FA_REQUIRED, admin users without a
    device can only reach the enrolment page (and sign out)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Without a session cookie nobody is signed in, and the public API never reads the
        # session: neither touches it (a read would add "Vary: Cookie" to cacheable answers).
        if settings.SESSION_COOKIE_NAME not in request.COOKIES or request.path_info.startswith(
            API_PREFIX
        ):
            return self.get_response(request)
        user = request.user
        if user.is_authenticated and not user.is_verified():
            if user_has_device(user, confirmed=True):
                logout(request)
                if request.path_info.startswith(ADMIN_PREFIX):
                    return redirect(f"{reverse('wagtailadmin_login')}?next={request.path}")
            elif settings.ADMIN_2FA_REQUIRED and self.must_enrol(request):
                return redirect("accounts_two_factor")
        return self.get_response(request)

    @staticmethod
    def must_enrol(request) -> bool:
        path = request.path_info
        allowed = (reverse("accounts_two_factor"), reverse("wagtailadmin_logout"))
        return (
            path.startswith(ADMIN_PREFIX)
            and path not in allowed
            and request.user.has_perm("wagtailadmin.access_admin")
        )
