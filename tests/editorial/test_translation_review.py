"""An organisation editor, who may not publish, sends a translation to review from the
translation editor; the coordinator approves it; Dutch visitors see nothing before that."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from cms.events.models import EventPage
from tests.conftest import parse
from tests.translations.conftest import edit_segments, translate_in_admin, translation_of

from .conftest import login
from .test_workflow import create_event, current_task_state, workflow_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def dutch_draft(client, organisations, site_tree):
    """Louise's event, approved in French, translated into Dutch (a draft, not published)."""
    login(client, organisations, "louise")
    source = create_event(client, site_tree, organisations.spaces["ruche"], slug="atelier-video")
    login(client, organisations, "coralie")
    workflow_action(client, source, "approve")
    login(client, organisations, "louise")
    dutch = translate_in_admin(client, source, codes=["nl"])["nl"]
    assert not dutch.live
    edit_segments(client, translation_of(source, "nl"), {"title": "Videoworkshop"})
    return source, dutch


def submit_url(source):
    return reverse("translations_submit_for_review", args=[translation_of(source, "nl").pk])


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_an_editor_without_publish_rights_submits_a_translation_for_review(
    client, organisations, dutch_draft
):
    source, dutch = dutch_draft
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[dutch.pk]))
    assert editor.status_code == 200
    [button] = parse(editor).select(f"form[action='{submit_url(source)}'] button")
    assert button.get_text(strip=True).startswith("Soumettre à ")  # Louise reads French

    response = client.post(submit_url(source), follow=True)
    assert response.status_code == 200
    assert "La page «\xa0Videoworkshop\xa0» a été soumise pour modération." in messages_of(response)
    dutch.refresh_from_db()
    assert current_task_state(dutch).task.name == "Coordination review"
    assert not dutch.live
    assert client.get("/nl/agenda/").status_code == 200
    assert "Videoworkshop" not in client.get("/nl/agenda/").text

    # Back in the editor, the button gives way to a note; a second submission changes nothing.
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[dutch.pk]))
    assert submit_url(source) not in editor.text
    client.post(submit_url(source))
    assert WorkflowState.objects.filter(object_id=str(dutch.pk), status="in_progress").count() == 1

    login(client, organisations, "coralie")
    workflow_action(client, dutch, "approve")
    dutch = EventPage.objects.get(pk=dutch.pk)
    assert dutch.live and dutch.title == "Videoworkshop"
    assert "Videoworkshop" in client.get(dutch.url).text


def test_a_live_translation_stays_as_published_until_the_review_approves(
    client, organisations, site_tree
):
    source = site_tree.page("event_upcoming", "fr")
    dutch = site_tree.page("event_upcoming", "nl")
    published_title = dutch.title
    login(client, organisations, "louise")
    edit_segments(client, translation_of(source, "nl"), {"title": "Ontbijt van de coworkers"})
    client.post(submit_url(source))
    assert EventPage.objects.get(pk=dutch.pk).title == published_title
    assert published_title in client.get(dutch.url).text

    login(client, organisations, "coralie")
    workflow_action(client, dutch, "approve")
    assert EventPage.objects.get(pk=dutch.pk).title == "Ontbijt van de coworkers"


def test_another_organisations_editor_cannot_submit_it(client, organisations, dutch_draft):
    source, dutch = dutch_draft
    login(client, organisations, "pieter")
    refused = client.post(submit_url(source))  # Wagtail's "permission denied": back home
    assert (refused.status_code, refused.url) == (302, reverse("wagtailadmin_home"))
    assert not WorkflowState.objects.filter(object_id=str(dutch.pk)).exists()
    assert client.get(submit_url(source)).status_code == 405
