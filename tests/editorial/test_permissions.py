"""An organisation editor writes their organisation's pages and records, and cannot touch
another organisation's: not in the editor, not in listings, choosers, search or bulk actions."""

import html

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale
from wagtail_localize.models import TranslationSource

from cms.demo.factories import EventIndexPageFactory
from cms.directory.models import Coworker
from cms.editorial import roles
from cms.events.models import EventPage
from cms.spaces.models import SpacePage
from tests.conftest import add_page

from .conftest import login, make_coworker

pytestmark = pytest.mark.django_db


@pytest.fixture
def louise(client, organisations):
    return login(client, organisations, "louise")


def refused(response) -> bool:
    """Wagtail's admin answers a refusal with a redirect to the dashboard and an error message
    ("Sorry, you do not have permission to access this area"), or a plain 403."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_editor_opens_own_event_in_every_language(louise, site_tree, lang):
    response = louise.get(edit_url(site_tree.page("event_upcoming", lang)), follow=True)
    assert response.status_code == 200


@pytest.mark.parametrize("role", ["event_past", "study"])
@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_editor_cannot_open_another_organisations_page(louise, site_tree, role, lang):
    assert refused(louise.get(edit_url(site_tree.page(role, lang))))


def test_editor_cannot_edit_the_sections_themselves(louise, site_tree):
    assert refused(louise.get(edit_url(site_tree.page("agenda", "fr"))))
    assert refused(louise.get(edit_url(site_tree.page("home", "fr"))))


@pytest.fixture
def drafts(site_tree, organisations):
    """A draft event of each organisation (an editor may delete a draft of their own)."""
    made = {}
    for key in ("ruche", "phare"):
        source = site_tree.page("event_upcoming", "fr")
        made[key] = add_page(
            site_tree.page("agenda", "fr"),
            EventPage(
                title=f"Brouillon {key}",
                slug=f"brouillon-{key}",
                start=source.start,
                end=source.end,
                summary="Pas encore publié.",
                organisation=organisations.spaces[key],
            ),
            live=False,
        )
    return made


def test_editor_deletes_own_draft_but_not_another_organisations(louise, drafts):
    for key, allowed in (("phare", False), ("ruche", True)):
        url = reverse("wagtailadmin_pages:delete", args=[drafts[key].pk])
        assert refused(louise.get(url)) is not allowed, key
        louise.post(url)
        assert EventPage.objects.filter(pk=drafts[key].pk).exists() is not allowed, key


def test_editor_cannot_move_another_organisations_draft(louise, drafts):
    assert refused(louise.get(reverse("wagtailadmin_pages:move", args=[drafts["phare"].pk])))
    assert not refused(louise.get(reverse("wagtailadmin_pages:move", args=[drafts["ruche"].pk])))


def test_bulk_delete_leaves_another_organisations_draft(louise, drafts):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    ids = f"?id={drafts['phare'].pk}&id={drafts['ruche'].pk}"
    louise.post(url + ids, {})
    assert EventPage.objects.filter(pk=drafts["phare"].pk).exists()
    assert not EventPage.objects.filter(pk=drafts["ruche"].pk).exists()


def test_explorer_lists_only_own_organisations_pages(louise, site_tree):
    response = louise.get(reverse("wagtailadmin_explore", args=[site_tree.page("agenda", "fr").pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert site_tree.title("event_upcoming", "fr") in html
    assert site_tree.title("event_past", "fr") not in html


def test_admin_search_shows_no_other_organisations_page(louise, site_tree):
    mine, theirs = site_tree.page("article", "fr"), site_tree.page("study", "fr")
    for page, expected in ((mine, True), (theirs, False)):
        response = louise.get(reverse("wagtailadmin_pages:search"), {"q": page.title})
        assert response.status_code == 200
        assert (edit_url(page) in response.content.decode()) is expected, page.title


def test_page_chooser_leaves_out_other_organisations_pages(louise, site_tree):
    agenda = site_tree.page("agenda", "fr")
    response = louise.get(reverse("wagtailadmin_choose_page_child", args=[agenda.pk]))
    assert response.status_code == 200
    html = response.json()["html"]
    assert site_tree.title("event_upcoming", "fr") in html
    assert site_tree.title("event_past", "fr") not in html
    for word, expected in (("Petit", True), ("Atelier", False)):
        search = louise.get(reverse("wagtailadmin_choose_page_search"), {"q": word})
        assert search.status_code == 200
        found = search.content.decode()
        role = "event_upcoming" if expected else "event_past"
        assert (site_tree.title(role, "fr") in found) is expected, word


def test_coordinator_sees_and_edits_every_organisations_page(client, organisations, site_tree):
    login(client, organisations, "coralie")
    for role in ("event_upcoming", "event_past", "study"):
        assert client.get(edit_url(site_tree.page(role, "fr"))).status_code == 200


def snippet_url(view, pk):
    return reverse(f"wagtailsnippets_directory_coworker:{view}", args=[pk])


def test_editor_edits_own_space_coworker(louise, organisations):
    assert louise.get(snippet_url("edit", organisations.coworkers["ruche"])).status_code == 200


@pytest.mark.parametrize("view", ["edit", "delete"])
def test_editor_cannot_open_another_spaces_coworker(louise, organisations, view):
    url = snippet_url(view, organisations.coworkers["phare"])
    assert refused(louise.get(url))
    assert refused(louise.post(url, {}))


def test_editor_cannot_unpublish_another_spaces_coworker(louise, organisations):
    pk = organisations.coworkers["phare"]
    assert refused(louise.post(snippet_url("unpublish", pk), {}))
    assert Coworker.objects.get(pk=pk).live


def test_bulk_delete_leaves_another_spaces_coworker(louise, organisations):
    pk = organisations.coworkers["phare"]
    url = reverse("wagtail_bulk_action", args=["directory", "coworker", "delete"]) + f"?id={pk}"
    page = louise.get(url)
    assert "Bram Wouters" in page.content.decode()  # listed among the items it cannot delete
    louise.post(url, {})
    assert Coworker.objects.filter(pk=pk).exists()


def listing_row(html, name):
    """The listing's table row of the record called ``name``."""
    soup = BeautifulSoup(html, "lxml")
    return next(row for row in soup.select("tbody tr") if name in row.get_text())


