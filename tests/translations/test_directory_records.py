"""Directory records follow the same lifecycle as pages: translating a coworker in the admin
makes a draft; once published, editing the French record makes the Dutch one outdated, with
the changed field named, on the dashboard too."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from wagtail_localize.models import Translation

from cms.directory.models import Coworker
from cms.translations.status import DRAFT, OUTDATED, UP_TO_DATE, translation_status

from .conftest import edit_segments, locale

pytestmark = pytest.mark.django_db


@pytest.fixture
def coworker(db):
    person = Coworker(
        locale=locale("fr"),
        name="Léa Vasseur",
        headline="Comptable pour indépendants",
        bio="Elle tient les comptes des coworkers de Tournai.",
        email="lea@example.org",
        consent_given_at=timezone.now(),
        live=False,
    )
    person.save()
    person.save_revision().publish()
    person.refresh_from_db()
    return person


@pytest.fixture
def directory_editor_client(editor_client, editor):
    editor.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="directory",
            codename__in=["add_coworker", "change_coworker", "publish_coworker"],
        )
    )
    return editor_client


def test_coworker_translation_lifecycle(
    directory_editor_client, coworker, django_capture_on_commit_callbacks
):
    client = directory_editor_client
    response = client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["directory", "coworker", coworker.pk],
        ),
        {"locales": [locale("nl").pk]},
    )
    assert response.status_code == 302
    dutch = coworker.get_translation(locale("nl"))
    assert not dutch.live
    assert translation_status(dutch).state == DRAFT

    translation = Translation.objects.get(
        source__object_id=coworker.translation_key, target_locale=locale("nl")
    )
    edit_segments(
        client,
        translation,
        {
            "headline": "Boekhouder voor zelfstandigen",
            "bio": "Zij houdt de boeken bij van de coworkers in Doornik.",
        },
    )
    edit_url = reverse("wagtailsnippets_directory_coworker:edit", args=[dutch.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(edit_url, {"action": "publish"}).status_code == 302
    dutch.refresh_from_db()
    assert dutch.live and dutch.headline == "Boekhouder voor zelfstandigen"
    assert translation_status(dutch).state == UP_TO_DATE

    coworker.bio = "Elle tient les comptes des coworkers de Tournai et de Mons."
    coworker.save_revision().publish()

    status = translation_status(dutch)
    assert status.state == OUTDATED
    assert status.changed_segments == ("bio",)
    dashboard = client.get(reverse("translations_dashboard"), {"state": OUTDATED})
    assert "Léa Vasseur" in dashboard.content.decode()
