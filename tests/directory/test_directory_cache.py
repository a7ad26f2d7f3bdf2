"""The directory's filter values and search answers are kept until the content changes: a new
skill is offered at once in the process that saved it and within a second in the others; a
record expiring without a save leaves the kept answers on time."""

import time
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale

from cms.api.models import ContentChange
from cms.core import content_version
from cms.directory.models import Coworker, Skill
from cms.directory.search import DirectoryQuery, search
from cms.directory.vocabulary import Vocabulary

from .conftest import PUBLIC_PEOPLE

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(content_version.time, "monotonic", lambda: now[0])
    content_version.forget_version()
    caches["directory"].clear()
    with override_settings(DIRECTORY_CACHE="directory"):
        yield now
    content_version.forget_version()


def another_worker_changed_something():
    """Rows written by another process: none of this process's signals run."""
    ContentChange.objects.bulk_create(
        [
            ContentChange(
                action="updated", kind="skill", object_type="directory.Skill", object_id="0"
            )
        ]
    )


def test_vocabulary_kept_until_the_content_changes(directory, clock, django_assert_num_queries):
    first = Vocabulary.current("fr")
    with django_assert_num_queries(0):
        again = Vocabulary.current("fr")
    assert again.options("skill") == first.options("skill")
    assert Vocabulary.current("nl").language == "nl"

    Skill.objects.create(
        label="Soudure à l'arc", slug="soudure-arc", locale=Locale.objects.get(language_code="fr")
    )
    assert Vocabulary.current("fr").resolve("skill", "soudure-arc") is not None


def test_another_worker_s_change_shows_within_a_second(directory, clock):
    Vocabulary.current("fr")
    fr = Locale.objects.get(language_code="fr")
    Skill.objects.bulk_create([Skill(label="Forge", slug="forge", locale=fr)])
    another_worker_changed_something()
    clock[0] += 0.5
    assert Vocabulary.current("fr").resolve("skill", "forge") is None
    clock[0] += 1.0
    assert Vocabulary.current("fr").resolve("skill", "forge") is not None


def test_search_answers_kept_until_the_content_changes(directory, clock, django_assert_num_queries):
    """A repeated search costs the records only (and the keys of their skills and spaces):
    the total and the facet counts are kept. Another worker's change retires them."""
    query = DirectoryQuery(locale="nl", page_size=100)
    first = search(query)
    assert first.total == len(PUBLIC_PEOPLE)
    with django_assert_num_queries(2):
        again = search(query)
    assert [hit.pk for hit in again.hits] == [hit.pk for hit in first.hits]
    assert again.facets["space"].as_dict() == first.facets["space"].as_dict()

    emma = directory.people["emma"]
    Coworker.objects.filter(translation_key=emma.translation_key).update(live=False)
    another_worker_changed_something()
    clock[0] += 2
    assert search(query).total == len(PUBLIC_PEOPLE) - 1


def test_a_kept_answer_ends_when_a_record_expires(directory, clock):
    """Emma's record expires in two seconds; nobody saves anything, the change feed stays as
    it is. The answer kept before is not served after that instant."""
    emma = directory.people["emma"]
    soon = timezone.now() + timedelta(seconds=2)
    Coworker.objects.filter(translation_key=emma.translation_key).update(expire_at=soon)
    query = DirectoryQuery(locale="fr", page_size=100)
    assert search(query).total == len(PUBLIC_PEOPLE)
    time.sleep(2.1)
    later = search(query)
    assert later.total == len(PUBLIC_PEOPLE) - 1
    assert emma.name not in {str(hit.record) for hit in later.hits}


def test_a_record_expiring_between_two_identical_searches_leaves_the_second(directory):
    """Without the cache (the test settings), each search reads the clock again."""
    query = DirectoryQuery(locale="nl", filters={"language": ("fr", "nl", "en")})
    camille = directory.people["camille"]
    first = search(query)
    assert camille.translation_key in {hit.record.translation_key for hit in first.hits}
    Coworker.objects.filter(translation_key=camille.translation_key).update(
        expire_at=timezone.now()
    )
    second = search(query)
    assert camille.translation_key not in {hit.record.translation_key for hit in second.hits}
    assert second.total == first.total - 1
    assert sum(value.count for value in second.facets["language"].values) < sum(
        value.count for value in first.facets["language"].values
    )


def test_off_in_this_test_settings_so_rolled_back_ids_cannot_mislead(directory):
    assert Vocabulary.current("fr") is not Vocabulary.current("fr")
