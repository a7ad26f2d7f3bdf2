"""An organisation editor, who may not publish, sends a translation to review from the
translation editor; the coordinator approves it; Dutch visitors see nothing before that."""

import json

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
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


def sync_url(source_page):
    return reverse(
        "wagtail_localize:update_translations", args=[translation_of(source_page, "nl").source_id]
    )


def test_syncing_publishes_nothing_for_an_editor_without_publish_rights(
    client, organisations, site_tree
):
    """wagtail-localize's "Publish immediately" is not offered to Louise, and a form that asks
    for it anyway is refused: the live Dutch event keeps its published text."""
    source, dutch = site_tree.page("event_upcoming", "fr"), site_tree.page("event_upcoming", "nl")
    live_revision = dutch.live_revision_id
    login(client, organisations, "louise")
    form = parse(client.get(sync_url(source)))
    assert form.select_one("input[name=publish_translations]") is None
    with translation.override("fr"):  # Louise reads French
        told = gettext(
            "The translations are updated as drafts: the coordination reviews and publishes them."
        )
    assert told in form.get_text(" ", strip=True)

    refused = client.post(sync_url(source), {"publish_translations": "on"})
    assert (refused.status_code, refused.url) == (302, reverse("wagtailadmin_home"))
    assert EventPage.objects.get(pk=dutch.pk).live_revision_id == live_revision

    assert client.post(sync_url(source), {}).status_code == 302  # as a draft: allowed
    assert EventPage.objects.get(pk=dutch.pk).live_revision_id == live_revision


def test_the_coordinator_may_publish_while_syncing(client, organisations, site_tree):
    source = site_tree.page("event_upcoming", "fr")
    login(client, organisations, "coralie")
    assert parse(client.get(sync_url(source))).select_one("input[name=publish_translations]")

    response = client.post(sync_url(source), {"publish_translations": "on"})
    assert (response.status_code, response.url) == (
        302,
        reverse("wagtailadmin_explore", args=[source.get_parent().pk]),
    )


def editor_links(client, page):
    editor = parse(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
    return json.loads(editor.select_one(".js-translation-editor")["data-props"])["links"]


def test_only_who_may_publish_converts_a_translation_to_an_alias(client, organisations, site_tree):
    """ "Convert to alias page" puts the French event live on the Dutch site at once: not
    offered to Louise, and refused when asked for; the coordinator is offered it."""
    dutch = site_tree.page("event_upcoming", "nl")
    convert = reverse("wagtail_localize:convert_to_alias", args=[dutch.pk])
    login(client, organisations, "louise")
    assert editor_links(client, dutch)["convertToAliasUrl"] is None
    for response in (client.get(convert), client.post(convert)):
        assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
    dutch = EventPage.objects.get(pk=dutch.pk)
    assert dutch.alias_of_id is None and dutch.title == site_tree.page("event_upcoming", "nl").title

    login(client, organisations, "coralie")
    assert editor_links(client, dutch)["convertToAliasUrl"] == convert


def test_a_stopped_translations_editor_offers_the_alias_only_to_publishers(
    client, organisations, site_tree
):
    """Once its translation is stopped, the Dutch page opens in Wagtail's editor, whose action
    menu has wagtail-localize's "Convert to alias page": for the coordinator, not for Louise."""
    dutch = site_tree.page("event_upcoming", "nl")
    stopped = translation_of(site_tree.page("event_upcoming", "fr"), "nl")
    stopped.enabled = False
    stopped.save(update_fields=["enabled"])
    edit = reverse("wagtailadmin_pages:edit", args=[dutch.pk])
    offered = "button[name=localize-convert-to-alias]"
    for name, shown in (("louise", False), ("coralie", True)):
        login(client, organisations, name)
        assert (parse(client.get(edit)).select_one(offered) is not None) is shown, name


def test_a_translation_sent_back_says_why_and_goes_back_to_review(
    client, organisations, dutch_draft
):
    """The coordinator asks for changes with a comment: Louise's translation editor says so,
    with the comment, and her resubmission resumes the same review."""
    source, dutch = dutch_draft
    client.post(submit_url(source))
    login(client, organisations, "coralie")
    workflow_action(client, dutch, "reject", comment="Graag de titel echt vertalen.")

    login(client, organisations, "louise")
    editor = parse(client.get(reverse("wagtailadmin_pages:edit", args=[dutch.pk])))
    note = editor.select_one(".translation-editor-review").get_text(" ", strip=True)
    with translation.override("fr"):
        assert gettext("Changes requested") in note
    assert "Graag de titel echt vertalen." in note
    [button] = editor.select(f"form[action='{submit_url(source)}'] button")

    response = client.post(submit_url(source), follow=True)
    assert response.status_code == 200
    states = WorkflowState.objects.filter(object_id=str(dutch.pk))
    assert [state.status for state in states] == ["in_progress"]
    assert current_task_state(EventPage.objects.get(pk=dutch.pk)).status == "in_progress"
