"""E-mail leaves over SMTP (EMAIL_URL), and production refuses to start without a real mail
server: `check --deploy` fails with the console, in-memory or dummy backend or no host
(accounts.E001) and warns about an example sender and a base URL on this machine."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, override_settings

from cms.accounts.checks import check_email
from cms.settings.accounts import email_settings
from tests.accounts.conftest import PASSWORD

SMTP = "django.core.mail.backends.smtp.EmailBackend"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "smtp://mailer:s3cr%40t@mail.coffee-hub.eu:587",
            {
                "EMAIL_BACKEND": SMTP,
                "EMAIL_HOST": "mail.coffee-hub.eu",
                "EMAIL_PORT": 587,
                "EMAIL_HOST_USER": "mailer",
                "EMAIL_HOST_PASSWORD": "s3cr@t",
                "EMAIL_USE_TLS": True,
                "EMAIL_USE_SSL": False,
            },
        ),
        (
            "smtp://relay.internal",
            {
                "EMAIL_BACKEND": SMTP,
                "EMAIL_HOST": "relay.internal",
                "EMAIL_PORT": 25,
                "EMAIL_HOST_USER": "",
                "EMAIL_HOST_PASSWORD": "",
                "EMAIL_USE_TLS": False,
                "EMAIL_USE_SSL": False,
            },
        ),
        ("smtp://relay.internal:2525?tls=1", {"EMAIL_PORT": 2525, "EMAIL_USE_TLS": True}),
        (
            "smtps://u:p@mail.coffee-hub.eu",
            {"EMAIL_PORT": 465, "EMAIL_USE_SSL": True, "EMAIL_USE_TLS": False},
        ),
        ("console://", {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}),
        ("locmem://", {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}),
    ],
)
def test_email_url_gives_djangos_settings(url, expected):
    parsed = email_settings(url)
    assert {key: parsed[key] for key in expected} == expected


@pytest.mark.parametrize("url", ["smtp://", "http://mail.coffee-hub.eu", "mail.coffee-hub.eu"])
def test_a_wrong_email_url_is_refused_at_start(url):
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        email_settings(url)


REAL = {
    "EMAIL_BACKEND": SMTP,
    "EMAIL_HOST": "mail.coffee-hub.eu",
    "DEFAULT_FROM_EMAIL": "COFFEE Hub <no-reply@coffee-hub.eu>",
    "WAGTAILADMIN_BASE_URL": "https://coffee-hub.eu",
}


def check_ids(**changes) -> list[str]:
    with override_settings(**(REAL | changes)):
        return [problem.id for problem in check_email()]


def test_a_real_mail_server_passes():
    assert check_ids() == []


@pytest.mark.parametrize(
    "changes",
    [
        {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"},
        {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"},
        {"EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend"},
        {"EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend"},
        {"EMAIL_HOST": ""},
    ],
)
def test_mail_that_is_not_delivered_is_an_error(changes):
    assert check_ids(**changes) == ["accounts.E001"]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"DEFAULT_FROM_EMAIL": "COFFEE Hub <no-reply@coffee-hub.example>"}, "accounts.W001"),
        ({"DEFAULT_FROM_EMAIL": "webmaster@example.com"}, "accounts.W001"),
        ({"DEFAULT_FROM_EMAIL": "hub@mail.example.org"}, "accounts.W001"),
        ({"WAGTAILADMIN_BASE_URL": "http://localhost:8000"}, "accounts.W002"),
        ({"WAGTAILADMIN_BASE_URL": "http://127.0.0.1:8000"}, "accounts.W002"),
    ],
)
def test_example_sender_and_local_base_url_are_warned(changes, expected):
    assert check_ids(**changes) == [expected]


def test_production_refuses_to_deploy_with_mail_in_the_log(tmp_path):
    """`check --deploy` under production settings fails when EMAIL_URL is not set (mail would
    be printed to the server log), and says nothing about mail once it points at a server."""
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("EMAIL_") and k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}
    }
    environment |= {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "coffee-hub.eu",
        "COFFEE_VAR_DIR": str(tmp_path),
        "DEFAULT_FROM_EMAIL": "COFFEE Hub <no-reply@coffee-hub.eu>",
        "WAGTAILADMIN_BASE_URL": "https://coffee-hub.eu",
    }

    def deploy_check(**env):
        return subprocess.run(  # noqa: S603 - this interpreter, fixed arguments
            [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
            cwd=Path(settings.BASE_DIR),
            env=environment | env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    refused = deploy_check()
    assert refused.returncode != 0
    assert "accounts.E001" in refused.stderr + refused.stdout
    accepted = deploy_check(EMAIL_URL="smtp://mailer:pw@mail.coffee-hub.eu:587")
    # (Static files are not collected here: other checks may still fail, not these.)
    assert "accounts." not in accepted.stdout + accepted.stderr


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "subject", "intro"),
    [
        ("fr", "Réinitialisation de mot de passe", "Suivez le lien ci-dessous"),
        ("nl", "Wachtwoord herstel", "Klik op de link hieronder"),
        ("en", "Password reset", "Please follow the link below"),
    ],
)
def test_password_reset_arrives_over_smtp_and_works(
    home_tree, admin_user, smtp_server, lang, subject, intro
):
    """An editor who forgot their password gets the link by e-mail (in the language of the
    page they asked from), follows it, sets a new password and signs in with it."""
    client = Client(HTTP_ACCEPT_LANGUAGE=lang)
    response = client.post("/admin/password_reset/", {"email": admin_user.email})
    assert response.status_code == 302
    [message] = smtp_server.to(admin_user.email)
    assert message["Subject"] == subject
    text = smtp_server.text(message)
    assert intro in text
    link = re.search(r"https?://\S+/admin/password_reset/confirm/\S+", text).group(0)
    assert link.startswith(settings.WAGTAILADMIN_BASE_URL)
    path = link.removeprefix(settings.WAGTAILADMIN_BASE_URL)
    form = client.get(path, follow=True)
    new_password = "Another-Long-Passphrase-42"
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert done.status_code == 302
    assert (
        client.post("/admin/login/", {"username": "camille", "password": PASSWORD}).status_code
        == 200
    )  # the old password no longer works
    assert (
        client.post("/admin/login/", {"username": "camille", "password": new_password}).status_code
        == 302
    )
