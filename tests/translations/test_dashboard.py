"""The dashboard groups by organisation (the content's ``organisation`` field, where it has
one), content type and language."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.blog.models import BlogPage
from cms.demo.translation import translate_page
from cms.spaces.models import SpacePage
from cms.translations import dashboard
from cms.translations.status import MISSING, TranslationStatus, translation_statuses
from tests.conftest import add_page, body

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


def add_articles(site_tree, language, count, translated=()):
    """``count`` published articles written in ``language``; those at the positions in
    ``translated`` also translated into the other languages."""
    articles = []
    for number in range(count):
        article = add_page(
            site_tree.page("blog_index", language),
            BlogPage(
                title=f"Article {language} {number}",
                slug=f"article-{language}-{number}",
                date=datetime.date(2026, 3, 1),
                summary="Un résumé.",
                body=body("Un paragraphe."),
            ),
        )
        if number in translated:
            others = [code for code in ("fr", "nl", "en") if code != language]
            translate_page(article, others, translations={})
        articles.append(article)
    return articles


def states_of(source) -> dict:
    return {
        entry.status.locale: entry.status.state
        for entry in dashboard.entries([BlogPage])
        if entry.source.pk == source.pk
    }


def test_sources_written_in_any_language_are_counted(editor_client, site_tree):
    """An article first written in Dutch is missing in French and English; before, the
    dashboard only counted French sources."""
    [dutch] = add_articles(site_tree, "nl", 1)
    assert states_of(dutch) == {"fr": MISSING, "en": MISSING}

    response = editor_client.get(
        reverse("translations_dashboard"), {"type": "blog.blogpage", "state": MISSING}
    )
    assert dutch.title in response.text
    assert reverse("wagtail_localize:submit_page_translation", args=[dutch.pk]) in response.text


def test_statuses_are_computed_per_content_type_not_per_page(site_tree, steady_content_version):
    """The queries stay the same whatever the number of articles, translated or not."""
    add_articles(site_tree, "fr", 2, translated=[0])
    with CaptureQueriesContext(connection) as few:
        few_entries = list(dashboard.entries([BlogPage]))
    more = add_articles(site_tree, "nl", 6, translated=[1, 2])
    with CaptureQueriesContext(connection) as many:
        many_entries = list(dashboard.entries([BlogPage]))

    assert len(many_entries) == len(few_entries) + 6 * 2
    assert states_of(more[0]) == {"fr": MISSING, "en": MISSING}
    assert MISSING not in states_of(more[1]).values()
    # The batch says what the status of each page alone says.
    for entry in many_entries:
        alone = translation_statuses(entry.source)[entry.status.locale]
        assert (alone.state, alone.changed_segments) == (
            entry.status.state,
            entry.status.changed_segments,
        )
    assert len(many) == len(few) <= 6