def test_listing_offers_actions_only_on_own_space_records(louise, organisations):
    """Every coworker is listed (the directory is public); edit, delete and the bulk-action
    checkbox are offered on Louise's space's coworker only."""
    html = louise.get(reverse("wagtailsnippets_directory_coworker:list")).content.decode()
    for key, name in (("ruche", "Anaïs Lefebvre"), ("phare", "Bram Wouters")):
        row = listing_row(html, name)
        pk = organisations.coworkers[key]
        translate = reverse(
            "wagtail_localize:submit_snippet_translation", args=["directory", "coworker", pk]
        )
        offered = [
            snippet_url("edit", pk) in str(row),
            snippet_url("delete", pk) in str(row),
            row.select_one("input[data-bulk-action-checkbox]") is not None,
            translate in str(row),
        ]
        assert offered == [key == "ruche"] * 4, (key, offered)


def test_an_editors_listing_settles_which_records_are_theirs_in_one_go(client, organisations):
    """Offering edit and delete on own rows only costs an organisation editor's listing no more
    than a coordinator's listing of the same rows, however many rows there are (before: three
    queries a row, one per action asked)."""
    for number in range(8):
        space = organisations.spaces["ruche" if number % 2 else "phare"]
        make_coworker(f"Personne {number}", space)
    listing = reverse("wagtailsnippets_directory_coworker:list")
    counts = {}
    for name in ("coralie", "louise"):
        login(client, organisations, name)
        client.get(listing)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(listing).status_code == 200
        counts[name] = len(queries)
    assert counts["louise"] <= counts["coralie"] + 5, counts


def test_unpublishing_another_spaces_record_is_refused_before_confirming(louise, organisations):
    theirs, mine = organisations.coworkers["phare"], organisations.coworkers["ruche"]
    assert refused(louise.get(snippet_url("unpublish", theirs)))
    assert louise.get(snippet_url("unpublish", mine)).status_code == 200
    assert Coworker.objects.get(pk=theirs).live


def test_explorer_offers_no_translation_actions_on_pages_the_editor_cannot_change(
    louise, organisations, site_tree
):
    """The home page's sections (the agenda...) are listed to an organisation editor, who may
    add pages there but not change or translate the sections themselves."""
    home = site_tree.page("home", "fr")
    html = louise.get(reverse("wagtailadmin_explore", args=[home.pk])).content.decode()
    agenda = site_tree.page("agenda", "fr")
    row = listing_row(html, agenda.title)
    assert "/admin/localize/" not in str(row)
    assert not agenda.permissions_for_user(organisations.user("louise")).can_edit()


def test_coordinator_is_offered_every_records_actions(client, organisations):
    login(client, organisations, "coralie")
    html = client.get(reverse("wagtailsnippets_directory_coworker:list")).content.decode()
    row = listing_row(html, "Bram Wouters")
    assert snippet_url("edit", organisations.coworkers["phare"]) in str(row)
    assert row.select_one("input[data-bulk-action-checkbox]") is not None


