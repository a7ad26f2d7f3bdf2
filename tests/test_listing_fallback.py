"""Language fallback in every listing of the site: a page a visitor cannot read in the listing's
language is listed in the first fallback language that has a visible version (LANGUAGE_FALLBACK:
French first), once, its text marked with that language and labelled "In another language"; once
its translation is published, the translation is listed instead, unmarked. A page no visitor may
see (draft, private, expired) is never listed, in any language."""

import pytest
from icalendar import Calendar

from cms.demo.factories import publish
from tests.conftest import HIDDEN_WORD, TITLES, parse

pytestmark = pytest.mark.django_db

LABEL = "In een andere taal"  # "In another language", on the Dutch site

# (the listing's role, its route, the listed page's role)
LISTINGS = [
    ("blog_index", "", "article"),
    ("agenda", "", "event_upcoming"),
    ("agenda", "archive/", "event_past"),
    ("study_index", "", "study"),
    ("space_index", "", "space"),
    ("home", "", "article"),
    ("home", "", "event_upcoming"),
    ("home", "", "study"),
    ("home", "", "space"),
    ("space", "", "event_upcoming"),  # the space's events (the event is held there)
]


def cards_titled(client, url, title):
    """The cards of the listing at ``url`` whose title is ``title``."""
    response = client.get(url)
    assert response.status_code == 200
    return [
        card
        for card in parse(response).select(".card")
        if card.select_one(".card__title").get_text(strip=True) == title
    ]


@pytest.mark.parametrize(("listing", "route", "role"), LISTINGS)
def test_a_page_without_dutch_version_is_listed_in_french_marked(
    client, site_tree, listing, route, role
):
    dutch = site_tree.page(role, "nl")
    dutch.unpublish()
    url = site_tree.url(listing, "nl") + route

    [card] = cards_titled(client, url, TITLES[role]["fr"])
    assert {element["lang"] for element in card.select("[lang]")} == {"fr"}
    assert card.select_one(".card__title[lang], .card__title [lang], [lang] .card__title")
    assert LABEL in card.get_text()
    assert not cards_titled(client, url, TITLES[role]["nl"])
    assert not cards_titled(client, url, TITLES[role]["en"])  # once, in the first fallback

    # Its Dutch translation published: the Dutch version is listed instead, unmarked.
    publish(dutch)
    [card] = cards_titled(client, url, TITLES[role]["nl"])
    assert card.select("[lang]") == []
    assert LABEL not in card.get_text()
    assert not cards_titled(client, url, TITLES[role]["fr"])


@pytest.mark.parametrize(("listing", "route", "role"), LISTINGS)
def test_a_dutch_page_is_listed_in_dutch_not_in_its_source_language(
    client, site_tree, listing, route, role
):
    url = site_tree.url(listing, "nl") + route
    [card] = cards_titled(client, url, TITLES[role]["nl"])
    assert card.select("[lang]") == [] and LABEL not in card.get_text()
    for other in ("fr", "en"):
        assert not cards_titled(client, url, TITLES[role][other])


@pytest.mark.parametrize(("listing", "route", "role"), LISTINGS)
def test_a_page_hidden_in_every_language_is_never_listed(client, site_tree, listing, route, role):
    for lang in ("nl", "fr", "en"):
        site_tree.page(role, lang).unpublish()
    url = site_tree.url(listing, "nl") + route
    for lang in ("nl", "fr", "en"):
        assert not cards_titled(client, url, TITLES[role][lang])


@pytest.mark.parametrize("listing", ["blog_index", "agenda", "study_index", "home"])
def test_draft_private_and_expired_pages_of_other_languages_are_never_listed(
    client, site_tree, hidden_pages, listing
):
    """The hidden pages exist in French and English only as hidden: no fallback shows them."""
    response = client.get(site_tree.url(listing, "nl"))
    assert response.status_code == 200
    assert HIDDEN_WORD not in response.content.decode()


def test_a_french_version_hidden_gives_way_to_the_english_one(client, site_tree):
    """The chain goes on past a version no visitor may see (nl, then fr, then en)."""
    site_tree.page("study", "nl").unpublish()
    site_tree.page("study", "fr").unpublish()
    [card] = cards_titled(client, site_tree.url("study_index", "nl"), TITLES["study"]["en"])
    assert {element["lang"] for element in card.select("[lang]")} == {"en"}
    assert LABEL in card.get_text()


def calendar_titles(client, url):
    """{SUMMARY: its LANGUAGE} of the events of the .ics at ``url``."""
    response = client.get(url)
    assert response.status_code == 200
    events = Calendar.from_ical(response.content).walk("VEVENT")
    return {str(event["SUMMARY"]): event["SUMMARY"].params.get("LANGUAGE") for event in events}


@pytest.mark.parametrize("feed", ["network", "space"])
def test_the_dutch_calendars_hold_an_event_untranslated_in_dutch_marked_french(
    client, site_tree, feed
):
    """The agenda's .ics (the network's, a space's) follow the listing: the event in French,
    its title and description labelled LANGUAGE=fr (RFC 5545), until the Dutch one is out."""
    url = site_tree.url("agenda", "nl") + "ical/"
    if feed == "space":
        url += f"{site_tree.page('space', 'nl').slug}/"
    assert calendar_titles(client, url)[TITLES["event_upcoming"]["nl"]] == "nl"

    dutch = site_tree.page("event_upcoming", "nl")
    dutch.unpublish()
    titles = calendar_titles(client, url)
    assert titles[TITLES["event_upcoming"]["fr"]] == "fr"
    assert TITLES["event_upcoming"]["nl"] not in titles
    assert TITLES["event_upcoming"]["en"] not in titles

    publish(dutch)
    titles = calendar_titles(client, url)
    assert titles[TITLES["event_upcoming"]["nl"]] == "nl"
    assert TITLES["event_upcoming"]["fr"] not in titles
