"""Listings cost the same number of SQL queries whatever their length: no query per item.

Each scenario measures a listing with 5 items of each kind, adds 20 more, measures again, and
expects the same count (a query per item would add at least 5 queries: 5 more items shown).

Then every page type stays within its budget of queries (home at most 15, every other page
type under 20), with the settings of production (menus and section pages kept per content
version), on a site with menus, 25 items of each kind and directory records."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from cms.blog.models import Author, BlogPage, BlogPageAuthor, BlogPageCategory
from cms.core import content_version, kept
from cms.core.models import Category
from cms.core.models.keywords import PageKeyword
from cms.demo.factories import (
    CompanyFactory,
    CoworkerFactory,
    NavigationFactory,
    ProjectIdeaFactory,
    stream,
)
from cms.events.models import EventPage
from cms.spaces.models import SpacePage
from cms.studies.models import PartnerOrganisation, StudyPage, StudyPartner, StudyTheme

from .conftest import body, kept_for_module, steady_version

pytestmark = pytest.mark.django_db

WORD = "Lotissement"  # in every generated title, so a search finds them all
LISTINGS = [
    ("home", "", "fr"),
    ("blog_index", "", "fr"),
    ("agenda", "", "fr"),
    ("agenda", "archive/", "fr"),
    ("study_index", "", "fr"),
    ("space_index", "", "fr"),
    ("space", "", "fr"),
    ("search", "", "fr"),
    # The generated items exist in French only: the Dutch listings show them as fallbacks
    # (cms.core.fallback), marked as being in another language.
    ("home", "", "nl"),
    ("blog_index", "", "nl"),
    ("agenda", "", "nl"),
    ("agenda", "archive/", "nl"),
    ("study_index", "", "nl"),
    ("space_index", "", "nl"),
    ("space", "", "nl"),
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


def measured(client, url, params=None) -> tuple[int, bytes]:
    """(queries, content) of a second visit of ``url``."""
    client.get(url, params)  # warm the caches (site root paths, content types)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
    assert response.status_code == 200, url
    return len(context.captured_queries), response.content


def queries_for(client, url, params=None) -> int:
    return measured(client, url, params)[0]


def listing_url(site_tree, role, route, lang):
    if role == "search":
        # Articles match both words, so they rank first on every engine (ranking differs).
        return f"/{lang}/search/", {"q": f"{WORD} article"}
    return site_tree.url(role, lang) + route, None


@pytest.fixture(scope="module")
def query_counts(site_tree, django_db_blocker):
    """{(role, route, lang): (queries with 5 items of each kind, queries with 25)}, measured
    once for the module (growing the tree is the slow part)."""
    with kept_for_module(django_db_blocker), steady_version():
        client = Client()
        generator = Generator(site_tree)
        generator.grow_to(5)
        with_5 = {key: queries_for(client, *listing_url(site_tree, *key)) for key in LISTINGS}
        shown_5 = {key: client.get(*listing_url(site_tree, *key)).content for key in LISTINGS}
        generator.grow_to(25)
        with_25 = {key: queries_for(client, *listing_url(site_tree, *key)) for key in LISTINGS}
        yield {key: (with_5[key], with_25[key], shown_5[key]) for key in LISTINGS}


@pytest.mark.parametrize(("role", "route", "lang"), LISTINGS)
def test_listing_queries_do_not_grow_with_its_length(query_counts, role, route, lang):
    """A listing with 25 items of each kind runs no more queries than with 5."""
    with_5, with_25, _ = query_counts[(role, route, lang)]

    assert with_25 <= with_5 + TOLERANCE, f"{with_5} queries for 5 items, {with_25} for 25"
    assert with_25 <= MAX_QUERIES


@pytest.mark.parametrize(
    ("role", "route", "lang", "word"),
    [
        ("blog_index", "", "fr", "article"),
        ("agenda", "", "fr", "event"),
        ("agenda", "archive/", "fr", "event"),
        ("study_index", "", "fr", "study"),
        ("space_index", "", "fr", "space"),
        ("search", "", "fr", "article"),
        ("blog_index", "", "nl", "article"),
        ("agenda", "", "nl", "event"),
        ("agenda", "archive/", "nl", "event"),
        ("study_index", "", "nl", "study"),
        ("space_index", "", "nl", "space"),
    ],
)
def test_listings_show_the_generated_items(query_counts, role, route, lang, word):
    """The generated items do appear in the listings measured above (5 of each kind)."""
    _, _, content = query_counts[(role, route, lang)]

    titles = set(re.findall(rf"{WORD} {word} \d+", content.decode()))
    assert len(titles) == 5, titles


#: menus and section pages kept as in production (60 s there), for longer than the measures
#: last: on a slow machine they could expire between two counted requests
KEPT_SECONDS = 3600

# Page types and their budget of SQL queries (a warm process: site root paths, the content
# version and the menus already read by a first visit).
PAGE_TYPES = {
    "home": 15,
    "standard": 19,
    "blog_index": 19,
    "article": 19,
    "agenda": 19,
    "event_upcoming": 19,
    "study_index": 19,
    "study": 19,
    "space_index": 19,
    "space": 19,
    "search": 7,
    "search_every_kind": 15,
    "directory": 19,
    "coworker": 19,
    "company": 19,
}


def page_type_url(site_tree, role, people):
    if role == "search":
        return "/fr/search/", {"q": f"{WORD} article"}
    if role == "search_every_kind":
        # Articles and spaces (two models of pages), events, studies, a person, a company and
        # a project idea: every kind of result at once.
        return "/fr/search/", {"q": WORD}
    if role == "directory":
        return "/fr/directory/", None
    if role in people:
        return people[role], None
    return site_tree.url(role, "fr"), None


@pytest.fixture(scope="module")
def page_type_queries(query_counts, site_tree, django_db_blocker):
    """({page type: queries}, {page type: (queries, content)}) on the grown site, with a menu
    of every section and a few directory records; measured with the menus kept
    (SITE_CHROME_CACHE_SECONDS) and the directory's cache on, as in production."""
    production = override_settings(
        SITE_CHROME_CACHE_SECONDS=KEPT_SECONDS, DIRECTORY_CACHE="directory"
    )
    with kept_for_module(django_db_blocker), production, steady_version():
        links = [
            ("link", {"label": role, "page": site_tree.page(role, "fr").pk, "url": ""})
            for role in ("standard", "blog_index", "agenda", "study_index", "space_index")
        ]
        navigation = NavigationFactory(
            primary_menu=stream(*links), footer_links=stream(*links[:2]), live=False
        )
        navigation.save_revision().publish()
        coworker = CoworkerFactory(name="Camille Lotissement")
        company = CompanyFactory(name="Lotissement et Fils")
        ProjectIdeaFactory(title="Lotissement partagé", posted_by_coworker=coworker)
        # A space an editor put first among the pages: articles and spaces are shown.
        space = SpacePage.objects.get(slug="lot-space-1", locale__language_code="fr")
        PageKeyword.objects.create(page=space, keyword=WORD.lower())
        people = {
            "coworker": f"/fr/directory/coworkers/{coworker.slug}/",
            "company": f"/fr/directory/companies/{company.slug}/",
        }
        kept.forget()
        content_version.forget_version()
        caches["directory"].clear()
        try:
            client = Client()
            measures = {
                role: measured(client, *page_type_url(site_tree, role, people))
                for role in PAGE_TYPES
            }
            # The same search made for the first time: the directory's answers not kept yet.
            caches["directory"].clear()
            with CaptureQueriesContext(connection) as context:
                client.get(*page_type_url(site_tree, "search_every_kind", people))
            statements = "\n".join(query["sql"] for query in context.captured_queries)
            measures["search_first_time"] = (len(context.captured_queries), statements.encode())
            yield {role: queries for role, (queries, _content) in measures.items()}, measures
        finally:
            kept.forget()
            caches["directory"].clear()