@pytest.fixture
def louise_may_publish(organisations, site_tree):
    """Louise's group may publish in the agenda: only the organisation rule stops her."""
    group = organisations.user("louise").groups.get()
    GroupPagePermission.objects.create(
        group=group,
        page=site_tree.page("agenda", "fr"),
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="publish_page"
        ),
    )


def bulk_url(action, *pages):
    ids = "&".join(f"id={page.pk}" for page in pages)
    return reverse("wagtail_bulk_action", args=["wagtailcore", "page", action]) + f"?{ids}"


def test_bulk_publish_posted_publishes_only_own_organisations_draft(
    louise, louise_may_publish, drafts
):
    louise.post(bulk_url("publish", drafts["phare"], drafts["ruche"]), {})
    assert not EventPage.objects.get(pk=drafts["phare"].pk).live
    assert EventPage.objects.get(pk=drafts["ruche"].pk).live


def test_bulk_unpublish_posted_leaves_another_organisations_page_live(
    louise, louise_may_publish, site_tree
):
    theirs, mine = site_tree.page("event_past", "fr"), site_tree.page("event_upcoming", "fr")
    louise.post(bulk_url("unpublish", theirs, mine), {})
    assert EventPage.objects.get(pk=theirs.pk).live
    assert not EventPage.objects.get(pk=mine.pk).live


def test_bulk_move_posted_moves_only_own_organisations_draft(
    louise, organisations, drafts, site_tree
):
    """A second agenda where Louise's group also writes: her draft moves there, Le Phare's
    stays where it was."""
    second = EventIndexPageFactory(parent=site_tree.page("home", "fr"), title="Agenda bis")
    roles.grant_pages(organisations.user("louise").groups.get(), [second], ["add", "change"])
    louise.post(bulk_url("move", drafts["phare"], drafts["ruche"]), {"chooser": second.pk})
    parents = {
        key: EventPage.objects.get(pk=page.pk).get_parent().pk for key, page in drafts.items()
    }
    assert parents == {"phare": site_tree.page("agenda", "fr").pk, "ruche": second.pk}


def test_copy_posted_refuses_another_organisations_page(louise, drafts, site_tree):
    agenda = site_tree.page("agenda", "fr")
    for key, allowed in (("phare", False), ("ruche", True)):
        url = reverse("wagtailadmin_pages:copy", args=[drafts[key].pk])
        response = louise.post(
            url,
            {
                "new_title": f"Copie {key}",
                "new_slug": f"copie-{key}",
                "new_parent_page": agenda.pk,
                "copy_subpages": "",
                "publish_copies": "",
                "alias": "",
            },
        )
        assert refused(response) is not allowed, key
        assert EventPage.objects.filter(slug=f"copie-{key}").exists() is allowed, key


def test_editor_translates_own_event_into_dutch_and_edits_the_translation(
    louise, organisations, site_tree
):
    """wagtail-localize's "Translate" and "Update from source" need its submit_translation
    permission; the Dutch translation then belongs to the same organisation, so its editor
    opens it (in the translation editor) like the French page."""
    event = add_page(
        site_tree.page("agenda", "fr"),
        EventPage(
            title="Atelier traduit",
            slug="atelier-traduit",
            start=site_tree.page("event_upcoming", "fr").start,
            end=site_tree.page("event_upcoming", "fr").end,
            summary="Une matinée pour apprendre.",
            organisation=organisations.spaces["ruche"],
        ),
    )
    dutch_locale = Locale.objects.get(language_code="nl")
    url = reverse("wagtail_localize:submit_page_translation", args=[event.pk])
    assert louise.get(url).status_code == 200
    response = louise.post(url, {"locales": [dutch_locale.pk]})
    assert response.status_code == 302
    dutch = EventPage.objects.get(translation_key=event.translation_key, locale=dutch_locale)
    assert not dutch.live
    assert dutch.organisation_key == organisations.spaces["ruche"].translation_key
    assert louise.get(edit_url(dutch)).status_code == 200
    source = TranslationSource.objects.get(object_id=event.translation_key)
    update = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert louise.get(update).status_code == 200


