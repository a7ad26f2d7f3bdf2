"""`make production` (ops/production.sh) on a fresh machine: a scratch directory and a migrated
SQLite database, production settings, gunicorn on a free port. Pages, static files and images are
served without DEBUG and without anything in front; an unknown address gets the site's own
translated 404; the three processes live and stop together.

Requests carry ``X-Forwarded-Proto: https``, as from the TLS-terminating proxy production
settings expect (SECURE_PROXY_SSL_HEADER; plain http is redirected to https)."""

import os
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings

from tests.mail import Mailbox, free_port
from tests.scratch_database import migrated_sqlite

pytestmark = pytest.mark.own_sqlite

BASE_DIR = Path(settings.BASE_DIR)
SCRIPT = BASE_DIR / "ops" / "production.sh"
HOST = "127.0.0.1"
# Variables of the surrounding test run that must not reach the scratch site.
INHERITED = {
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "CACHE_URL",
    "SEARCH_ENGINE",
    "SEARCH_URL",
    "DEBUG",
    "COFFEE_VAR_DIR",
    "STATIC_ROOT",
    "MEDIA_ROOT",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "EMAIL_URL",
    "EMAIL_BACKEND",
    "DEFAULT_FROM_EMAIL",
    "WAGTAILADMIN_BASE_URL",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}
START_TIMEOUT = 300  # seconds: collectstatic compresses every static file of Wagtail once


def production_environment(var_dir: Path, port: int, smtp_port: int) -> dict:
    environment = {k: v for k, v in os.environ.items() if k not in INHERITED}
    environment.update(
        VENV=str(Path(sys.executable).parent.parent),
        COFFEE_VAR_DIR=str(var_dir),
        HOST=HOST,
        PORT=str(port),
        WEB_CONCURRENCY="2",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS=HOST,
        EMAIL_URL=f"smtp://{HOST}:{smtp_port}",
        DEFAULT_FROM_EMAIL="COFFEE Hub <hub@coffee-hub.eu>",
        WAGTAILADMIN_BASE_URL="https://coffee-hub.eu",
    )
    return environment


