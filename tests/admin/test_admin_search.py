"""Editors find what they look for with the search box of every admin listing: pages,
images, documents and each snippet (the directory above all), on SQLite and on PostgreSQL."""

import pytest
from django.urls import reverse
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search.index import class_is_indexed
from wagtail.snippets.models import get_snippet_models

from cms.directory.models import Company, Coworker, ProjectIdea, Sector, Skill

pytestmark = pytest.mark.django_db

# (listing, model, what the editor types, the object's title in the results).
# Partial words: the admin completes them as the editor types.
SEARCHES = [
    ("wagtailadmin_pages:search", Page, "frontal", "Le coworking en zone frontalière"),
    ("wagtailimages:index", get_image_model(), "Tourn", "ESCO, Tournai"),
    ("wagtaildocs:index", get_document_model(), "synth", "synthèse de l'enquête"),
    (None, Coworker, "Hadd", "Aisha Haddad"),
    (None, Coworker, "cybers", "Inès Caron"),  # by her headline
    (None, Company, "Lumen", "Atelier Lumen"),
    (None, ProjectIdea, "textile", "textile"),
    (None, Skill, "Compta", "Comptabilité"),
    (None, Sector, "Agroal", "Agroalimentaire"),
]


def listing_url(url_name, model):
    if url_name:
        return reverse(url_name)
    return reverse(model.snippet_viewset.get_url_name("list"))


@pytest.mark.parametrize(
    ("url_name", "model", "query", "expected"),
    SEARCHES,
    ids=[f"{model.__name__}-{query}" for _, model, query, _ in SEARCHES],
)
def test_admin_search_finds_what_the_editor_typed(editor_client, url_name, model, query, expected):
    client = editor_client("fr")
    response = client.get(listing_url(url_name, model), {"q": query})
    assert response.status_code == 200
    assert escape(expected) in response.content.decode()


def searchable_snippet_models():
    return [model for model in get_snippet_models() if class_is_indexed(model)]


def test_every_searchable_snippet_listing_answers_and_finds(editor_client):
    """Whatever snippets other apps register: each searchable listing finds its first row by
    the first word of its name."""
    client = editor_client("nl")
    searched = []
    for model in searchable_snippet_models():
        record = model.objects.order_by("pk").first()
        if record is None:
            continue
        word = next((w for w in str(record).split() if len(w) >= 3), str(record))
        response = client.get(listing_url(None, model), {"q": word})
        assert response.status_code == 200, f"{model.__name__} ?q={word}"
        assert escape(str(record)) in response.content.decode(), f"{model.__name__} ?q={word}"
        searched.append(model.__name__)
    assert {"Coworker", "Company", "ProjectIdea", "Skill", "Sector", "Category"} <= set(searched)


def test_a_search_that_finds_nothing_says_so(editor_client):
    response = editor_client("fr").get(listing_url(None, Coworker), {"q": "Xylophagex"})
    assert response.status_code == 200
    assert "Aisha Haddad" not in response.content.decode()
