"""Anonymous visitors get pages from a cache keyed by the content version: a second visit runs
no view, and any publish, unpublish, expiry or edit of a snippet shown on the page (navigation,
categories) retires the kept copy. Editors, private pages and answers that set cookies are
never kept nor shared."""

import datetime

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from cms.core import content_version
from cms.core.models import Navigation
from cms.demo.factories import BlogPageFactory, publish

from .conftest import TITLES

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _html_cache(settings):
    settings.HTML_CACHE = "html"
    caches["html"].clear()
    content_version.forget_version()
    yield
    caches["html"].clear()
    content_version.forget_version()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")


def visit(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


@pytest.mark.parametrize("role", ["home", "article", "agenda", "event_upcoming", "space", "study"])
def test_second_visit_is_served_from_the_cache_without_a_query(site_tree, role):
    client = Client()
    url = site_tree.url(role, "fr")
    first = visit(client, url)
    assert first["X-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = visit(client, url)
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert len(queries) <= 1  # at most the content version, read once a second
    for response in (first, second):
        assert "public" in response["Cache-Control"]
        assert "max-age=60" in response["Cache-Control"]
        assert "Cookie" in response["Vary"]
        assert not response.cookies


def test_each_language_is_kept_apart(site_tree):
    client = Client()
    for lang in ("fr", "nl", "en"):
        visit(client, site_tree.url("article", lang))
    for lang in ("fr", "nl", "en"):
        response = visit(client, site_tree.url("article", lang))
        assert response["X-Cache"] == "hit"
        assert TITLES["article"][lang] in response.content.decode()
        assert response["Content-Language"] == lang


def test_publishing_an_edit_retires_the_kept_page(site_tree):
    client = Client()
    url = site_tree.url("article", "fr")
    visit(client, url)
    assert visit(client, url)["X-Cache"] == "hit"

    article = site_tree.page("article", "fr")
    article.title = "Travailler ensemble à Lille, mis à jour"
    publish(article)

    response = visit(client, url)
    assert response["X-Cache"] == "miss"
    assert "mis à jour" in response.content.decode()


def test_a_new_article_appears_on_the_kept_home_page(site_tree):
    client = Client()
    home = site_tree.url("home", "fr")
    visit(client, home)
    BlogPageFactory(
        parent=site_tree.page("blog_index", "fr"), title="Un tout nouvel article", live=False
    )
    article = Page.objects.get(title="Un tout nouvel article").specific
    publish(article)
    assert "Un tout nouvel article" in visit(client, home).content.decode()


def test_unpublishing_retires_the_kept_page_and_its_listings(site_tree):
    client = Client()
    url, listing = site_tree.url("article", "fr"), site_tree.url("blog_index", "fr")
    visit(client, url)
    assert f'href="{url}"' in visit(client, listing).content.decode()

    site_tree.page("article", "fr").unpublish()

    assert client.get(url).status_code == 404
    # The listing may still show the article in another language (cms.core.fallback), never
    # the French version that is gone.
    assert f'href="{url}"' not in visit(client, listing).content.decode()


def test_expiry_retires_the_kept_page(site_tree):
    """An article due to expire: once its time has passed, `publish_scheduled` (run by the
    scheduler) unpublishes it and no visitor gets the kept copy any more."""
    client = Client()
    listing = site_tree.url("blog_index", "fr")
    article = site_tree.page("article", "fr")
    Page.objects.filter(pk=article.pk).update(
        expire_at=timezone.now() + datetime.timedelta(hours=1)
    )
    visit(client, listing)
    kept = visit(client, listing)
    assert kept["X-Cache"] == "hit"
    assert f'href="{article.url}"' in kept.content.decode()

    Page.objects.filter(pk=article.pk).update(
        expire_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    call_command("publish_scheduled")

    response = visit(client, listing)
    assert response["X-Cache"] == "miss"
    assert f'href="{article.url}"' not in response.content.decode()


def test_editing_the_navigation_snippet_retires_every_page(site_tree):
    navigation = Navigation(
        locale=Locale.objects.get(language_code="fr"), footer_text="<p>Ouvert en semaine</p>"
    )
    navigation.save()
    navigation.save_revision().publish()
    client = Client()
    url = site_tree.url("article", "fr")
    assert "Ouvert en semaine" in visit(client, url).content.decode()
    assert visit(client, url)["X-Cache"] == "hit"

    navigation.footer_text = "<p>Ouvert tous les jours de la semaine</p>"
    navigation.save_revision().publish()

    response = visit(client, url)
    assert response["X-Cache"] == "miss"
    assert "Ouvert tous les jours de la semaine" in response.content.decode()


def test_an_editor_never_gets_nor_leaves_a_kept_page(site_tree, editor):
    url = site_tree.url("article", "fr")
    anonymous, editor_client = Client(), Client()
    editor_client.force_login(editor)

    for_editor = visit(editor_client, url)
    assert "X-Cache" not in for_editor
    assert "private" in for_editor["Cache-Control"]
    assert visit(anonymous, url)["X-Cache"] == "miss"  # the editor's copy was not kept

    again = visit(editor_client, url)
    assert "X-Cache" not in again  # nor does the editor get the visitors' copy
    assert "private" in again["Cache-Control"]


@pytest.mark.parametrize("kind", ["password", "login"])
def test_a_private_page_is_never_kept(site_tree, kind):
    article = site_tree.page("article", "fr")
    PageViewRestriction.objects.create(
        page=article, restriction_type=getattr(PageViewRestriction, kind.upper()), password="pw"
    )
    client = Client()
    url = site_tree.url("article", "fr")
    for _ in range(2):
        response = client.get(url)
        assert "X-Cache" not in response
        assert TITLES["article"]["fr"] not in response.content.decode() or kind == "password"
        if response.status_code == 200:  # the password form
            assert "private" in response["Cache-Control"]


def test_a_post_is_never_answered_from_the_cache(site_tree):
    client = Client()
    url = site_tree.url("standard", "fr")
    visit(client, url)
    response = client.post(url, {"q": "x"})
    assert "X-Cache" not in response


def test_a_visitor_with_a_session_cookie_is_treated_as_logged_in(site_tree, settings):
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = "not-a-session"
    url = site_tree.url("article", "fr")
    response = visit(client, url)
    assert "X-Cache" not in response
    assert "private" in response["Cache-Control"]
    assert visit(Client(), url)["X-Cache"] == "miss"
