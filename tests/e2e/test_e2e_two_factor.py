"""Two-factor authentication in a real browser: an editor scans (here: reads) the key on
Account → Two-factor authentication, confirms with a code, and from then on signs in with the
password and then a code. Both screens pass axe-core."""

import base64

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.users.models import UserProfile

from .helpers import SERVER_LOCK, format_violations, run_axe_on_main

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

USERNAME = "e2e-two-factor"
PASSWORD = "e2e-two-factor-password-1234"


@pytest.fixture
def editor():
    with SERVER_LOCK:
        user = get_user_model().objects.create_superuser(USERNAME, "e2e-2fa@example.com", PASSWORD)
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()
    yield user
    with SERVER_LOCK:
        user.delete()


def app_code(secret: str, steps_ahead: int) -> str:
    """What an authenticator app shows for this key (a code is accepted once: the next
    sign-in uses the next time step)."""
    return f"{totp(base64.b32decode(secret), drift=steps_ahead):06d}"


def sign_in_with_password(page):
    page.goto("/admin/login/")
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")


def test_enrol_then_sign_in_with_a_code(new_page, editor, axe_source):
    page = new_page(locale="en-GB")
    sign_in_with_password(page)
    page.wait_for_url("**/admin/")
    page.goto("/admin/account/two-factor/")
    assert page.locator(".two-factor__qr svg").is_visible()
    violations = run_axe_on_main(page, axe_source)
    assert not violations, format_violations(violations)
    secret = page.locator(".two-factor__secret").inner_text().strip()
    page.fill("#id_code", app_code(secret, 0))
    page.press("#id_code", "Enter")
    page.locator(".two-factor__status--on").wait_for()
    with SERVER_LOCK:
        assert TOTPDevice.objects.get(user=editor).confirmed

    later = new_page(locale="en-GB")
    sign_in_with_password(later)
    later.wait_for_url("**/admin/login/code/**")
    violations = run_axe_on_main(later, axe_source)
    assert not violations, format_violations(violations)
    later.goto("/admin/pages/")  # nothing without the code
    later.wait_for_url("**/admin/login/**")
    sign_in_with_password(later)
    later.wait_for_url("**/admin/login/code/**")
    later.fill("#id_code", app_code(secret, 1))
    later.press("#id_code", "Enter")
    later.wait_for_url("**/admin/")
