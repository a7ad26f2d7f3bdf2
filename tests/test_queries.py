"""Listings cost the same number of SQL queries whatever their length: no query per item.

Each scenario measures a listing with 5 items of each kind, adds 20 more, measures again, and
expects the same count (a query per item would add at least 5 queries: 5 more items shown)."""

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.blog.models import Author, BlogPage, BlogPageAuthor, BlogPageCategory
from cms.core.models import Category
from cms.events.models import EventPage
from cms.spaces.models import SpacePage
from cms.studies.models import PartnerOrganisation, StudyPage, StudyPartner, StudyTheme

from .conftest import body, kept_for_module

pytestmark = pytest.mark.django_db

WORD = "Lotissement"  # in every generated title, so a search finds them all
LISTINGS = [
    ("home", ""),
    ("blog_index", ""),
    ("agenda", ""),
    ("agenda", "archive/"),
    ("study_index", ""),
    ("space_index", ""),
    ("space", ""),
    ("search", ""),
]
# Fixed overheads a listing may legitimately add as it grows (none expected today).
TOLERANCE = 0
# Absolute ceiling for any listing page: a generous bound that still catches a runaway loop.
MAX_QUERIES = 60


class Generator:
    """Adds articles, events (upcoming and past), studies and spaces to the French tree."""

    def __init__(self, site_tree):
        self.tree = site_tree
        self.count = 0
        self.category = Category.objects.get(slug="coworking", locale__language_code="fr")
        self.author = Author.objects.create(name="Alex Martin")
        self.partner = PartnerOrganisation.objects.create(name="Université de Mons", city="Mons")
        self.space = self.tree.page("space", "fr")

    def grow_to(self, total):
        blog = self.tree.page("blog_index", "fr")
        agenda = self.tree.page("agenda", "fr")
        studies = self.tree.page("study_index", "fr")
        spaces = self.tree.page("space_index", "fr")
        now = timezone.now()
        while self.count < total:
            self.count += 1
            n = self.count
            published = {"live": True, "first_published_at": now, "last_published_at": now}
            article = BlogPage(
                title=f"{WORD} article {n}",
                slug=f"lot-article-{n}",
                date=now.date() - datetime.timedelta(days=n),
                summary=f"{WORD} summary {n}",
                body=body(f"{WORD} body {n}"),
                **published,
            )
            article.article_categories.add(BlogPageCategory(category=self.category))
            article.article_authors.add(BlogPageAuthor(author=self.author))
            article.tags.add(f"tag-{n % 3}")
            blog.add_child(instance=article)
            for sign in (1, -1):
                start = now + sign * datetime.timedelta(days=n + 1)
                agenda.add_child(
                    instance=EventPage(
                        title=f"{WORD} event {n} {sign}",
                        slug=f"lot-event-{n}-{'next' if sign > 0 else 'past'}",
                        start=start,
                        end=start + datetime.timedelta(hours=2),
                        summary=f"{WORD} summary {n}",
                        venue_space=self.space,
                        online_url="https://example.org/live",
                        **published,
                    )
                )
            study = StudyPage(
                title=f"{WORD} study {n}",
                slug=f"lot-study-{n}",
                date=now.date() - datetime.timedelta(days=n),
                summary=f"{WORD} summary {n}",
                **published,
            )
            study.study_themes.add(StudyTheme(category=self.category))
            study.study_partners.add(StudyPartner(organisation=self.partner))
            studies.add_child(instance=study)
            spaces.add_child(
                instance=SpacePage(
                    title=f"{WORD} space {n}",
                    slug=f"lot-space-{n}",
                    intro=f"{WORD} intro {n}",
                    city=f"City {n}",
                    **published,
                )
            )


def queries_for(client, url, params=None) -> int:
    client.get(url, params)  # warm the caches (site root paths, content types)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def listing_url(site_tree, role, route):
    if role == "search":
        # Articles match both words, so they rank first on every engine (ranking differs).
        return "/fr/search/", {"q": f"{WORD} article"}
    return site_tree.url(role, "fr") + route, None


@pytest.fixture(scope="module")
def query_counts(site_tree, django_db_blocker):
    """{(role, route): (queries with 5 items of each kind, queries with 25)}, measured once for
    the module (growing the tree is the slow part)."""
    with kept_for_module(django_db_blocker):
        client = Client()
        generator = Generator(site_tree)
        generator.grow_to(5)
        with_5 = {key: queries_for(client, *listing_url(site_tree, *key)) for key in LISTINGS}
        shown_5 = {key: client.get(*listing_url(site_tree, *key)).content for key in LISTINGS}
        generator.grow_to(25)
        with_25 = {key: queries_for(client, *listing_url(site_tree, *key)) for key in LISTINGS}
        yield {key: (with_5[key], with_25[key], shown_5[key]) for key in LISTINGS}


@pytest.mark.parametrize(("role", "route"), LISTINGS)
def test_listing_queries_do_not_grow_with_its_length(query_counts, role, route):
    """A listing with 25 items of each kind runs no more queries than with 5."""
    with_5, with_25, _ = query_counts[(role, route)]

    assert with_25 <= with_5 + TOLERANCE, f"{with_5} queries for 5 items, {with_25} for 25"
    assert with_25 <= MAX_QUERIES


@pytest.mark.parametrize(
    ("role", "route", "word"),
    [
        ("blog_index", "", "article"),
        ("agenda", "", "event"),
        ("agenda", "archive/", "event"),
        ("study_index", "", "study"),
        ("space_index", "", "space"),
        ("search", "", "article"),
    ],
)
def test_listings_show_the_generated_items(query_counts, role, route, word):
    """The generated items do appear in the listings measured above (5 of each kind)."""
    _, _, content = query_counts[(role, route)]

    titles = set(re.findall(rf"{WORD} {word} \d+", content.decode()))
    assert len(titles) == 5, titles
