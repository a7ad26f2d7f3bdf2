"""Subscribing from the footer or the page of its own: double opt-in through a real SMTP
server, one confirmation e-mail in the chosen language, a link that works once, and the same
translated answer whatever the address's state. Following the link (as a mail scanner does)
confirms nothing: it shows a button, and only the button's POST confirms."""

import re
import time
from datetime import timedelta

import pytest
from django.core import signing
from django.test import Client
from django.utils import timezone, translation

from cms.editorial.management.commands.run_scheduler import tick
from cms.subscribers import links
from cms.subscribers.forms import CONSENT_TEXT
from cms.subscribers.models import Subscriber
from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db
Status = Subscriber.Status

CONFIRM_SUBJECT = {
    "fr": "Confirmez votre abonnement",
    "nl": "Bevestig je inschrijving",
    "en": "Confirm your subscription to the COFFEE Hub newsletter",
}


def form(email="lea@example.org", language="nl", **extra):
    return {"email": email, "language": language, "consent": "on", **extra}


def confirm_link(smtp_server, address):
    [message] = smtp_server.to(address)
    text = smtp_server.text(message)
    [link] = re.findall(r"https?://\S+/newsletter/confirm/\S+/", text)
    return message, "/" + link.split("://", 1)[1].split("/", 1)[1]


def confirm(client, link):
    """What the subscriber does: open the link (a page with one button), press the button."""
    page = client.get(link)
    assert page.status_code == 200
    assert Subscriber.objects.get().status == Status.PENDING
    return client.post(link)


@pytest.mark.parametrize("language", LANGUAGES)
def test_confirmation_email_in_the_chosen_language_and_consent_recorded(
    client, smtp_server, language
):
    # The form is in French; the edition (and so the e-mail) in the language chosen.
    response = client.post("/fr/newsletter/subscribe/", form(language=language))
    assert response.status_code == 302 and response["Location"] == "/fr/newsletter/subscribe/sent/"
    assert client.get(response["Location"]).status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Status.PENDING and subscriber.language == language
    with translation.override("fr"):
        assert subscriber.consent_text == str(CONSENT_TEXT)
    assert subscriber.consented_at and subscriber.confirmed_at is None
    message, link = confirm_link(smtp_server, "lea@example.org")
    assert link.startswith(f"/{language}/newsletter/confirm/")
    assert message["To"] == "lea@example.org"
    if language == "en":
        assert message["Subject"] == CONFIRM_SUBJECT["en"]
    html = smtp_server.text(message, ("html",))
    assert f'lang="{language}"' in html and "/newsletter/confirm/" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_opening_the_link_confirms_nothing_the_button_does(smtp_server, language):
    client = Client(enforce_csrf_checks=True)  # as a browser: the form's CSRF token is needed
    client.post("/fr/newsletter/subscribe/", form(language=language))
    _message, link = confirm_link(smtp_server, "lea@example.org")
    # A mail scanner following the link, as many times as it likes, confirms nothing.
    for _ in range(2):
        page = client.get(link)
        assert page.status_code == 200
    assert Subscriber.objects.get().status == Status.PENDING
    html = page.content.decode()
    assert f'<html lang="{language}"' in html  # the subscriber's language
    assert "lea@example.org" in html
    [form_html] = re.findall(r'<form method="post" action="">.*?</form>', html, re.S)
    assert 'name="csrfmiddlewaretoken"' in form_html and 'type="submit"' in form_html
    # A POST forged from elsewhere (no CSRF token) is refused.
    assert client.post(link).status_code == 403
    assert Subscriber.objects.get().status == Status.PENDING
    # The button's POST confirms.
    [token] = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_html)
    confirmed = client.post(link, {"csrfmiddlewaretoken": token})
    assert confirmed.status_code == 200
    assert f'<html lang="{language}"' in confirmed.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Status.CONFIRMED and subscriber.confirmed_at
    assert f"/{language}/newsletter/preferences/" in confirmed.content.decode()


def test_the_confirmation_link_works_once(client, smtp_server):
    client.post("/nl/newsletter/subscribe/", form())
    _message, link = confirm_link(smtp_server, "lea@example.org")
    first = confirm(client, link)
    assert first.status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Status.CONFIRMED and subscriber.confirmed_at
    confirmed_at = subscriber.confirmed_at
    for again in (client.get(link), client.post(link)):
        assert again.status_code == 200
        assert first.content != again.content
        assert 'method="post" action=""' not in again.content.decode()  # no button again
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at == confirmed_at
    assert len(smtp_server.messages) == 1  # nothing but the confirmation was sent


class EightDaysAgo(signing.TimestampSigner):
    def timestamp(self):
        return signing.b62_encode(int(time.time()) - 8 * 24 * 3600)


@pytest.mark.parametrize("kind", ["expired", "altered", "garbage"])
def test_a_bad_confirmation_link_is_a_clear_page_not_a_500(client, smtp_server, kind):
    client.post("/en/newsletter/subscribe/", form(language="en"))
    _message, link = confirm_link(smtp_server, "lea@example.org")
    token = link.rstrip("/").rsplit("/", 1)[1]
    if kind == "expired":  # the same link, made longer ago than SUBSCRIBERS_CONFIRM_MAX_AGE
        payload = signing.TimestampSigner(salt=links.CONFIRM).unsign_object(token)
        bad = EightDaysAgo(salt=links.CONFIRM).sign_object(payload)
    elif kind == "altered":
        bad = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    else:
        bad = "%00not-a-token"
    url = f"/en/newsletter/confirm/{bad}/"
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 404
        assert "This link does not work" in response.content.decode()
    assert Subscriber.objects.get().status == Status.PENDING


