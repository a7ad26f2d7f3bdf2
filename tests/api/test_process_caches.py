"""What API workers keep between requests (locale ids, serializer classes) follows the requests
and the content: no answer shaped by an earlier request or by a deleted row."""

import pytest
from django.conf import settings
from django.test import override_settings
from wagtail.models import Locale

from cms.api import params
from cms.api.errors import InvalidParameter

from .api_helpers import assert_error, get_json, titles

pytestmark = pytest.mark.django_db

GERMAN = override_settings(
    WAGTAIL_CONTENT_LANGUAGES=[*settings.WAGTAIL_CONTENT_LANGUAGES, ("de", "Deutsch")]
)


@GERMAN
def test_a_locale_deleted_and_created_again_is_looked_up_again():
    first = Locale.objects.create(language_code="de")
    assert params.parse_locale("de").pk == first.pk
    first.delete()
    with pytest.raises(InvalidParameter):
        params.parse_locale("de")
    second = Locale.objects.create(language_code="de")
    assert params.parse_locale("de").pk == second.pk != first.pk


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
    "/api/v2/pages/?type=events.EventPage&fields=start,end,summary&from=2000-01-01",
]


def test_listings_from_compiled_sql_are_the_listings_built_by_django(api, site_tree, monkeypatch):
    """A listing whose SQL was compiled by an earlier request answers byte for byte the same."""
    from cms.api import compiled

    seen = {}
    for url in LISTINGS:
        api.get(url)  # compiles
        seen[url] = api.get(url)
    monkeypatch.setattr(compiled, "get", lambda *args: None)
    for url in LISTINGS:
        fresh = api.get(url)
        assert (fresh.status_code, fresh.content) == (seen[url].status_code, seen[url].content)


def test_a_compiled_listing_uses_each_requests_time(api, site_tree, monkeypatch):
    """The same SQL, run later: an event that has ended and a page that has expired are gone."""
    import datetime
    import types

    from cms.api import compiled, visibility

    event = site_tree.page("event_upcoming", "fr")
    article = site_tree.page("article", "fr")
    type(article).objects.filter(pk=article.pk).update(
        expire_at=event.end + datetime.timedelta(hours=1)
    )
    clock = types.SimpleNamespace(now=lambda: event.end - datetime.timedelta(minutes=1))
    monkeypatch.setattr(visibility, "timezone", clock)
    events, pages = "/api/v2/events/?locale=fr", "/api/v2/pages/?locale=fr&limit=100"
    assert event.title in titles(get_json(api, events))
    assert article.title in titles(get_json(api, pages))
    get_json(api, "/api/v2/pages/?locale=nl&limit=100")
    compilations = []
    compile_sql = compiled.CompiledValues.compile
    monkeypatch.setattr(
        compiled.CompiledValues,
        "compile",
        lambda *args: compilations.append(args) or compile_sql(*args),
    )
    clock.now = lambda: event.end + datetime.timedelta(minutes=1)
    assert event.title not in titles(get_json(api, events))
    assert article.title in titles(get_json(api, pages))
    clock.now = lambda: event.end + datetime.timedelta(hours=2)
    assert article.title not in titles(get_json(api, pages))
    # Nor is it among its Dutch translation's translations (the look-up's SQL is reused too).
    dutch = get_json(api, "/api/v2/pages/?locale=nl&limit=100")["items"]
    dutch_article = next(item for item in dutch if item["id"] == site_tree.pks["article"]["nl"])
    assert {item["locale"] for item in dutch_article["meta"]["translations"]} == {"en"}
    # The listings' SQL compiled at first was reused (only the translations' look-up may need
    # a new statement: one page fewer, one translation key fewer).
    assert [variables for _build, variables in compilations if len(variables) == 1] == []


def test_a_view_restriction_hides_a_page_from_a_compiled_listing(api, site_tree):
    from wagtail.models import PageViewRestriction

    url = "/api/v2/events/?locale=nl&from=2000-01-01"
    event = site_tree.page("event_past", "nl")
    get_json(api, url)
    assert event.title in titles(get_json(api, url))
    PageViewRestriction.objects.create(
        page=event, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert event.title not in titles(get_json(api, url))
