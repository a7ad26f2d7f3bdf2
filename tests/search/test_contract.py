"""One search contract, every engine: the same public records, totals and facet counts for the
same queries (ranking aside), the same privacy rules and locale isolation, cross-language
skills and synonyms, highlights; typo tolerance where the engine has it."""

from datetime import timedelta
from unittest import mock

import pytest
from django.test import override_settings
from django.utils import timezone

from cms.directory.models import Coworker
from cms.directory.search import DirectoryQuery, search
from tests.conftest import LANGUAGES
from tests.directory.conftest import ACCOUNTANTS, ACCOUNTING, HIDDEN_WORD, PUBLIC_PEOPLE

pytestmark = pytest.mark.django_db

# (kind, text, filters): filters name a facet and the scenario keys, given per language below.
QUERIES = [
    ("coworkers", "", {}),
    ("coworkers", "comptable", {}),
    ("coworkers", "boekhouder", {}),
    ("coworkers", "accountant", {}),
    ("coworkers", "bookkeeper", {}),
    ("coworkers", "expert-comptable", {}),
    ("coworkers", "comptable Lille", {}),
    ("coworkers", "Lille", {}),
    ("coworkers", "Tournai", {"country": ("BE",)}),
    ("coworkers", "Django", {}),
    ("coworkers", "compta", {}),
    ("coworkers", "", {"skill": "accounting"}),
    ("coworkers", "", {"skill": "accounting", "country": ("FR",)}),
    ("coworkers", "Lille", {"language": ("fr", "en")}),
    ("coworkers", "", {"open_to": ("freelance",), "country": ("BE", "FR")}),
    ("coworkers", HIDDEN_WORD, {}),
    ("companies", "", {}),
    ("companies", "comptable", {}),
    ("projects", "", {}),
    ("projects", "guide", {}),
]


def make_query(kind, text, filters, lang, **extra):
    resolved = {
        name: (ACCOUNTING[lang],) if value == "accounting" else value
        for name, value in filters.items()
    }
    return DirectoryQuery(
        kind=kind, text=text, locale=lang, filters=resolved, page_size=100, **extra
    )


def summary(results):
    return {
        "keys": sorted(str(hit.record.translation_key) for hit in results.hits),
        "pks": sorted(hit.pk for hit in results.hits),
        "total": results.total,
        "facets": {
            name: {value.value: value.count for value in facet.values}
            for name, facet in results.facets.items()
        },
    }


def names(results):
    return sorted(str(hit.record) for hit in results.hits)


def people(directory, roles):
    return sorted(directory.people[role].name for role in roles)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind,text,filters", QUERIES)
def test_same_answers_as_the_database_engine(engine, directory, lang, kind, text, filters):
    query = make_query(kind, text, filters, lang)
    results = search(query)
    assert results.engine == engine and not results.degraded
    with override_settings(SEARCH_ENGINE="database"):
        reference = search(query)
    assert summary(results) == summary(reference)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    "word", ["comptable", "boekhouder", "accountant", "bookkeeper", "jaarrekening"]
)
def test_taxonomy_words_and_synonyms_of_every_language(engine, directory, lang, word):
    assert names(search(DirectoryQuery(text=word, locale=lang))) == people(directory, ACCOUNTANTS)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hidden_records_are_never_found_nor_counted(engine, directory, lang):
    assert search(DirectoryQuery(text=HIDDEN_WORD, locale=lang)).total == 0
    everyone = search(DirectoryQuery(locale=lang, page_size=100))
    assert everyone.total == len(PUBLIC_PEOPLE)
    assert names(everyone) == people(directory, PUBLIC_PEOPLE)
    counts = {
        name: {v.value: v.count for v in facet.values} for name, facet in everyone.facets.items()
    }
    assert counts["language"]["de"] == 1  # Emma; every hidden accountant speaks German too
    assert "mentoring" not in counts["open_to"]  # only hidden people are open to mentoring
    assert counts["skill"][ACCOUNTING[lang]] == len(ACCOUNTANTS)
    projects = search(DirectoryQuery(kind="projects", locale=lang, page_size=100))
    assert names(projects) == ["Guide bilingue guide"]  # the unconsented poster's idea is hidden


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_locale_sees_its_own_translation_once(engine, directory, lang):
    results = search(DirectoryQuery(text="Tournai", locale=lang))
    camille = next(hit for hit in results.hits if hit.record.name == "Camille Lambert")
    assert camille.record.locale.language_code == lang
    keys = [str(hit.record.translation_key) for hit in search(DirectoryQuery(locale=lang)).hits]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("ordering", ["name", "recent"])
