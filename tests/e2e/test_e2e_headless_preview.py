"""Issue 14's headless preview, where editors meet it: in a real browser, an organisation editor
(Mutualab in the French admin, Co-nnexion in the Dutch admin) opens one of their articles or
studies, changes the title without publishing, chooses the "Partner front-end" preview mode, and
the preview panel frames the partner's front-end showing the draft title; so does the "Preview
in new tab" link. The public page and /api/v2/pages/<id>/ still show the published title, and a
tampered token shows nothing unpublished (the front-end gets a 403).

The partner's front-end is tests/e2e/partner_front/ (a static page and a small script), served
from another port by a thread of the test: another origin, as a partner's would be. It reads the
draft from the live server's /api/v2/preview/ (CORS), and the admin must be allowed to frame it
(its Content-Security-Policy frame-src): any CSP violation fails the test.
"""

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.test.utils import override_settings
from playwright.sync_api import expect

from cms.blog.models import BlogPage
from cms.demo.accounts import EDITORS
from cms.spaces.models import SpacePage
from cms.studies.models import StudyPage

from .helpers import E2E_DIR, SERVER_LOCK, demo_log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

FRONT_END_DIR = E2E_DIR / "partner_front"
#: what the front-end's page shows while the answer of the API is awaited
LOADING = "Loading the preview"
#: how long the preview panel may take to show the front-end after the mode changes
PANEL_MS = 15_000


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


@pytest.fixture
def partner_front_end(e2e_server):
    """The partner's front-end on its own port, and HEADLESS_PREVIEW_URL pointing at it (with
    the API's origin in its own query string); yields that URL."""
    handler = functools.partial(QuietHandler, directory=str(FRONT_END_DIR))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}/index.html?{urlencode({'api': e2e_server})}"
    try:
        with override_settings(HEADLESS_PREVIEW_URL=url, HEADLESS_PREVIEW_SECONDS=600):
            yield url
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def organisation_pages(organisation: str):
    """One live French article or study of the organisation (events share the same preview mode
    and endpoint: tests/api/test_headless_preview.py reads their drafts in every locale)."""
    with SERVER_LOCK:
        space = SpacePage.objects.get(slug=organisation, locale__language_code="fr")
        mine = {"organisation__translation_key": space.translation_key}
        page = next(
            (
                found
                for model in (BlogPage, StudyPage)
                if (
                    found := model.objects.live()
                    .filter(locale__language_code="fr", **mine)
                    .order_by("pk")
                    .first()
                )
            ),
            None,
        )
    assert page is not None, f"no article or study of {organisation}"
    return [page]


def shown_after_typing(editor, check, draft_title: str, attempts: int = 4):
    """``check()`` (an expectation on the preview panel) once the panel has caught up with the
    title typed. Wagtail's panel posts the form when its timer (every 500 ms) sees a change, and
    a mode chosen while it is still loading the previous update is only applied at the next
    change; on a loaded machine that can leave the panel behind, so the title is changed and,
    once the panel has seen that, typed again (the same draft) before giving up: the
    expectation itself is never loosened."""
    for attempt in range(attempts):
        try:
            check()
            return
        except AssertionError:
            if attempt == attempts - 1:
                raise
            editor.fill("#id_title", f"{draft_title} …")
            editor.wait_for_timeout(2000)
            editor.fill("#id_title", draft_title)


def panel_idle(editor):
    """The preview panel has no update in flight: Wagtail loads each one into a second
    iframe (w-preview__proxy) and drops the first once it has loaded."""
    expect(editor.locator("iframe.w-preview__proxy")).to_have_count(0, timeout=PANEL_MS)


