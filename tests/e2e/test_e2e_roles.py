"""Review before publishing, in a real browser: the Mutualab editor (French admin) writes an
event for Mutualab, cannot open another organisation's event, and submits it; the coordinator
(Dutch admin) approves it; the event is then live under /fr/.

The accounts are the demo's (cms/demo/accounts.py), loaded with the demo content by the e2e
database fixture; the texts on buttons differ per admin language, so buttons are found by name.
"""

import datetime

import pytest
from wagtail.models import Page

from cms.demo.accounts import demo_editor_password
from cms.events.models import EventIndexPage, EventPage
from cms.spaces.models import SpacePage

from .helpers import (
    SERVER_LOCK,
    admin_log_in,
    approve_in_editor,
    fill_new_event,
    run_axe,
    submit_for_review,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

EVENT = {
    "title": "Atelier vidéo pour indépendants",
    "slug": "atelier-video-independants",
    "summary": "Filmer son activité avec un téléphone : une matinée de pratique à Lille.",
}


def log_in(page, username):
    admin_log_in(page, username, demo_editor_password())


def assert_no_axe_violations(page, axe_source, where):
    violations = run_axe(page, axe_source)
    assert violations == [], f"{where}: {violations}"


@pytest.fixture
def cleanup():
    yield
    with SERVER_LOCK:
        keys = EventPage.objects.filter(slug=EVENT["slug"]).values_list(
            "translation_key", flat=True
        )
        for page in Page.objects.filter(translation_key__in=list(keys)).order_by("-depth"):
            page.delete()


def test_mutualab_editor_submits_and_the_coordinator_approves(new_page, axe_source, cleanup):
    with SERVER_LOCK:
        agenda = EventIndexPage.objects.get(locale__language_code="fr")
        mutualab = SpacePage.objects.get(slug="mutualab", locale__language_code="fr")
        esco_event = EventPage.objects.get(slug="hold-up-creatif-esco", locale__language_code="fr")

    editor = new_page(locale="fr-FR")
    log_in(editor, "editor-mutualab")
    assert editor.get_attribute("html", "lang") == "fr"

    # Another organisation's event: refused (back to the dashboard), its form never shown.
    editor.goto(f"/admin/pages/{esco_event.pk}/edit/")
    editor.wait_for_url("**/admin/")
    assert editor.locator("#id_title").count() == 0
    # Nor is it listed in the agenda's explorer.
    editor.goto(f"/admin/pages/{agenda.pk}/")
    assert esco_event.title not in editor.locator("main").inner_text()

    # A new event: the organisation is Mutualab, and cannot be changed.
    start = datetime.datetime.now().replace(hour=9, minute=30, second=0, microsecond=0)
    fill_new_event(editor, agenda.pk, EVENT, start + datetime.timedelta(days=21))
    organisation = editor.locator("#id_organisation")
    assert organisation.is_disabled()
    assert organisation.locator("option:checked").inner_text().strip() == mutualab.title
    assert_no_axe_violations(editor, axe_source, "new event form (organisation editor)")
    # An organisation editor has no "Publish": "Submit to Coordination review" instead.
    assert editor.locator("footer button[name=action-publish]").count() == 0
    submit_for_review(editor)

    with SERVER_LOCK:
        event = EventPage.objects.get(slug=EVENT["slug"], locale__language_code="fr")
        assert not event.live
        assert event.organisation.translation_key == mutualab.translation_key
        assert event.current_workflow_task.name == "Coordination review"

    # The coordinator, in Dutch, approves from the page's editor.
    coordinator = new_page(locale="nl-BE")
    log_in(coordinator, "coordinator")
    assert coordinator.get_attribute("html", "lang") == "nl"
    coordinator.goto(f"/admin/pages/{event.pk}/edit/")
    assert_no_axe_violations(coordinator, axe_source, "event under review (coordinator)")
    approve_in_editor(coordinator)

    with SERVER_LOCK:
        event.refresh_from_db()
    assert event.live
    visitor = new_page(locale="fr-BE")
    response = visitor.goto(event.url)
    assert event.url.startswith("/fr/")
    assert response.status == 200
    assert visitor.locator("h1").first.inner_text().strip() == EVENT["title"]
