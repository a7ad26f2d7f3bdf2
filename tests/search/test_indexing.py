"""Keeping the engine in step: publishing, unpublishing, editing, deleting and vocabulary
changes reach the engine after the commit; when the engine is down the site answers from the
database (and says so), saves neither fail nor hang, and the missed edits are sent once the
engine is back; a rebuild swaps the alias to a fresh index."""

import time

import pytest
from django.core.management import call_command
from django.test import override_settings

from cms.directory.models import Skill
from cms.directory.search import DirectoryQuery, search
from search.clients import get_client, index_alias, index_base
from search.models import PendingIndexUpdate
from tests.conftest import LANGUAGES
from tests.directory.conftest import ACCOUNTANTS, ACCOUNTING

from .conftest import CLOSED_PORT_URL, ENGINES, engine_settings, rebuild, require_engine

pytestmark = pytest.mark.django_db

REMOTE = [param for param in ENGINES if param.values[0] != "database"]


@pytest.fixture(scope="module", params=REMOTE)
def remote(request, directory):
    require_engine(request.param)
    with engine_settings(request.param):
        yield request.param


@pytest.fixture
def fresh_index(remote, directory):
    """Every test starts from indexes built from the scenario (earlier edits rolled back)."""
    rebuild()
    return remote


def refresh():
    from cms.directory.kinds import KINDS

    client = get_client()
    for kind in KINDS:
        for lang in LANGUAGES:
            client.refresh(index_alias(kind, lang))


def names(text="", lang="fr", kind="coworkers"):
    results = search(DirectoryQuery(kind=kind, text=text, locale=lang, page_size=100))
    assert not results.degraded
    return sorted(str(hit.record) for hit in results.hits)


def fresh(directory, role):
    """A copy of the scenario's record: tests change it, the module fixture must not see it."""
    record = directory.people[role]
    return type(record).objects.get(pk=record.pk)


def people(directory, roles):
    return sorted(directory.people[role].name for role in roles)


def test_unpublish_publish_and_delete_reach_the_engine(
    fresh_index, directory, django_capture_on_commit_callbacks
):
    pieter = fresh(directory, "pieter")
    with django_capture_on_commit_callbacks(execute=True):
        pieter.unpublish()
    refresh()
    for lang in LANGUAGES:
        assert "Pieter Vandenberghe" not in names("boekhouder", lang)
        skills = search(DirectoryQuery(locale=lang)).facets["skill"]
        counts = {value.value: value.count for value in skills.values}
        assert counts[ACCOUNTING[lang]] == len(ACCOUNTANTS) - 1
    with django_capture_on_commit_callbacks(execute=True):
        pieter.refresh_from_db()
        pieter.save_revision().publish()
    refresh()
    assert names("boekhouder") == people(directory, ACCOUNTANTS)
    with django_capture_on_commit_callbacks(execute=True):
        fresh(directory, "julien").delete()
    refresh()
    assert names("Django") == []


def test_an_edit_is_searchable_after_the_commit(
    fresh_index, directory, django_capture_on_commit_callbacks
):
    julien = fresh(directory, "julien")
    julien.headline = "Développeur web et luthier"
    with django_capture_on_commit_callbacks(execute=True):
        julien.save_revision().publish()
    refresh()
    assert names("luthier") == ["Julien Dubois"]


def test_a_new_synonym_reindexes_the_records_of_the_skill(
    fresh_index, directory, django_capture_on_commit_callbacks
):
    dutch = Skill.objects.get(slug="boekhouding", locale__language_code="nl")
    dutch.synonyms += ", cijferaar"
    with django_capture_on_commit_callbacks(execute=True):
        dutch.save()
    refresh()
    assert names("cijferaar", "en") == people(directory, ACCOUNTANTS)


def test_withdrawn_consent_hides_the_persons_project_ideas(
    fresh_index, directory, django_capture_on_commit_callbacks
):
    assert names(kind="projects") == ["Guide bilingue guide"]
    camille = fresh(directory, "camille")
    camille.consent_withdrawn_at = camille.consent_given_at.replace(year=2027)
    with django_capture_on_commit_callbacks(execute=True):
        camille.save()
    refresh()
    assert names(kind="projects") == []
    assert "Camille Lambert" not in names()


def test_engine_down_answers_from_the_database_and_says_so(directory, client):
    """No engine needed: a configured engine that does not answer is the same as one down."""
    with override_settings(
        SEARCH_ENGINE="opensearch", SEARCH_URL=CLOSED_PORT_URL, SEARCH_INDEX_PREFIX="down-"
    ):
        started = time.perf_counter()
        results = search(DirectoryQuery(text="comptable", locale="nl"))
        assert time.perf_counter() - started < 5
        assert results.engine == "database" and results.degraded
        assert sorted(hit.record.name for hit in results.hits) == people(directory, ACCOUNTANTS)
        response = client.get("/api/v2/directory/coworkers/?locale=nl&q=comptable")
        assert response.status_code == 200
        assert response.json()["meta"]["total_count"] == len(ACCOUNTANTS)


def test_saves_while_the_engine_is_down_are_kept_and_sent_later(
    fresh_index, directory, django_capture_on_commit_callbacks
):
    julien = fresh(directory, "julien")
    julien.headline = "Développeur web et ébéniste"
    with override_settings(SEARCH_URL=CLOSED_PORT_URL):
        started = time.perf_counter()
        with django_capture_on_commit_callbacks(execute=True):
            julien.save_revision().publish()  # must neither fail nor hang
        assert time.perf_counter() - started < 5
        assert PendingIndexUpdate.objects.filter(translation_key=julien.translation_key).exists()
        results = search(DirectoryQuery(text="ébéniste", locale="fr"))
        assert results.degraded and [hit.pk for hit in results.hits] == [julien.pk]
    # The engine is back: the next successful update sends what was kept…
    emma = fresh(directory, "emma")
    emma.bio = "Moved from Hamburg to Lille, loves sailing."
    with django_capture_on_commit_callbacks(execute=True):
        emma.save_revision().publish()
    refresh()
    assert not PendingIndexUpdate.objects.exists()
    assert names("ebeniste") == ["Julien Dubois"]
    assert names("sailing", "en") == ["Emma Schmidt"]


def test_retry_command_sends_pending_updates(
    fresh_index, directory, django_capture_on_commit_callbacks
):
    julien = fresh(directory, "julien")
    julien.headline = "Développeur web et apiculteur"
    with (
        override_settings(SEARCH_URL=CLOSED_PORT_URL),
        django_capture_on_commit_callbacks(execute=True),
    ):
        julien.save_revision().publish()
    assert PendingIndexUpdate.objects.count() == 1
    call_command("search_retry_pending")
    refresh()
    assert not PendingIndexUpdate.objects.exists()
    assert names("apiculteur") == ["Julien Dubois"]


def test_rebuild_swaps_the_alias_to_a_new_index(fresh_index, directory):
    client = get_client()
    alias = index_alias("coworkers", "nl")
    before = client.indices_of_alias(alias)
    assert len(before) == 1
    call_command("rebuild_search_index", "--no-progress", "--kind", "coworkers")
    after = client.indices_of_alias(alias)
    assert len(after) == 1 and after != before
    kind_indices = client.indices_matching(f"{index_base('coworkers')}-*")
    assert before[0] not in kind_indices  # old index deleted
    assert kind_indices == after  # one index for every locale
    assert client.indices_of_alias(index_alias("coworkers", "fr")) == after
    assert names("boekhouder", "nl") == people(directory, ACCOUNTANTS)
