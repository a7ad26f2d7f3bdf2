"""An editor working in the Dutch admin translates a French article with machine translation
(a local server speaking LibreTranslate's API), publishes it; the French source is edited; the
dashboard, the page listing and the translation editor show the Dutch version as outdated.
Nothing appears under /nl/ before the Dutch version is published."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail.users.models import UserProfile

from cms.blog.models import BlogIndexPage, BlogPage

from .helpers import (
    SERVER_LOCK,
    libretranslate_machine,
    machine_translate,
    path_of,
    translate_into,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

TITLE = "Le coworking à Mons"
USERNAME, PASSWORD = "e2e-vertaler", "e2e-vertaler-wachtwoord-1234"


@pytest.fixture
def libretranslate_service():
    with libretranslate_machine() as service:
        yield service


@pytest.fixture
def french_article():
    """A published French article and a Dutch-speaking editor; both removed afterwards."""
    with SERVER_LOCK:
        blog = BlogIndexPage.objects.get(locale__language_code="fr")
        article = BlogPage(
            title=TITLE,
            slug="le-coworking-a-mons",
            date=datetime.date.today(),
            summary="Un espace ouvre à Mons.",
            body=[("paragraph", RichText("<p>Les indépendants de Mons ont un nouvel espace.</p>"))],
        )
        blog.add_child(instance=article)
        article.save_revision().publish()
        user = get_user_model().objects.create_superuser(USERNAME, "vertaler@example.org", PASSWORD)
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "nl"
        profile.save()
    yield article
    with SERVER_LOCK:
        for page in Page.objects.filter(translation_key=article.translation_key).order_by("-depth"):
            page.delete()
        user.delete()


def test_machine_translate_publish_then_outdated(new_page, libretranslate_service, french_article):
    nl = Locale.objects.get(language_code="nl")
    page = new_page(locale="nl-BE")
    page.goto("/admin/login/")
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url("**/admin/")
    assert page.get_attribute("html", "lang") == "nl"

    # "Translate this page" into Dutch: a draft opens in the translation editor.
    translate_into(page, french_article.pk, nl.pk)
    with SERVER_LOCK:
        dutch = BlogPage.objects.get(locale=nl, translation_key=french_article.translation_key)
        assert not dutch.live
    visitor = new_page(locale="nl-BE")
    assert visitor.goto(f"/nl/blog/{dutch.slug}/").status == 404
    # The Dutch blog may list the French article, in French (the language fallback), never the
    # untranslated draft.
    visitor.goto("/nl/blog/")
    assert visitor.locator(f'a[href="/nl/blog/{dutch.slug}/"]').count() == 0

    # Machine translation, then publish.
    machine_translate(page)
    assert libretranslate_service.requests, "LibreTranslate was not asked"
    page.wait_for_selector("li.complete")
    with page.expect_navigation():
        page.click("footer button[name=action][value=publish]")
    with SERVER_LOCK:
        dutch.refresh_from_db()
    assert dutch.live and dutch.title == f"[NL] {TITLE}"
    assert dutch.slug == "nl-le-coworking-a-mons"
    response = visitor.goto(dutch.url)
    assert response.status == 200 and visitor.get_attribute("html", "lang") == "nl"
    editor_banner = page.locator(".translation-editor-status [data-translation-state]")
    page.goto(f"/admin/pages/{dutch.pk}/edit/")
    assert editor_banner.get_attribute("data-translation-state") == "machine_unreviewed"

    # The French source changes.
    with SERVER_LOCK:
        source = BlogPage.objects.get(pk=french_article.pk)
        source.summary = "Un deuxième espace ouvre à Mons."
        source.save_revision().publish()

    page.goto("/admin/translations/dashboard/?type=blog.blogpage&language=nl&state=outdated")
    row = page.locator("table.translation-items tr", has_text=TITLE)
    assert row.locator("[data-translation-state]").get_attribute("data-translation-state") == (
        "outdated"
    )
    assert "Samenvatting" in row.inner_text()  # the summary, by its label

    page.goto(f"/admin/pages/{dutch.get_parent().pk}/")
    listed = page.locator("tr", has_text=f"[NL] {TITLE}")
    assert listed.locator("[data-translation-state]").get_attribute("data-translation-state") == (
        "outdated"
    )

    page.goto(f"/admin/pages/{dutch.pk}/edit/")
    assert editor_banner.get_attribute("data-translation-state") == "outdated"
    assert "Samenvatting" in page.locator(".translation-editor-status").inner_text()
    assert path_of(page.url) == f"/admin/pages/{dutch.pk}/edit/"
