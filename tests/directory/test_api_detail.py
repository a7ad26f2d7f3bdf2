"""A record's detail in the partner API, as pages give theirs: with ?locale=, the version a
reader of that language sees (its translation, else the record as first written); without,
the record asked for, its address and labels in its own language."""

import pytest

from cms.directory.models import Coworker

pytestmark = pytest.mark.django_db


def detail(client, record, query=""):
    response = client.get(f"/api/v2/directory/coworkers/{record.pk}/{query}")
    assert response.status_code == 200, response.content
    return response.json()


def test_a_locale_gives_the_translation(client, directory):
    camille = directory.people["camille"]
    dutch = Coworker.objects.get(
        translation_key=camille.translation_key, locale__language_code="nl"
    )

    data = detail(client, camille, "?locale=nl")

    assert (data["id"], data["language"]) == (dutch.pk, "nl")
    assert data["headline"] == "Zelfstandige boekhouder in Doornik"
    assert data["html_url"].endswith(f"/nl/directory/coworkers/{camille.slug}/")


def test_a_locale_without_a_translation_gives_the_record_as_written(client, directory):
    pieter = directory.people["pieter"]  # written in Dutch only

    data = detail(client, pieter, "?locale=en")

    assert (data["id"], data["language"]) == (pieter.pk, "nl")
    assert data["html_url"].endswith(f"/en/directory/coworkers/{pieter.slug}/")


def test_without_a_locale_the_record_speaks_its_own_language(client, directory):
    camille = directory.people["camille"]
    dutch = Coworker.objects.get(
        translation_key=camille.translation_key, locale__language_code="nl"
    )

    data = detail(client, dutch)

    assert (data["id"], data["language"]) == (dutch.pk, "nl")
    assert data["html_url"].endswith(f"/nl/directory/coworkers/{camille.slug}/")
    assert (
        data["skills"][0]["label"]
        == directory.skills["comptabilite"].get_translation(dutch.locale).label
    )
