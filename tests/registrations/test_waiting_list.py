"""Cancelling through the e-mailed link frees the seat for the first on the waiting list, who
is told by e-mail in their own language, once; the reminder goes out the day before, once;
registrants' personal data goes REGISTRATION_RETENTION_DAYS after the event and with the
directory's erasure request."""

import datetime
import re
from urllib.parse import urlsplit

import icalendar
import pytest
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.translation import gettext

from cms.demo.factories import CoworkerFactory
from cms.directory.erase import erase_person
from cms.editorial.management.commands.run_scheduler import tick
from cms.registrations import services
from cms.registrations.models import Registration, Status
from tests.conftest import parse

from .conftest import make_event

pytestmark = pytest.mark.django_db


def link_in(smtp_server, message) -> str:
    text = smtp_server.text(message)
    return next(line for line in text.splitlines() if "/registration/" in line)


def path_of(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def calendar_of(message) -> icalendar.Calendar:
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"
    return icalendar.Calendar.from_ical(attachment.get_content())


def test_cancel_by_link_promotes_the_first_waiting_once(client, smtp_server):
    pages = make_event(capacity=1)
    client.post(pages["fr"].url + "register/", {"name": "Jean", "email": "jean@example.org"})
    client.post(pages["nl"].url + "register/", {"name": "Els", "email": "els@example.org"})
    client.post(pages["en"].url + "register/", {"name": "Sam", "email": "sam@example.org"})
    [confirmation] = smtp_server.to("jean@example.org")
    cancel_path = path_of(link_in(smtp_server, confirmation))

    page = client.get(cancel_path)
    assert page.status_code == 200
    assert client.post(cancel_path).status_code == 302
    assert client.post(cancel_path).status_code == 302  # twice: nothing more happens

    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "jean@example.org": Status.CANCELLED,
        "els@example.org": Status.CONFIRMED,
        "sam@example.org": Status.WAITING,
    }
    # Jean: confirmation, then the cancellation (in French, the event marked cancelled).
    cancelled = smtp_server.to("jean@example.org")[1]
    assert cancelled["Content-Language"] == "fr"
    [vevent] = calendar_of(cancelled).walk("VEVENT")
    assert vevent["status"] == "CANCELLED"
    # Els: waiting-list message, then exactly one promotion, in Dutch, with the event.
    waiting, promoted = smtp_server.to("els@example.org")
    assert promoted["Content-Language"] == "nl"
    assert pages["nl"].title in promoted["Subject"]
    with translation.override("nl"):
        assert gettext("A seat is free for you: %(title)s") % {"title": pages["nl"].title} == str(
            promoted["Subject"]
        )
    [vevent] = calendar_of(promoted).walk("VEVENT")
    assert str(vevent["summary"]) == pages["nl"].title
    assert len(smtp_server.to("sam@example.org")) == 1  # still waiting, now number 1
    sam = Registration.objects.get(email="sam@example.org")
    assert sam.waiting_position == 1
    with translation.override("fr"):
        shown = parse(client.get(cancel_path)).select_one(".registration__status").text
        assert gettext("This registration is cancelled.") in shown


def test_reminder_the_day_before_once_in_the_registrants_language(smtp_server):
    pages = make_event(capacity=None, days=2)
    for lang, email in (("nl", "els@example.org"), ("en", "sam@example.org")):
        services.register(pages[lang], name=email, email=email, language=lang)
    services.register(pages["fr"], name="Later", email="later@example.org", language="fr")
    Registration.objects.filter(email="later@example.org").update(status=Status.CANCELLED)
    smtp_server.forget()

    assert services.send_reminders(now=pages["fr"].start - datetime.timedelta(hours=30)) == 0
    day_before = pages["fr"].start - datetime.timedelta(hours=20)
    assert services.send_reminders(now=day_before) == 2
    assert services.send_reminders(now=day_before + datetime.timedelta(hours=1)) == 0

    [reminder] = smtp_server.to("els@example.org")
    assert reminder["Content-Language"] == "nl"
    with translation.override("nl"):
        assert str(reminder["Subject"]) == gettext("Reminder, tomorrow: %(title)s") % {
            "title": pages["nl"].title
        }
    assert str(calendar_of(reminder).walk("VEVENT")[0]["summary"]) == pages["nl"].title
    assert len(smtp_server.to("sam@example.org")) == 1
    assert not smtp_server.to("later@example.org")


@pytest.mark.parametrize(
    ("public_base_url", "host"),
    [("https://hub.example.eu", "hub.example.eu"), ("", "admin.example.eu")],
)
def test_reminder_links_are_on_the_public_address(smtp_server, settings, public_base_url, host):
    """The scheduler sends reminders without a request: the event's link and the link to
    manage the registration are on PUBLIC_BASE_URL, else on WAGTAILADMIN_BASE_URL."""
    settings.PUBLIC_BASE_URL = public_base_url
    settings.WAGTAILADMIN_BASE_URL = "https://admin.example.eu"
    pages = make_event(capacity=None, days=2)
    services.register(pages["nl"], name="Els", email="els@example.org", language="nl")
    smtp_server.forget()

    assert services.send_reminders(now=pages["fr"].start - datetime.timedelta(hours=20)) == 1
    [reminder] = smtp_server.to("els@example.org")
    links = re.findall(r"https?://\S+", smtp_server.text(reminder))
    assert any("/registration/" in link for link in links)
    assert any(link.rstrip("/").endswith(pages["nl"].url.rstrip("/")) for link in links), links
    assert {urlsplit(link).netloc for link in links} == {host}, links


def test_scheduler_tick_sends_reminders_and_erases_old_registrations(smtp_server):
    soon = make_event(capacity=None, languages=(), days=0)["fr"]
    soon.start = timezone.now() + datetime.timedelta(hours=3)
    soon.end = soon.start + datetime.timedelta(hours=1)
    soon.save()
    services.register(soon, name="Ann", email="ann@example.org", language="fr")
    old = Registration.objects.create(
        event=soon,
        event_key=soon.translation_key,
        occurrence=timezone.now() - datetime.timedelta(days=40),
        ends_at=timezone.now() - datetime.timedelta(days=40),
        language="fr",
        name="Old",
        email="old@example.org",
        status=Status.CONFIRMED,
    )

    with override_settings(REGISTRATION_RETENTION_DAYS=30):
        tick()
        tick()

    assert len(smtp_server.to("ann@example.org")) == 2  # confirmation, one reminder
    assert not Registration.objects.filter(pk=old.pk).exists()
    assert Registration.objects.filter(email="ann@example.org").exists()


def test_erasure_request_removes_the_persons_registrations_and_frees_the_seat(smtp_server):
    page = make_event(capacity=1, languages=())["fr"]
    person = CoworkerFactory(email="Erased@example.org")
    services.register(page, name="Erased", email="erased@example.org", language="fr")
    services.register(page, name="Next", email="next@example.org", language="fr")

    report = erase_person(person.translation_key)

    assert report["event registrations"] == 1
    assert list(Registration.objects.values_list("email", "status")) == [
        ("next@example.org", Status.CONFIRMED)
    ]
    assert len(smtp_server.to("next@example.org")) == 2  # waiting, then promoted