def test_after_leaving_an_old_confirmation_link_does_not_resubscribe(client, smtp_server):
    client.post("/nl/newsletter/subscribe/", form())
    _message, link = confirm_link(smtp_server, "lea@example.org")
    confirm(client, link)
    Subscriber.objects.get().unsubscribe()
    assert client.get(link).status_code == 404
    assert client.post(link).status_code == 404
    assert Subscriber.objects.get().status == Status.UNSUBSCRIBED


def test_subscribing_twice_gives_the_same_answer_and_one_row(client, smtp_server, interests):
    first = client.post("/fr/newsletter/subscribe/", form("Lea@Example.org"))
    _message, link = confirm_link(smtp_server, "Lea@Example.org")
    confirm(client, link)
    second = client.post(
        "/fr/newsletter/subscribe/",
        form("lea@example.ORG", language="en", interests=[interests["trainings"]["fr"].pk]),
    )
    assert (first.status_code, first["Location"]) == (second.status_code, second["Location"])
    subscriber = Subscriber.objects.get()
    # A stranger cannot change a confirmed subscription: language and interests stay.
    assert subscriber.language == "nl" and not subscriber.interests.exists()
    assert len(smtp_server.messages) == 1


def test_a_pending_address_is_not_flooded_with_confirmation_emails(client, smtp_server):
    for _ in range(5):
        response = client.post("/fr/newsletter/subscribe/", form())
        assert response.status_code == 302
    assert len(smtp_server.messages) == 1 and Subscriber.objects.count() == 1


def test_later_a_pending_address_gets_a_fresh_link_the_old_one_stops(client, smtp_server):
    client.post("/fr/newsletter/subscribe/", form())
    _m, old = confirm_link(smtp_server, "lea@example.org")
    smtp_server.forget()
    smtp_server.envelopes.clear()
    Subscriber.objects.update(consented_at=timezone.now() - timedelta(minutes=6))
    client.post("/fr/newsletter/subscribe/", form(language="en"))
    _m, new = confirm_link(smtp_server, "lea@example.org")
    assert Subscriber.objects.count() == 1
    assert client.get(old).status_code == 404
    assert client.post(old).status_code == 404
    assert confirm(client, new).status_code == 200
    assert Subscriber.objects.get().status == Status.CONFIRMED


@pytest.mark.parametrize("language", LANGUAGES)
def test_interests_are_offered_in_the_page_language(client, interests, language):
    page = client.get(f"/{language}/newsletter/subscribe/").content.decode()
    for names in (interests["trainings"], interests["cross-border"]):
        assert names[language].name in page


def test_interests_chosen_are_kept(client, smtp_server, interests):
    chosen = interests["cross-border"]["nl"]
    client.post("/nl/newsletter/subscribe/", form(interests=[chosen.pk]))
    assert list(Subscriber.objects.get().interests.all()) == [chosen]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (form(email="not-an-address"), "email"),
        (form(email=""), "email"),
        (form(email="a" * 300 + "@example.org"), "email"),
        ({"email": "lea@example.org", "language": "nl"}, "consent"),
        (form(language="de"), "language"),
        (form(interests=["abc"]), "interests"),
        (form(interests=["99999999999999999999999"]), "interests"),
    ],
)
def test_bad_input_is_answered_with_the_form_never_a_500(client, smtp_server, data, field):
    response = client.post("/nl/newsletter/subscribe/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert 'role="alert"' in page and f'id="subscribe-{field}' in page
    assert not Subscriber.objects.exists() and not smtp_server.messages


def test_a_robot_filling_the_hidden_field_gets_the_same_answer_and_nothing_happens(
    client, smtp_server
):
    response = client.post("/fr/newsletter/subscribe/", form(website="http://spam.example"))
    assert response.status_code == 302 and response["Location"] == "/fr/newsletter/subscribe/sent/"
    assert not Subscriber.objects.exists() and not smtp_server.messages


def test_the_footer_of_every_page_has_the_form(client, home_tree):
    for language in LANGUAGES:
        page = client.get(f"/{language}/").content.decode()
        assert f'action="/{language}/newsletter/subscribe/"' in page
        assert 'name="email"' in page and 'name="consent"' in page


def test_an_address_the_mail_server_refuses_is_said_so(client, smtp_server):
    smtp_server.rcpt_replies["nobody@example.org"] = "550 5.1.1 No such user"
    response = client.post("/en/newsletter/subscribe/", form("nobody@example.org", "en"))
    assert response.status_code == 400
    assert "refused this address" in response.content.decode()
    assert Subscriber.objects.get().status == Status.BOUNCED


def test_addresses_never_confirmed_are_deleted_when_their_link_expires(
    client, smtp_server, make_subscriber
):
    client.post("/fr/newsletter/subscribe/", form("old@example.org"))
    client.post("/fr/newsletter/subscribe/", form("new@example.org"))
    make_subscriber("reader@example.org", "fr")
    week_ago = timezone.now() - timedelta(days=7, minutes=1)
    Subscriber.objects.filter(email__in=["old@example.org", "reader@example.org"]).update(
        consented_at=week_ago
    )
    tick()  # the scheduler's pass (make run starts it)
    assert sorted(Subscriber.objects.values_list("email", flat=True)) == [
        "new@example.org",
        "reader@example.org",
    ]
