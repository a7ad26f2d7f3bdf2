"""Fixtures of the translation lifecycle: an editor in the admin, a French article to translate,
and local HTTP servers that answer as DeepL and LibreTranslate do (fake_services.py)."""

from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, Translation

from cms.blog.models import BlogPage
from tests.conftest import add_page, body

from .fake_services import deepl, libretranslate, serve

ARTICLE_FR = {
    "title": "Coworking à Tournai",
    "summary": "Un nouvel espace ouvre ses portes.",
    "body": "Les indépendants de Tournai ont enfin leur espace partagé.",
}
ARTICLE_NL = {
    "title": "Coworking in Doornik",
    "summary": "Een nieuwe ruimte opent de deuren.",
    "body": "De zelfstandigen van Doornik hebben eindelijk hun gedeelde ruimte.",
}


@pytest.fixture
def editor(db):
    """An editor who may publish pages and submit translations (Wagtail's Moderators group)."""
    user = get_user_model().objects.create_user("redactrice", "redactrice@example.org", "pw-1234")
    user.groups.add(Group.objects.get(name="Moderators"))
    user.user_permissions.add(Permission.objects.get(codename="submit_translation"))
    # The admin in English: assertions read messages whatever the catalogs translate.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def article(site_tree):
    """A published French article under the blog, not translated yet."""
    return add_page(
        site_tree.page("blog_index", "fr"),
        BlogPage(
            title=ARTICLE_FR["title"],
            slug="coworking-a-tournai",
            date="2026-11-02",
            summary=ARTICLE_FR["summary"],
            body=body(ARTICLE_FR["body"]),
        ),
    )


def locale(code):
    return Locale.objects.get(language_code=code)


def translate_in_admin(client, page, codes=("nl", "en")):
    """The admin's "Translate this page" form."""
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale(code).pk for code in codes]},
    )
    assert response.status_code == 302, response.content[:500]
    return {code: page.get_translation(locale(code)).specific for code in codes}


def translation_of(page, code) -> Translation:
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale(code)
    )


def field_of(segment: StringSegment) -> str:
    """'body.<block id>' -> 'body'."""
    return segment.context.path.split(".")[0]


def edit_segments(client, translation: Translation, texts: dict[str, str]) -> list[str]:
    """Type translations into the translation editor (its PUT endpoint), by field name."""
    edited = []
    for segment in translation.source.stringsegment_set.select_related("context"):
        text = texts.get(field_of(segment))
        if text is None:
            continue
        response = client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            urlencode({"value": text}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201), response.content
        edited.append(segment.context.path)
    return edited


def publish_in_editor(client, translated_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[translated_page.pk]), {"action": "publish"}
        )
    assert response.status_code == 302, response.content[:500]
    translated_page.refresh_from_db()
    return translated_page


@pytest.fixture
def deepl_server():
    with serve(deepl) as service:
        yield service


@pytest.fixture
def libretranslate_server():
    with serve(libretranslate) as service:
        yield service