@pytest.mark.parametrize("role", PAGE_TYPES)
def test_every_page_type_stays_within_its_query_budget(page_type_queries, role):
    counts, _measures = page_type_queries
    assert counts[role] <= PAGE_TYPES[role], counts


#: a search of every kind made with the directory's cache empty (its answers and its
#: vocabulary of skills, sectors and spaces read again): one full-text match per kind of record
#: more than a repeated search, no count and no separate read of the ids
FIRST_SEARCH = 22


def test_a_search_made_for_the_first_time_stays_within_its_budget(page_type_queries):
    _counts, measures = page_type_queries
    queries, statements = measures["search_first_time"]
    assert queries <= FIRST_SEARCH, statements.decode()


#: the cache of production without CACHE_URL: the database's, where each read is a query
DATABASE_CACHE = {
    **settings.CACHES,
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "coffee_cache",
    },
}


@pytest.fixture(scope="module")
def search_queries_on_database_cache(page_type_queries, site_tree, django_db_blocker):
    """{search: queries} on the same site with the database as the cache (Wagtail reads a
    page's address from it: a read per result would show here)."""
    production = override_settings(
        CACHES=DATABASE_CACHE, SITE_CHROME_CACHE_SECONDS=KEPT_SECONDS, DIRECTORY_CACHE="directory"
    )
    with django_db_blocker.unblock(), production, steady_version():
        call_command("createcachetable", verbosity=0)
        kept.forget()
        content_version.forget_version()
        try:
            client = Client()
            return {
                role: queries_for(client, *page_type_url(site_tree, role, {}))
                for role in ("search", "search_every_kind")
            }
        finally:
            kept.forget()


@pytest.mark.parametrize("role", ["search", "search_every_kind"])
def test_the_search_stays_within_its_budget_on_the_database_cache(
    search_queries_on_database_cache, role
):
    counts = search_queries_on_database_cache
    assert counts[role] <= PAGE_TYPES[role], counts


def test_the_search_measured_finds_every_kind_of_result(page_type_queries):
    """The budget of the search holds with hits of every kind shown at once."""
    _counts, measures = page_type_queries
    soup = BeautifulSoup(measures["search_every_kind"][1], "html.parser")
    shown = {
        section["aria-labelledby"].removeprefix("group-"): [
            a.get_text(strip=True) for a in section.select(".search-result__title a")
        ]
        for section in soup.select("section.search-group")
    }
    assert all(shown.get(kind) for kind in ("pages", "events", "studies")), shown
    assert shown["pages"][0] == f"{WORD} space 1", shown["pages"]
    assert shown["pages"][1].startswith(f"{WORD} article"), shown["pages"]
    assert shown["coworkers"] == ["Camille Lotissement"]
    assert shown["companies"] == ["Lotissement et Fils"]
    assert shown["projects"] == ["Lotissement partagé"]
