"""The contact page: a visitor writes to the team in French, Dutch or English; the message goes
out over SMTP to the team's address (never shown on the page) in the page's language, with the
directory relay's flood limits; the page is never kept in the anonymous page cache."""

import pytest
from django.core import mail
from django.core.cache import caches
from django.test import Client

from cms.core import content_version
from cms.demo.factories import ContactPageFactory, get_home_page, publish
from cms.demo.translation import translate_page
from tests.mail import smtp_server  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db

TEAM = "equipe-secrete@example.org"
MESSAGE = {
    "name": "Élise Dubois",
    "email": "elise@example.net",
    "message": "Bonjour, je voudrais rejoindre un espace du réseau à Tournai.",
    "homepage": "",
}
TITLES = {"fr": "Nous contacter", "nl": "Contacteer ons", "en": "Contact us"}


@pytest.fixture
def contact_urls(home_tree):
    page = ContactPageFactory(
        parent=get_home_page("fr"),
        title=TITLES["fr"],
        slug="contact",
        recipient_email=TEAM,
        live=False,
    )
    publish(page)
    urls = {"fr": page.url}
    translated_pages = translate_page(page, ["nl", "en"], translations={TITLES["fr"]: TITLES})
    for lang, translated in translated_pages.items():
        urls[lang] = translated.url
    return urls


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_form_is_shown_in_each_language_without_the_team_address(contact_urls, lang):
    response = Client().get(contact_urls[lang])
    assert response.status_code == 200
    html = response.content.decode()
    assert 'method="post"' in html and "csrfmiddlewaretoken" in html
    assert TEAM not in html
    assert f'lang="{lang}"' in html


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_a_message_reaches_the_team_over_smtp(contact_urls, lang, smtp_server):  # noqa: F811
    client = Client()
    response = client.post(contact_urls[lang], MESSAGE)
    assert response.status_code == 302
    assert response["Location"].endswith("?sent=1#contact")
    [message] = smtp_server.messages
    assert smtp_server.envelopes == [[TEAM]]
    assert message["Reply-To"] == MESSAGE["email"]
    assert TITLES[lang] in message["Subject"]
    text = smtp_server.text(message)
    assert MESSAGE["message"] in text and MESSAGE["email"] in text

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert 'role="status"' in thanks.content.decode()


def test_a_robot_filling_the_trap_sees_success_but_nothing_is_sent(contact_urls):
    response = Client().post(contact_urls["fr"], {**MESSAGE, "homepage": "http://spam"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_an_invalid_message_shows_its_errors(contact_urls):
    response = Client().post(contact_urls["en"], {**MESSAGE, "email": "not-an-address"})
    assert response.status_code == 400
    assert 'class="field__error"' in response.content.decode()
    assert mail.outbox == []


def test_too_many_messages_from_one_address_are_refused(contact_urls, settings):
    settings.DIRECTORY_CONTACT_LIMITS = {"ip": (2, 3600), "person": (50, 3600)}
    client = Client()
    for _ in range(2):
        assert client.post(contact_urls["fr"], MESSAGE).status_code == 302
    refused = client.post(contact_urls["fr"], MESSAGE)
    assert refused.status_code == 429
    assert 'role="alert"' in refused.content.decode()
    assert len(mail.outbox) == 2
    other = Client().post(contact_urls["fr"], MESSAGE, REMOTE_ADDR="203.0.113.7")
    assert other.status_code == 302 and len(mail.outbox) == 3


def test_the_contact_page_is_never_kept_in_the_page_cache(contact_urls, settings):
    """Its form carries a CSRF token tied to a cookie: each visitor gets their own page."""
    settings.HTML_CACHE = "html"
    caches["html"].clear()
    content_version.forget_version()
    client = Client()
    for _ in range(2):
        response = client.get(contact_urls["fr"])
        assert response.status_code == 200
        assert "X-Cache" not in response
        assert "private" in response["Cache-Control"]
    assert settings.CSRF_COOKIE_NAME in Client().get(contact_urls["fr"]).cookies
    caches["html"].clear()
