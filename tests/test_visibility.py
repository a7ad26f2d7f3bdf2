"""What a visitor must never see: a draft, a private page (password, login or group
restriction) and an expired page stay out of every listing, feed, calendar, sitemap and search
result, and their own URL does not show their content."""

from urllib.parse import urlsplit

import feedparser
import pytest
from django.contrib.auth.models import Group, User
from icalendar import Calendar
from lxml import etree
from wagtail.models import Page

from .conftest import HIDDEN_KINDS, HIDDEN_WORD, LANGUAGES, parse

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}

# Listing pages, as (role of the page in the site tree, sub-route).
LISTINGS = [
    ("home", ""),
    ("blog_index", ""),
    ("agenda", ""),
    ("agenda", "archive/"),
    ("study_index", ""),
    ("space_index", ""),
    ("space", ""),
    ("standard", ""),
]


def sitemap_paths(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = etree.fromstring(response.content)
    return [urlsplit(loc.text).path for loc in tree.findall("sm:url/sm:loc", SITEMAP_NS)]


def test_hidden_pages_are_what_they_claim(site_tree, hidden_pages):
    """The fixture's hidden pages really are a draft, restricted pages and a live page whose
    expiry date has passed (so the tests below prove something)."""
    for hidden in hidden_pages:
        page = Page.objects.get(pk=hidden.pk)
        if hidden.kind == "draft":
            assert not page.live
        else:
            assert page.live
        if hidden.kind == "expired":
            assert page.expire_at is not None and not page.expired
        if hidden.kind in {"password", "login", "groups"}:
            assert page.get_view_restrictions().exists()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("role", "route"), LISTINGS)
def test_hidden_pages_stay_out_of_listings(client, site_tree, hidden_pages, lang, role, route):
    """No listing (home page sections, blog index and its tags, agenda and archive, studies,
    spaces, menus) shows a hidden page or a tag only hidden pages use."""
    response = client.get(site_tree.url(role, lang) + route)

    assert response.status_code == 200
    content = response.content.decode()
    assert HIDDEN_WORD not in content
    assert HIDDEN_WORD.lower() not in content


@pytest.mark.parametrize("lang", LANGUAGES)
def test_listings_still_show_the_visible_pages(client, site_tree, hidden_pages, lang):
    """The filtering hides only what it must: the visible article, event and study are listed
    next to the hidden ones."""
    home = client.get(site_tree.url("home", lang)).content.decode()
    blog = client.get(site_tree.url("blog_index", lang)).content.decode()
    agenda = client.get(site_tree.url("agenda", lang)).content.decode()
    studies = client.get(site_tree.url("study_index", lang)).content.decode()

    for content, role in [
        (home, "article"),
        (home, "event_upcoming"),
        (home, "study"),
        (home, "space"),
        (blog, "article"),
        (blog, "article_old"),
        (agenda, "event_upcoming"),
        (studies, "study"),
    ]:
        assert f'href="{site_tree.url(role, lang)}"' in content, role