def get(url: str):
    """(status, headers, body) of a GET through the (pretended) TLS proxy; no redirect followed."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})  # noqa: S310
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def children_of(pid: int) -> list[int]:
    """The direct children of a process (pgrep -P)."""
    result = subprocess.run(  # noqa: S603
        ["/usr/bin/pgrep", "-P", str(pid)], capture_output=True, text=True, check=False
    )
    return [int(line) for line in result.stdout.split()]


def wait_until_served(process: subprocess.Popen, base: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read() if process.stdout else ""
            pytest.fail(f"ops/production.sh stopped (exit {process.returncode}):\n{output}")
        try:
            get(base + "/robots.txt")
            return
        except OSError:
            time.sleep(1)
    pytest.fail(f"nothing answered on {base} after {START_TIMEOUT} s")


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """ops/production.sh serving a scratch site holding the demo content; yields
    (base URL, the script's process, its environment)."""
    var_dir = tmp_path_factory.mktemp("production")
    # Already migrated (the script's own `migrate` then has nothing to do): running every
    # migration again here would only repeat what building the test databases proves.
    migrated_sqlite(var_dir / "coffee.sqlite3")
    port = free_port(HOST)
    mailbox = Mailbox(host=HOST, port=free_port(HOST))
    smtp = Controller(mailbox, hostname=HOST, port=mailbox.port)
    smtp.start()
    environment = production_environment(var_dir, port, mailbox.port)
    log = (var_dir / "production.log").open("w+")
    process = subprocess.Popen(  # noqa: S603 - our own script
        ["/bin/bash", str(SCRIPT)],
        cwd=BASE_DIR,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    base = f"http://{HOST}:{port}"
    try:
        wait_until_served(process, base)
        demo = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
            [sys.executable, "manage.py", "load_demo_content", "--quiet"],
            cwd=BASE_DIR,
            env=environment | {"DJANGO_SETTINGS_MODULE": "cms.settings.production"},
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert demo.returncode == 0, demo.stdout + demo.stderr
        yield base, process, environment
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=60)
        smtp.stop()
        log.seek(0)
        print(log.read()[-5000:])
        log.close()


def test_make_production_names_every_missing_variable(tmp_path):
    """Without its environment, the script stops at once and says what to set."""
    environment = {k: v for k, v in os.environ.items() if k not in INHERITED}
    environment["COFFEE_VAR_DIR"] = str(tmp_path)

    result = subprocess.run(  # noqa: S603 - our own script
        ["/bin/bash", str(SCRIPT)],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 2
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "EMAIL_URL", "DEFAULT_FROM_EMAIL"):
        assert name in result.stderr
    assert not (tmp_path / "coffee.sqlite3").exists()


@pytest.mark.parametrize("path", ["/fr/", "/nl/", "/en/", "/fr/blog/", "/nl/agenda/"])
def test_pages_are_served(production, path):
    base, _process, _environment = production

    status, headers, body = get(base + path)

    assert status == 200, body[:500]
    assert b"COFFEE" in body
    assert "Content-Security-Policy" in headers


def test_static_files_are_served_hashed_and_cached(production):
    """The stylesheet a page links to is the collected, hashed copy, cacheable for a year."""
    base, _process, _environment = production
    _status, _headers, body = get(base + "/fr/")
    [stylesheet] = re.findall(rb'href="(/static/css/site\.[0-9a-f]{12}\.css)"', body)

    status, headers, css = get(base + stylesheet.decode())

    assert status == 200
    assert headers["Content-Type"].startswith("text/css")
    assert "max-age=315360000" in headers["Cache-Control"]
    assert b"{" in css


def test_images_are_served_with_cache_headers(production):
    """An image on the home page (a rendition under /media/) answers 200 without DEBUG."""
    base, _process, _environment = production
    _status, _headers, body = get(base + "/fr/")
    images = re.findall(rb'src="(/media/images/[^"]+)"', body)
    assert images, "the home page shows no image"

    status, headers, image = get(base + images[0].decode())

    assert status == 200
    assert headers["Content-Type"].startswith("image/")
    assert "max-age=86400" in headers["Cache-Control"]
    assert len(image) > 1000


def test_documents_are_not_served_from_media(production):
    """Documents stay behind Wagtail's document view (its privacy rules)."""
    base, _process, environment = production
    documents = Path(environment["COFFEE_VAR_DIR"]) / "media" / "documents"
    name = sorted(documents.iterdir())[0].name

    status, _headers, _body = get(f"{base}/media/documents/{name}")

    assert status == 404


@pytest.mark.parametrize(
    ("path", "title"), [("/fr/nulle-part/", "Page introuvable"), ("/nl/nergens/", "Pagina niet")]
)
def test_unknown_addresses_get_the_sites_own_translated_404(production, path, title):
    base, _process, _environment = production

    status, _headers, body = get(base + path)

    assert status == 404
    assert f"<h1>{title}".encode() in body
    assert b"template-404" in body


def test_when_one_process_stops_every_process_stops(production):
    """Killing the scheduler stops gunicorn, the webhook and newsletter workers, and the script
    exits. (Last test of the module: it ends the shared server.)"""
    base, process, _environment = production
    children = children_of(process.pid)
    commands = [Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ") for pid in children]
    assert len(children) == 4, commands
    assert sum("db_worker" in command for command in commands) == 2, commands
    scheduler = next(
        pid
        for pid in children
        if "run_scheduler" in Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ")
    )

    os.kill(scheduler, signal.SIGTERM)
    process.wait(timeout=60)

    assert all(not Path(f"/proc/{pid}").exists() for pid in children)
    with pytest.raises(OSError):
        get(base + "/fr/")
