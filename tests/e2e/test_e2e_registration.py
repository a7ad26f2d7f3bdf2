"""A visitor on /nl/ registers for a full event in a real browser and lands on the waiting
list; the registrant with the seat cancels through the link in their e-mail; the visitor is
promoted and told so by e-mail, in Dutch. The registration form, answered or not, has no axe
violation at desktop and phone widths."""

import re

import pytest

from cms.events.models import EventPage
from cms.registrations.models import Registration, Status

from .helpers import DESKTOP, SERVER_LOCK, format_violations, path_of, run_axe

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]
PHONE = {"width": 390, "height": 844}
SLUG = "coffee-on-the-road"  # a demo event taking registrations (cms/demo/content.py)


@pytest.fixture
def full_after_one():
    """The demo bus tour with one seat and nobody registered; put back afterwards."""
    with SERVER_LOCK:
        source = EventPage.objects.get(slug=SLUG, locale__language_code="fr")
        pages = EventPage.objects.filter(translation_key=source.translation_key)
        kept = list(Registration.objects.filter(event_key=source.translation_key))
        capacity = source.capacity
        Registration.objects.filter(event_key=source.translation_key).delete()
        pages.update(capacity=1)
        urls = {page.locale.language_code: page.url for page in pages.select_related("locale")}
    yield urls
    with SERVER_LOCK:
        Registration.objects.filter(event_key=source.translation_key).delete()
        Registration.objects.bulk_create(kept)
        pages.update(capacity=capacity)


def register(page, url, name, email):
    page.goto(url)
    form = page.locator("#register form")
    form.locator("input[name=name]").fill(name)
    form.locator("input[name=email]").fill(email)
    if form.locator("input[name=company]").count():
        form.locator("input[name=company]").fill("COFFEE")
    form.locator("button[type=submit]").click()
    page.locator(".registration__status").wait_for(timeout=60_000)


def link_in(smtp_server, address) -> str:
    text = smtp_server.text(smtp_server.to(address)[-1])
    [link] = re.findall(r"https?://\S+/registration/[0-9]+-[0-9a-f]+/", text)
    return path_of(link)


def test_waiting_list_promotion_through_the_emailed_cancel_link(
    new_page, smtp_server, full_after_one
):
    first = new_page(locale="fr-BE")
    register(first, full_after_one["fr"], "Camille Premier", "camille@example.org")

    visitor = new_page(locale="nl-BE")
    visitor.goto("/nl/")
    register(visitor, full_after_one["nl"], "Els Wachter", "els@example.org")
    assert visitor.locator("html").get_attribute("lang") == "nl"
    status = visitor.locator(".registration__status").inner_text()
    assert "1" in status
    with SERVER_LOCK:
        assert Registration.objects.get(email="els@example.org").status == Status.WAITING

    # Camille cancels from the link in her confirmation e-mail.
    first.goto(link_in(smtp_server, "camille@example.org"))
    first.locator("main form button[type=submit]").click()
    first.wait_for_load_state()
    with SERVER_LOCK:
        assert Registration.objects.get(email="camille@example.org").status == Status.CANCELLED
        assert Registration.objects.get(email="els@example.org").status == Status.CONFIRMED

    waiting, promoted = smtp_server.to("els@example.org")
    assert promoted["Content-Language"] == "nl"
    assert [part.get_content_type() for part in promoted.iter_attachments()] == ["text/calendar"]
    visitor.goto(link_in(smtp_server, "els@example.org"))
    assert visitor.locator(".registration__status").inner_text() != status


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "390px"])
def test_registration_form_has_no_axe_violation(new_page, axe_source, viewport, full_after_one):
    page = new_page(viewport=viewport, locale="nl-BE")
    page.goto(full_after_one["nl"])
    assert page.locator("#register form").count() == 1
    violations = run_axe(page, axe_source)
    assert not violations, format_violations(violations)
    # Answered with errors.
    page.locator("#register input[name=email]").fill("geen-adres")
    page.locator("#register button[type=submit]").click()
    assert page.locator("#register [role=alert]").count() >= 2
    violations = run_axe(page, axe_source)
    assert not violations, format_violations(violations)
    # A registrant's own page.
    register(page, full_after_one["nl"], "Axe Tester", "axe@example.org")
    violations = run_axe(page, axe_source)
    assert not violations, format_violations(violations)
