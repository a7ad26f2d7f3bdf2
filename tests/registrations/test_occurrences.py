"""Registration per date of a recurring event, and registrants told when their event is
cancelled or moved, read from a real SMTP server: each date of a weekly series has its own
seats and waiting list, the e-mailed .ics holds the date registered for, a cancelled event
cancels its registrations with one e-mail each, a moved event takes its registrations to the
new date, and only registrants receive an online event's joining link."""

import datetime

import icalendar
import pytest

from cms.demo.factories import publish
from cms.registrations.models import Registration, Status
from tests.conftest import parse

from .conftest import make_event

pytestmark = pytest.mark.django_db

JOINING_LINK = "https://meet.example.org/coffee-bike-4821"


def weekly(capacity=1, **fields) -> dict:
    return make_event(
        capacity=capacity,
        repeat_frequency="weekly",
        repeat_until=(datetime.date.today() + datetime.timedelta(weeks=8)),
        **fields,
    )


def submit(client, page, occurrence="", **data):
    data.setdefault("name", "Ann Peeters")
    data.setdefault("email", "ann@example.org")
    return client.post(page.url + "register/", {**data, "occurrence": occurrence})


def attached_event(message):
    [attachment] = list(message.iter_attachments())
    calendar = icalendar.Calendar.from_ical(attachment.get_content())
    [event] = calendar.walk("VEVENT")
    return event


def test_each_date_of_a_series_has_its_own_seats(client, smtp_server):
    """One seat a date: Ann takes the second date, Bob the third; Chloé, on the second date,
    waits. The page opened on a date registers for that date and says it is full; the
    e-mailed .ics holds only the date registered for."""
    page = weekly(capacity=1)["nl"]
    second, third = page.upcoming_occurrences()[1:3]

    shown = parse(client.get(page.url, {"occurrence": second.key}))
    assert shown.select_one('#register input[name="occurrence"]')["value"] == second.key
    assert submit(client, page, second.key).status_code == 302
    assert submit(client, page, third.key, name="Bob", email="bob@example.org").status_code == 302
    assert (
        submit(client, page, second.key, name="Chloé", email="chloe@example.org").status_code == 302
    )

    by_email = {row.email: row for row in Registration.objects.all()}
    assert by_email["ann@example.org"].occurrence == second.start
    assert by_email["ann@example.org"].status == Status.CONFIRMED
    assert by_email["bob@example.org"].occurrence == third.start
    assert by_email["bob@example.org"].status == Status.CONFIRMED
    assert by_email["chloe@example.org"].status == Status.WAITING
    [message] = smtp_server.to("ann@example.org")
    event = attached_event(message)
    assert event.decoded("DTSTART") == second.start
    assert "RRULE" not in event

    # The full date offers the waiting list, a free date a seat: their buttons differ.
    buttons = {
        date.key: parse(client.get(page.url, {"occurrence": date.key}))
        .select_one('#register button[type="submit"]')
        .get_text()
        for date in (second, page.upcoming_occurrences()[4])
    }
    assert len(set(buttons.values())) == 2


def test_a_date_that_is_not_in_the_series_is_refused(client):
    page = weekly()["fr"]
    response = submit(client, page, "2001-01-01T09:00")
    assert response.status_code == 400
    assert parse(response).select_one("#register .field__error") is not None
    assert not Registration.objects.exists()


def test_a_form_sent_back_shows_the_date_chosen(client):
    """A form with an error comes back on the date the visitor chose, not the series' next."""
    page = weekly()["nl"]
    third = page.upcoming_occurrences()[2]
    response = submit(client, page, third.key, email="not an address")
    assert response.status_code == 400
    html = parse(response)
    when = html.select_one(".event-facts time")
    assert datetime.datetime.fromisoformat(when["datetime"]) == third.start
    assert html.select_one('#register input[name="occurrence"]')["value"] == third.key


def test_cancelled_event_tells_each_registrant_once(
    client, smtp_server, django_capture_on_commit_callbacks
):
    """The organiser marks the event cancelled: each registrant (in French and in Dutch) gets
    one e-mail in their language with the event as cancelled; saving the translation
    afterwards sends nothing more."""
    pages = make_event(capacity=5)
    assert submit(client, pages["fr"], email="fr@example.org").status_code == 302
    assert submit(client, pages["nl"], email="nl@example.org").status_code == 302
    smtp_server.forget()

    with django_capture_on_commit_callbacks(execute=True):
        source = pages["fr"]
        source.status = "cancelled"
        publish(source)
    with django_capture_on_commit_callbacks(execute=True):
        translated = pages["nl"]
        translated.status = "cancelled"
        publish(translated)

    assert len(smtp_server.messages) == 2
    for address, lang in (("fr@example.org", "fr"), ("nl@example.org", "nl")):
        [message] = smtp_server.to(address)
        assert message["Content-Language"] == lang
        assert pages[lang].title in message["Subject"]
        assert str(attached_event(message)["STATUS"]) == "CANCELLED"
    assert set(Registration.objects.values_list("status", flat=True)) == {Status.CANCELLED}


def test_moved_event_takes_its_registrations_to_the_new_date(
    client, smtp_server, django_capture_on_commit_callbacks
):
    """A single-date event moved two days later: the registration follows it (seats counted
    on the new date) and the registrant gets the new date in an e-mail and its .ics."""
    page = make_event(capacity=5, languages=())["fr"]
    assert submit(client, page).status_code == 302
    smtp_server.forget()

    with django_capture_on_commit_callbacks(execute=True):
        page.start += datetime.timedelta(days=2)
        page.end += datetime.timedelta(days=2)
        page.status = "rescheduled"
        publish(page)

    [registration] = Registration.objects.all()
    assert registration.occurrence == page.start
    assert page.registration_seats().confirmed == 1
    [message] = smtp_server.to("ann@example.org")
    assert attached_event(message).decoded("DTSTART") == page.start


def test_only_registrants_receive_the_joining_link(client, smtp_server):
    """The hybrid event's page does not show its joining link; the confirmation does."""
    page = make_event(capacity=5, languages=(), online_url=JOINING_LINK)["fr"]
    assert JOINING_LINK not in client.get(page.url).content.decode()
    assert submit(client, page).status_code == 302
    [message] = smtp_server.to("ann@example.org")
    assert JOINING_LINK in smtp_server.text(message)
