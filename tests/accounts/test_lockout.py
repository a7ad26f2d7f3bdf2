"""Password guessing is slowed down: after AXES_FAILURE_LIMIT wrong passwords for one account
(or one protected page) from one client address, that client is locked out for AXES_COOLOFF
minutes with a 429 page saying when to try again, even with the right password. Counts live in
the database, so every worker process and server agrees."""

import datetime
import os
import re
import subprocess
import sys
import time
import zoneinfo
from pathlib import Path

import pytest
import requests
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from tests.accounts.conftest import PAGE_PASSWORD, PASSWORD
from tests.conftest import parse
from tests.mail import free_port
from tests.scratch_database import migrated_sqlite

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
LIMIT = 5
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def sign_in(client, username, password, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def signed_in(client) -> bool:
    return client.get("/admin/").status_code == 200


def assert_locked_out(response):
    assert response.status_code == 429
    assert "accounts/lockout.html" in [t.name for t in response.templates]
    retry_after = int(response["Retry-After"])
    assert 0 < retry_after <= settings.AXES_COOLOFF_TIME.total_seconds()
    # The page says at what time (Brussels time) signing in works again.
    expected = timezone.now() + datetime.timedelta(seconds=retry_after)
    times = {
        (expected + datetime.timedelta(seconds=delta)).astimezone(BRUSSELS).strftime("%H:%M")
        for delta in (-60, 0, 60)
    }
    text = parse(response).select_one(".lockout__retry").get_text()
    assert any(t in text for t in times), text


def test_admin_login_locks_out_after_the_limit_even_with_the_right_password(
    home_tree, admin_user, settings
):
    settings.AXES_FAILURE_LIMIT = LIMIT
    client = Client(REMOTE_ADDR="198.51.100.20")
    for _ in range(LIMIT - 1):
        response = sign_in(client, "camille", "wrong")
        assert response.status_code == 200  # the form again, with its error
    assert_locked_out(sign_in(client, "camille", "wrong"))
    assert_locked_out(sign_in(client, "camille", PASSWORD))
    assert not signed_in(client)
    # Another address, and another account from this address, are not locked out.
    other = Client(REMOTE_ADDR="198.51.100.21")
    assert sign_in(other, "camille", PASSWORD).status_code == 302 and signed_in(other)
    get_user_model().objects.create_superuser("louise", password=PASSWORD)
    assert sign_in(client, "louise", PASSWORD).status_code == 302 and signed_in(client)


def test_guessed_passwords_are_never_stored(home_tree, admin_user, protected_pages, settings):
    """What the attempts table keeps about a guesser: the account or page, the address and the
    browser, never a password tried (nor the form's token), and nothing after a success."""
    client = Client(REMOTE_ADDR="198.51.100.25")
    sign_in(client, "camille", "Guess-One-1234")
    action, return_url = password_form(client, protected_pages[0])
    client.post(action, {"password": "Guess-Two-5678", "return_url": return_url})
    stored = " ".join(" ".join(map(str, row)) for row in AccessAttempt.objects.values_list())
    assert "camille" in stored and f"page:{protected_pages[0].pk}" in stored
    assert "Guess-One-1234" not in stored and "Guess-Two-5678" not in stored
    sign_in(Client(REMOTE_ADDR="198.51.100.26"), "camille", PASSWORD)
    assert not AccessLog.objects.exists()


def test_lockout_ends_after_the_cool_off(home_tree, admin_user, settings):
    settings.AXES_FAILURE_LIMIT = LIMIT
    client = Client(REMOTE_ADDR="198.51.100.22")
    for _ in range(LIMIT):
        sign_in(client, "camille", "wrong")
    assert_locked_out(sign_in(client, "camille", PASSWORD))
    # The cool-off passes (the attempts are as old as AXES_COOLOFF).
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME)
    assert sign_in(client, "camille", PASSWORD).status_code == 302 and signed_in(client)


def test_success_before_the_limit_starts_the_count_again(home_tree, admin_user, settings):
    settings.AXES_FAILURE_LIMIT = LIMIT
    client = Client(REMOTE_ADDR="198.51.100.23")
    for _ in range(LIMIT - 1):
        sign_in(client, "camille", "wrong")
    assert sign_in(client, "camille", PASSWORD).status_code == 302
    client.post("/admin/logout/")
    for _ in range(LIMIT - 1):
        assert sign_in(client, "camille", "wrong").status_code == 200


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_lockout_page_is_in_the_visitors_language(home_tree, admin_user, settings, lang):
    settings.AXES_FAILURE_LIMIT = 1
    client = Client(REMOTE_ADDR="198.51.100.24", HTTP_ACCEPT_LANGUAGE=lang)
    response = sign_in(client, "camille", "wrong")
    assert_locked_out(response)
    assert parse(response).html["lang"] == lang


