"""A visitor registers on an event page: a seat, or the waiting list once full; a second
registration of the same address, a closed or past event each get a clear answer, never a
second seat and never a 500. The confirmation e-mail arrives in the visitor's language with
the event as an .ics file and the signed link to the registration."""

import datetime

import icalendar
import pytest
from django.test import Client
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from cms.registrations.models import Registration, Status
from tests.conftest import parse

from .conftest import make_event

pytestmark = pytest.mark.django_db


def submit(client, page, **data):
    data.setdefault("name", "Ann Peeters")
    data.setdefault("email", "ann@example.org")
    return client.post(page.url + "register/", data)


def follow_to_registration(client, response):
    assert response.status_code == 302, response.content[:500]
    return client.get(response["Location"])


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_register_and_receive_the_confirmation_in_my_language(client, smtp_server, lang):
    pages = make_event(capacity=5)
    page = pages[lang]

    shown = client.get(page.url)
    form = parse(shown).select_one("#register form")
    assert form is not None and form["action"].endswith("/register/#register")

    answer = follow_to_registration(client, submit(client, page))
    assert answer.status_code == 200
    with translation.override(lang):
        assert gettext(
            "Your seat is confirmed. A confirmation was sent to your e-mail address."
        ) in (answer.content.decode())
    [registration] = Registration.objects.all()
    assert registration.status == Status.CONFIRMED and registration.language == lang

    [message] = smtp_server.to("ann@example.org")
    assert message["Content-Language"] == lang
    assert page.title in message["Subject"]
    text = smtp_server.text(message)
    with translation.override(lang):
        assert gettext("Hello %(name)s,") % {"name": "Ann Peeters"} in text
        # The date as the pages write it ("9 March 2027, 08:00"), French spacing before ":".
        day = date_format(timezone.localtime(page.start), "j F Y, H:i")
    when = {"fr": "Quand\u00a0: ", "nl": "Wanneer: ", "en": "When: "}[lang]
    assert when + day in text
    # The link in the mail opens the registration (the one the visitor was sent to).
    link = next(line for line in text.splitlines() if "/registration/" in line)
    assert link.endswith(answer.request["PATH_INFO"])
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"
    calendar = icalendar.Calendar.from_ical(attachment.get_content())
    [event] = calendar.walk("VEVENT")
    assert str(event["summary"]) == page.title
    assert event.decoded("dtstart") == page.start


def test_full_event_puts_the_next_on_the_waiting_list_with_position(client, smtp_server):
    pages = make_event(capacity=1)
    submit(client, pages["fr"], email="first@example.org")
    second = follow_to_registration(client, submit(client, pages["nl"], email="two@example.org"))
    third = follow_to_registration(client, submit(client, pages["en"], email="three@example.org"))

    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "first@example.org": Status.CONFIRMED,
        "two@example.org": Status.WAITING,
        "three@example.org": Status.WAITING,
    }
    with translation.override("en"):
        assert "you are number 2 on the waiting list" in third.content.decode()
    assert "1" in parse(second).select_one(".registration__status").text
    [waiting_mail] = smtp_server.to("two@example.org")
    assert not list(waiting_mail.iter_attachments())  # no seat, no calendar entry yet
    # The page now offers the waiting list.
    with translation.override("fr"):
        button = parse(client.get(pages["fr"].url)).select_one("#register button")
        assert button.text.strip() == gettext("Join the waiting list")


def test_same_address_twice_never_takes_a_second_seat(client, smtp_server):
    pages = make_event(capacity=3)
    follow_to_registration(client, submit(client, pages["fr"]))
    again = submit(client, pages["nl"], email=" ANN@example.org ")

    assert again.status_code == 409
    with translation.override("nl"):
        assert gettext("This e-mail address is already registered for this event.") in (
            parse(again).select_one("#register [role=alert]").text
        )
    assert Registration.objects.count() == 1
    assert len(smtp_server.messages) == 1


