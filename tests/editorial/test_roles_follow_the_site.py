"""Roles follow the site: a competence centre published after the roles were set up gets its
editors' group at once, and a section published later is open to every organisation's
editors, without running anything by hand."""

import pytest
from django.urls import reverse

from cms.editorial.models import OrganisationGroup
from cms.events.models import EventIndexPage
from cms.spaces.models import SpacePage
from tests.conftest import add_page

from .conftest import login, make_user

pytestmark = pytest.mark.django_db


def add_event_url(agenda):
    return reverse("wagtailadmin_pages:add", args=["events", "eventpage", agenda.pk])


def test_a_competence_centre_published_later_gets_its_editors_group(
    client, organisations, site_tree
):
    centre = SpacePage(
        title="Centre Wallonie Numérique",
        slug="wallonie-numerique",
        intro="Un centre de compétence.",
        city="Charleroi",
        kind=SpacePage.Kind.CENTRE,
    )
    add_page(site_tree.page("space_index", "fr"), centre, live=False)
    assert not OrganisationGroup.objects.filter(organisation_key=centre.translation_key).exists()

    centre.get_latest_revision().publish()
    link = OrganisationGroup.objects.get(organisation_key=centre.translation_key)
    editor = make_user("test-nadia", "Nadia", "Haddad", "fr", [link.group])

    client.force_login(editor)
    assert client.get(add_event_url(site_tree.page("agenda", "fr"))).status_code == 200
    # Publishing it again changes nothing.
    centre.save_revision().publish()
    assert OrganisationGroup.objects.filter(organisation_key=centre.translation_key).count() == 1


def test_a_section_published_later_is_open_to_every_organisations_editors(
    client, organisations, site_tree
):
    second_agenda = add_page(
        site_tree.page("home", "fr"),
        EventIndexPage(title="Agenda des formations", slug="formations"),
    )
    for name in ("louise", "pieter"):
        login(client, organisations, name)
        assert client.get(add_event_url(second_agenda)).status_code == 200
