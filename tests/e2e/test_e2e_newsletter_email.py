"""The newsletter e-mail in a real browser: legible at 600 px (a mail client's reading pane) and
at 390 px (a phone): no horizontal scrolling, no text smaller than 14 px, images inside the
column. Screenshots are kept under test-results/e2e/ for a human look."""

import pytest
from django.test import override_settings

from cms.newsletter.models import NewsletterIssuePage
from cms.newsletter.rendering import render_issue

from .conftest import SCREENSHOTS
from .helpers import SERVER_LOCK

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
