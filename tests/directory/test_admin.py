"""Editors manage the directory in the Wagtail admin: lists with filters, the coworker form
with consent, publishing, and the record then appears in the directory."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from cms.directory.models import Coworker

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pass-1234")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "path",
    [
        "/admin/snippets/directory/coworker/",
        "/admin/snippets/directory/coworker/?live=true&locale=fr",
        "/admin/snippets/directory/company/",
        "/admin/snippets/directory/projectidea/",
        "/admin/snippets/directory/skill/",
        "/admin/snippets/directory/sector/",
        "/admin/snippets/directory/coworker/add/",
        "/admin/snippets/directory/company/add/",
        "/admin/snippets/directory/projectidea/add/",
    ],
)
def test_admin_pages(admin_client, directory, path):
    assert admin_client.get(path).status_code == 200


def test_editor_creates_records_consent_and_publishes(admin_client, directory, client):
    skill = directory.skills["traduction"]
    data = {
        "name": "Nele Verstraete",
        "slug": "",
        "headline": "Tolk en vertaler",
        "bio": "Tolk bij grensoverschrijdende vergaderingen.",
        "skills": [skill.pk],
        "languages": ["nl", "fr"],
        "open_to": ["freelance"],
        "city": "Ieper",
        "country": "BE",
        "social_links-count": "0",
        "email": "nele@example.org",
        "consent_given_at": "2026-02-01 10:00:00",
        "accepts_messages": "on",
        "action-publish": "action-publish",
    }
    response = admin_client.post("/admin/snippets/directory/coworker/add/?locale=nl", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    person = Coworker.objects.get(name="Nele Verstraete")
    assert person.live and person.locale.language_code == "nl" and person.slug == "nele-verstraete"
    assert person.revisions.count() == 1
    for lang in ("fr", "nl", "en"):
        page = client.get(f"/{lang}/directory/?q=vertaler").content.decode()
        assert "Nele Verstraete" in page
    preview = admin_client.get(f"/admin/snippets/directory/coworker/edit/{person.pk}/")
    assert preview.status_code == 200


def test_preview_shows_a_draft_without_publishing_it(admin_client, directory, rf, client):
    draft = directory.hidden["draft"]
    request = rf.get("/")
    request.user = get_user_model().objects.get(username="editor")
    response = draft.serve_preview(request, draft.default_preview_mode)
    response.render()
    assert draft.name in response.content.decode()
    assert client.get(f"/fr/directory/coworkers/{draft.slug}/").status_code == 404


LIST_LABELS = {"fr": ["Ouvert à", "Langues parlées"], "nl": ["Open voor", "Gesproken talen"]}


@pytest.mark.parametrize("language", LIST_LABELS)
def test_list_fields_are_labelled_like_the_others(admin_client, directory, language):
    """The check-box lists start with a capital, as Django labels every other field."""
    profile = UserProfile.get_for_user(get_user_model().objects.get(username="editor"))
    profile.preferred_language = language
    profile.save()
    response = admin_client.get("/admin/snippets/directory/coworker/add/")
    page = BeautifulSoup(response.content, "html.parser")
    labels = {
        element.get_text(" ", strip=True).rstrip("*").strip()
        for element in page.select("legend, label, .w-field__label, [data-panel-heading-text]")
    }
    assert set(LIST_LABELS[language]) <= labels, sorted(labels)
