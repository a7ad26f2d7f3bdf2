"""Reports > Translations and the translation dashboard list what an organisation editor may
translate, not the whole network's work (draft titles included); the report's filters speak
the editor's language."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from cms.directory.models import Coworker
from cms.translations.status import TRANSLATION_STATES

from .conftest import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def translations(organisations, site_tree):
    """A Dutch translation under way of La Ruche's article and coworker and of Le Phare's
    study and coworker (each a source as wagtail-localize records it)."""
    dutch = Locale.objects.get(language_code="nl")
    objects = {
        "ruche_article": site_tree.page("article", "fr"),
        "phare_study": site_tree.page("study", "fr"),
        "ruche_coworker": Coworker.objects.get(pk=organisations.coworkers["ruche"]),
        "phare_coworker": Coworker.objects.get(pk=organisations.coworkers["phare"]),
    }
    for obj in objects.values():
        source, _created = TranslationSource.get_or_create_from_instance(obj)
        Translation.objects.get_or_create(source=source, target_locale=dutch)
    return {name: str(obj) for name, obj in objects.items()}


def report_rows(client, url_name, query=None):
    response = client.get(reverse(url_name), query or {})
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return page, [row.get_text(" ", strip=True) for row in page.select("tbody tr")]


def listed(rows, title) -> bool:
    return any(title in row for row in rows)


@pytest.mark.parametrize(
    "url_name",
    ["wagtail_localize:translations_report", "wagtail_localize:translations_report_results"],
)
def test_editor_sees_only_own_organisations_translations(
    client, organisations, translations, url_name
):
    _page, rows = report_rows(login(client, organisations, "louise"), url_name)
    assert listed(rows, translations["ruche_article"])
    assert listed(rows, translations["ruche_coworker"])
    assert not listed(rows, translations["phare_study"])
    assert not listed(rows, translations["phare_coworker"])


def test_filtering_the_report_stays_within_the_organisation(client, organisations, translations):
    _page, rows = report_rows(
        login(client, organisations, "pieter"),
        "wagtail_localize:translations_report_results",
        {"source_title": translations["ruche_article"][:12], "target_locale": "all"},
    )
    assert not listed(rows, translations["ruche_article"])
    _page, rows = report_rows(
        client,
        "wagtail_localize:translations_report_results",
        {"source_title": translations["phare_study"][:12], "target_locale": "all"},
    )
    assert listed(rows, translations["phare_study"])


def test_coordinator_sees_every_organisations_translations(client, organisations, translations):
    _page, rows = report_rows(
        login(client, organisations, "coralie"), "wagtail_localize:translations_report"
    )
    assert all(listed(rows, title) for title in translations.values())


@pytest.mark.parametrize(
    "name, labels",
    [("louise", {"Langue source", "Langue cible"}), ("pieter", {"Brontaal", "Doeltaal"})],
)
def test_locale_filters_are_labelled_in_the_editors_language(
    client, organisations, translations, name, labels
):
    page, _rows = report_rows(
        login(client, organisations, name), "wagtail_localize:translations_report"
    )
    shown = {label.get_text(" ", strip=True) for label in page.select("label")}
    assert labels <= shown


def dashboard_organisations(client, query=None):
    response = client.get(reverse("translations_dashboard"), query or {})
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    cells = page.select("table.translation-dashboard tbody tr td:first-child")
    items = [row.get_text(" ", strip=True) for row in page.select("table.translation-items tr")]
    return {cell.get_text(strip=True) for cell in cells}, items


def dashboard_items(client, organisation, content_type):
    """The dashboard's items of one organisation and content type, in every state."""
    found = []
    for state in TRANSLATION_STATES:
        query = {"organisation": organisation, "type": content_type, "state": state}
        found += dashboard_organisations(client, query)[1]
    return found


def test_dashboard_counts_only_the_editors_organisation(client, organisations, translations):
    ruche, phare = (organisations.spaces[name].title for name in ("ruche", "phare"))
    shown, _items = dashboard_organisations(login(client, organisations, "louise"))
    assert ruche in shown
    assert phare not in shown
    assert not listed(
        dashboard_items(client, phare, "studies.studypage"), translations["phare_study"]
    )


def test_coordinator_dashboard_counts_every_organisation(client, organisations, translations):
    ruche, phare = (organisations.spaces[name].title for name in ("ruche", "phare"))
    shown, _items = dashboard_organisations(login(client, organisations, "coralie"))
    assert {ruche, phare} <= shown
    assert listed(dashboard_items(client, phare, "studies.studypage"), translations["phare_study"])
