"""Language fallback: ?locale=nl&fallback=fr,en gives the Dutch page, or the first fallback
that is published, saying which locale was served; the site lists the same page, marked as
being in another language."""

import pytest

from tests.conftest import TITLES, parse

from .api_helpers import assert_error, get_json, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_dutch_article(site_tree):
    """The recent article is unpublished in Dutch: it exists in French and English only."""
    site_tree.page("article", "nl").unpublish()
    return site_tree


#: The site tree's titles: other tests of the package add French-only pages (the rich article of
#: tests/api/conftest.py), which a Dutch listing rightly shows in French.
SITE_TITLES = {title for versions in TITLES.values() for title in versions.values()}


def article_items(data):
    return [item for item in data["items"] if item["title"] in TITLES["article"].values()]


def site_items(data):
    return [item for item in data["items"] if item["title"] in SITE_TITLES]


@pytest.mark.parametrize(("fallback", "served"), [("fr,en", "fr"), ("en,fr", "en"), ("en", "en")])
def test_a_listing_takes_the_first_published_fallback(api, no_dutch_article, fallback, served):
    data = get_json(api, f"/api/v2/pages/?type=blog.BlogPage&locale=nl&fallback={fallback}")
    [article] = article_items(data)
    assert article["title"] == TITLES["article"][served]
    assert article["meta"]["locale"] == served
    assert article["meta"]["fallback"] == {
        "requested_locale": "nl",
        "served_locale": served,
        "is_fallback": True,
    }
    # The other article is Dutch, and says so.
    old = next(item for item in data["items"] if item["title"] == TITLES["article_old"]["nl"])
    assert old["meta"]["fallback"]["is_fallback"] is False
    assert len(site_items(data)) == 2


def test_without_fallback_only_dutch_pages_are_listed(api, no_dutch_article):
    data = get_json(api, "/api/v2/pages/?type=blog.BlogPage&locale=nl")
    assert titles(data) == [TITLES["article_old"]["nl"]]
    assert "fallback" not in data["items"][0]["meta"]


def test_a_translated_page_is_never_listed_twice(api, site_tree):
    data = get_json(api, "/api/v2/pages/?locale=nl&fallback=fr,en&limit=100")
    assert {item["meta"]["locale"] for item in site_items(data)} == {"nl"}
    nl_only = get_json(api, "/api/v2/pages/?locale=nl&limit=100")
    assert len(site_items(data)) == len(site_items(nl_only))


def test_child_of_a_dutch_index_lists_the_french_child_in_its_place(api, no_dutch_article):
    index = no_dutch_article.pks["blog_index"]["nl"]
    data = get_json(api, f"/api/v2/pages/?child_of={index}&locale=nl&fallback=fr")
    assert sorted(item["title"] for item in site_items(data)) == sorted(
        [TITLES["article"]["fr"], TITLES["article_old"]["nl"]]
    )


def test_a_detail_is_given_in_the_first_published_language(api, no_dutch_article):
    french = no_dutch_article.pks["article"]["fr"]
    data = get_json(api, f"/api/v2/pages/{french}/?locale=nl&fallback=en,fr")
    assert data["title"] == TITLES["article"]["en"]
    assert data["id"] == no_dutch_article.pks["article"]["en"]
    assert data["meta"]["fallback"]["served_locale"] == "en"
    # Asked in a language it has, it is that version, not a fallback.
    data = get_json(api, f"/api/v2/pages/{french}/?locale=en&fallback=fr")
    assert data["meta"]["fallback"] == {
        "requested_locale": "en",
        "served_locale": "en",
        "is_fallback": False,
    }
    # Without a published version in the chain: 404.
    response = api.get(f"/api/v2/pages/{french}/?locale=nl")
    assert_error(response, 404, "not_found")


@pytest.mark.parametrize("endpoint", ["pages", "events"])
@pytest.mark.parametrize("fields", ["-id", "_", "_,title"])
def test_the_fallback_is_marked_without_the_id_field(api, site_tree, endpoint, fields):
    """?fields= may leave out id: each item still says which locale it is in."""
    site_tree.page("event_upcoming", "en").unpublish()
    site_tree.page("article", "en").unpublish()
    listing = get_json(api, f"/api/v2/{endpoint}/?locale=en&fallback=nl&fields={fields}")
    assert listing["items"] and all("id" not in item for item in listing["items"])
    assert {item["meta"]["fallback"]["served_locale"] for item in listing["items"]} >= {"nl"}

    role = "event_upcoming" if endpoint == "events" else "article"
    dutch = site_tree.pks[role]["nl"]
    detail = get_json(api, f"/api/v2/{endpoint}/{dutch}/?locale=en&fallback=nl&fields={fields}")
    assert detail["meta"]["fallback"] == {
        "requested_locale": "en",
        "served_locale": "nl",
        "is_fallback": True,
    }


