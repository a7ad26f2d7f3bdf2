"""Review before publishing: an organisation editor creates and submits, a coordinator approves
or rejects with a comment, and each person is told by e-mail in their own admin language."""

import datetime
import re

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.events.models import EventPage

from .conftest import login

pytestmark = pytest.mark.django_db
BASE_URL = "http://coffee.example:8000"


def event_form(title, slug, organisation, action="action-submit"):
    start = timezone.localtime() + datetime.timedelta(days=20)
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "organisation": organisation.pk,
            "start": start.strftime("%Y-%m-%d %H:%M"),
            "end": (start + datetime.timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
            "summary": "Un atelier pour apprendre à filmer son activité.",
            "body": streamfield([]),
            "event_language": "fr",
            "comments": inline_formset([]),
            action: "1",
        }
    )


def create_event(client, site_tree, organisation, slug="atelier-video"):
    agenda = site_tree.page("agenda", "fr")
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", agenda.pk])
    response = client.post(url, event_form("Atelier vidéo", slug, organisation))
    assert response.status_code == 302, response.content.decode()[:3000]
    return EventPage.objects.get(slug=slug)


def current_task_state(page) -> TaskState:
    state = WorkflowState.objects.get(
        base_content_type=page.get_base_content_type(),
        object_id=str(page.pk),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    return state.current_task_state


def workflow_action(client, page, action, comment=""):
    task_state = current_task_state(page)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment} if comment else {})


def test_new_event_belongs_to_the_editors_organisation_whatever_the_form_says(
    client, organisations, site_tree
):
    login(client, organisations, "louise")
    page = create_event(client, site_tree, organisations.spaces["phare"])
    assert page.organisation.translation_key == organisations.spaces["ruche"].translation_key
    assert not page.live


def test_submit_then_coordinator_approves_and_the_event_is_live(
    client, organisations, site_tree, smtp_server
):
    login(client, organisations, "louise")
    page = create_event(client, site_tree, organisations.spaces["ruche"])
    assert current_task_state(page).task.name == "Coordination review"
    # The coordinator is told, in Dutch (her admin language).
    [to_coordinator] = smtp_server.to("test-coralie@example.org")
    assert "Atelier vidéo" in to_coordinator["Subject"]
    assert "ingediend" in to_coordinator["Subject"]

    login(client, organisations, "coralie")
    response = workflow_action(client, page, "approve")
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert client.get("/fr/agenda/atelier-video/").status_code == 200


@override_settings(WAGTAILADMIN_BASE_URL=BASE_URL)
def test_reject_with_comment_tells_the_editor_in_french_with_a_link(
    client, organisations, site_tree, smtp_server
):
    login(client, organisations, "louise")
    page = create_event(client, site_tree, organisations.spaces["ruche"], slug="atelier-refuse")

    login(client, organisations, "coralie")
    workflow_action(client, page, "reject", comment="Ajoutez le lieu, s'il vous plaît.")
    page.refresh_from_db()
    assert not page.live

    [to_editor] = smtp_server.to("test-louise@example.org")
    body = smtp_server.text(to_editor)
    assert "Atelier vidéo" in to_editor["Subject"]
    assert "rejeté" in to_editor["Subject"]
    assert "Ajoutez le lieu" in body
    links = re.findall(r"https?://[^\s\"<>]+", body)
    assert f"{BASE_URL}/admin/pages/{page.pk}/edit/" in links


def test_organisation_editor_cannot_publish_directly(client, organisations, site_tree):
    login(client, organisations, "louise")
    agenda = site_tree.page("agenda", "fr")
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", agenda.pk])
    client.post(
        url,
        event_form(
            "Publié trop tôt", "publie-trop-tot", organisations.spaces["ruche"], "action-publish"
        ),
    )
    page = Page.objects.filter(slug="publie-trop-tot").first()
    assert page is None or not page.live
