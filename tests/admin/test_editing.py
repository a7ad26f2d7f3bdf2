"""Editors' journeys in the admin that used to trip them up: changing the admin's language,
writing an article or a study (date prefilled), an event (the space chooser opens among the
spaces), starting a page over after an autosaved draft, submitting to moderation."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Workflow
from wagtail.users.models import UserProfile

from cms.blog.models import BlogIndexPage, BlogPage
from cms.events.models import EventIndexPage, EventPage
from cms.spaces.models import SpaceIndexPage
from cms.studies.models import StudyIndexPage

pytestmark = pytest.mark.django_db

FR = {"locale__language_code": "fr"}


def soup(response):
    return BeautifulSoup(response.content, "lxml")


def test_an_editor_without_a_name_changes_the_admin_language(editor_client):
    client = editor_client("fr")
    user = get_user_model().objects.get(username="editor-fr")
    user.first_name = user.last_name = ""
    user.save()
    page = soup(client.get(reverse("wagtailadmin_account")))
    form = page.select_one("main form")
    data = {
        field["name"]: field.get("value", "")
        for field in form.select("input[name]")
        if field.get("type") not in ("checkbox", "file", "submit", "password")
    }
    for select in form.select("select[name]"):
        chosen = select.select_one("option[selected]") or select.select_one("option")
        data[select["name"]] = chosen.get("value", "")
    data |= {
        "locale-preferred_language": "nl",
        "name_email-first_name": "",
        "name_email-last_name": "",
    }
    response = client.post(reverse("wagtailadmin_account"), data)
    assert response.status_code == 302, [
        error.get_text(" ", strip=True)
        for error in soup(response).select(".w-field__errors, .error-message, .messages")
    ]
    assert UserProfile.get_for_user(user).get_preferred_language() == "nl"
    dashboard = soup(client.get(reverse("wagtailadmin_home")))
    assert dashboard.html["lang"] == "nl"


@pytest.mark.parametrize(
    ("index_model", "page_type"), [(BlogIndexPage, "blogpage"), (StudyIndexPage, "studypage")]
)
def test_a_new_article_or_study_is_dated_today(editor_client, index_model, page_type):
    parent = index_model.objects.filter(**FR).first()
    app = index_model._meta.app_label
    response = editor_client("fr").get(
        reverse("wagtailadmin_pages:add", args=[app, page_type, parent.pk])
    )
    date_input = soup(response).select_one("input[name=date]")
    assert date_input.get("value") == timezone.localdate().isoformat()


def chooser_options(response, field):
    """The options Wagtail's page chooser widget starts with (its inline script)."""
    html = response.content.decode()
    match = re.search(rf"new PageChooser\(\"id_{field}\", (\{{.*?\}})\);", html)
    assert match, f"no page chooser for {field}"
    return json.loads(match.group(1))


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_the_space_chooser_of_a_new_event_opens_at_the_spaces(editor_client, language):
    agenda = EventIndexPage.objects.get(locale__language_code=language)
    spaces = SpaceIndexPage.objects.get(locale__language_code=language)
    response = editor_client("fr").get(
        reverse("wagtailadmin_pages:add", args=["events", "eventpage", agenda.pk])
    )
    assert chooser_options(response, "venue_space")["parentId"] == spaces.pk


def test_the_space_chooser_of_an_event_with_a_space_opens_beside_it(editor_client):
    event = EventPage.objects.filter(**FR, venue_space__isnull=False).first()
    response = editor_client("fr").get(reverse("wagtailadmin_pages:edit", args=[event.pk]))
    assert chooser_options(response, "venue_space")["parentId"] == event.venue_space.get_parent().pk


def article_form(title, slug):
    return {
        "title": title,
        "slug": slug,
        "date": timezone.localdate().isoformat(),
        "summary": "Un résumé.",
        "body-count": "0",
        "article_authors-TOTAL_FORMS": "0",
        "article_authors-INITIAL_FORMS": "0",
        "article_categories-TOTAL_FORMS": "0",
        "article_categories-INITIAL_FORMS": "0",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "tags": "",
    }


