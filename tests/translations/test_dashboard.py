"""The dashboard groups by organisation (the content's ``organisation`` field, where it has
one), content type and language."""

import datetime

import pytest
from django.urls import reverse

from cms.blog.models import BlogPage
from cms.spaces.models import SpacePage
from cms.translations import dashboard
from cms.translations.status import MISSING, TranslationStatus

pytestmark = pytest.mark.django_db


def entry(organisation, language, state):
    page = BlogPage(title="x", slug="x", date=datetime.date(2026, 1, 1))
    page.organisation = SpacePage(title=organisation) if organisation else None
    status = TranslationStatus(locale=language, source_locale="fr", state=state)
    return dashboard.Entry(page, BlogPage, dashboard.organisation_of(page), status)


def test_summary_counts_per_organisation_type_and_language():
    rows = dashboard.summary(
        [
            entry("Mutualab", "nl", MISSING),
            entry("Mutualab", "nl", MISSING),
            entry("ESCO", "nl", "draft"),
            entry("ESCO", "en", "up_to_date"),
            entry(None, "nl", "outdated"),
        ]
    )

    assert [(row.organisation, row.language, dict(row.counts)) for row in rows] == [
        ("", "nl", {"outdated": 1}),
        ("ESCO", "nl", {"draft": 1}),
        ("ESCO", "en", {"up_to_date": 1}),
        ("Mutualab", "nl", {MISSING: 2}),
    ]


def test_dashboard_lists_missing_translations_with_a_translate_link(editor_client, article):
    response = editor_client.get(
        reverse("translations_dashboard"), {"type": "blog.blogpage", "state": MISSING}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert article.title in html
    assert reverse("wagtail_localize:submit_page_translation", args=[article.pk]) in html


def test_dashboard_is_for_admin_users_only(client, article):
    response = client.get(reverse("translations_dashboard"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
