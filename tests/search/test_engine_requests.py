"""What a search costs a remote engine in round trips: one, whatever the facet filters (their
counts go in the same msearch); typo tolerance only when the words match nothing."""

from unittest import mock

import pytest

from cms.directory.search import DirectoryQuery, search
from search.clients import get_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_trips(engine):
    if engine == "database":
        pytest.skip("the database engine sends no request to a search engine")
    client = get_client()
    with (
        mock.patch.object(client, "search", wraps=client.search) as single,
        mock.patch.object(client, "msearch", wraps=client.msearch) as multi,
    ):
        yield lambda: single.call_count + multi.call_count


def names(results):
    return sorted(hit.record.name for hit in results.hits)


@pytest.mark.parametrize(
    "filters",
    [{}, {"country": ("BE",)}, {"country": ("BE", "FR"), "open_to": ("freelance",)}],
)
def test_a_search_is_one_round_trip_whatever_its_filters(engine, directory, round_trips, filters):
    results = search(DirectoryQuery(text="comptable", locale="fr", filters=filters))
    assert results.engine == engine and results.hits
    assert round_trips() == 1


def test_typo_tolerance_applies_the_filters(engine, directory, round_trips):
    def typo(country):
        return search(DirectoryQuery(text="Djnago", locale="nl", filters={"country": (country,)}))

    assert names(typo("FR")) == ["Julien Dubois"]
    assert typo("BE").total == 0


def test_words_found_only_outside_the_filters_are_not_retried_with_typos(
    engine, directory, round_trips
):
    """Julien knows Django but lives in France: filtered on Belgium, nobody is found, and no
    word like "Django" is looked for instead (the search, then one check of the words)."""
    results = search(DirectoryQuery(text="Django", locale="nl", filters={"country": ("BE",)}))
    assert results.total == 0 and results.hits == []
    assert round_trips() == 2
