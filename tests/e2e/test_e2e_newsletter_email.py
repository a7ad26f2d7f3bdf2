"""The newsletter e-mail in a real browser: legible at 600 px (a mail client's reading pane) and
at 390 px (a phone): no horizontal scrolling, no text smaller than 14 px, images inside the
column (screenshots kept under test-results/e2e/ for a human look). And the whole journey:
subscribe on /nl/, confirm, receive the Dutch edition, unsubscribe in one click, receive
nothing more."""

import re

import pytest
from django.core.management import call_command
from django.test import override_settings

from cms.newsletter import sending
from cms.newsletter.models import Dispatch, NewsletterIssuePage
from cms.newsletter.rendering import render_issue
from cms.subscribers.models import Subscriber

from .conftest import SCREENSHOTS
from .helpers import SERVER_LOCK, path_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

SMALLEST_TEXT = """() => {
    let smallest = {size: 1000, text: ""};
    for (const element of document.body.querySelectorAll("*")) {
        const text = Array.from(element.childNodes)
            .filter(node => node.nodeType === Node.TEXT_NODE)
            .map(node => node.textContent.trim()).join(" ").trim();
        const style = getComputedStyle(element);
        if (!text || style.display === "none" || element.offsetParent === null) continue;
        const size = parseFloat(style.fontSize);
        if (size < smallest.size) smallest = {size, text: text.slice(0, 60)};
    }
    return smallest;
}"""

WIDEST_IMAGE = """() => Math.max(0, ...Array.from(document.images).map(
    image => image.getBoundingClientRect().right))"""


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
@pytest.mark.parametrize("width", [600, 390])
def test_the_email_is_legible_at_600_and_390_px(new_page, e2e_server, lang, width):
    with SERVER_LOCK, override_settings(PUBLIC_BASE_URL=e2e_server):
        issue = (
            NewsletterIssuePage.objects.live()
            .filter(locale__language_code=lang, dispatch__isnull=False)
            .get()
        )
        html, _text = render_issue(issue).for_recipient(
            f"{e2e_server}/{lang}/newsletter/unsubscribe/x/",
            f"{e2e_server}/{lang}/newsletter/preferences/x/",
        )
    page = new_page(viewport={"width": width, "height": 900}, mobile=width < 600)
    page.set_content(html, wait_until="load")

    assert page.locator("h1").inner_text() == issue.title
    sizes = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, view: window.innerWidth})"
    )
    assert sizes["scroll"] <= sizes["view"], sizes  # no horizontal scrolling
    smallest = page.evaluate(SMALLEST_TEXT)
    assert smallest["size"] >= 14, smallest
    assert page.evaluate(WIDEST_IMAGE) <= width
    assert page.locator("img").count() >= 1  # the articles' pictures, from the site
    assert page.evaluate(
        "() => Array.from(document.images).every(image => image.complete && image.naturalWidth)"
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"newsletter-email-{lang}-{width}.png"), full_page=True)


ADDRESS = "e2e-nieuwsbrief@example.org"


@pytest.fixture
def ready_dutch_issue():
    """The demo's Dutch issue that was never sent; its sendings are forgotten afterwards."""
    with SERVER_LOCK:
        issue = (
            NewsletterIssuePage.objects.live()
            .filter(locale__language_code="nl", dispatch__isnull=True)
            .get()
        )
    yield issue
    with SERVER_LOCK:
        Dispatch.objects.filter(issue=issue).delete()
        Subscriber.objects.with_email(ADDRESS).delete()


def send_and_deliver(issue, monkeypatch):
    """What "Send to subscribers" and the worker do, in the test thread."""
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    with SERVER_LOCK:
        Dispatch.objects.filter(issue=issue).delete()
        sending.start(issue)
        call_command(
            "db_worker",
            "--batch",
            "--backend=newsletter",
            "--queue-name=newsletter",
            "--no-startup-delay",
            "--no-reload",
            verbosity=0,
        )


def test_subscribe_in_dutch_receive_the_dutch_edition_and_leave_in_one_click(
    new_page, smtp_server, ready_dutch_issue, monkeypatch
):
    page = new_page(locale="nl-BE")
    page.goto("/nl/")
    footer = page.locator(".site-footer__newsletter")
    footer.locator("input[name=email]").fill(ADDRESS)
    footer.locator("input[name=consent]").check()
    footer.locator("button[type=submit]").click()
    page.wait_for_url("**/nl/newsletter/subscribe/sent/")
    [confirmation] = smtp_server.to(ADDRESS)
    [link] = re.findall(r"https?://\S+/nl/newsletter/confirm/\S+/", smtp_server.text(confirmation))
    page.goto(path_of(link))
    with page.expect_navigation():  # the link shows a button; pressing it confirms
        page.locator("main form button[type=submit]").click()
    with SERVER_LOCK:
        status = Subscriber.objects.with_email(ADDRESS).get().status
    assert status == Subscriber.Status.CONFIRMED

    send_and_deliver(ready_dutch_issue, monkeypatch)
    [edition] = smtp_server.to(ADDRESS)[1:]
    assert edition["Subject"] == ready_dutch_issue.title
    html = edition.get_body(preferencelist=("html",)).get_content()
    assert '<html lang="nl">' in html
    unsubscribe = edition["List-Unsubscribe"].strip().strip("<>")
    assert edition["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    page.goto(path_of(unsubscribe))
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    with SERVER_LOCK:
        status = Subscriber.objects.with_email(ADDRESS).get().status
    assert status == Subscriber.Status.UNSUBSCRIBED

    send_and_deliver(ready_dutch_issue, monkeypatch)  # the next sending reaches the others only
    assert len(smtp_server.to(ADDRESS)) == 2
    assert len(smtp_server.messages) > 2
