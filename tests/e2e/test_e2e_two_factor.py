"""Two-factor authentication and the login lockout in a real browser: an editor scans (here:
reads) the key on Account → Two-factor authentication, confirms with a code, and from then on
signs in with the password and then a code; a password guesser meets the 429 page. Every screen
passes axe-core and runs under the Content-Security-Policy without a violation."""

import base64

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.users.models import UserProfile

from .conftest import REPORT_VIOLATIONS
from .helpers import SERVER_LOCK, format_violations, run_axe, run_axe_on_main

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


@pytest.fixture
def watched_page(new_page):
    """Factory: a browser page whose CSP violations are collected in ``page.csp_violations``."""

    def make(**options):
        page = new_page(**options)
        page.csp_violations = []

        def collect(message):
            if "Content Security Policy" in message.text or "CSP violation" in message.text:
                page.csp_violations.append(message.text)

        page.add_init_script(REPORT_VIOLATIONS)
        page.on("console", collect)
        return page

    return make


def app_code(secret: str, steps_ahead: int) -> str:
    """What an authenticator app shows for this key (a code is accepted once: the next
    sign-in uses the next time step)."""
    return f"{totp(base64.b32decode(secret), drift=steps_ahead):06d}"


def sign_in_with_password(page):
    page.goto("/admin/login/")
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")


def test_enrol_then_sign_in_with_a_code(watched_page, editor, axe_source):
    page = watched_page(locale="en-GB")
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

    later = watched_page(locale="en-GB")
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
    assert page.csp_violations == [] and later.csp_violations == []


def test_a_password_guesser_meets_the_lockout_page(watched_page, axe_source, settings):
    username = "e2e-nobody"
    page = watched_page(locale="nl-BE")
    try:
        for _ in range(settings.AXES_FAILURE_LIMIT):
            page.goto("/admin/login/")
            page.fill("#id_username", username)
            page.fill("#id_password", "a-guess")
            with page.expect_navigation() as answer:
                page.press("#id_password", "Enter")
        assert answer.value.status == 429
        assert page.locator("html").get_attribute("lang") == "nl"
        assert page.locator(".lockout__retry").is_visible()
        violations = run_axe(page, axe_source)
        assert not violations, format_violations(violations)
        assert page.csp_violations == []
    finally:
        with SERVER_LOCK:
            AccessAttempt.objects.filter(username=username).delete()
