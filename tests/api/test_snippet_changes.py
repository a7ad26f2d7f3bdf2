"""Categories and navigation menus are shown inside pages: publishing or unpublishing one is a
change partners hear of in the feed, and it retires the API answers cached before it (a
renamed category shows at once in the articles that carry it, an unpublished one leaves them).
"""

import pytest
from django.core.cache import caches
from django.utils import timezone
from wagtail.models import Locale

from cms.core import content_version
from cms.core.models import Category
from cms.demo.factories import NavigationFactory

from .api_helpers import get_json

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def response_cache(settings):
    settings.COFFEE_API_RESPONSE_CACHE = "api"
    caches["api"].clear()
    content_version.forget_version()
    yield
    caches["api"].clear()
    content_version.forget_version()


def feed(api, since, kind):
    data = get_json(api, f"/api/v2/changes/?since={since}&kind={kind}&limit=500")
    return [(item["action"], item["kind"], item["id"], item["locale"]) for item in data["items"]]


def category_names(api, page_id):
    response = api.get(f"/api/v2/pages/{page_id}/")
    assert response.status_code == 200
    return [category["name"] for category in response.json()["categories"]]


def test_a_category_published_and_unpublished_reaches_the_feed_and_the_cached_pages(api, site_tree):
    since = timezone.now().isoformat().replace("+00:00", "Z")
    article = site_tree.pks["article"]["fr"]
    category = Category.objects.get(slug="coworking", locale__language_code="fr")
    assert category_names(api, article) == ["Coworking"]
    assert api.get(f"/api/v2/pages/{article}/")["X-Cache"] == "hit"

    category.name = "Coworking transfrontalier"
    category.save_revision().publish()
    assert category_names(api, article) == ["Coworking transfrontalier"]

    category.refresh_from_db()
    category.unpublish()
    assert category_names(api, article) == []
    assert feed(api, since, "category") == [
        ("updated", "category", category.pk, "fr"),
        ("unpublished", "category", category.pk, "fr"),
    ]


def test_a_draft_category_is_not_a_change(api, site_tree):
    since = timezone.now().isoformat().replace("+00:00", "Z")
    category = Category.objects.get(slug="coworking", locale__language_code="fr")
    category.name = "Pas encore"
    category.save_revision()
    assert feed(api, since, "category") == []


def test_navigation_published_and_unpublished_reaches_the_feed(api, site_tree):
    since = timezone.now().isoformat().replace("+00:00", "Z")
    navigation = NavigationFactory(locale=Locale.objects.get(language_code="nl"), live=False)
    navigation.footer_text = "<p>Welkom</p>"
    navigation.save_revision().publish()
    navigation.refresh_from_db()
    navigation.unpublish()
    assert feed(api, since, "navigation") == [
        ("created", "navigation", navigation.pk, "nl"),
        ("unpublished", "navigation", navigation.pk, "nl"),
    ]


def test_an_edited_author_role_reaches_the_feed_the_cached_answers_and_the_pages(
    api, client, site_tree, settings
):
    """An editor corrects an author's role in the admin: the articles they signed show it on
    the next request, from the API's cache and the site's whole-page cache alike."""
    settings.HTML_CACHE = "html"
    since = timezone.now().isoformat().replace("+00:00", "Z")
    article = site_tree.pks["article"]["fr"]
    author = site_tree.page("article", "fr").article_authors.get().author
    assert get_json(api, f"/api/v2/pages/{article}/")["authors"][0]["role"] == "Animatrice"
    assert api.get(f"/api/v2/pages/{article}/")["X-Cache"] == "hit"
    assert "(Animatrice)" in client.get(site_tree.url("article", "fr")).content.decode()

    author.role = "Coordinatrice"
    author.save()

    assert get_json(api, f"/api/v2/pages/{article}/")["authors"][0]["role"] == "Coordinatrice"
    assert "(Coordinatrice)" in client.get(site_tree.url("article", "fr")).content.decode()
    assert feed(api, since, "author") == [("updated", "author", author.pk, "fr")]
