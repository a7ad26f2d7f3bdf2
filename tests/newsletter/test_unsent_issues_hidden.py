"""Subscribers get an issue first: published (approved) but not sent, it is nowhere a visitor
or a partner app looks (its URL, the archive, the RSS feed, the partner API, the site search,
the sitemap, the change feed). Once its sending starts it is everywhere, at once, even where
the HTML cache and the API response cache had kept an answer from before."""

from urllib.parse import urlsplit

import feedparser
import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from lxml import etree

from cms.core import content_version
from cms.newsletter import sending

from .conftest import ISSUE_TITLES, issue

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "nl", "en"]
SEARCH_WORDS = {"fr": "décembre", "nl": "december", "en": "december"}
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(autouse=True)
def _caches_on(settings):
    """Both caches keyed by the content version, as in production."""
    settings.HTML_CACHE = "html"
    settings.COFFEE_API_RESPONSE_CACHE = "api"
    for alias in ("html", "api"):
        caches[alias].clear()
    content_version.forget_version()
    yield
    for alias in ("html", "api"):
        caches[alias].clear()
    content_version.forget_version()


@pytest.fixture
def visitor():
    return Client()


def send(tree, lang):
    """A coordinator starts the sending (the worker's batches are not needed here)."""
    sending.start(issue(tree, lang))


def before_and_after(tree, lang, look):
    """``look()`` before the issue is sent (twice: the second answer may come from a cache),
    then after its sending started."""
    before = [look(), look()]
    send(tree, lang)
    return before, look()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_its_url_is_not_found_until_sent(newsletter_tree, visitor, lang):
    url = newsletter_tree.url("issue", lang)
    before, after = before_and_after(newsletter_tree, lang, lambda: visitor.get(url))
    assert [response.status_code for response in before] == [404, 404]
    assert after.status_code == 200
    assert ISSUE_TITLES[lang] in after.content.decode()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_archive_lists_it_once_sent(newsletter_tree, visitor, lang):
    url = newsletter_tree.url("newsletter", lang)
    issue_url = newsletter_tree.url("issue", lang)

    def look():
        response = visitor.get(url)
        assert response.status_code == 200
        return response.content.decode()

    before, after = before_and_after(newsletter_tree, lang, look)
    for html in before:
        assert ISSUE_TITLES[lang] not in html and f'href="{issue_url}"' not in html
    assert f'href="{issue_url}"' in after


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_rss_feed_has_it_once_sent(newsletter_tree, visitor, lang):
    url = newsletter_tree.url("newsletter", lang) + "feed/"

    def look():
        parsed = feedparser.parse(visitor.get(url).content)
        return [(entry.title, urlsplit(entry.link).path) for entry in parsed.entries]

    before, after = before_and_after(newsletter_tree, lang, look)
    assert before == [[], []]
    assert after == [(ISSUE_TITLES[lang], newsletter_tree.url("issue", lang))]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_api_lists_it_once_sent(newsletter_tree, visitor, lang):
    def look():
        response = visitor.get(
            "/api/v2/pages/", {"type": "newsletter.NewsletterIssuePage", "locale": lang}
        )
        assert response.status_code == 200
        return [item["title"] for item in response.json()["items"]]

    before, after = before_and_after(newsletter_tree, lang, look)
    assert before == [[], []]
    assert after == [ISSUE_TITLES[lang]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_api_detail_is_not_found_until_sent(newsletter_tree, visitor, lang):
    pk = issue(newsletter_tree, lang).pk

    def look():
        return visitor.get(f"/api/v2/pages/{pk}/", {"fields": "intro,sent_at"})

    before, after = before_and_after(newsletter_tree, lang, look)
    assert [response.status_code for response in before] == [404, 404]
    assert after.status_code == 200
    assert after.json()["title"] == ISSUE_TITLES[lang] and after.json()["sent_at"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_site_search_finds_it_once_sent(newsletter_tree, visitor, lang):
    def look():
        response = visitor.get(f"/{lang}/search/", {"q": SEARCH_WORDS[lang]})
        assert response.status_code == 200
        return ISSUE_TITLES[lang] in response.content.decode()

    assert before_and_after(newsletter_tree, lang, look) == ([False, False], True)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_api_search_finds_it_once_sent(newsletter_tree, visitor, lang):
    def look():
        response = visitor.get("/api/v2/search/", {"q": SEARCH_WORDS[lang], "locale": lang})
        assert response.status_code == 200
        return [item["title"] for item in response.json()["results"]["pages"]["items"]]

    before, after = before_and_after(newsletter_tree, lang, look)
    assert ISSUE_TITLES[lang] not in before[0] + before[1]
    assert ISSUE_TITLES[lang] in after


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_sitemap_lists_it_once_sent(newsletter_tree, visitor, lang):
    issue_url = newsletter_tree.url("issue", lang)

    def look():
        response = visitor.get("/sitemap.xml")
        assert response.status_code == 200
        tree = etree.fromstring(response.content)
        paths = [urlsplit(loc.text).path for loc in tree.findall("sm:url/sm:loc", SITEMAP_NS)]
        assert newsletter_tree.url("newsletter", lang) in paths  # the archive itself is there
        return issue_url in paths

    assert before_and_after(newsletter_tree, lang, look) == ([False, False], True)


def test_partners_hear_of_it_in_the_change_feed_when_sent(newsletter_tree, visitor):
    pk = issue(newsletter_tree, "nl").pk

    def look():
        changes = visitor.get("/api/v2/changes/").json()["items"]
        return [change["action"] for change in changes if change["id"] == pk]

    before, after = before_and_after(newsletter_tree, "nl", look)
    assert before == [[], []]
    assert after == ["created"]


def test_editors_still_preview_and_test_send_an_unsent_issue(newsletter_tree, smtp_server):
    edition = issue(newsletter_tree, "fr")
    for mode in ("", "email"):
        response = edition.make_preview_request(preview_mode=mode)
        assert response.status_code == 200
        assert ISSUE_TITLES["fr"] in response.content.decode()
    coordinator = get_user_model().objects.create_superuser(
        "coralie", "coralie@example.org", "not-used-here"
    )
    editor = Client()
    editor.force_login(coordinator)
    assert editor.post(reverse("newsletter_test", args=[edition.pk])).status_code == 302
    [message] = smtp_server.messages
    assert message["Subject"] == f"[Test] {ISSUE_TITLES['fr']}"
    # Not yet out for visitors, logged in or not.
    assert editor.get(newsletter_tree.url("issue", "fr")).status_code == 404
