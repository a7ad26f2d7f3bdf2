"""Issue 11's editor journey, in one scenario, in a real browser, for an organisation editor
working in the French admin (Mutualab) and one working in the Dutch admin (Co-nnexion):

1. the editor creates an event for their space (the organisation is fixed to theirs), cannot
   open another organisation's event, and submits it to the Coordination review;
2. the coordinator (Dutch admin) approves: the event is live under /fr/;
3. the editor translates it into Dutch with machine translation (a local server speaking
   LibreTranslate's API) and reviews the title by hand; an organisation editor cannot publish,
   so they submit it to the review from the translation editor and the coordinator approves
   it from the admin's home; before that, /nl/ shows only the French event, marked as French;
4. the editor edits the French source in the admin and the coordinator approves it: the
   dashboard, the page listing, the translation editor and the API show the Dutch version as
   outdated;
5. the editor updates the translation from its source: the hand-reviewed title survives, only
   the changed summary is left to translate.

axe finds no violation on the admin screens of ours met on the way (helpers.run_axe_on_main).
The accounts are the demo's (cms/demo/accounts.py), loaded by the e2e database fixture; the
texts on buttons differ per admin language, so buttons are found by name.
"""

import datetime

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, TranslationSource

from cms.demo.accounts import COORDINATOR, EDITORS
from cms.events.models import EventIndexPage, EventPage
from cms.spaces.models import SpacePage
from cms.translations.status import translation_status

