"""A French editor in a real browser: wagtail-localize's translation editor (React) reads in
French, and axe-core finds no accessibility violation on the admin screens of our content
(the page editor of our page types, the directory's listings and forms, account settings).

axe looks at the main region of each screen (Wagtail's sidebar is the same on every admin
page) and leaves out two widgets Wagtail ships as they are, which no setting of ours changes
(helpers.run_axe_on_main).
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.users.models import UserProfile

from cms.blog.models import BlogIndexPage, BlogPage
from cms.directory.models import Coworker
from cms.events.models import EventPage

from .helpers import SERVER_LOCK, admin_log_in, format_violations, run_axe_on_main

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]

FRENCH_EDITOR = "e2e-editeur"
FRENCH_PASSWORD = "e2e-editeur-password-1234"
ENGLISH_MONTHS = re.compile(
    r"\b(January|February|March|April|June|July|August|September|"
    r"October|November|December)\b"
)


@pytest.fixture
def french_editor():
    with SERVER_LOCK:
        user = get_user_model().objects.create_superuser(
            FRENCH_EDITOR, "e2e-editeur@example.com", FRENCH_PASSWORD
        )
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "fr"
        profile.save()
    yield user
    with SERVER_LOCK:
        user.delete()


def test_the_translation_editor_reads_in_french(new_page, french_editor):
    with SERVER_LOCK:
        dutch = BlogPage.objects.filter(locale__language_code="nl").order_by("path").first()
    page = new_page(locale="fr-BE")
    admin_log_in(page, FRENCH_EDITOR, FRENCH_PASSWORD)
    page.goto(reverse("wagtailadmin_pages:edit", args=[dutch.pk]))
    editor = page.locator(".js-translation-editor")
    publish = editor.locator("footer button[name=action][value=publish]")
    publish.wait_for()
    assert publish.inner_text().strip() == "Publier en Néerlandais"
    text = editor.inner_text()
    assert "Traduction Français → Néerlandais" in text
    assert not ENGLISH_MONTHS.search(text), ENGLISH_MONTHS.search(text)
    assert "More actions" not in editor.text_content()
    assert "Plus d'actions" in editor.text_content()


def admin_screens():
    with SERVER_LOCK:
        blog = BlogIndexPage.objects.filter(locale__language_code="fr").first()
        event = EventPage.objects.filter(locale__language_code="fr").first()
        # A record written in French (not a translation, which opens wagtail-localize's editor).
        coworker = Coworker.objects.get(locale__language_code="fr", name="Camille Lambert")
    return {
        "account": reverse("wagtailadmin_account"),
        "new article": reverse("wagtailadmin_pages:add", args=["blog", "blogpage", blog.pk]),
        "event": reverse("wagtailadmin_pages:edit", args=[event.pk]),
        "coworkers": reverse(Coworker.snippet_viewset.get_url_name("list")),
        "coworker": reverse(Coworker.snippet_viewset.get_url_name("edit"), args=[coworker.pk]),
    }


def test_our_admin_screens_have_no_accessibility_violation(new_page, french_editor, axe_source):
    page = new_page(locale="fr-BE")
    admin_log_in(page, FRENCH_EDITOR, FRENCH_PASSWORD)
    failures = {}
    for name, url in admin_screens().items():
        page.goto(url)
        page.wait_for_load_state("networkidle")
        violations = run_axe_on_main(page, axe_source)
        if violations:
            failures[name] = format_violations(violations)
    assert not failures, "\n".join(f"{name}:\n{text}" for name, text in failures.items())