def test_editor_cannot_translate_another_organisations_page_or_record(
    louise, organisations, site_tree
):
    """wagtail-localize's own views check only its submit_translation permission: asking to
    translate another organisation's event or coworker is refused, and nothing is created."""
    event = site_tree.page("event_past", "fr")  # Le Phare's
    dutch = Locale.objects.get(language_code="nl")
    url = reverse("wagtail_localize:submit_page_translation", args=[event.pk])
    revisions = event.get_translation(dutch).revisions.count()
    assert refused(louise.get(url))
    assert refused(louise.post(url, {"locales": [dutch.pk]}))
    dashboard = louise.get(reverse("wagtailadmin_home"))
    said = [html.unescape(str(message)).strip() for message in dashboard.context["messages"]]
    assert set(said) == {"Désolé, vous n'avez pas les autorisations pour accéder à cette zone."}
    assert event.get_translation(dutch).revisions.count() == revisions
    coworker = Coworker.objects.get(pk=organisations.coworkers["phare"])
    snippet = reverse(
        "wagtail_localize:submit_snippet_translation", args=["directory", "coworker", coworker.pk]
    )
    assert refused(louise.post(snippet, {"locales": [dutch.pk]}))
    assert not Coworker.objects.filter(
        translation_key=coworker.translation_key, locale=dutch
    ).exists()
    own = Coworker.objects.get(pk=organisations.coworkers["ruche"])
    own_url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["directory", "coworker", own.pk]
    )
    assert louise.get(own_url).status_code == 200


def test_translation_editor_reads_the_organisation_and_venue_of_a_translated_event(
    louise, organisations, site_tree
):
    """The translation editor shows an event's organisation and venue (space pages outside the
    editor's sections) through Wagtail's admin API: their details answer, the explorer's
    listings stay narrowed, and a draft space stays hidden."""
    space = organisations.spaces["ruche"]
    detail = louise.get(reverse("wagtailadmin_api:pages:detail", args=[space.pk]))
    assert detail.status_code == 200
    assert detail.json()["title"] == space.title

    space_index = site_tree.page("space_index", "fr")
    listing = louise.get(reverse("wagtailadmin_api:pages:listing"), {"child_of": space_index.pk})
    assert listing.status_code in (400, 404) or space.pk not in [
        item["id"] for item in listing.json()["items"]
    ]

    draft = add_page(
        space_index, SpacePage(title="Brouillon", slug="brouillon", intro="Bientôt.", city="Mons")
    )
    draft.unpublish()
    missing = louise.get(reverse("wagtailadmin_api:pages:detail", args=[draft.pk]))
    # The admin's JSON 404, not a redirect to a language-prefixed public page.
    assert missing.status_code == 404
    assert missing.headers["Content-Type"] == "application/json"
    assert "Brouillon" not in missing.content.decode()


def test_a_translator_cannot_give_a_translation_another_organisation(organisations, site_tree):
    """The organisation is synchronised and not overridable: wagtail-localize offers no segment
    for it, so every translation keeps the source's organisation."""
    source, _created = TranslationSource.get_or_create_from_instance(
        site_tree.page("event_upcoming", "fr")
    )
    overridable = {segment.context.path for segment in source.overridablesegment_set.all()}
    synchronised = {segment.context.path for segment in source.relatedobjectsegment_set.all()}
    assert "organisation" not in overridable | synchronised


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_editor_cannot_explore_another_organisations_page(louise, site_tree, lang):
    """The explorer's view of a page shows its title, status and privacy: refused on another
    organisation's page, open on the editor's own and on the sections."""
    theirs = site_tree.page("study", lang)
    assert refused(louise.get(reverse("wagtailadmin_explore", args=[theirs.pk])))
    results = reverse("wagtailadmin_explore_results", args=[theirs.pk])
    assert refused(louise.get(results))
    for role in ("article", "agenda"):
        page = site_tree.page(role, lang)
        assert louise.get(reverse("wagtailadmin_explore", args=[page.pk])).status_code == 200


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("louise", "Désolé, vous n'avez pas les autorisations pour accéder à cette zone."),
        ("pieter", "Sorry, je hebt geen toegang tot dit gedeelte."),
    ],
)
def test_a_refusal_is_said_in_the_accounts_language_whatever_the_browsers(
    client, organisations, site_tree, name, said
):
    """Wagtail's own refusals (another organisation's page, coworker) too, not only ours."""
    login(client, organisations, name)
    other = {"louise": "event_past", "pieter": "event_upcoming"}[name]
    for url in (
        reverse("wagtailadmin_pages:edit", args=[site_tree.page(other, "fr").pk]),
        reverse("wagtailadmin_home") + "registrations/" + str(site_tree.page(other, "fr").pk) + "/",
    ):
        assert refused(client.get(url, HTTP_ACCEPT_LANGUAGE="en")), url
        home = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="en")
        messages = [html.unescape(str(message)).strip() for message in home.context["messages"]]
        assert messages == [said], url