def choose_front_end_preview(editor, draft_title: str):
    """In the open page editor: type the draft title, open the preview panel, choose the
    "Partner front-end" mode; returns the panel's (newest) iframe once it shows the draft."""
    editor.fill("#id_title", draft_title)
    editor.click("[data-side-panel-toggle=preview]")
    frame = editor.frame_locator("iframe[data-w-preview-target=iframe] >> nth=-1")
    # Wagtail's own preview first, with the draft as typed; then the partner's front-end.
    shown_after_typing(
        editor,
        lambda: expect(frame.locator("h1").first).to_have_text(draft_title, timeout=PANEL_MS),
        draft_title,
    )
    mode = editor.locator("#id_preview_mode")
    expect(mode.locator("option[value=headless]")).to_have_count(1)
    panel_idle(editor)
    mode.select_option("headless")

    # The front-end's status: the panel saves the form, then reloads its iframe, which reads
    # the API, once the admin's scripts have debounced the change (slow on a loaded machine).
    def front_end_shows_the_draft():
        status = frame.locator("#status")
        expect(status).to_have_attribute("data-status", "200", timeout=PANEL_MS)
        expect(frame.locator("h1")).to_have_text(draft_title)

    shown_after_typing(editor, front_end_shows_the_draft, draft_title)
    return frame


@pytest.mark.parametrize(
    "organisation, admin_language",
    [("mutualab", "fr"), ("co-nnexion", "nl")],
    ids=["french-admin", "dutch-admin"],
)
def test_an_editor_previews_a_draft_in_the_partner_front_end(
    watched, new_page, partner_front_end, organisation, admin_language
):
    username = EDITORS[organisation][0]
    assert EDITORS[organisation][3] == admin_language
    front_origin = "{0.scheme}://{0.netloc}".format(urlsplit(partner_front_end))
    session = watched(locale="fr-BE" if admin_language == "fr" else "nl-BE")
    demo_log_in(session, username)
    assert session.get_attribute("html", "lang") == admin_language
    visitor = new_page()

    for page in organisation_pages(organisation):
        published = page.title
        draft_title = f"{published} ({'brouillon' if admin_language == 'fr' else 'concept'})"
        # Each page in a new tab of the logged-in session; the tab is closed with its title
        # unsaved, as an editor closing it without saving (no "Leave the page?" to answer).
        editor = session.context.new_page()
        response = editor.goto(f"/admin/pages/{page.pk}/edit/")
        assert front_origin in response.headers["content-security-policy"]

        # The preview panel frames the front-end, which shows the draft from the API.
        frame = choose_front_end_preview(editor, draft_title)
        expect(frame.locator(".summary")).to_have_text(page.summary)
        framed = next(f for f in editor.frames if f.url.startswith(front_origin))
        query = {name: values[0] for name, values in parse_qs(urlsplit(framed.url).query).items()}
        assert query["id"] == str(page.pk)
        assert query["locale"] == "fr"

        # "Preview in new tab" opens the front-end with the draft too.
        with editor.expect_popup() as popup:
            editor.click("[data-w-preview-target=newTab]")
        tab = popup.value
        tab.wait_for_load_state()
        assert tab.url.startswith(front_origin)
        expect(tab.locator("h1")).to_have_text(draft_title)
        tab.close()

        # Nothing was published: the site and the API show the published title.
        with SERVER_LOCK:
            page.refresh_from_db()
        assert page.title == published and not page.has_unpublished_changes
        assert visitor.goto(page.url).status == 200
        expect(visitor.locator("h1").first).to_have_text(published)
        api = visitor.request.get(f"/api/v2/pages/{page.pk}/")
        assert api.ok and api.json()["title"] == published

        # A tampered token opens nothing: the front-end gets a 403 and shows no draft.
        token = query["token"]
        tampered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
        address = (
            urlsplit(framed.url)._replace(query=urlencode({**query, "token": tampered})).geturl()
        )
        with visitor.expect_response(lambda r: "/api/v2/preview/" in r.url) as refused:
            visitor.goto(address)
        assert refused.value.status == 403
        # The same answer read directly (the browser's copy of a cross-origin body is not
        # always given back to the test).
        api = visitor.request.get("/api/v2/preview/", params={"token": tampered, "id": query["id"]})
        assert api.status == 403 and api.json()["error"]["parameter"] == "token"
        expect(visitor.locator("#status")).to_have_attribute("data-status", "403")
        expect(visitor.locator("body")).not_to_contain_text(draft_title)
        expect(visitor.locator("article")).to_be_hidden()
        editor.close()

    assert session.csp_violations == [], "\n".join(session.csp_violations)
