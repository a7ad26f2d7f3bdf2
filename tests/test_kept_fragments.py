"""Parts of pages rendered once per content version (the home page's content, a space's page,
event cards, the footer's form, a page's translations) never outlive a change: with the
production setting of SITE_CHROME_CACHE_SECONDS and the whole-page cache off, an edit shows
on the next visit, previews show the draft, and each host keeps its own absolute links."""

import pytest
from django.test import Client

from cms.core import content_version, kept
from cms.demo.factories import publish

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _kept_fragments(settings):
    settings.HTML_CACHE = ""
    settings.SITE_CHROME_CACHE_SECONDS = 60
    kept.forget()
    content_version.forget_version()
    yield
    kept.forget()
    content_version.forget_version()


def visit(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response.content.decode()


def test_an_edited_event_shows_on_the_next_visit_of_every_page_listing_it(site_tree):
    client = Client()
    urls = [site_tree.url(role, "fr") for role in ("home", "agenda", "space")]
    for url in urls:
        assert site_tree.title("event_upcoming", "fr") in visit(client, url), url
        visit(client, url)  # now kept

    event = site_tree.page("event_upcoming", "fr")
    event.title = "Atelier renommé pour la rentrée"
    publish(event)

    for url in urls:
        assert "Atelier renommé pour la rentrée" in visit(client, url), url


def test_an_edited_home_page_shows_on_the_next_visit(site_tree):
    client = Client()
    url = site_tree.url("home", "fr")
    visit(client, url)
    home = site_tree.page("home", "fr")
    home.title = "Bienvenue dans le réseau"
    publish(home)
    assert "Bienvenue dans le réseau" in visit(client, url)


def test_a_preview_shows_the_draft_not_the_kept_page(site_tree):
    url = site_tree.url("home", "fr")
    visit(Client(), url)
    home = site_tree.page("home", "fr")
    home.title = "Titre du brouillon"
    preview = home.make_preview_request()
    assert "Titre du brouillon" in preview.render().content.decode()
    assert "Titre du brouillon" not in visit(Client(), url)


def test_a_new_translation_shows_in_the_language_links_on_the_next_visit(site_tree):
    client = Client()
    url = site_tree.url("article", "fr")
    nl_url = site_tree.url("article", "nl")
    assert f'hreflang="nl" href="http://testserver{nl_url}"' in visit(client, url)
    site_tree.page("article", "nl").unpublish()
    page = visit(client, url)
    assert f'hreflang="nl" href="http://testserver{nl_url}"' not in page
    assert "This page is not available in" in page or "pas disponible" in page


def test_each_host_keeps_its_own_absolute_links(site_tree):
    client = Client()
    url = site_tree.url("space", "fr")
    assert "webcal://localhost/" in visit(client, url, HTTP_HOST="localhost")
    page = visit(client, url, HTTP_HOST="127.0.0.1")
    assert "webcal://127.0.0.1/" in page
    assert "webcal://localhost/" not in page
