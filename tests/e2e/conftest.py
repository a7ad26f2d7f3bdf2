"""End-to-end fixtures: one Chromium, one live server on a database holding the demo content.

- The demo content (and an editor account) is loaded once for the whole tests/e2e package into
  the test database; at the end the database is put back as it was, so other tests never see it.
- The e2e tests run in autocommit, as the site does in production (wagtail-localize publishes
  translations in transaction.on_commit hooks, which a test transaction would never run): the
  ``django_db`` marker only makes pytest-django create the test database, and the
  ``_django_db_helper`` override below drops its per-test transaction. A test that writes
  cleans up after itself.
- The test database is an in-memory SQLite database: the live server shares the test thread's
  connection, and handles one request at a time (SERVER_LOCK, which the tests also take around
  their own queries while a page is open) so that connection is never used by two threads at once.
- Chromium is Debian's (/usr/bin/chromium), driven by Playwright; ``make e2e-deps``
  (ops/e2e/install.sh) installs it and axe-core.
"""

import re
import threading
from pathlib import Path

import pytest

from tests.mail import smtp_server  # noqa: F401 - a fixture for this package's tests

from .helpers import (
    AXE_JS,
    CHROMIUM,
    CHROMIUM_ARGS,
    DESKTOP,
    EDITOR_PASSWORD,
    EDITOR_USERNAME,
    REPO_DIR,
    SERVER_LOCK,
    TIMEOUT_MS,
)

SCREENSHOTS = REPO_DIR / "test-results" / "e2e"


def _missing(path: Path, what: str):
    if not path.exists():
        pytest.fail(f"{what} is missing ({path}): run `make e2e-deps` (bash ops/e2e/install.sh).")


# --- database, browser, live server -----------------------------------------------------------


def _serial_static_handler():
    """The live server's outer WSGI handler, with a lock: one request at a time reaches Django,
    so the SQLite connection shared with the test thread is never used concurrently."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler

    class SerialStaticFilesHandler(StaticFilesHandler):
        def __call__(self, environ, start_response):
            with SERVER_LOCK:
                return super().__call__(environ, start_response)

    return SerialStaticFilesHandler


@pytest.fixture
def _django_db_helper(django_db_setup, django_db_blocker):
    """Replaces pytest-django's per-test transaction (or flush) for the e2e tests: database
    access, in autocommit, on the package's demo database (see the module docstring)."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture(scope="package")
def e2e_database(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content, plus an editor account, committed to the test database for all the
    e2e tests; afterwards the database is put back as it was (as serialized_rollback does)."""
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import override_settings

    from cms.demo.factories import UserFactory

    media = override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("e2e-media")))
    media.enable()
    with django_db_blocker.unblock():
        before = connection.creation.serialize_db_to_string()
        try:
            call_command("load_demo_content", "--quiet")
            # An English admin, so that the few selectors relying on visible text
            # ("Translate", "Save") do not depend on the admin's language.
            UserFactory(
                username=EDITOR_USERNAME,
                email="e2e-editor@example.com",
                password=EDITOR_PASSWORD,
                superuser=True,
                admin_language="en",
            )
            yield
        finally:
            call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
            connection.creation.deserialize_db_from_string(before)
            media.disable()


@pytest.fixture(scope="package")
def browser(e2e_database):
    """One headless Chromium for all the e2e tests (Playwright gives each launch a fresh,
    temporary user data dir)."""
    _missing(CHROMIUM, "Chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop running in the test thread: Django would
    # refuse the ORM calls made there (SynchronousOnlyOperation) although nothing runs
    # concurrently. Only while the browser lives: a subprocess started by another test must
    # not inherit it (`manage.py check --deploy` rejects it).
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, timeout=60_000
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="package")
def e2e_server(browser, django_db_blocker):
    """A live server on the e2e database, shared by every e2e test; yields its base URL.

    It must start after Playwright: from then on the test thread has a running asyncio loop,
    and Django (asgiref's thread-critical Local) hands it another connection object than before.
    The server must share that very connection (same in-memory SQLite database, same
    transaction), so it is collected only now."""
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        server = LiveServer("127.0.0.1", start=False)
        server.thread.static_handler = _serial_static_handler()
        server._live_server_modified_settings.enable()
        server.start()
        try:
            yield server.url
        finally:
            server.thread.terminate()
            # Request threads still finishing keep using the shared connection: leave it
            # shareable (no dec_thread_sharing) and give them a moment to end.
            for thread in threading.enumerate():
                if "process_request_thread" in thread.name:
                    thread.join(timeout=5)
            server._live_server_modified_settings.disable()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"e2e_report_{report.when}", report)
    return report


@pytest.fixture
def new_page(request, browser, e2e_server):
    """Factory: a page in a fresh browser context (no cookies) with the given viewport/locale.

    When the test fails, every page it opened is saved as a screenshot under test-results/e2e/."""
    contexts = []

    def make(viewport=None, locale="fr-BE", mobile=False, **kwargs):
        options = {
            "base_url": e2e_server,
            "viewport": viewport or DESKTOP,
            "locale": locale,
            "accept_downloads": True,
            **kwargs,
        }
        if mobile:
            options.update(is_mobile=True, has_touch=True, device_scale_factor=2)
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        context.set_default_navigation_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield make
    report = getattr(request.node, "e2e_report_call", None)
    if report is not None and report.failed:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name)
        for number, context in enumerate(contexts):
            for index, page in enumerate(context.pages):
                target = SCREENSHOTS / f"{name}-{number}-{index}.png"
                try:
                    page.screenshot(path=str(target), full_page=True)
                    print(f"screenshot of {page.url}: {target}")
                except Exception as error:  # a screenshot must not hide the failure
                    print(f"no screenshot of {page.url}: {error}")
    for context in contexts:
        context.close()


# --- Content-Security-Policy -----------------------------------------------------------------

REPORT_VIOLATIONS = """
document.addEventListener('securitypolicyviolation', (event) => {
    console.error(`CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI} `
        + `at ${event.sourceFile}:${event.lineNumber} (${event.documentURI})`);
});
"""


@pytest.fixture
def watched(new_page):
    """Factory: a browser page whose CSP violations are collected in ``page.csp_violations``:
    Chromium's console messages, and the ``securitypolicyviolation`` events of every document
    (frames included), which REPORT_VIOLATIONS turns into console messages too. Every page of
    its browser context is watched (a tab it opens, or ``page.context.new_page()``)."""

    def make(**options):
        page = new_page(**options)
        violations = []

        def collect(message):
            if "Content Security Policy" in message.text or "CSP violation" in message.text:
                violations.append(message.text)

        page.context.add_init_script(REPORT_VIOLATIONS)
        page.context.on("console", collect)
        page.csp_violations = violations
        return page

    return make


# --- axe-core ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def axe_source():
    _missing(AXE_JS, "axe-core")
    return AXE_JS
