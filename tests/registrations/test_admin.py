"""Organisers see an event's registrations, waiting list and answers in the admin, export them
as CSV and write to every registrant; editors of another organisation see nothing of it."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model

from cms.demo.factories import SpaceIndexPageFactory, SpacePageFactory, get_home_page, publish
from cms.editorial import roles
from cms.registrations import services
from cms.registrations.admin_views import CSV_COLUMNS
from tests.conftest import parse

from .conftest import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def event_with_registrants():
    home = get_home_page("fr")
    spaces = publish(SpaceIndexPageFactory(parent=home, live=False, title="Espaces"))
    ruche = publish(SpacePageFactory(parent=spaces, live=False, title="La Ruche", city="Lille"))
    phare = publish(SpacePageFactory(parent=spaces, live=False, title="Le Phare", city="Mons"))
    groups = {
        "ruche": roles.ensure_organisation_group(ruche),
        "phare": roles.ensure_organisation_group(phare),
        "coordinator": roles.ensure_coordinators(),
    }
    users = {}
    for name, group in groups.items():
        users[name] = get_user_model().objects.create_user(
            f"user-{name}", email=f"{name}@coffee.example", password="x"
        )
        users[name].groups.set([group])
    page = make_event(capacity=1, languages=(), ask_dietary_needs=True, organisation=ruche)["fr"]
    services.register(
        page, name="Jean", email="jean@example.org", language="fr", dietary_needs="Vegan"
    )
    services.register(page, name="=HYPERLINK(1)", email="els@example.org", language="nl")
    return page, users


@pytest.mark.parametrize(
    ("name", "allowed"), [("ruche", True), ("coordinator", True), ("phare", False)]
)
def test_only_the_events_organisation_and_coordinators_see_registrations(
    client, event_with_registrants, name, allowed
):
    page, users = event_with_registrants
    client.force_login(users[name])
    urls = [f"/admin/registrations/{page.pk}/{suffix}" for suffix in ("", "csv/", "write/")]

    responses = [client.get(url) for url in urls]
    statuses = [response.status_code for response in responses]
    # The link stands in the page's header and in the "More" menu of its row in the listing.
    admin_pages = [f"/admin/pages/{page.pk}/edit/", f"/admin/pages/{page.get_parent().pk}/"]
    shown = [client.get(url).content.decode() for url in admin_pages]

    if allowed:
        assert statuses == [200, 200, 200]
        listing = parse(client.get(urls[0]))
        confirmed, waiting = listing.select("table.registrations")
        assert "jean@example.org" in confirmed.text and "Vegan" in confirmed.text
        assert "els@example.org" in waiting.text
        assert all(f"/admin/registrations/{page.pk}/" in html for html in shown)
    else:
        # Wagtail answers a refused admin view with a redirect to the dashboard.
        assert statuses == [302, 302, 302]
        assert all(b"jean@example.org" not in response.content for response in responses)
        assert all(f"/admin/registrations/{page.pk}/" not in html for html in shown)


def test_csv_export_lists_seats_and_waiting_list_safely(admin_client, event_with_registrants):
    page, _users = event_with_registrants
    response = admin_client.get(f"/admin/registrations/{page.pk}/csv/")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header, jean, els = rows
    column = [key for key, _label in CSV_COLUMNS].index  # headers: in the admin's language
    assert response["Content-Type"].startswith("text/csv")
    assert len(header) == len(CSV_COLUMNS)
    assert jean[column("email")] == "jean@example.org"
    assert jean[column("dietary_needs")] == "Vegan"
    assert els[column("position")] == "1"
    assert els[column("name")] == "'=HYPERLINK(1)"  # never run as a formula


def test_write_to_all_registrants(admin_client, event_with_registrants, smtp_server):
    page, _users = event_with_registrants
    url = f"/admin/registrations/{page.pk}/write/"
    assert (
        admin_client.post(url, {"recipients": "all", "subject": "", "body": ""}).status_code == 400
    )
    response = admin_client.post(
        url, {"recipients": "all", "subject": "Salle changée", "body": "Rendez-vous salle B."}
    )
    assert response.status_code == 302
    assert sorted(rcpt for [rcpt] in smtp_server.envelopes) == [
        "els@example.org",
        "jean@example.org",
    ]
    assert all(str(m["Subject"]) == "Salle changée" for m in smtp_server.messages)
    assert "Rendez-vous salle B." in smtp_server.text(smtp_server.messages[0])
