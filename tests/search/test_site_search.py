"""One search box for everything: /fr/search/ (nl, en) finds pages, events, studies, people,
companies and project ideas, grouped by kind with counts, with the directory's cross-language
skill matching; only what a visitor may see; on the database engine and on a search engine.
"""

import pytest
from bs4 import BeautifulSoup

from tests.conftest import LANGUAGES
from tests.directory.conftest import ACCOUNTANTS, HIDDEN_WORD
from tests.search.conftest import refresh_indexes

pytestmark = pytest.mark.django_db

SKILL_WORDS = ["comptable", "boekhouder", "accountant"]  # one per language


def groups(client, lang, query, **params):
    """{kind: (count shown in the heading, [hit titles])} of the search page."""
    response = client.get(f"/{lang}/search/", {"q": query, **params})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    found = {}
    for section in soup.select("section.search-group"):
        kind = section["aria-labelledby"].removeprefix("group-")
        count = int(section.select_one(".search-kinds__count").get_text())
        titles = [a.get_text(strip=True) for a in section.select(".search-result__title a")]
        found[kind] = (count, titles)
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_people_and_companies_by_name(client, engine, directory, lang):
    found = groups(client, lang, "Lambert")
    assert found["coworkers"] == (1, ["Camille Lambert"])
    assert found["companies"] == (1, ["Chiffres Lambert"])
    assert "pages" not in found  # no page is called Lambert: no empty group shown


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("word", SKILL_WORDS)
def test_a_skill_named_in_any_language_finds_the_same_people(client, engine, directory, lang, word):
    found = groups(client, lang, word)
    names = {directory.people[role].name for role in ACCOUNTANTS}
    count, titles = found["coworkers"]
    assert count == len(ACCOUNTANTS) and set(titles) == names
    assert found["companies"] == (1, ["Chiffres Lambert"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hidden_people_and_their_ideas_are_never_found(client, engine, directory, lang):
    for query in (HIDDEN_WORD, "Zwartemarkd"):  # nor suggested as the spelling of a typo
        soup = BeautifulSoup(client.get(f"/{lang}/search/", {"q": query}).content, "html.parser")
        assert not soup.select(".search-group, .search-did-you-mean")
        assert HIDDEN_WORD not in soup.select_one(".container").get_text().replace(f"“{query}”", "")


def test_kinds_are_listed_with_counts_and_one_kind_is_paged(client, engine, directory):
    response = client.get("/en/search/", {"q": "accountant"})
    soup = BeautifulSoup(response.content, "html.parser")
    kinds = {a.get_text(" ", strip=True) for a in soup.select(".search-kinds a")}
    assert {"People 3", "Companies 1"} <= kinds
    only = groups(client, "en", "accountant", kind="coworkers")
    assert list(only) == ["coworkers"] and only["coworkers"][0] == 3


def test_an_unknown_kind_is_a_bad_request_that_still_shows_everything(client, directory):
    response = client.get("/en/search/", {"q": "accountant", "kind": "nope"})
    assert response.status_code == 400
    assert "Camille Lambert" in response.content.decode()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_events_and_studies_are_groups_of_their_own(client, engine, site_tree, lang):
    """site_tree: the editorial site (tests/conftest.py) in three languages, indexed as it is
    published."""
    from tests.conftest import TITLES

    refresh_indexes(engine)

    event = groups(client, lang, TITLES["event_upcoming"][lang])
    assert TITLES["event_upcoming"][lang] in event["events"][1]
    study = groups(client, lang, TITLES["study"][lang])
    assert TITLES["study"][lang] in study["studies"][1]
    article = groups(client, lang, TITLES["article"][lang])
    assert TITLES["article"][lang] in article["pages"][1]


def test_pages_are_searched_where_the_settings_say(client, engine, directory):
    """With SEARCH_ENGINE set, the site search reads pages from the engine: emptying the
    database's own index changes nothing. On the database engine, that index is the search."""
    from wagtail.search.models import IndexEntry

    assert "Espaces" in groups(client, "fr", "Espaces")["pages"][1]
    IndexEntry.objects.all().delete()
    found = groups(client, "fr", "Espaces")
    if engine == "database":
        assert "pages" not in found, found
    else:
        assert "Espaces" in found["pages"][1], found
