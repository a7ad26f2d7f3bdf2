"""The response cache: a repeated anonymous GET is answered without running the view, and any
publish, unpublish or delete (the change feed moves) makes every stored answer stale: at once in
the process that made the change, within content_version.VERSION_TTL in the others."""

import pytest
from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.redis import RedisCache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.api import response_cache
from cms.api.models import ContentChange
from cms.core import content_version

pytestmark = pytest.mark.django_db

LIST = "/api/v2/pages/?locale=fr&type=blog.BlogPage&fields=title"


@pytest.fixture(autouse=True)
def _response_cache(settings):
    settings.COFFEE_API_RESPONSE_CACHE = "api"
    caches["api"].clear()
    content_version.forget_version()
    yield
    caches["api"].clear()
    content_version.forget_version()


def titles(response):
    return {item["title"] for item in response.json()["items"]}


def test_second_request_is_served_from_the_cache_with_the_same_body(api, site_tree):
    first = api.get(LIST)
    assert first.status_code == 200 and first["X-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = api.get(LIST)
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Cache-Control"] == "public, max-age=60"
    assert len(queries.captured_queries) <= 1  # at most the change-feed version


def test_a_cached_answer_does_not_run_the_view(api, site_tree, monkeypatch):
    from cms.api.endpoints import PagesEndpoint

    api.get(LIST)

    def fail(*args, **kwargs):
        raise AssertionError("the view ran")

    monkeypatch.setattr(PagesEndpoint, "initial", fail)
    assert api.get(LIST)["X-Cache"] == "hit"


def test_conditional_get_on_a_cached_answer_is_a_304(api, site_tree):
    etag = api.get(LIST)["ETag"]
    again = api.get(LIST, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""


def test_publishing_and_unpublishing_make_cached_answers_stale(api, site_tree):
    article = site_tree.page("article", "fr")
    before = titles(api.get(LIST))
    assert article.title in before

    article.unpublish()
    assert article.title not in titles(api.get(LIST))

    article.save_revision().publish()
    assert article.title in titles(api.get(LIST))


def test_errors_are_never_cached(api, site_tree):
    first = api.get("/api/v2/pages/?locale=xx")
    second = api.get("/api/v2/pages/?locale=xx")
    assert first.status_code == second.status_code == 400
    assert "X-Cache" not in second


def test_each_query_string_has_its_own_answer(api, site_tree):
    french = api.get("/api/v2/pages/?locale=fr")
    dutch = api.get("/api/v2/pages/?locale=nl")
    assert dutch["X-Cache"] == "miss"
    assert french.content != dutch.content


def test_a_change_made_by_another_process_shows_within_the_version_ttl(api, site_tree):
    """Another worker's change reaches this process through the change feed's newest id."""
    article = site_tree.page("article", "fr")
    assert article.title in titles(api.get(LIST))
    # What another worker process does when it unpublishes: no signal reaches this process.
    type(article).objects.filter(pk=article.pk).update(live=False)
    ContentChange.objects.bulk_create(
        [
            ContentChange(
                action="unpublished",
                kind="page",
                object_type="blog.blogpage",
                object_id=str(article.pk),
            )
        ]
    )
    try:
        content_version._version[1] -= content_version.VERSION_TTL + 1  # the TTL has passed
        fresh = api.get(LIST)
        assert fresh["X-Cache"] == "miss"
        assert article.title not in titles(fresh)
    finally:
        type(article).objects.filter(pk=article.pk).update(live=True)


def test_cached_answers_are_still_throttled(api, site_tree, settings, clock):
    settings.COFFEE_API_THROTTLE_RATE = "2/min"
    assert api.get(LIST, REMOTE_ADDR="10.0.0.7").status_code == 200
    assert api.get(LIST, REMOTE_ADDR="10.0.0.7")["X-Cache"] == "hit"
    refused = api.get(LIST, REMOTE_ADDR="10.0.0.7")
    assert refused.status_code == 429 and "Retry-After" in refused


def test_answers_that_could_differ_per_client_are_not_stored(rf):
    from django.http import HttpResponse

    request = rf.get("/api/v2/pages/")
    assert response_cache.lookup(request) is None
    for header, value in (("Cache-Control", "private"), ("Vary", "Cookie")):
        response = HttpResponse(b"{}", content_type="application/json")
        response[header] = value
        response_cache.store(request, response)
        assert "X-Cache" not in response
    assert response_cache.lookup(request) is None


def test_answers_stored_in_a_shared_cache_are_hits_for_every_server(
    api, site_tree, settings, shared_cache_location
):
    """With CACHE_URL=redis:// the answers live in Redis: the answer is in the shared store, not
    in this process: when another client of that store empties it, the next request is a miss."""
    backend, location = shared_cache_location
    settings.CACHES = {**settings.CACHES, "shared": {"BACKEND": backend, "LOCATION": location}}
    settings.COFFEE_API_RESPONSE_CACHE = "shared"
    assert api.get(LIST)["X-Cache"] == "miss"
    assert api.get(LIST)["X-Cache"] == "hit"
    other_server = (RedisCache if "redis" in backend else FileBasedCache)(location, {})
    other_server.clear()
    assert api.get(LIST)["X-Cache"] == "miss"
