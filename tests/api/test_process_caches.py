"""What API workers keep between requests (locale ids, serializer classes) follows the requests,
the content and the clock: no answer shaped by an earlier request, a deleted row or a past time."""

import pytest
from django.conf import settings
from django.test import override_settings
from wagtail.models import Locale

from cms.api import locale
from cms.api.errors import InvalidParameter

from .api_helpers import assert_error, get_json, titles

pytestmark = pytest.mark.django_db

GERMAN = override_settings(
    WAGTAIL_CONTENT_LANGUAGES=[*settings.WAGTAIL_CONTENT_LANGUAGES, ("de", "Deutsch")]
)


@GERMAN
def test_a_locale_deleted_and_created_again_is_looked_up_again():
    first = Locale.objects.create(language_code="de")
    assert locale.parse_locale("de").pk == first.pk
    first.delete()
    with pytest.raises(InvalidParameter):
        locale.parse_locale("de")
    second = Locale.objects.create(language_code="de")
    assert locale.parse_locale("de").pk == second.pk != first.pk


def test_each_request_shows_its_own_fields(api, site_tree):
    titles_only = get_json(api, "/api/v2/pages/?fields=_,title&limit=3")
    everything = get_json(api, "/api/v2/pages/?fields=*&limit=3")
    ids_only = get_json(api, "/api/v2/pages/?fields=_,id&limit=3")
    assert all(set(item) == {"title"} for item in titles_only["items"])
    assert all("slug" in item["meta"] for item in everything["items"])
    assert all(set(item) == {"id"} for item in ids_only["items"])
    assert get_json(api, "/api/v2/pages/?fields=_,title&limit=3") == titles_only
    assert_error(api.get("/api/v2/pages/?fields=_,bogus"), 400, parameter="fields")
    assert_error(api.get("/api/v2/pages/?fields=_,bogus"), 400, parameter="fields")


LISTINGS = [
    "/api/v2/events/",
    "/api/v2/events/?locale=nl&limit=1&offset=1&from=2000-01-01",
    "/api/v2/events/?locale=en&city=lille",
    "/api/v2/events/?to=2000-01-01",
    "/api/v2/pages/?locale=fr&limit=100",
    "/api/v2/pages/?type=events.EventPage&fields=start,end,summary&order=-start",
]


def test_a_listing_answers_the_same_whatever_was_asked_before(api, site_tree):
    """No answer is shaped by an earlier request: each listing, asked again after all the
    others, answers byte for byte what it answered first."""
    first = {url: api.get(url) for url in LISTINGS}
    for url in reversed(LISTINGS):
        again = api.get(url)
        assert (again.status_code, again.content) == (first[url].status_code, first[url].content)
    assert all(response.status_code == 200 for response in first.values())


def test_listings_follow_the_clock(api, site_tree, monkeypatch):
    """Asked again later, the same listings leave out an event that has ended and a page that
    has expired since, also among the translations of the pages still listed."""
    import datetime

    from django.utils import timezone

    event = site_tree.page("event_upcoming", "fr")
    article = site_tree.page("article", "fr")
    type(article).objects.filter(pk=article.pk).update(
        expire_at=event.end + datetime.timedelta(hours=1)
    )
    clock = [event.end - datetime.timedelta(minutes=1)]
    monkeypatch.setattr(timezone, "now", lambda: clock[0])
    events, pages = "/api/v2/events/?locale=fr", "/api/v2/pages/?locale=fr&limit=100"
    assert event.title in titles(get_json(api, events))
    assert article.title in titles(get_json(api, pages))
    clock[0] = event.end + datetime.timedelta(minutes=1)
    assert event.title not in titles(get_json(api, events))
    assert article.title in titles(get_json(api, pages))
    clock[0] = event.end + datetime.timedelta(hours=2)
    assert article.title not in titles(get_json(api, pages))
    dutch = get_json(api, "/api/v2/pages/?locale=nl&limit=100")["items"]
    dutch_article = next(item for item in dutch if item["id"] == site_tree.pks["article"]["nl"])
    assert {item["locale"] for item in dutch_article["meta"]["translations"]} == {"en"}


def test_a_new_view_restriction_hides_a_page_from_a_listing_asked_before(api, site_tree):
    from wagtail.models import PageViewRestriction

    url = "/api/v2/events/?locale=nl&from=2000-01-01"
    event = site_tree.page("event_past", "nl")
    get_json(api, url)
    assert event.title in titles(get_json(api, url))
    PageViewRestriction.objects.create(
        page=event, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert event.title not in titles(get_json(api, url))
