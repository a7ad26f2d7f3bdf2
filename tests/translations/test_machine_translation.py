"""Machine translation in the translation editor, through DeepL's and LibreTranslate's APIs as
documented, each answered by a local server: the real backend classes, configured from the
environment as in production. Machine-translated segments stay marked until a person edits them;
a failing service leaves a clear message and nothing half-saved."""

import pytest
from django.urls import reverse
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringTranslation

from cms.settings.machine_translation import machine_translator
from cms.translations.machine import DeepL, LibreTranslate
from cms.translations.status import MACHINE_UNREVIEWED, UP_TO_DATE, translation_status

from .conftest import (
    ARTICLE_NL,
    edit_segments,
    publish_in_editor,
    translate_in_admin,
    translation_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def use_deepl(monkeypatch, settings, deepl_server):
    monkeypatch.setenv("DEEPL_API_KEY", "test-key:fx")
    monkeypatch.setenv("DEEPL_API_URL", deepl_server.url + "/v2/translate")
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator()
    return deepl_server


@pytest.fixture
def use_libretranslate(monkeypatch, settings, libretranslate_server):
    monkeypatch.delenv("DEEPL_API_KEY", raising=False)
    monkeypatch.setenv("LIBRETRANSLATE_URL", libretranslate_server.url)
    monkeypatch.setenv("LIBRETRANSLATE_API_KEY", "libre-key")
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator()
    return libretranslate_server


def test_no_service_configured_means_no_machine_translation(monkeypatch):
    for name in ("DEEPL_API_KEY", "LIBRETRANSLATE_URL"):
        monkeypatch.delenv(name, raising=False)
    assert machine_translator() is None


def test_environment_chooses_the_backend(use_deepl, settings):
    assert isinstance(get_machine_translator(), DeepL)


def machine_translate(client, translation, next_url="/admin/"):
    return client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]) + f"?next={next_url}",
        follow=True,
    )


def machine_strings(translation):
    return {
        st.context.path.split(".")[0]: st
        for st in StringTranslation.objects.filter(
            locale=translation.target_locale, context__object=translation.source.object
        ).select_related("context")
    }


@pytest.mark.parametrize(
    ("service", "marker", "backend"),
    [("use_deepl", "[NL]", DeepL), ("use_libretranslate", "[NL]", LibreTranslate)],
)
def test_machine_translation_then_review(
    request,
    service,
    marker,
    backend,
    editor_client,
    article,
    django_capture_on_commit_callbacks,
):
    server = request.getfixturevalue(service)
    assert isinstance(get_machine_translator(), backend)
    translated = translate_in_admin(editor_client, article, ["nl"])["nl"]
    translation = translation_of(article, "nl")

    response = machine_translate(editor_client, translation)

    assert response.status_code == 200
    sent = server.requests[-1]
    if backend is DeepL:
        assert sent["form"]["source_lang"] == ["FR"] and sent["form"]["target_lang"] == ["NL"]
        assert "Coworking à Tournai" in sent["form"]["text"]
    else:
        assert sent["json"]["source"] == "fr" and sent["json"]["target"] == "nl"
        assert sent["json"]["format"] == "html"
        assert "Coworking à Tournai" in sent["json"]["q"]
    strings = machine_strings(translation)
    assert strings["title"].data == f"{marker} Coworking à Tournai"
    assert strings["title"].translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    assert strings["slug"].data == "nl-coworking-a-tournai"  # from the translated title

    page = publish_in_editor(editor_client, translated, django_capture_on_commit_callbacks)
    status = translation_status(page)
    assert page.live and page.slug == "nl-coworking-a-tournai"
    assert status.state == MACHINE_UNREVIEWED
    assert {path.split(".")[0] for path in status.machine_segments} >= {"title", "body"}
    assert status.as_dict()["machine_translated"] is True

    # A person reviews every segment (edits it in the translation editor) and publishes.
    edit_segments(editor_client, translation, ARTICLE_NL)
    page = publish_in_editor(editor_client, page, django_capture_on_commit_callbacks)
    status = translation_status(page)
    assert status.state == UP_TO_DATE
    assert status.machine_segments == ()
    assert page.title == ARTICLE_NL["title"] and page.slug == "coworking-in-doornik"


@pytest.mark.parametrize(
    ("service", "failure", "expected"),
    [
        ("use_deepl", (456, {"message": "Quota exceeded"}), "DeepL refused the request"),
        ("use_libretranslate", (500, {"error": "Model not loaded"}), "LibreTranslate refused"),
    ],
)
def test_a_failing_service_is_reported_and_nothing_is_saved(
    request, service, failure, expected, editor_client, article
):
    server = request.getfixturevalue(service)
    server.fail_with = failure
    translate_in_admin(editor_client, article, ["nl"])
    translation = translation_of(article, "nl")
    editor_url = reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])

    response = machine_translate(editor_client, translation, next_url=editor_url)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == editor_url
    errors = [str(m) for m in response.context["messages"]]
    assert any(expected in m and failure[1].popitem()[1] in m for m in errors), errors
    assert not StringTranslation.objects.filter(
        locale=translation.target_locale, context__object=translation.source.object
    ).exists()


def test_an_unreachable_service_is_reported(settings, editor_client, article):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "cms.translations.machine.LibreTranslate",
        "OPTIONS": {"LIBRETRANSLATE_URL": "http://127.0.0.1:9", "TIMEOUT": 2},
    }
    translate_in_admin(editor_client, article, ["nl"])
    translation = translation_of(article, "nl")

    response = machine_translate(editor_client, translation)

    errors = [str(m) for m in response.context["messages"]]
    assert any("LibreTranslate could not be reached" in m for m in errors), errors
