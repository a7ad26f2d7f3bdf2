"""The response cache: a repeated anonymous GET is answered without running the view, and any
publish, unpublish or delete (the change feed moves) makes every stored answer stale."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

LIST = "/api/v2/pages/?locale=fr&type=blog.BlogPage&fields=title"


@pytest.fixture(autouse=True)
def _response_cache(settings):
    settings.COFFEE_API_RESPONSE_CACHE = "api"
    caches["api"].clear()
    yield
    caches["api"].clear()


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
    assert len(queries.captured_queries) <= 2  # the change-feed version (+ nothing else)


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
