"""Searching the directory in any language: skills and sectors named in any language and
their synonyms find the records; each record appears once per language, in the visitor's
language when translated, with the right lang attribute otherwise; facet counts are exact."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ImproperlyConfigured

from cms.directory.models import Coworker, Skill
from cms.directory.search import DirectoryQuery, parse_directory_query, search
from cms.directory.vocabulary import Vocabulary
from cms.spaces.models import SpacePage
from search import engines
from tests.conftest import LANGUAGES

from .conftest import ACCOUNTANTS, ACCOUNTING, ACCOUNTING_LABEL, PUBLIC_PEOPLE

pytestmark = pytest.mark.django_db


def names(results):
    return sorted(hit.record.name for hit in results.hits)


def accountants(directory):
    return sorted(directory.people[role].name for role in ACCOUNTANTS)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("word", ["comptable", "boekhouder", "accountant", "Comptabilité"])
def test_skill_words_of_every_language_find_the_accountants(directory, lang, word):
    """Camille wrote in French, Pieter in Dutch, Emma in English: one word finds all three."""
    assert names(search(DirectoryQuery(text=word, locale=lang))) == accountants(directory)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("synonym", ["bookkeeper", "expert-comptable", "jaarrekening"])
def test_synonyms_find_the_accountants(directory, lang, synonym):
    assert names(search(DirectoryQuery(text=synonym, locale=lang))) == accountants(directory)


def test_a_synonym_added_by_an_editor_is_found_at_once(directory):
    dutch = Skill.objects.get(slug="boekhouding", locale__language_code="nl")
    assert search(DirectoryQuery(text="cijferaar", locale="fr")).total == 0
    dutch.synonyms += ", cijferaar"
    dutch.save()
    assert names(search(DirectoryQuery(text="cijferaar", locale="fr"))) == accountants(directory)


def test_words_combine_with_and_the_last_one_may_be_a_prefix(directory):
    # Lille: Emma's city and her space's; Pieter and Camille work in Tournai.
    assert names(search(DirectoryQuery(text="comptable Lille", locale="fr"))) == ["Emma Schmidt"]
    assert names(search(DirectoryQuery(text="compta", locale="fr"))) == accountants(directory)
    results = search(DirectoryQuery(text='"; DROP TABLE -- \x00 AND OR NEAR(', locale="fr"))
    assert results.total == 0


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_record_once_per_language(directory, lang):
    results = search(DirectoryQuery(locale=lang, page_size=100))
    keys = [hit.record.translation_key for hit in results.hits]
    assert len(keys) == len(set(keys)) == len(PUBLIC_PEOPLE) == results.total
    assert sorted(Coworker.objects.in_locale(lang).values_list("pk", flat=True)) == sorted(
        Coworker.objects.in_locale_computed(lang).values_list("pk", flat=True)
    )


@pytest.mark.parametrize(
    "lang,expected_language,headline",
    [
        ("fr", "fr", "Comptable indépendante à Tournai"),
        ("nl", "nl", "Zelfstandige boekhouder in Doornik"),
        ("en", "en", "Freelance accountant in Tournai"),
    ],
)
def test_translated_record_in_the_visitors_language(
    client, directory, url, lang, expected_language, headline
):
    camille = directory.people["camille"]
    page = BeautifulSoup(client.get(url(lang, f"coworkers/{camille.slug}/")).content, "lxml")
    lead = page.select_one("p.lead")
    assert lead.get_text(strip=True) == headline
    assert lead["lang"] == expected_language
    assert not page.select(".directory-untranslated")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_untranslated_record_keeps_its_language_with_lang_attribute(client, directory, url, lang):
    pieter = directory.people["pieter"]
    page = BeautifulSoup(client.get(url(lang, f"coworkers/{pieter.slug}/")).content, "lxml")
    assert page.html["lang"] == lang
    lead = page.select_one("p.lead")
    assert lead["lang"] == "nl" and lead.get_text(strip=True) == "Boekhouder voor grensarbeiders"
    assert page.select_one(".rich-text")["lang"] == "nl"
    assert page.select(".directory-untranslated")
    # Taxonomy labels are in the visitor's language whatever the record's language.
    assert ACCOUNTING_LABEL[lang] in [a.get_text(strip=True) for a in page.select(".facts a")]
    # …and in the listing, the card's text carries the record's language too.
    listing = BeautifulSoup(client.get(url(lang, "?q=Vandenberghe")).content, "lxml")
    assert listing.select_one(".card__text")["lang"] == "nl"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_hreflang_alternates(client, directory, url, lang):
    julien = directory.people["julien"]
    page = BeautifulSoup(client.get(url(lang, f"coworkers/{julien.slug}/")).content, "lxml")
    alternates = {
        link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')
    }
    assert set(alternates) == {"fr", "nl", "en", "x-default"}
    assert alternates["nl"].endswith(f"/nl/directory/coworkers/{julien.slug}/")
    canonical = page.select_one('link[rel="canonical"]')["href"]
    assert canonical.endswith(f"/{lang}/directory/coworkers/{julien.slug}/")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_facet_counts_equal_the_matching_public_records(directory, lang):
    base = DirectoryQuery(locale=lang, filters={"country": ("BE",)}, page_size=100)
    results = search(base)
    assert results.total == 2  # Camille, Pieter
    for name, facet in results.facets.items():
        for value in facet.values:
            filters = {**base.filters, name: (value.value,)}
            narrowed = search(base.replace(filters=filters), facets=False)
            assert value.count == narrowed.total, (name, value.value)
    # Within one facet values add up (OR); across facets they narrow (AND).
    both = search(base.replace(filters={"space": ("esco", "mutualab")}))
    assert both.total == len(PUBLIC_PEOPLE)
    narrowed = search(base.replace(filters={"space": ("mutualab",), "skill": (ACCOUNTING[lang],)}))
    assert names(narrowed) == ["Emma Schmidt"]


def test_filter_values_of_any_language_are_understood(directory):
    query, errors, vocabulary = parse_directory_query({"skill": "boekhouding"}, locale="fr")
    assert errors == [] and query.filters == {"skill": ("comptabilite",)}
    assert search(query, vocabulary=vocabulary).total == len(ACCOUNTANTS)


@pytest.mark.parametrize(
    "params,parameter",
    [
        ({"skill": "astrologie"}, "skill"),
        ({"page": "-1"}, "page"),
        ({"page": "abc"}, "page"),
        ({"page": "99"}, "page"),
        ({"q": "x" * 5000}, "q"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "100000"}, "page_size"),
        ({"sort": "salary"}, "sort"),
        ({"kind": "unicorns"}, "kind"),
        ({"country": "ZZ"}, "country"),
        ({"q": "a b c d e f g h i j k l m n o p"}, "q"),
    ],
)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_bad_parameters_get_the_page_with_a_message(
    client, directory, url, lang, params, parameter
):
    response = client.get(url(lang), params)
    assert response.status_code == 400
    page = BeautifulSoup(response.content, "lxml")
    assert page.select_one("main .notice--warning[role=alert]").get_text(strip=True)
    assert page.select_one("#directory-q") is not None  # the normal page, not an error page
    query, errors, vocabulary = parse_directory_query(params, locale=lang)
    notices = search(query, vocabulary=vocabulary).notices
    assert parameter in {error.parameter for error in [*errors, *notices]}
    assert all(error.message for error in [*errors, *notices])


def test_good_parameters_are_200_and_state_lives_in_the_query_string(client, directory, url):
    response = client.get(url("nl"), {"q": "boekhouder", "space": "esco", "sort": "name"})
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "lxml")
    assert page.select_one("#directory-q")["value"] == "boekhouder"
    assert page.select_one("input[name=space][value=esco]").has_attr("checked")
    removal = [a["href"] for a in page.select(".directory__active a")]
    assert any("space" not in href and "q=boekhouder" in href for href in removal)


@pytest.mark.parametrize("page_size", [1, 100])
def test_directory_page_runs_a_bounded_number_of_queries(
    client, directory, url, django_assert_max_num_queries, page_size
):
    client.get(url("nl"))  # warm caches (site root paths, content types)
    with django_assert_max_num_queries(30):
        response = client.get(url("nl"), {"page_size": page_size, "q": "comptable"})
    assert response.status_code == 200
    with django_assert_max_num_queries(30):
        client.get(url("nl"), {"page_size": page_size, "skill": "boekhouding", "space": "esco"})


def test_pages_and_ordering(directory):
    first = search(DirectoryQuery(locale="fr", page_size=3, ordering="name"))
    second = search(DirectoryQuery(locale="fr", page_size=3, ordering="name", page=2))
    assert first.num_pages == 2 and first.has_next and not second.has_next
    assert names(first) + names(second) == sorted(
        directory.people[role].name for role in PUBLIC_PEOPLE
    )
    ranked = search(DirectoryQuery(text="Lambert comptable", locale="fr"))
    assert ranked.query.effective_ordering == "relevance" and ranked.hits[0].score is not None


def test_the_directory_s_pages_link_to_each_other_with_the_same_search(client, directory, url):
    first = BeautifulSoup(client.get(url("fr", "?page_size=3&junk=1")).content, "html.parser")
    pages = first.select_one("nav.pagination")
    assert pages.select_one("a[aria-current=page]").text.split()[-1] == "1"
    assert pages.select_one("a[rel=prev]") is None
    following = pages.select_one("a[rel=next]")["href"]
    assert "page=2" in following and "page_size=3" in following
    assert "junk" not in following  # the links carry the search, not whatever the address had

    second = BeautifulSoup(client.get(following).content, "html.parser").select_one(
        "nav.pagination"
    )
    assert second.select_one("a[aria-current=page]").text.split()[-1] == "2"
    assert second.select_one("a[rel=next]") is None
    assert "page=" not in second.select_one("a[rel=prev]")["href"]  # the first page, as shared


class DownEngine(engines.Engine):
    """An engine whose server does not answer."""

    name = "down"

    def search(self, plan):
        raise engines.EngineUnavailable("connection refused")


def test_engine_is_chosen_by_setting_and_falls_back(directory, settings, monkeypatch):
    settings.SEARCH_ENGINE = "nonsense"
    with pytest.raises(ImproperlyConfigured):
        search(DirectoryQuery(locale="fr"))
    monkeypatch.setitem(engines.ENGINES, "down", f"{__name__}.DownEngine")
    settings.SEARCH_ENGINE = "down"
    results = search(DirectoryQuery(text="comptable", locale="fr"))
    assert results.engine == "database" and results.degraded
    assert names(results) == accountants(directory)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_person_filed_twice_under_a_space_counts_once(directory, lang):
    """Julien's home space is Mutualab; he also lists Mutualab, in Dutch, among the spaces he
    visits: one person for Mutualab, as its filter finds."""
    julien = directory.people["julien"]
    mutualab = directory.spaces["Mutualab"]
    dutch = SpacePage.objects.get(
        translation_key=mutualab.translation_key, locale__language_code="nl"
    )
    julien.spaces_visited = [*julien.spaces_visited.all(), dutch]
    julien.save()
    results = search(DirectoryQuery(locale=lang, page_size=100))
    counts = {value.value: value.count for value in results.facets["space"]}
    for token, count in counts.items():
        narrowed = search(DirectoryQuery(locale=lang, filters={"space": (token,)}), facets=False)
        assert count == narrowed.total, token
    mutualab_token = next(v.value for v in results.facets["space"] if "mutualab" in v.value)
    assert counts[mutualab_token] == 2  # Emma, Julien


def test_a_page_of_results_with_facets_in_three_queries(directory, django_assert_num_queries):
    """The total and every facet's counts in one query, then the page of records, and the
    keys of all their skills, sectors and spaces (the vocabulary given)."""
    query = DirectoryQuery(locale="nl", page_size=100)
    vocabulary = Vocabulary.load("nl")
    with django_assert_num_queries(3):
        results = search(query, vocabulary=vocabulary)
    assert results.total == len(PUBLIC_PEOPLE) == len(results.hits)
    assert {value.count for value in results.facets["space"]} == {2, 3}  # Mutualab, ESCO