from .helpers import (
    SERVER_LOCK,
    approve_in_editor,
    approve_on_dashboard,
    delete_pages_with_slug,
    demo_log_in,
    fill_new_event,
    fixed_organisation,
    format_violations,
    libretranslate_machine,
    machine_translate,
    open_refused,
    run_axe_on_main,
    submit_for_review,
    translate_into,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

OTHER_ORGANISATIONS_EVENT = "hold-up-creatif-esco"  # ESCO's
#: the summary field's label in the admin language (the dashboard names the changed fields)
SUMMARY_LABEL = {"fr": "Résumé", "nl": "Samenvatting"}
#: organisation (space key in cms/demo/accounts.py EDITORS) -> the event its editor writes
EVENTS = {
    "mutualab": {
        "title": "Atelier podcast pour indépendants",
        "slug": "atelier-podcast-independants",
        "summary": "Enregistrer son premier épisode : une matinée de pratique à Lille.",
        "new_summary": "Enregistrer et publier son premier épisode, à Lille.",
        "dutch_title": "Podcastworkshop voor zelfstandigen",
    },
    "co-nnexion": {
        "title": "Petit-déjeuner des coworkers de Mons",
        "slug": "petit-dejeuner-coworkers-mons",
        "summary": "Se rencontrer autour d'un café avant de commencer la journée.",
        "new_summary": "Se rencontrer autour d'un café et de croissants, à Mons.",
        "dutch_title": "Ontbijt van de coworkers in Mons",
    },
}


def assert_accessible(page, axe_source, where):
    page.wait_for_load_state("networkidle")
    violations = run_axe_on_main(page, axe_source)
    assert not violations, f"{where}:\n{format_violations(violations)}"


@pytest.fixture
def machine_translation():
    with libretranslate_machine() as service:
        yield service


@pytest.fixture
def journey_event(request):
    """The event the journey writes (by organisation); removed in every language afterwards."""
    event = EVENTS[request.param]
    yield request.param, event
    delete_pages_with_slug(EventPage, event["slug"])


@pytest.mark.parametrize(
    "journey_event, admin_language",
    [("mutualab", "fr"), ("co-nnexion", "nl")],
    indirect=["journey_event"],
    ids=["french-admin", "dutch-admin"],
)
def test_editor_journey(new_page, axe_source, machine_translation, journey_event, admin_language):
    organisation, event_text = journey_event
    username = EDITORS[organisation][0]
    assert EDITORS[organisation][3] == admin_language
    with SERVER_LOCK:
        nl = Locale.objects.get(language_code="nl")
        agenda = EventIndexPage.objects.get(locale__language_code="fr")
        space = SpacePage.objects.get(slug=organisation, locale__language_code="fr")
        other_event = EventPage.objects.get(
            slug=OTHER_ORGANISATIONS_EVENT, locale__language_code="fr"
        )

    # 1. The editor writes an event for their space and submits it.
    editor = new_page(locale="fr-BE" if admin_language == "fr" else "nl-BE")
    demo_log_in(editor, username)
    assert editor.get_attribute("html", "lang") == admin_language

    assert open_refused(editor, f"/admin/pages/{other_event.pk}/edit/")
    editor.goto(f"/admin/pages/{agenda.pk}/")
    expect(editor.locator("main")).not_to_contain_text(other_event.title)

    start = datetime.datetime.now().replace(hour=9, minute=30, second=0, microsecond=0)
    fill_new_event(editor, agenda.pk, event_text, start + datetime.timedelta(days=2))
    assert fixed_organisation(editor) == space.title
    assert_accessible(editor, axe_source, "new event form")
    assert editor.locator("footer button[name=action-publish]").count() == 0
    submit_for_review(editor)
    with SERVER_LOCK:
        event = EventPage.objects.get(slug=event_text["slug"], locale__language_code="fr")
        assert not event.live
        assert event.organisation.translation_key == space.translation_key
        assert event.current_workflow_task.name == "Coordination review"

    # 2. The coordinator approves: the event is live under /fr/.
    coordinator = new_page(locale="nl-BE")
    demo_log_in(coordinator, COORDINATOR[0])
    assert coordinator.get_attribute("html", "lang") == COORDINATOR[3]
    coordinator.goto(f"/admin/pages/{event.pk}/edit/")
    assert_accessible(coordinator, axe_source, "event under review (coordinator)")
    approve_in_editor(coordinator)
    with SERVER_LOCK:
        event.refresh_from_db()
    assert event.live and event.url.startswith("/fr/")
    visitor = new_page(locale="nl-BE")
    assert visitor.goto(event.url).status == 200
    expect(visitor.locator("h1").first).to_have_text(event_text["title"])

    # 3. The editor translates it into Dutch: machine translation, the title reviewed by hand.
    translate_into(editor, event.pk, nl.pk)
    with SERVER_LOCK:
        dutch = EventPage.objects.get(locale=nl, translation_key=event.translation_key)
    assert not dutch.live
    machine_translate(editor)
    assert machine_translation.requests, "LibreTranslate was not asked"
    title_segment = editor.locator(".js-translation-editor li.complete").filter(
        has=editor.get_by_text(event_text["title"], exact=True)
    )
    expect(title_segment).to_contain_text(f"[NL] {event_text['title']}")
    title_segment.locator("button").click()
    with editor.expect_response(lambda response: response.request.method == "PUT") as saved:
        title_segment.locator("textarea").fill(event_text["dutch_title"])
        title_segment.locator("textarea").press("Enter")
    assert saved.value.ok
    expect(title_segment).to_contain_text(event_text["dutch_title"])
    # An organisation editor cannot publish: they submit the translation to the review.
    expect(editor.locator("footer button[name=action][value=publish]")).to_have_count(0)
    with editor.expect_navigation():
        editor.click(".translation-editor-review button[type=submit]")
    expect(editor.locator(".translation-editor-review form")).to_have_count(0)

    with SERVER_LOCK:
        dutch.refresh_from_db()
    assert not dutch.live
    assert visitor.goto(dutch.url).status == 404
    assert visitor.goto("/nl/agenda/").status == 200
    expect(visitor.locator("main")).not_to_contain_text(event_text["dutch_title"])
    # The agenda falls back to the French event, said to be French: never passed off as Dutch.
    card = visitor.locator("article.card--event", has_text=event_text["title"])
    expect(card.locator(".card__title")).to_have_attribute("lang", "fr")
    expect(card.locator(".card__language")).to_have_text("In een andere taal")

    approve_on_dashboard(coordinator, event_text["dutch_title"])
    with SERVER_LOCK:
        dutch.refresh_from_db()
    assert dutch.live and dutch.title == event_text["dutch_title"]
    # A new visitor: the first one's browser keeps the agenda for its max-age (60 s).
    visitor = new_page(locale="nl-BE")
    assert visitor.goto(dutch.url).status == 200
    expect(visitor.locator("h1").first).to_have_text(event_text["dutch_title"])
    visitor.goto("/nl/agenda/")
    expect(visitor.locator("main")).to_contain_text(event_text["dutch_title"])

    # 4. The editor changes the French summary in the admin; the coordinator approves it: the
    # Dutch version is outdated everywhere.
    editor.goto(f"/admin/pages/{event.pk}/edit/")
    editor.fill("#id_summary", event_text["new_summary"])
    submit_for_review(editor)
    coordinator.goto(f"/admin/pages/{event.pk}/edit/")
    approve_in_editor(coordinator)
    with SERVER_LOCK:
        source = EventPage.objects.get(pk=event.pk)
    assert source.live and source.summary == event_text["new_summary"]

    editor.goto("/admin/translations/dashboard/?type=events.eventpage&language=nl&state=outdated")
    row = editor.locator("table.translation-items tr", has_text=event_text["title"])
    expect(row.locator("[data-translation-state]")).to_have_attribute(
        "data-translation-state", "outdated"
    )
    expect(row).to_contain_text(SUMMARY_LABEL[admin_language])
    assert_accessible(editor, axe_source, "translation dashboard")

    editor.goto(f"/admin/pages/{dutch.get_parent().pk}/")
    listed = editor.locator("tr", has_text=event_text["dutch_title"])
    expect(listed.locator("[data-translation-state]")).to_have_attribute(
        "data-translation-state", "outdated"
    )
    assert_accessible(editor, axe_source, "page listing of the Dutch agenda")

    api = visitor.request.get(f"/api/v2/pages/{dutch.pk}/")
    assert api.ok
    api_meta = api.json()["meta"]

    # 5. The editor updates the translation from its source ("Update from source").
    editor.goto(f"/admin/pages/{dutch.pk}/edit/")
    status = editor.locator(".translation-editor-status")
    expect(status.locator("[data-translation-state]")).to_have_attribute(
        "data-translation-state", "outdated"
    )
    with editor.expect_navigation():
        status.locator("a[href*='/update/']").click()
    with editor.expect_navigation():
        editor.click("main form [type=submit]")
    with SERVER_LOCK:
        updated = translation_status(EventPage.objects.get(pk=dutch.pk))
        source_record = TranslationSource.objects.get(object_id=event.translation_key)
        title = StringTranslation.objects.get(
            translation_of__segments__source=source_record,
            translation_of__segments__context__path="title",
            locale=nl,
        )
    assert title.data == event_text["dutch_title"]
    assert title.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL
    assert updated.changed_segments == ()
    assert updated.untranslated_segments == ("summary",)
    editor.goto(f"/admin/pages/{dutch.pk}/edit/")
    segments = editor.locator(".js-translation-editor")
    expect(
        segments.locator("li.complete").filter(has_text=event_text["dutch_title"])
    ).to_have_count(1)
    expect(
        segments.locator("li.incomplete").filter(has_text=event_text["new_summary"])
    ).to_have_count(1)

    # The API's own view of the same moment (step 4).
    assert api_meta["translation"]["state"] == "outdated"
    assert api_meta["translation"]["outdated"] is True