def test_orderings_are_the_database_engines(engine, directory, ordering):
    query = DirectoryQuery(locale="fr", ordering=ordering, page_size=2, page=2)
    with override_settings(SEARCH_ENGINE="database"):
        reference = [hit.pk for hit in search(query).hits]
    assert [hit.pk for hit in search(query).hits] == reference


@pytest.mark.parametrize(
    "text,field,marked",
    [
        ("Django", "headline", "<mark>Django</mark>"),
        ("developpeur", "headline", "<mark>Développeur</mark>"),
    ],
)
def test_highlights_mark_the_words(engine, directory, text, field, marked):
    results = search(DirectoryQuery(text=text, locale="fr"))
    assert names(results) == ["Julien Dubois"]
    assert marked in results.hits[0].highlights[field]


def test_highlights_are_escaped_html(engine, directory):
    results = search(DirectoryQuery(text="Comptable", locale="fr"))
    for hit in results.hits:
        for html in hit.highlights.values():
            assert "<mark>" in html and "<script" not in html


@pytest.mark.parametrize(
    "typo,expected",
    [("accoutant", ACCOUNTANTS), ("Vandenbreghe", ["pieter"]), ("Djnago", ["julien"])],
)
def test_typos_are_tolerated(engine, directory, typo, expected):
    if engine == "database":
        pytest.skip(
            "the database engine has no typo tolerance "
            "(SQLite FTS5 / Wagtail's database backend: no fuzzy search)"
        )
    assert names(search(DirectoryQuery(text=typo, locale="nl"))) == people(directory, expected)


def test_exact_words_win_over_typo_tolerance(engine, directory):
    # "Lille" matches exactly: no fuzzy neighbour ("Lile", "Ville"…) is added to the answer.
    assert names(search(DirectoryQuery(text="Lille", locale="fr"))) == people(
        directory, ["emma", "julien"]
    )


def set_expiry(engine, person, expire_at):
    """Change a person's expiry as a save would (the engine is told), but without a save."""
    from search.indexer import sync_groups

    Coworker.objects.filter(translation_key=person.translation_key).update(expire_at=expire_at)
    if engine != "database":
        sync_groups(Coworker, [person.translation_key], refresh=True)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_record_expiring_without_a_save_disappears_on_time(engine, directory, lang):
    """Emma's record expires tomorrow; nobody saves anything. The day after, no engine shows
    her: not in the hits, the totals nor the facet counts (she alone speaks German)."""
    emma = directory.people["emma"]
    everyone = DirectoryQuery(locale=lang, page_size=100)
    set_expiry(engine, emma, timezone.now() + timedelta(days=1))
    try:
        assert emma.name in names(search(everyone))  # not expired yet
        later = timezone.now() + timedelta(days=2)
        with mock.patch("django.utils.timezone.now", return_value=later):
            results = search(everyone)
            lille = search(DirectoryQuery(text="Lille", locale=lang))
            german = search(DirectoryQuery(locale=lang, filters={"language": ("de",)}))
            with override_settings(SEARCH_ENGINE="database"):
                reference = search(everyone)
    finally:
        set_expiry(engine, emma, None)
    assert names(results) == people(directory, ["camille", "pieter", "julien"])
    assert results.total == len(PUBLIC_PEOPLE) - 1
    assert names(lille) == people(directory, ["julien"]) and lille.total == 1
    assert german.total == 0 and german.hits == []
    counts = {name: {v.value: v.count for v in facet} for name, facet in results.facets.items()}
    assert "de" not in counts["language"]
    assert counts["skill"][ACCOUNTING[lang]] == len(ACCOUNTANTS) - 1
    assert summary(results) == summary(reference)


def test_a_project_idea_leaves_with_its_posters_expiry(engine, directory):
    """Camille posted the bilingual guide; her record expires tomorrow. The day after, her
    idea is gone too, on every engine and in every language."""
    camille = directory.people["camille"]
    ideas = [DirectoryQuery(kind="projects", locale=lang, page_size=100) for lang in LANGUAGES]
    set_expiry(engine, camille, timezone.now() + timedelta(days=1))
    try:
        assert all(names(search(query)) == ["Guide bilingue guide"] for query in ideas)
        later = timezone.now() + timedelta(days=2)
        with mock.patch("django.utils.timezone.now", return_value=later):
            answers = [search(query) for query in ideas]
    finally:
        set_expiry(engine, camille, None)
    assert [(names(answer), answer.total) for answer in answers] == [([], 0)] * len(ideas)
    assert all(not facet.values for answer in answers for facet in answer.facets.values())
