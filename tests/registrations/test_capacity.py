"""An organiser changes an event's capacity, read from a real SMTP server: raising it gives the
new seats to the first on the waiting list, in order, each told once in their own language with
the event as .ics (the message of a promotion after a cancellation); lowering it never removes
anyone already confirmed; each date of a series gets the new seats."""

import datetime

import icalendar
import pytest
from django.utils import translation
from django.utils.translation import gettext

from cms.demo.factories import publish
from cms.registrations import services
from cms.registrations.models import Registration, Status

from .conftest import make_event

pytestmark = pytest.mark.django_db


def register(page, email, lang="fr", occurrence=None):
    return services.register(
        page, name=email.split("@")[0].title(), email=email, language=lang, occurrence=occurrence
    )


def statuses(**lookups) -> dict[str, str]:
    return dict(Registration.objects.filter(**lookups).values_list("email", "status"))


def attached_event(message):
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"
    [event] = icalendar.Calendar.from_ical(attachment.get_content()).walk("VEVENT")
    return event


def test_raising_the_capacity_promotes_the_head_of_the_waiting_list(
    smtp_server, django_capture_on_commit_callbacks
):
    """Capacity 2, two confirmed and three waiting (in Dutch, English and French): the editor
    publishes capacity 4. The first two waiting are confirmed and each receives one promotion
    e-mail in their language with the event; the third is now first on the waiting list and
    hears nothing. Saving the translations afterwards (synchronised capacity) sends nothing."""
    pages = make_event(capacity=2)
    register(pages["fr"], "ann@example.org")
    register(pages["fr"], "bob@example.org")
    register(pages["nl"], "els@example.org", "nl")
    register(pages["en"], "sam@example.org", "en")
    register(pages["fr"], "zoe@example.org")
    smtp_server.forget()

    with django_capture_on_commit_callbacks(execute=True):
        source = pages["fr"]
        source.capacity = 4
        publish(source)

    assert statuses() == {
        "ann@example.org": Status.CONFIRMED,
        "bob@example.org": Status.CONFIRMED,
        "els@example.org": Status.CONFIRMED,
        "sam@example.org": Status.CONFIRMED,
        "zoe@example.org": Status.WAITING,
    }
    assert Registration.objects.get(email="zoe@example.org").waiting_position == 1
    assert sorted(address for rcpt in smtp_server.envelopes for address in rcpt) == [
        "els@example.org",
        "sam@example.org",
    ]
    for address, lang in (("els@example.org", "nl"), ("sam@example.org", "en")):
        [message] = smtp_server.to(address)
        assert message["Content-Language"] == lang
        with translation.override(lang):
            subject = gettext("A seat is free for you: %(title)s") % {"title": pages[lang].title}
        assert str(message["Subject"]) == subject
        event = attached_event(message)
        assert str(event["summary"]) == pages[lang].title
        assert event.decoded("dtstart") == pages[lang].start
    assert pages["fr"].registration_seats().left == 0

    with django_capture_on_commit_callbacks(execute=True):
        for lang in ("nl", "en"):
            translated = pages[lang]
            translated.capacity = 4
            publish(translated)
    assert len(smtp_server.messages) == 2


def test_unlimited_capacity_confirms_the_whole_waiting_list(
    smtp_server, django_capture_on_commit_callbacks
):
    page = make_event(capacity=1, languages=())["fr"]
    for name in ("ann", "bob", "cem"):
        register(page, f"{name}@example.org")
    smtp_server.forget()

    with django_capture_on_commit_callbacks(execute=True):
        page.capacity = None
        publish(page)

    assert set(statuses().values()) == {Status.CONFIRMED}
    assert sorted(smtp_server.envelopes) == [["bob@example.org"], ["cem@example.org"]]


def test_lowering_the_capacity_keeps_everyone_confirmed(
    smtp_server, django_capture_on_commit_callbacks
):
    """Capacity 3 lowered to 1: the three confirmed keep their seats, nobody is e-mailed, and
    the next registrant waits until the seats held fall below the new capacity."""
    page = make_event(capacity=3, languages=())["fr"]
    for name in ("ann", "bob", "cem"):
        register(page, f"{name}@example.org")
    smtp_server.forget()

    with django_capture_on_commit_callbacks(execute=True):
        page.capacity = 1
        publish(page)

    assert set(statuses().values()) == {Status.CONFIRMED}
    assert smtp_server.messages == []
    assert register(page, "dan@example.org").status == Status.WAITING
    # One cancellation still leaves two seats held for one: Dan keeps waiting.
    services.cancel(Registration.objects.get(email="ann@example.org").pk)
    assert statuses()["dan@example.org"] == Status.WAITING


def test_raising_the_capacity_of_a_series_fills_each_date(
    smtp_server, django_capture_on_commit_callbacks
):
    """A weekly series with one seat a date, two dates each with a waiting list: capacity 2
    promotes the first waiting of each date, whose .ics holds the date they registered for."""
    page = make_event(
        capacity=1,
        languages=(),
        repeat_frequency="weekly",
        repeat_until=datetime.date.today() + datetime.timedelta(weeks=8),
    )["fr"]
    first, second = page.schedule.starts(limit=2)
    for start, day in ((first, "one"), (second, "two")):
        for name in ("ann", "bob", "cem"):
            register(page, f"{name}.{day}@example.org", occurrence=start)
    smtp_server.forget()

    with django_capture_on_commit_callbacks(execute=True):
        page.capacity = 2
        publish(page)

    for start, day in ((first, "one"), (second, "two")):
        assert statuses(occurrence=start) == {
            f"ann.{day}@example.org": Status.CONFIRMED,
            f"bob.{day}@example.org": Status.CONFIRMED,
            f"cem.{day}@example.org": Status.WAITING,
        }
        [message] = smtp_server.to(f"bob.{day}@example.org")
        assert attached_event(message).decoded("DTSTART") == start
    assert len(smtp_server.messages) == 2


def test_a_draft_with_more_seats_promotes_nobody(smtp_server, django_capture_on_commit_callbacks):
    """Seats count once published: a saved draft with a higher capacity changes nothing."""
    page = make_event(capacity=1, languages=())["fr"]
    register(page, "ann@example.org")
    register(page, "bob@example.org")
    smtp_server.forget()

    with django_capture_on_commit_callbacks(execute=True):
        page.capacity = 5
        page.save_revision()

    assert statuses()["bob@example.org"] == Status.WAITING
    assert smtp_server.messages == []
