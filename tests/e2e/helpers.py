"""Shared constants and helpers of the end-to-end tests (no fixtures here: see conftest.py)."""

import os
import threading
from pathlib import Path
from urllib.parse import urlsplit

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


def run_axe(page, axe_js: Path) -> list[dict]:
    """Inject axe-core into the page, run every default rule, return the violations."""
    page.add_script_tag(path=str(axe_js))
    return page.evaluate(
        """async () => {
            const results = await axe.run(document, {resultTypes: ['violations']});
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
        }"""
    )


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
