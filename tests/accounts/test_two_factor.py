"""Optional two-factor authentication for admin accounts: an editor enrols with an
authenticator app (QR code, then a code), signing in then takes a password and a current code,
and ADMIN_2FA_REQUIRED=1 makes every admin user enrol first. Codes are real TOTP codes."""

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.accounts.two_factor import PENDING, PENDING_SECONDS
from tests.accounts.conftest import PASSWORD
from tests.conftest import parse

pytestmark = pytest.mark.django_db

PAGE = "/admin/account/two-factor/"


def next_code(device) -> str:
    """The code an authenticator app shows next (one step ahead of the last one used: a code
    is accepted once only)."""
    device.refresh_from_db()
    code = totp(device.bin_key, device.step, device.t0, device.digits, drift=device.drift + 1)
    return f"{code:06d}"


def wrong_code(device) -> str:
    return f"{(int(next_code(device)) + 1) % 1_000_000:06d}"


def enrol(client, user):
    page = client.get(PAGE)
    assert page.status_code == 200
    html = parse(page)
    assert html.select_one(".two-factor__qr svg") is not None
    device = TOTPDevice.objects.get(user=user)
    assert html.select_one(".two-factor__secret").get_text().strip()
    response = client.post(PAGE, {"code": next_code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    return device


@pytest.fixture
def no_throttle(settings):
    """django-otp waits 2^n seconds after n wrong codes; scenarios here do not wait."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def test_enrolment_needs_a_code_from_the_app(home_tree, admin_user, no_throttle):
    client = Client()
    client.force_login(admin_user)
    client.get(PAGE)
    device = TOTPDevice.objects.get(user=admin_user)
    refused = client.post(PAGE, {"code": wrong_code(device)})
    assert refused.status_code == 400
    assert not TOTPDevice.objects.get(user=admin_user).confirmed
    enrol(client, admin_user)
    assert parse(client.get(PAGE)).select_one(".two-factor__status--on") is not None


def test_account_page_links_to_two_factor(home_tree, admin_user):
    client = Client()
    client.force_login(admin_user)
    assert PAGE in client.get("/admin/account/").content.decode()


def test_signing_in_takes_the_password_then_a_code(home_tree, admin_user, no_throttle):
    enrolling = Client()
    enrolling.force_login(admin_user)
    device = enrol(enrolling, admin_user)

    client = Client()
    step_one = client.post("/admin/login/", {"username": "camille", "password": PASSWORD})
    assert step_one.status_code == 302 and step_one["Location"].startswith("/admin/login/code/")
    # Not signed in yet: neither the admin nor the session knows the user.
    assert client.get("/admin/").status_code == 302
    assert "_auth_user_id" not in client.session
    assert client.post("/admin/login/code/", {"code": wrong_code(device)}).status_code == 400
    assert client.get("/admin/").status_code == 302
    step_two = client.post("/admin/login/code/", {"code": next_code(device)})
    assert step_two.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_the_code_step_expires(home_tree, admin_user):
    """A password given and left there for more than PENDING_SECONDS is asked again."""
    enrolling = Client()
    enrolling.force_login(admin_user)
    device = enrol(enrolling, admin_user)
    client = Client()
    client.post("/admin/login/", {"username": "camille", "password": PASSWORD})
    session = client.session
    session[PENDING]["at"] -= PENDING_SECONDS + 1
    session.save()
    response = client.post("/admin/login/code/", {"code": next_code(device)})
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert client.get("/admin/").status_code == 302


def test_a_code_cannot_be_used_without_the_password(home_tree, admin_user):
    enrolling = Client()
    enrolling.force_login(admin_user)
    device = enrol(enrolling, admin_user)
    client = Client()
    response = client.post("/admin/login/code/", {"code": next_code(device)})
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert client.get("/admin/").status_code == 302


def test_a_password_only_session_is_signed_out(home_tree, admin_user):
    """Signing in elsewhere (the site's own login form for private pages) gives no way
    round the code: the admin signs that session out and asks again."""
    enrolling = Client()
    enrolling.force_login(admin_user)
    enrol(enrolling, admin_user)
    client = Client()
    client.force_login(admin_user)  # a password-only sign-in
    response = client.get("/admin/pages/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in client.session


def test_turning_it_off_needs_a_current_code(home_tree, admin_user, no_throttle):
    client = Client()
    client.force_login(admin_user)
    device = enrol(client, admin_user)
    assert client.post(PAGE, {"code": wrong_code(device)}).status_code == 400
    assert TOTPDevice.objects.filter(user=admin_user, confirmed=True).exists()
    assert client.post(PAGE, {"code": next_code(device)}).status_code == 302
    assert not TOTPDevice.objects.filter(user=admin_user).exists()
    fresh = Client()
    signed_in = fresh.post("/admin/login/", {"username": "camille", "password": PASSWORD})
    assert signed_in.status_code == 302 and not signed_in["Location"].startswith("/admin/login")


def test_required_two_factor_sends_every_admin_user_to_enrol(home_tree, admin_user, settings):
    settings.ADMIN_2FA_REQUIRED = True
    client = Client()
    client.force_login(admin_user)
    for path in ("/admin/", "/admin/pages/", "/admin/account/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == PAGE
    enrol(client, admin_user)
    assert client.get("/admin/").status_code == 200