@pytest.mark.parametrize("feed", ["feed/rss/", "feed/atom/"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_hidden_articles_stay_out_of_feeds(client, site_tree, hidden_pages, lang, feed):
    """The RSS and Atom feeds hold the two visible articles and none of the hidden ones."""
    response = client.get(site_tree.url("blog_index", lang) + feed)

    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert [urlsplit(entry.link).path for entry in parsed.entries] == [
        site_tree.url("article", lang),
        site_tree.url("article_old", lang),
    ]
    assert HIDDEN_WORD not in response.content.decode()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hidden_events_stay_out_of_the_calendar(client, site_tree, hidden_pages, lang):
    """The agenda's .ics feed holds the two visible events and none of the hidden ones."""
    response = client.get(site_tree.url("agenda", lang) + "ical/")

    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    summaries = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
    assert summaries == {
        site_tree.title("event_upcoming", lang),
        site_tree.title("event_past", lang),
    }


def test_sitemap_lists_every_locale(client, site_tree):
    """sitemap.xml lists every page of the French, Dutch and English trees."""
    paths = sitemap_paths(client)

    for role in site_tree.roles:
        for lang in LANGUAGES:
            assert site_tree.url(role, lang) in paths, (role, lang)
    assert len(paths) == len(set(paths))


def test_hidden_pages_stay_out_of_the_sitemap(client, site_tree, hidden_pages):
    """sitemap.xml lists no hidden page, in any locale."""
    paths = set(sitemap_paths(client))

    leaked = [hidden for hidden in hidden_pages if hidden.url in paths]
    assert not leaked
    assert site_tree.url("article", "nl") in paths


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hidden_pages_stay_out_of_search(client, site_tree, hidden_pages, lang):
    """Searching for a word only hidden pages contain finds nothing, in any language."""
    response = client.get(f"/{lang}/search/", {"q": HIDDEN_WORD})

    assert response.status_code == 200
    html = parse(response)
    assert html.select(".search-results a") == []
    assert not any(HIDDEN_WORD in a.get_text() for a in html.select("main a"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_finds_the_visible_pages(client, site_tree, hidden_pages, lang):
    """The search the previous test relies on does find visible pages of that language."""
    response = client.get(f"/{lang}/search/", {"q": site_tree.title("article", lang)})

    assert response.status_code == 200
    paths = {urlsplit(a["href"]).path for a in parse(response).select(".search-results a")}
    assert site_tree.url("article", lang) in paths


@pytest.mark.parametrize("role", ["article", "event", "study", "standard"])
@pytest.mark.parametrize("kind", HIDDEN_KINDS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_hidden_page_url_does_not_show_it(client, site_tree, hidden_pages, lang, kind, role):
    """A draft or an expired page answers 404; a private page answers with a password form or
    a redirect to the login page, never with its content."""
    (hidden,) = [h for h in hidden_pages if (h.lang, h.kind, h.role) == (lang, kind, role)]

    response = client.get(hidden.url)

    if kind in {"draft", "expired"}:
        assert response.status_code == 404
    elif kind == "password":
        assert response.status_code == 200
        assert parse(response).select_one('form input[name="password"]') is not None
    else:
        assert response.status_code == 302
        assert "login" in response["Location"]
    assert f"{HIDDEN_WORD} body" not in response.content.decode()
    assert f"{HIDDEN_WORD} summary" not in response.content.decode()


def test_group_page_opens_for_its_members_only(client, site_tree, hidden_pages):
    """The group restriction is what hides the page: a member reads it, another user does not."""
    (hidden,) = [
        h for h in hidden_pages if (h.lang, h.kind, h.role) == ("nl", "groups", "standard")
    ]
    member = User.objects.create_user("member", password="pw")
    member.groups.add(Group.objects.get(name="Members"))
    outsider = User.objects.create_user("outsider", password="pw")

    client.force_login(outsider)
    assert client.get(hidden.url).status_code != 200
    client.force_login(member)
    response = client.get(hidden.url)
    assert response.status_code == 200
    assert f"{HIDDEN_WORD} body" in response.content.decode()


def test_logged_in_visitor_still_sees_no_private_page_in_listings(client, site_tree, hidden_pages):
    """Listings and feeds are the same for everyone (they may be cached): a logged-in group
    member sees no restricted page in them either."""
    member = User.objects.create_user("member", password="pw")
    member.groups.add(Group.objects.get(name="Members"))
    client.force_login(member)

    for url in [
        site_tree.url("blog_index", "fr"),
        site_tree.url("blog_index", "fr") + "feed/rss/",
        site_tree.url("agenda", "fr"),
        site_tree.url("home", "fr"),
    ]:
        response = client.get(url)
        assert response.status_code == 200
        assert HIDDEN_WORD not in response.content.decode(), url