def test_visitors_behind_the_trusted_proxy_are_counted_apart(home_tree, admin_user, settings):
    """Behind TRUSTED_PROXIES, the client address is the one the proxy saw (cms.core.client_ip):
    one visitor's lockout does not lock out the others coming through the same proxy."""
    settings.AXES_FAILURE_LIMIT = LIMIT
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    guesser = Client(HTTP_X_FORWARDED_FOR="203.0.113.50", **proxy)
    for _ in range(LIMIT):
        sign_in(guesser, "camille", "wrong")
    assert_locked_out(sign_in(guesser, "camille", PASSWORD))
    # A forged left part of the header changes nothing: the proxy appended the real address.
    forged = Client(HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.50", **proxy)
    assert_locked_out(sign_in(forged, "camille", PASSWORD))
    colleague = Client(HTTP_X_FORWARDED_FOR="203.0.113.51", **proxy)
    assert sign_in(colleague, "camille", PASSWORD).status_code == 302


def password_form(client, page):
    response = client.get(page.url)
    form = parse(response).select_one("form:has(input[name=password])")
    return form["action"], form.select_one("input[name=return_url]")["value"]


def test_protected_page_locks_out_after_the_limit(protected_pages, settings):
    settings.AXES_FAILURE_LIMIT = LIMIT
    page, other_page = protected_pages
    client = Client(REMOTE_ADDR="198.51.100.30")
    action, return_url = password_form(client, page)
    for _ in range(LIMIT - 1):
        response = client.post(action, {"password": "guess", "return_url": return_url})
        assert response.status_code == 200
    assert_locked_out(client.post(action, {"password": "guess", "return_url": return_url}))
    assert_locked_out(client.post(action, {"password": PAGE_PASSWORD, "return_url": return_url}))
    assert (
        client.get(page.url).status_code == 200
        and "password" in client.get(page.url).content.decode()
    )
    # Another page from this address, and this page from another address, still open.
    other_action, other_return = password_form(client, other_page)
    opened = client.post(other_action, {"password": PAGE_PASSWORD, "return_url": other_return})
    assert opened.status_code == 302
    elsewhere = Client(REMOTE_ADDR="198.51.100.31")
    opened = elsewhere.post(action, {"password": PAGE_PASSWORD, "return_url": return_url})
    assert opened.status_code == 302
    assert page.title in elsewhere.get(page.url).content.decode()


# Two real gunicorn servers on one database: what one counts, the other refuses.

BASE_DIR = Path(settings.BASE_DIR)


def manage(*args, env):
    return subprocess.run(  # noqa: S603 - this interpreter, fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )


def wait_for(url: str, server: subprocess.Popen):
    for _ in range(300):
        if server.poll() is not None:
            raise AssertionError(server.stderr.read())
        try:
            requests.get(url, timeout=30)
            return
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.2)
    raise AssertionError(f"{url} never answered")


@pytest.fixture
def two_servers(tmp_path):
    """Two gunicorn servers (one worker each, separate processes) on one SQLite database."""
    env = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "COFFEE_VAR_DIR": str(tmp_path),
        "AXES_FAILURE_LIMIT": str(LIMIT),
        "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
    }
    migrated_sqlite(tmp_path / "coffee.sqlite3")
    manage("createsuperuser", "--no-input", "--username", "camille", "--email", "c@x.eu", env=env)
    servers, urls = [], []
    try:
        for _ in range(2):
            port = free_port("127.0.0.1")
            servers.append(
                subprocess.Popen(  # noqa: S603 - this interpreter's gunicorn, fixed arguments
                    [
                        str(Path(sys.executable).with_name("gunicorn")),
                        "cms.wsgi:application",
                        "--bind",
                        f"127.0.0.1:{port}",
                        "--workers",
                        "1",
                    ],
                    cwd=BASE_DIR,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                    text=True,
                )
            )
            urls.append(f"http://127.0.0.1:{port}")
        for url, server in zip(urls, servers, strict=True):
            wait_for(url + LOGIN, server)
        yield urls
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)


def http_sign_in(session: requests.Session, base: str, password: str) -> requests.Response:
    page = session.get(base + LOGIN, timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    return session.post(
        base + LOGIN,
        data={"username": "camille", "password": password, "csrfmiddlewaretoken": token},
        headers={"Referer": base + LOGIN},
        allow_redirects=False,
        timeout=30,
    )


@pytest.mark.own_sqlite
def test_lockout_holds_in_another_server_process(two_servers):
    first, second = two_servers
    with requests.Session() as session:
        for _ in range(LIMIT - 1):
            assert http_sign_in(session, first, "wrong").status_code == 200
        # The limit is reached on the other server: it counted what the first one saw.
        assert http_sign_in(session, second, "wrong").status_code == 429
        refused = http_sign_in(session, first, PASSWORD)
        assert refused.status_code == 429 and "Retry-After" in refused.headers
        assert "sessionid" not in session.cookies
