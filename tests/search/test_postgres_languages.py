"""French, Dutch and English analysis on PostgreSQL: each record and page is indexed with the
configuration of its locale and looked up as its language analyses words, so plurals and accents
do not matter, words stay exact, and one language's rules never change another language's
records."""

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.backends.database.postgres.postgres import PostgresIndex
from wagtail.models import Locale, Page

from cms.demo.directory.taxonomy import ensure_taxonomy, terms_by_key
from cms.directory.models import Coworker, Skill
from cms.directory.search import DirectoryQuery, search
from cms.home.models import HomePage
from cms.pages.models import StandardPage
from search.backends import FOLDED_CONFIG
from search.pages import database_backend, search_pages
from tests.conftest import add_page
from tests.directory.conftest import Directory, make_person

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="PostgreSQL text-search configurations: run with DATABASE_URL=postgres://...",
    ),
]

# (language, text of a bio, a query that must find it through stemming and folded accents)
STEMMED = [
    ("fr", "Formations pour les comptables indépendants.", "comptable"),
    ("fr", "Nous recrutons des développeurs.", "developpeur"),
    ("fr", "Un réseau d'entreprises transfrontalières.", "entreprise transfrontaliere"),
    ("nl", "Wij zoeken ontwikkelaars en boekhouders.", "ontwikkelaar"),
    ("nl", "Wij zoeken ontwikkelaars en boekhouders.", "boekhouder"),
    ("nl", "Samen werken in Kortrijk.", "werk"),
    ("en", "Workshops for accountants and developers.", "accountant developer"),
    ("en", "Running a coworking space.", "run"),
]


@pytest.fixture
def people():
    ensure_taxonomy()
    directory = Directory(skills=terms_by_key(Skill))

    def make(language, name, **fields):
        return make_person(directory, name=name, language=language, skills=["traduction"], **fields)

    return make


def found(language, text, kind="coworkers"):
    results = search(DirectoryQuery(kind=kind, text=text, locale=language, page_size=100))
    assert results.engine == "database"
    return {hit.record.name for hit in results.hits}


@pytest.mark.parametrize("language,bio,query", STEMMED)
def test_a_record_is_found_by_another_form_of_its_words(people, language, bio, query):
    people(language, "Alex Martin", bio=bio)
    assert found(language, query) == {"Alex Martin"}


@pytest.mark.parametrize(
    "language,query",
    [("fr", "Vandenberghe"), ("nl", "Vandenberghe"), ("en", "IT"), ("nl", "van"), ("fr", "de")],
)
def test_names_and_short_words_still_match_exactly(people, language, query):
    """No stop word is dropped: "IT", "van" and "de" are skills and parts of names."""
    people(language, "Pieter van Vandenberghe", headline="IT support de Kortrijk")
    people(language, "Someone Else", headline="Boekhouding")
    assert found(language, query) == {"Pieter van Vandenberghe"}


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_the_beginning_of_a_word_is_not_stemmed(people, language):
    """Autocomplete: "developp" is the start of "Développeurs", not a stem of it."""
    people(language, "Alex Martin", headline="Développeurs Django")
    assert found(language, "developp") == {"Alex Martin"}
    assert found(language, "django develop") == {"Alex Martin"}


def test_a_prefix_is_not_widened_by_stemming(people):
    """French reduces "compta" to "compt": as a prefix that would also find "comptoir"."""
    people("fr", "Alex Martin", headline="Comptabilité des associations")
    people("fr", "Sam Peeters", headline="Comptoir du centre")
    assert found("fr", "compta") == {"Alex Martin"}


@pytest.mark.parametrize(
    "language,text,query,language_that_stems_it",
    [
        ("fr", "Samen werken in Kortrijk.", "werk", "nl"),
        ("fr", "Running a coworking space.", "run", "en"),
        ("nl", "Formations pour les comptables.", "comptable", "fr"),
        ("en", "Samen werken in Kortrijk.", "werk", "nl"),
    ],
)
def test_one_language_is_not_analysed_with_another_ones_rules(
    people, language, text, query, language_that_stems_it
):
    """The same words in records of two locales: each record is analysed with its own
    locale's rules, so Dutch "werken" is reduced to "werk" in a Dutch record only. A locale
    also shows the untranslated records of the other, hence the same answer in both."""
    people(language, "Alex Martin", bio=text)
    people(language_that_stems_it, "Sam Peeters", bio=text)
    assert found(language, query) == {"Sam Peeters"}
    assert found(language_that_stems_it, query) == {"Sam Peeters"}


@pytest.fixture
def fr_home():
    return HomePage.objects.get(locale__language_code="fr", depth=2)


def test_pages_are_found_by_another_form_of_their_words(fr_home):
    page = add_page(
        fr_home,
        StandardPage(title="Les comptables du réseau", slug="comptables"),
    )
    french = Page.objects.live().filter(locale=Locale.objects.get(language_code="fr"))
    results, degraded = search_pages(french, "comptable", language="fr")
    assert not degraded and [result.pk for result in results] == [page.pk]
    # Without a language (Wagtail's admin, the pages API), a word matches in any language.
    results, _degraded = search_pages(french, "comptable")
    assert [result.pk for result in results] == [page.pk]


def test_records_are_indexed_without_a_locale_query_per_record(people):
    for number in range(12):
        people(("fr", "nl", "en")[number % 3], f"Person {number}")
    records = list(Coworker.objects.all())
    assert len(records) == 12
    with CaptureQueriesContext(connection) as queries:
        database_backend().add_bulk(Coworker, records)
    locale_table = Locale._meta.db_table
    assert len([query for query in queries if locale_table in query["sql"]]) == 1
    assert found("nl", "person") == {f"Person {number}" for number in range(12)}


def test_update_index_reanalyses_rows_indexed_before_the_languages(people):
    """Rows written by the accent-folding configuration alone (before migration 0003) are
    rewritten with their locale's configuration by Wagtail's update_index."""
    person = people("fr", "Alex Martin", bio="Formations pour les comptables.")
    old_index = PostgresIndex(database_backend().with_config(FOLDED_CONFIG))
    old_index.add_items(Coworker, [person])
    assert found("fr", "comptable") == set()
    call_command("update_index", stdout=io.StringIO())
    assert found("fr", "comptable") == {"Alex Martin"}