def test_events_fall_back_too(api, site_tree):
    site_tree.page("event_upcoming", "en").unpublish()
    data = get_json(api, "/api/v2/events/?locale=en&fallback=nl")
    assert titles(data) == [TITLES["event_upcoming"]["nl"]]
    assert data["items"][0]["meta"]["fallback"]["is_fallback"] is True


def test_the_default_chain_comes_from_the_settings(api, no_dutch_article, settings):
    settings.LANGUAGE_FALLBACK = ["en", "fr"]
    data = get_json(api, "/api/v2/pages/?type=blog.BlogPage&locale=nl&fallback=default")
    [article] = article_items(data)
    assert article["meta"]["locale"] == "en"


@pytest.mark.parametrize(
    "query",
    [
        "fallback=de",  # checked even without locale
        "locale=nl&fallback=de",
        "locale=nl&fallback=fr,,en",
        "locale=nl&fallback=fr,en,nl,fr",  # more languages than there are
        "locale=nl&fallback=",
        "locale=nl&fallback=FR",
    ],
)
def test_bad_fallback_values_are_a_400_naming_fallback(api, site_tree, query):
    assert_error(api.get(f"/api/v2/pages/?{query}"), 400, "invalid_parameter", "fallback")


def test_the_requested_language_and_repeats_in_fallback_are_tried_once(api, no_dutch_article):
    """nl,fr,fr after locale=nl is nl then fr: the same answer as fallback=fr."""
    expected = get_json(api, "/api/v2/pages/?type=blog.BlogPage&locale=nl&fallback=fr")
    data = get_json(api, "/api/v2/pages/?type=blog.BlogPage&locale=nl&fallback=nl,fr,fr")
    assert data == expected
    [article] = article_items(data)
    assert article["meta"]["fallback"] == {
        "requested_locale": "nl",
        "served_locale": "fr",
        "is_fallback": True,
    }


def test_fallback_without_locale_changes_nothing(api, no_dutch_article):
    """Without locale every language is listed and a detail is the page itself: nothing to
    stand in for, so fallback is ignored (no meta.fallback)."""
    listing = get_json(api, "/api/v2/pages/?type=blog.BlogPage&fallback=en")
    assert listing == get_json(api, "/api/v2/pages/?type=blog.BlogPage")
    page_id = listing["items"][0]["id"]
    detail = get_json(api, f"/api/v2/pages/{page_id}/?fallback=en")
    assert detail == get_json(api, f"/api/v2/pages/{page_id}/")
    assert "fallback" not in detail["meta"]


def test_the_schema_documents_fallback(api):
    schema = get_json(api, "/api/schema/?format=json")
    for path in ("/api/v2/pages/", "/api/v2/pages/{id}/", "/api/v2/events/"):
        names = {parameter["name"] for parameter in schema["paths"][path]["get"]["parameters"]}
        assert {"locale", "fallback"} <= names, path
    assert "fallback" in schema["components"]["schemas"]["PageMeta"]["properties"]


def test_the_dutch_blog_shows_the_french_article_marked_as_in_another_language(
    client, no_dutch_article
):
    response = client.get(no_dutch_article.url("blog_index", "nl"))
    assert response.status_code == 200
    soup = parse(response)
    cards = {
        card.select_one(".card__title").get_text(strip=True): card
        for card in soup.select(".card--article")
    }
    assert set(cards) & SITE_TITLES == {TITLES["article"]["fr"], TITLES["article_old"]["nl"]}
    french = cards[TITLES["article"]["fr"]]
    assert french.select_one("[lang]")["lang"] == "fr"
    assert "In een andere taal" in french.get_text() or "another language" in french.get_text()
    dutch = cards[TITLES["article_old"]["nl"]]
    assert dutch.select_one("[lang]") is None
    assert "another language" not in dutch.get_text()
