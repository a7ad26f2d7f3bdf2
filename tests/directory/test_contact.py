"""Visitors write to a person through a form: the message is relayed by e-mail, the person's
address is never shown, robots filling the hidden field and floods are turned away."""

import pytest
from django.conf import settings
from django.core import mail

from cms.directory.models import ContactMessage
from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db

MESSAGE = {
    "name": "Jeanne Visiteuse",
    "email": "jeanne@example.net",
    "message": "Bonjour, pourriez-vous m'aider pour ma TVA transfrontalière ?",
}


@pytest.fixture
def camille(directory):
    return directory.people["camille"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_message_is_relayed_without_revealing_the_address(client, camille, url, lang):
    page = url(lang, f"coworkers/{camille.slug}/")
    form_page = client.get(page)
    assert form_page.status_code == 200 and 'name="message"' in form_page.content.decode()
    response = client.post(page, MESSAGE)
    assert response.status_code == 302
    assert response["Location"].startswith(page) and "sent=1" in response["Location"]
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == [camille.email]
    assert sent.reply_to == [MESSAGE["email"]]
    assert MESSAGE["message"] in sent.body and MESSAGE["name"] in sent.subject
    confirmation = client.get(response["Location"])
    assert camille.email not in confirmation.content.decode()
    assert "directory-contact__sent" in confirmation.content.decode()
    assert (
        ContactMessage.objects.filter(coworker__translation_key=camille.translation_key).count()
        == 1
    )


GREETING = {"fr": "Bonjour", "nl": "Beste", "en": "Hello"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_message_is_delivered_over_smtp_in_the_language_of_the_page(
    client, camille, url, lang, smtp_server
):
    """Through a real SMTP server: one message to the person only, the visitor as Reply-To,
    the visitor's address nowhere in the envelope, the text in the page's language."""
    response = client.post(url(lang, f"coworkers/{camille.slug}/"), MESSAGE)
    assert response.status_code == 302
    [message] = smtp_server.messages
    assert smtp_server.envelopes == [[camille.email]]
    assert message["To"] == camille.email
    assert message["Reply-To"] == MESSAGE["email"]
    assert message["From"] == settings.DEFAULT_FROM_EMAIL
    assert MESSAGE["name"] in message["Subject"]
    text = smtp_server.text(message)
    assert text.startswith(f"{GREETING[lang]} {camille.name},")
    assert MESSAGE["message"] in text


def test_honeypot_is_silently_dropped(client, camille, url):
    response = client.post(url("fr", f"coworkers/{camille.slug}/"), {**MESSAGE, "homepage": "x"})
    assert response.status_code == 302  # the robot sees what a person sees…
    assert mail.outbox == []  # …but nothing leaves
    assert not ContactMessage.objects.exists()


def test_invalid_message_shows_errors(client, camille, url):
    response = client.post(url("nl", f"coworkers/{camille.slug}/"), {**MESSAGE, "email": "nope"})
    assert response.status_code == 400
    assert "field__error" in response.content.decode()
    assert mail.outbox == []


def test_flood_from_one_address_is_stopped(client, camille, directory, url, settings):
    settings.DIRECTORY_CONTACT_LIMITS = {"ip": (5, 3600), "person": (50, 3600)}
    targets = [camille, directory.people["pieter"]]
    for number in range(5):
        person = targets[number % 2]
        assert client.post(url("fr", f"coworkers/{person.slug}/"), MESSAGE).status_code == 302
    response = client.post(url("fr", f"coworkers/{camille.slug}/"), MESSAGE)
    assert response.status_code == 429
    assert len(mail.outbox) == 5
    other = client.post(url("fr", f"coworkers/{camille.slug}/"), MESSAGE, REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 302 and len(mail.outbox) == 6


def test_flood_towards_one_person_is_stopped(client, camille, url, settings):
    settings.DIRECTORY_CONTACT_LIMITS = {"ip": (100, 3600), "person": (3, 3600)}
    for number in range(3):
        address = f"198.51.100.{number}"
        response = client.post(
            url("en", f"coworkers/{camille.slug}/"), MESSAGE, REMOTE_ADDR=address
        )
        assert response.status_code == 302
    response = client.post(
        url("en", f"coworkers/{camille.slug}/"), MESSAGE, REMOTE_ADDR="198.51.100.9"
    )
    assert response.status_code == 429 and len(mail.outbox) == 3


def test_no_form_for_someone_who_does_not_accept_messages(client, directory, url):
    pieter = directory.people["pieter"]
    pieter.accepts_messages = False
    pieter.save()
    page = url("fr", f"coworkers/{pieter.slug}/")
    assert 'name="message"' not in client.get(page).content.decode()
    assert client.post(page, MESSAGE).status_code == 404
    assert mail.outbox == []


def test_contact_flood_limit_counts_each_visitor_behind_the_proxy(client, camille, url, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    settings.DIRECTORY_CONTACT_LIMITS = {"ip": (2, 3600), "person": (50, 3600)}
    page = url("fr", f"coworkers/{camille.slug}/")
    sent = [
        client.post(page, MESSAGE, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1")
        for _ in range(3)
    ]
    assert [response.status_code for response in sent] == [302, 302, 429]
    other = client.post(page, MESSAGE, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert other.status_code == 302
    assert len(mail.outbox) == 3


def test_control_characters_never_reach_the_persons_mailbox(client, camille, url, smtp_server):
    """A bell or a terminal's escape typed into the form is dropped; the lines stay."""
    typed = {
        **MESSAGE,
        "name": "Ann\x01\x1b[31mB",
        "message": "Bonjour\x07 Camille,\r\nune question\x1b[2J sur la TVA.",
    }
    assert client.post(url("fr", f"coworkers/{camille.slug}/"), typed).status_code == 302
    [message] = smtp_server.messages
    text = smtp_server.text(message)
    assert "Bonjour Camille,\nune question[2J sur la TVA." in text.replace("\r\n", "\n")
    assert not any(ord(c) < 32 and c not in "\r\n\t" for c in text + message["Subject"])
