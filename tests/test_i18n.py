"""Languages: the visitor lands in their language, errors speak it, and every interface string
is translated in French, Dutch and English."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import gettext

from cms.core.views import server_error

from .conftest import LANGUAGES, parse

pytestmark = pytest.mark.django_db

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("nl-BE,nl;q=0.9", "/nl/"),
        ("en-GB", "/en/"),
        ("en-US,en;q=0.9,fr;q=0.5", "/en/"),
        ("fr-BE,fr;q=0.9,en;q=0.5", "/fr/"),
        ("de-DE,de;q=0.9,nl;q=0.4", "/nl/"),
        ("de", "/fr/"),
        ("", "/fr/"),
    ],
)
def test_root_redirects_to_the_best_language(client, home_tree, accept_language, expected):
    """`/` sends the visitor to the best match of their Accept-Language among fr, nl and en,
    French when nothing matches; the redirect varies on Accept-Language so no cache serves
    one visitor's language to another."""
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response.status_code in {301, 302, 307}
    assert response["Location"] == expected
    assert "accept-language" in response.get("Vary", "").lower()
    landing = client.get(expected)
    assert landing.status_code == 200
    assert parse(landing).html["lang"] == expected.strip("/")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_not_found_page_speaks_the_visitors_language(client, home_tree, lang):
    """/nl/does-not-exist/ answers 404 with the site's own error page, in Dutch (and likewise
    in French and English)."""
    response = client.get(f"/{lang}/does-not-exist/")

    assert response.status_code == 404
    html = parse(response)
    assert html.html["lang"] == lang
    with translation.override(lang):
        heading = gettext("Page not found")
    assert html.h1 is not None and html.h1.get_text(strip=True) == heading
    assert html.select_one("nav.language-switcher") is not None


def test_not_found_page_is_translated(client, home_tree):
    """The 404 page's text really differs between French, Dutch and English."""
    texts = {
        lang: parse(client.get(f"/{lang}/does-not-exist/")).select_one("main").get_text(" ", True)
        for lang in LANGUAGES
    }

    assert len(set(texts.values())) == 3, texts


@pytest.mark.parametrize("lang", LANGUAGES)
def test_server_error_page_speaks_the_visitors_language(lang):
    """The 500 handler renders the site's error page with status 500 in the language of the
    URL the visitor asked for, even without any page context."""
    request = RequestFactory().get(f"/{lang}/x/")

    response = server_error(request)

    assert response.status_code == 500
    html = parse(response)
    assert html.html["lang"] == lang
    with translation.override(lang):
        heading = gettext("Something went wrong")
    assert html.h1.get_text(strip=True) == heading


def test_server_error_handler_is_the_custom_one():
    """Django uses our handler for 500 errors."""
    from cms import urls

    assert urls.handler500 == "cms.core.views.server_error"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_translated(lang):
    """Every msgid of locale/<lang>/LC_MESSAGES/django.po has a non-empty, non-fuzzy
    translation (plural forms included)."""
    path = LOCALE_DIR / lang / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"{path} is missing"

    catalog = polib.pofile(str(path))
    entries = [entry for entry in catalog if not entry.obsolete]
    assert entries, f"{path} holds no message"
    untranslated = [
        entry.msgid
        for entry in entries
        if "fuzzy" in entry.flags
        or (entry.msgid_plural and not all(v.strip() for v in entry.msgstr_plural.values()))
        or (not entry.msgid_plural and not entry.msgstr.strip())
    ]
    assert not untranslated, f"{len(untranslated)} untranslated in {lang}: {untranslated[:20]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_messages_are_compiled(lang):
    """The compiled catalog (django.mo) exists next to every django.po."""
    path = LOCALE_DIR / lang / "LC_MESSAGES" / "django.mo"
    assert path.exists(), f"{path} is missing: run compilemessages"


@pytest.mark.parametrize("address", ["/admin/does-not-exist/", "/documents/999999/missing.pdf"])
def test_unknown_address_outside_the_language_prefixes_is_not_redirected(
    admin_client, home_tree, address
):
    """The admin and documents live outside /fr/, /nl/ and /en/: an unknown address there
    answers 404 where it was asked, not a redirect to /fr/admin/... (a public page)."""
    response = admin_client.get(address)

    assert response.status_code == 404
    assert "accept-language" in response.get("Vary", "").lower()
