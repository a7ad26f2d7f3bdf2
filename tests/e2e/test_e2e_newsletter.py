"""A visitor subscribes to the newsletter in a real browser: from the footer of the Dutch home
page, confirmed from the e-mail the local SMTP server received; the forms have no axe
violation at desktop and phone widths."""

import re

import pytest

from cms.subscribers.links import preferences_url, unsubscribe_url
from cms.subscribers.models import Subscriber

from .helpers import DESKTOP, SERVER_LOCK, format_violations, path_of, run_axe, run_axe_within

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]
PHONE = {"width": 390, "height": 844}
ADDRESS = "e2e-lezer@example.org"


@pytest.fixture
def forget_subscriber():
    yield
    with SERVER_LOCK:
        Subscriber.objects.with_email(ADDRESS).delete()


def test_subscribe_from_the_dutch_footer_and_confirm_from_the_email(
    new_page, smtp_server, forget_subscriber
):
    page = new_page(locale="nl-BE")
    page.goto("/nl/")
    footer = page.locator(".site-footer__newsletter")
    footer.locator("input[name=email]").fill(ADDRESS)
    assert footer.locator("select[name=language]").input_value() == "nl"
    footer.locator("input[name=consent]").check()
    footer.locator("button[type=submit]").click()
    page.wait_for_url("**/nl/newsletter/subscribe/sent/")
    assert page.locator("h1").count() == 1

    [message] = smtp_server.to(ADDRESS)
    text = smtp_server.text(message)
    [link] = re.findall(r"https?://\S+/nl/newsletter/confirm/\S+/", text)
    page.goto(path_of(link))
    # Opening the link (as a mail scanner would) confirms nothing: the page asks, in Dutch.
    assert page.locator("html").get_attribute("lang") == "nl"
    with SERVER_LOCK:
        subscriber = Subscriber.objects.get(email=ADDRESS)
    assert subscriber.status == Subscriber.Status.PENDING
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.locator("h1").inner_text()
    with SERVER_LOCK:
        subscriber = Subscriber.objects.get(email=ADDRESS)
    assert subscriber.status == Subscriber.Status.CONFIRMED and subscriber.language == "nl"
    assert page.locator("html").get_attribute("lang") == "nl"
    # The confirmed page leads to the preferences.
    assert page.locator("a[href*='/nl/newsletter/preferences/']").count() == 1


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "390px"])
def test_newsletter_forms_have_no_axe_violation(new_page, axe_source, viewport, forget_subscriber):
    with SERVER_LOCK:
        subscriber = Subscriber.objects.create(email=ADDRESS, language="fr", status="confirmed")
        pages = [
            "/fr/newsletter/subscribe/",
            path_of(preferences_url(subscriber)),
            path_of(unsubscribe_url(subscriber)),
        ]
    page = new_page(viewport=viewport)
    for url in pages:
        page.goto(url)
        violations = run_axe(page, axe_source)
        assert not violations, f"{url}\n{format_violations(violations)}"
    # The form answered with errors is accessible too.
    page.goto("/nl/newsletter/subscribe/")
    page.locator("main input[name=email]").fill("geen-adres")
    page.locator("main button[type=submit]").click()
    assert page.locator("main [role=alert]").count() >= 2
    violations = run_axe(page, axe_source)
    assert not violations, format_violations(violations)


FOOTER_FORM = ".site-footer__newsletter"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "390px"])
@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_the_footer_form_has_no_axe_violation(new_page, axe_source, viewport, language):
    page = new_page(viewport=viewport)
    page.goto(f"/{language}/")
    footer = page.locator(FOOTER_FORM)
    # The edition's language is a select with its own visible label, and every field is named.
    select = footer.locator("select[name=language]")
    label = footer.locator(f"label[for='{select.get_attribute('id')}']")
    assert label.count() == 1 and label.is_visible() and label.inner_text().strip()
    for state in ("as shown", "focused", "filled"):
        if state == "focused":
            select.focus()
        elif state == "filled":
            footer.locator("input[name=email]").fill("lezer@example.org")
            footer.locator("input[name=consent]").check()
            footer.locator("button[type=submit]").hover()
        violations = run_axe_within(page, axe_source, FOOTER_FORM)
        assert not violations, f"{language} {state}\n{format_violations(violations)}"
