"""The directory's filter values are kept per process and follow the change feed: a new skill
is offered at once in the process that saved it, and within a second in the others."""

import pytest
from django.test import override_settings
from wagtail.models import Locale

from cms.api import response_cache
from cms.api.models import ContentChange
from cms.directory.models import Skill
from cms.directory.vocabulary import Vocabulary

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(response_cache.time, "monotonic", lambda: now[0])
    response_cache.forget_version()
    yield now
    response_cache.forget_version()


@override_settings(DIRECTORY_VOCABULARY_CACHE=True)
def test_kept_until_the_content_changes(directory, clock, django_assert_max_num_queries):
    first = Vocabulary.current("fr")
    with django_assert_max_num_queries(0):
        assert Vocabulary.current("fr") is first
    assert Vocabulary.current("nl") is not first

    Skill.objects.create(
        label="Soudure à l'arc", slug="soudure-arc", locale=Locale.objects.get(language_code="fr")
    )
    assert Vocabulary.current("fr").resolve("skill", "soudure-arc") is not None


@override_settings(DIRECTORY_VOCABULARY_CACHE=True)
def test_another_worker_s_change_shows_within_a_second(directory, clock):
    before = Vocabulary.current("fr")
    fr = Locale.objects.get(language_code="fr")
    # Another process: its rows arrive without this process's signals.
    Skill.objects.bulk_create([Skill(label="Forge", slug="forge", locale=fr)])
    ContentChange.objects.bulk_create(
        [
            ContentChange(
                action="updated", kind="skill", object_type="directory.Skill", object_id="0"
            )
        ]
    )
    clock[0] += 0.5
    assert Vocabulary.current("fr") is before
    clock[0] += 1.0
    assert Vocabulary.current("fr").resolve("skill", "forge") is not None


def test_off_in_this_test_settings_so_rolled_back_ids_cannot_mislead(directory):
    assert Vocabulary.current("fr") is not Vocabulary.current("fr")
