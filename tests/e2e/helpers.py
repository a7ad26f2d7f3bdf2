"""Shared constants and helpers of the end-to-end tests (no fixtures here: see conftest.py)."""

import datetime
import os
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from django.test.utils import override_settings
from wagtail.models import Page

from cms.demo.accounts import demo_editor_password
from tests.translations.fake_services import libretranslate, serve

E2E_DIR = Path(__file__).resolve().parent
REPO_DIR = E2E_DIR.parents[1]
CHROMIUM = Path(os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium"))
AXE_JS = REPO_DIR / "ops" / "e2e" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 375, "height": 812}
LANGUAGES = ["fr", "nl", "en"]
EDITOR_USERNAME = "e2e-editor"
EDITOR_PASSWORD = "e2e-editor-password-1234"
# Held by the live server while it handles a request, and by a test around its own queries while
# a page is open: the in-memory SQLite connection is shared by both threads.
SERVER_LOCK = threading.Lock()
# Time Playwright waits for an element or a navigation (ms).
TIMEOUT_MS = 15_000


def path_of(url: str) -> str:
    """The path (and query) of a URL, absolute or relative."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def axe_violations(page, axe_js: Path, context: dict | None = None) -> list[dict]:
    """Inject axe-core into the page, run every default rule on ``context`` (axe's
    include/exclude selectors; None: the whole document), return the violations."""
    page.evaluate(axe_js.read_text())  # in the page, as the browser's tools do: no CSP applies
    return page.evaluate(
        """async (context) => {
            const results = await axe.run(context || document, {resultTypes: ['violations']});
            return results.violations.map(v => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({
                    target: n.target.join(' '),
                    html: n.html.slice(0, 300),
                    summary: n.failureSummary,
                })),
            }));
        }""",
        context,
    )


def run_axe(page, axe_js: Path) -> list[dict]:
    """axe (every default rule) on the whole page."""
    return axe_violations(page, axe_js)


def run_axe_within(page, axe_js: Path, selector: str) -> list[dict]:
    """axe (every default rule) on the part of the page matching ``selector`` only."""
    assert page.locator(selector).count() >= 1, f"nothing matches {selector} on {page.url}"
    return axe_violations(page, axe_js, {"include": [[selector]]})


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} "
            f"<{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            lines.append(f"    target: {node['target']}")
            lines.append(f"      html: {node['html']}")
            summary = " | ".join(line.strip() for line in (node["summary"] or "").splitlines())
            lines.append(f"      why:  {summary}")
    return "\n".join(lines)


def admin_log_in(page, username: str = EDITOR_USERNAME, password: str = EDITOR_PASSWORD):
    """Log into the Wagtail admin with the e2e editor account; waits for the dashboard."""
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.press("#id_password", "Enter")
    page.wait_for_url("**/admin/")


# --- admin screens: accessibility ---------------------------------------------------------------

#: Widgets Wagtail ships as they are, left out of axe's run on our admin screens: the tag
#: field's jQuery UI autocomplete input and Draftail's rich-text box (both labelled by Wagtail
#: only through surrounding markup axe does not follow).
PACKAGE_WIDGETS = [".ui-autocomplete-input", ".public-DraftEditor-content"]


def run_axe_on_main(page, axe_js: Path) -> list[dict]:
    """axe on the main region of an admin screen (Wagtail's sidebar is the same everywhere),
    without PACKAGE_WIDGETS; returns the violations."""
    context = {"include": [["#main"]], "exclude": [[widget] for widget in PACKAGE_WIDGETS]}
    return axe_violations(page, axe_js, context)


# --- editorial journeys (buttons found by name: their text follows the admin language) ---------


def fill_new_event(page, agenda_id: int, event: dict, start):
    """Open the new-event form under the agenda ``agenda_id`` and fill it with ``event``
    (title, slug, summary), from ``start`` (a datetime) for three hours."""
    page.goto(f"/admin/pages/add/events/eventpage/{agenda_id}/")
    page.fill("#id_title", event["title"])
    page.fill("#id_start", start.strftime("%Y-%m-%d %H:%M"))
    page.keyboard.press("Escape")
    page.fill("#id_end", (start + datetime.timedelta(hours=3)).strftime("%Y-%m-%d %H:%M"))
    page.keyboard.press("Escape")
    page.fill("#id_summary", event["summary"])
    # The second tab ("Promotion" in French: its id follows the admin language).
    page.locator("[role=tablist] [role=tab]").nth(1).click()
    page.fill("#id_slug", event["slug"])


def submit_for_review(page):
    """Submit the page open in the editor to its workflow (the footer's "Submit to …")."""
    page.click("footer [data-w-dropdown-target=toggle]")
    with page.expect_navigation():
        page.click("footer button[name=action-submit]")


def approve_in_editor(page):
    """Approve, without a comment, the workflow task of the page open in the editor."""
    page.click("footer [data-w-dropdown-target=toggle]")
    with page.expect_navigation():
        page.click(
            "footer button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
        )


def approve_on_dashboard(page, title: str):
    """Approve, without a comment, the page titled ``title`` in the admin home's "Awaiting
    your review" panel."""
    page.goto("/admin/")
    row = page.locator("tr", has_text=title)
    row.locator("[data-w-dropdown-target=toggle]").click()
    with page.expect_navigation():
        row.locator(
            "button[data-workflow-action-url*='/approve/']:not([data-launch-modal])"
        ).click()


# --- machine translation -------------------------------------------------------------------------


@contextmanager
def libretranslate_machine():
    """wagtail-localize's machine translator pointed at a local server speaking LibreTranslate's
    API (tests/translations/fake_services.py); yields the server (its ``requests``)."""
    with serve(libretranslate) as service:
        machine = {
            "CLASS": "cms.translations.machine.LibreTranslate",
            "OPTIONS": {"LIBRETRANSLATE_URL": service.url, "API_KEY": "libre-key"},
        }
        with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=machine):
            yield service


def demo_log_in(page, username: str):
    """Log into the admin with a demo account (cms/demo/accounts.py)."""
    admin_log_in(page, username, demo_editor_password())


def delete_pages_with_slug(model, slug: str):
    """Delete the pages of ``model`` with ``slug`` and their translations (a test's cleanup)."""
    with SERVER_LOCK:
        keys = list(model.objects.filter(slug=slug).values_list("translation_key", flat=True))
        for page in Page.objects.filter(translation_key__in=keys).order_by("-depth"):
            page.delete()


def translate_into(page, source_id: int, locale_id: int):
    """wagtail-localize's "Translate this page" for the page ``source_id`` into one locale;
    lands in the translation editor of the new draft."""
    page.goto(f"/admin/localize/submit/page/{source_id}/")
    page.check(f"input[name=locales][value='{locale_id}']")
    with page.expect_navigation():
        page.click("main form [type=submit]")


def machine_translate(page):
    """The translation editor's machine translation button (every untranslated segment)."""
    with page.expect_navigation():
        page.click("form[action*='machine_translate'] button[type=submit]")


def fixed_organisation(page) -> str | None:
    """The organisation chosen in the open page form when the editor cannot change it."""
    field = page.locator("#id_organisation")
    if not field.is_disabled():
        return None
    return field.locator("option:checked").inner_text().strip()


def open_refused(page, url: str) -> bool:
    """Whether the admin refuses ``url`` to the logged-in user: Wagtail sends them back to
    the dashboard, and no page form was shown."""
    page.goto(url)
    page.wait_for_url("**/admin/")
    return page.locator("#id_title").count() == 0