def test_starting_a_page_over_after_an_autosaved_draft_succeeds(editor_client):
    """The first attempt is autosaved (a draft the editor never asked for) and abandoned;
    the second attempt, same title and slug, is saved."""
    client = editor_client("fr")
    blog = BlogIndexPage.objects.filter(**FR).first()
    url = reverse("wagtailadmin_pages:add", args=["blog", "blogpage", blog.pk])
    data = article_form("Journée portes ouvertes", "journee-portes-ouvertes")
    autosave = client.post(url, data, HTTP_ACCEPT="application/json")
    assert autosave.status_code == 200 and autosave.json()["success"]
    draft = BlogPage.objects.get(pk=autosave.json()["pk"])
    assert not draft.live

    response = client.post(url, data)  # "Save draft", no JSON: the editor's click
    assert response.status_code == 302, response.context["form"].errors
    second = BlogPage.objects.filter(title="Journée portes ouvertes").exclude(pk=draft.pk).get()
    assert second.slug == "journee-portes-ouvertes-2"
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[second.pk])


def test_a_slug_used_by_a_published_page_is_reported_at_the_top(editor_client):
    client = editor_client("fr")
    existing = BlogPage.objects.filter(**FR, live=True).first()
    blog = existing.get_parent()
    url = reverse("wagtailadmin_pages:add", args=["blog", "blogpage", blog.pk])
    response = client.post(url, article_form("Autre article", existing.slug))
    assert response.status_code == 200
    top = soup(response).select_one(".messages").get_text(" ", strip=True)
    assert "slug" in top.lower() and "Promotion" in top
    assert not BlogPage.objects.filter(title="Autre article").exists()


@pytest.mark.parametrize("slug", ["", "pas un slug !"])
def test_an_empty_or_malformed_slug_is_not_reported_as_taken(editor_client, slug):
    client = editor_client("fr")
    blog = BlogIndexPage.objects.filter(**FR).first()
    url = reverse("wagtailadmin_pages:add", args=["blog", "blogpage", blog.pk])
    response = client.post(url, article_form("Autre article", slug))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["slug"]
    assert not form.non_field_errors()
    assert "utilise déjà cette adresse" not in response.content.decode()
    assert not BlogPage.objects.filter(title="Autre article").exists()


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("fr", "Soumettre à Relecture par la coordination"),
        ("nl", "Stuur door naar Nazicht door de coördinatie"),
        ("en", "Submit to Coordination review"),
    ],
)
def test_the_moderation_workflow_reads_in_the_editor_language(editor_client, language, label):
    article = BlogPage.objects.filter(**FR).first()
    response = editor_client(language).get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert label in soup(response).get_text(" ", strip=True)
    # The stored name stays the catalog's msgid.
    workflow = Page.objects.get(pk=article.pk).get_workflow()
    assert workflow.name == "Coordination review"


@pytest.mark.parametrize(
    ("language", "text"), [("fr", "Publier en "), ("nl", "Publiceren in het ")]
)
def test_the_translation_editor_publish_button_keeps_its_space(editor_client, language, text):
    response = editor_client(language).get(reverse("wagtail_localize:javascript_catalog"))
    assert json.dumps("Publish in ") in response.content.decode()
    assert json.dumps(text) in response.content.decode()


def test_dates_of_the_translation_editor_are_localised_in_the_browser(editor_client):
    """The editor's English dates and strings are rewritten by translation_editor.js, which
    the page loads with what it needs (the browser test runs it)."""
    nl_article = BlogPage.objects.filter(locale__language_code="nl").first()
    response = editor_client("fr").get(reverse("wagtailadmin_pages:edit", args=[nl_article.pk]))
    page = soup(response)
    config = json.loads(page.find(id="coffee-translation-editor-i18n").string)
    assert config["language"] == "fr"
    assert config["strings"]["More actions"] == "Plus d'actions"
    assert config["strings"]["Français to Néerlandais translation"] == (
        "Traduction Français → Néerlandais"
    )
    assert page.find("script", src=re.compile("coffee_admin/translation_editor.js"))


def test_a_translated_workflow_name_saved_from_a_form_stays_the_msgid(editor_client):
    """The workflow form shows "Validation par les modérateurs" to a French editor; saving it
    keeps the English name that every language translates."""
    workflow = Workflow.objects.get(name="Moderators approval")
    workflow.name = "Validation par les modérateurs"  # what the French form sends back
    workflow.save()
    workflow.refresh_from_db()
    assert str.__str__(workflow.name) == "Moderators approval"
    workflow.name = "Relecture juridique"  # a name of the editor's own stays as written
    workflow.save()
    assert Workflow.objects.filter(name="Relecture juridique").exists()
