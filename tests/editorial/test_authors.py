"""Blog authors are snippets the editors look after: an organisation editor adds the person
who signs an article and has the role translated; readers and partner apps see the role in
the article's language, or in its own language (and marked so) until it is translated."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale

from cms.blog.models import Author
from tests.api.api_helpers import get_json

from .conftest import login

pytestmark = pytest.mark.django_db


def author_of(site_tree) -> Author:
    return site_tree.page("article", "fr").article_authors.get().author


def translate_role(author, language_code, role) -> Author:
    translation = author.copy_for_translation(Locale.objects.get(language_code=language_code))
    translation.role = role
    translation.save()
    return translation


def role_on_page(client, url):
    html = BeautifulSoup(client.get(url).content, "lxml")
    return html.select_one(".author__role")


def test_editor_adds_an_author_from_the_dutch_admin_and_has_the_role_translated(
    client, organisations
):
    pieter = login(client, organisations, "pieter")
    add_url = reverse("wagtailsnippets_blog_author:add")
    form = pieter.get(add_url)
    assert form.status_code == 200
    assert 'lang="nl"' in form.content.decode()[:400]

    response = pieter.post(
        add_url + "?locale=fr", {"name": "Lotte Peeters", "role": "Animatrice", "photo": ""}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    author = Author.objects.get(name="Lotte Peeters")
    assert author.locale.language_code == "fr"

    dutch = Locale.objects.get(language_code="nl")
    submit = reverse(
        "wagtail_localize:submit_snippet_translation", args=["blog", "author", author.pk]
    )
    assert pieter.post(submit, {"locales": [dutch.pk]}).status_code == 302
    translation = Author.objects.get(translation_key=author.translation_key, locale=dutch)
    assert translation.name == "Lotte Peeters"

    listing = pieter.get(reverse("wagtailsnippets_blog_author:list")).content.decode()
    assert "Lotte Peeters" in listing


def test_only_coordinators_delete_authors(client, organisations, site_tree):
    delete_url = reverse("wagtailsnippets_blog_author:delete", args=[author_of(site_tree).pk])
    louise = login(client, organisations, "louise")
    assert louise.post(delete_url).status_code in (302, 403)
    assert Author.objects.filter(pk=author_of(site_tree).pk).exists()

    coralie = login(client, organisations, "coralie")
    assert coralie.get(delete_url).status_code == 200


def test_readers_see_the_role_in_the_articles_language(client, site_tree):
    author = author_of(site_tree)
    translate_role(author, "nl", "Gemeenschapsbegeleider")

    dutch = role_on_page(client, site_tree.url("article", "nl"))
    assert dutch.get_text() == "(Gemeenschapsbegeleider)"
    assert not dutch.has_attr("lang")

    # No English translation yet: the French role, marked as French for screen readers.
    english = role_on_page(client, site_tree.url("article", "en"))
    assert english.get_text() == "(Animatrice)"
    assert english["lang"] == "fr"

    french = role_on_page(client, site_tree.url("article", "fr"))
    assert french.get_text() == "(Animatrice)" and not french.has_attr("lang")


def test_partner_apps_get_the_role_in_the_articles_language(client, site_tree):
    translate_role(author_of(site_tree), "nl", "Gemeenschapsbegeleider")

    detail = get_json(client, f"/api/v2/pages/{site_tree.pks['article']['nl']}/")
    assert detail["authors"] == [{"name": "Camille Dupont", "role": "Gemeenschapsbegeleider"}]

    listing = get_json(client, "/api/v2/pages/?locale=nl&type=blog.BlogPage&fields=authors")
    roles = {item["title"]: item["authors"] for item in listing["items"]}
    assert roles and all(
        authors == [{"name": "Camille Dupont", "role": "Gemeenschapsbegeleider"}]
        for authors in roles.values()
    )
    english = get_json(client, f"/api/v2/pages/{site_tree.pks['article']['en']}/")
    assert english["authors"] == [{"name": "Camille Dupont", "role": "Animatrice"}]
