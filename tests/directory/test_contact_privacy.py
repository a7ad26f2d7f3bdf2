"""A profile says one consistent thing about contact: the address is shown only when the
person chose to show it, and the contact form's text, the relayed e-mail, the API and the
search results say the same.

Emma chose to show her address; Camille did not (both accept messages)."""

import pytest

from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db

MESSAGE = {
    "name": "Jeanne Visiteuse",
    "email": "jeanne@example.net",
    "message": "Bonjour, une question sur la TVA.",
}
NOT_SHOWN = "This person's address is not shown to you"
SHOWN = "also chose to show their address on this page"


@pytest.fixture
def camille(directory):
    assert not directory.people["camille"].show_email
    return directory.people["camille"]


@pytest.fixture
def emma(directory):
    assert directory.people["emma"].show_email
    return directory.people["emma"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_private_address_is_nowhere_on_the_profile(client, camille, url, lang):
    html = client.get(url(lang, f"coworkers/{camille.slug}/")).content.decode()
    assert 'name="message"' in html  # she can still be written to, through the relay
    assert camille.email not in html
    assert "mailto:" not in html


def test_relay_text_says_the_private_address_is_not_shown(client, camille, url):
    html = client.get(url("en", f"coworkers/{camille.slug}/")).content.decode()
    assert NOT_SHOWN in html and SHOWN not in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_chosen_address_is_shown_and_the_relay_text_agrees(client, emma, url, lang):
    html = client.get(url(lang, f"coworkers/{emma.slug}/")).content.decode()
    assert f'href="mailto:{emma.email}"' in html
    if lang == "en":
        assert SHOWN in html and NOT_SHOWN not in html


def test_relayed_mail_tells_the_person_what_the_visitor_saw(
    client, camille, emma, url, smtp_server
):
    for person in (camille, emma):
        assert client.post(url("en", f"coworkers/{person.slug}/"), MESSAGE).status_code == 302
    [to_camille] = smtp_server.to(camille.email)
    [to_emma] = smtp_server.to(emma.email)
    assert "Your own address was not shown to them" in smtp_server.text(to_camille)
    assert "Your own address was not shown" not in smtp_server.text(to_emma)
    assert "Your address is shown on your directory page" in smtp_server.text(to_emma)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_api_gives_the_address_only_when_chosen(client, camille, emma, lang):
    for person, expected in ((camille, None), (emma, emma.email)):
        data = client.get(f"/api/v2/directory/coworkers/{person.pk}/?locale={lang}").json()
        assert data["email"] == expected
        assert data["accepts_messages"] is True
    listing = client.get(f"/api/v2/directory/coworkers/?locale={lang}&page_size=50").content
    assert camille.email.encode() not in listing


def test_nobody_without_an_address_is_offered_the_form(client, directory, url):
    julien = directory.people["julien"]
    julien.email = ""
    julien.save()
    data = client.get(f"/api/v2/directory/coworkers/{julien.pk}/").json()
    assert data["accepts_messages"] is False and data["email"] is None
    assert (
        'name="message"' not in client.get(url("fr", f"coworkers/{julien.slug}/")).content.decode()
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_results_never_show_a_private_address(client, camille, emma, url, lang):
    pages = [
        client.get(url(lang, "?q=Lambert")),
        client.get(f"/{lang}/search/?q=Lambert"),
        client.get(f"/api/v2/search/?q=Lambert&locale={lang}"),
        client.get(f"/api/v2/directory/coworkers/?q=Lambert&locale={lang}"),
    ]
    for response in pages:
        assert response.status_code == 200
        assert camille.email not in response.content.decode()