@pytest.mark.parametrize(
    ("fields", "days", "message"),
    [
        (
            {"registration_deadline": timezone.now() - datetime.timedelta(hours=1)},
            10,
            "Registration for this event is closed: the deadline has passed.",
        ),
        ({}, -1, "This event has already started or taken place: registration is closed."),
    ],
)
def test_closed_and_past_events_refuse_clearly(client, fields, days, message):
    page = make_event(languages=(), days=days, **fields)["fr"]

    shown = client.get(page.url)
    refused = submit(client, page)

    assert shown.status_code == 200
    assert parse(shown).select_one("#register form") is None
    with translation.override("fr"):
        assert gettext(message) in parse(shown).select_one("#register").text
        assert refused.status_code == 403
        assert gettext(message) in refused.content.decode()
    assert not Registration.objects.exists()


def test_registration_off_shows_no_form_and_redirects(client):
    page = make_event(languages=(), registration_enabled=False)["fr"]
    assert parse(client.get(page.url)).select_one("#register") is None
    assert submit(client, page).status_code == 302
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"name": "", "email": "ann@example.org"},
        {"name": "Ann", "email": "not-an-address"},
        {"name": "Ann\x00", "email": "ann@example.org"},
        {"name": "A" * 500, "email": "ann@example.org"},
        {"name": "Ann", "email": "ann@example.org", "dietary_needs": "x" * 1000},
    ],
)
def test_bad_input_is_answered_on_the_form(client, data):
    page = make_event(languages=(), ask_dietary_needs=True)["fr"]
    response = client.post(page.url + "register/", data)
    assert response.status_code == 400
    assert parse(response).select("#register .field__error")
    assert not Registration.objects.exists()


def test_optional_questions_are_asked_and_kept(client):
    page = make_event(languages=(), ask_dietary_needs=True, ask_company=True)["fr"]
    fields = {i["name"] for i in parse(client.get(page.url)).select("#register input")}
    assert {"name", "email", "dietary_needs", "company"} <= fields
    submit(client, page, dietary_needs="Végétarien", company="La Ruche")
    registration = Registration.objects.get()
    assert (registration.dietary_needs, registration.company) == ("Végétarien", "La Ruche")


@pytest.mark.parametrize("token", ["abc", "1-0123456789abcdef0123456789abcdef", "9" * 40])
def test_a_forged_link_is_a_clear_page_not_found(client, token):
    page = make_event(languages=())["fr"]
    for response in (
        client.get(page.url + f"registration/{token}/"),
        client.post(page.url + f"registration/{token}/"),
    ):
        assert response.status_code == 404
        with translation.override("fr"):
            assert gettext("This link does not work") in response.content.decode()
        assert f'href="{page.url}"' in response.content.decode()  # back to the event


def test_opening_the_emailed_link_cancels_nothing_only_its_button_does(client, smtp_server):
    page = make_event(languages=())["fr"]
    submit(client, page)
    client = Client(enforce_csrf_checks=True)  # as a browser: the form's CSRF token is needed
    [message] = smtp_server.to("ann@example.org")
    link = next(line for line in smtp_server.text(message).splitlines() if "/registration/" in line)
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    for _ in range(2):  # a mail scanner following the link, twice
        shown = client.get(path)
        assert shown.status_code == 200
    assert Registration.objects.get().status == Status.CONFIRMED
    assert client.post(path).status_code == 403  # a POST forged elsewhere: no CSRF token
    assert Registration.objects.get().status == Status.CONFIRMED
    [token] = [i["value"] for i in parse(shown).select("form input[name=csrfmiddlewaretoken]")]
    assert client.post(path, {"csrfmiddlewaretoken": token}).status_code == 302
    assert Registration.objects.get().status == Status.CANCELLED
    # The cancellation's calendar entry replaces the confirmation's in the registrant's calendar.
    confirmation, cancellation = smtp_server.to("ann@example.org")
    invited, cancelled = (
        icalendar.Calendar.from_ical(next(mail.iter_attachments()).get_content()).walk("VEVENT")[0]
        for mail in (confirmation, cancellation)
    )
    assert cancelled["uid"] == invited["uid"] and str(cancelled["status"]) == "CANCELLED"
    assert int(cancelled["sequence"]) > int(invited.get("sequence", 0))
