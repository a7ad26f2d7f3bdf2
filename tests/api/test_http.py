"""HTTP behaviour of the public API: caching headers, conditional GET, CORS, throttling."""

import pytest
from django.core.cache import cache

from .api_helpers import assert_error

pytestmark = pytest.mark.django_db

URLS = [
    "/api/v2/pages/?locale=nl",
    "/api/v2/events/",
    "/api/v2/images/",
    "/api/v2/documents/",
    "/api/v2/changes/",
    "/api/v2/search/?q=coworking",
]


@pytest.mark.parametrize("url", URLS)
def test_etag_and_304_on_conditional_get(api, site_tree, url):
    first = api.get(url)
    assert first.status_code == 200
    etag = first["ETag"]
    assert etag.startswith('"') and len(etag) > 10
    assert first["Cache-Control"] == "public, max-age=60"
    again = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert "max-age=60" in again["Cache-Control"]
    other = api.get(url, HTTP_IF_NONE_MATCH='"something-else"')
    assert other.status_code == 200


def test_last_modified_and_if_modified_since(api, site_tree):
    url = f"/api/v2/pages/{site_tree.pks['article']['nl']}/"
    first = api.get(url)
    last_modified = first["Last-Modified"]
    assert last_modified.endswith("GMT")
    assert api.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    assert api.get(url, HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2001 00:00:00 GMT").status_code == 200


def test_responses_do_not_vary_on_language_or_cookie(api, editor_client, site_tree):
    for client in (api, editor_client):
        response = client.get("/api/v2/pages/", HTTP_ACCEPT_LANGUAGE="nl")
        vary = response.get("Vary", "").lower()
        assert "accept-language" not in vary and "cookie" not in vary
        assert "set-cookie" not in {key.lower() for key in response.headers}


def test_error_responses_are_not_stored(api, site_tree):
    response = api.get("/api/v2/pages/?limit=abc")
    assert response["Cache-Control"] == "no-store"


def test_unknown_api_address_is_a_json_404_not_a_redirect(api, site_tree):
    response = api.get("/api/v2/pages/424242/")
    assert_error(response, 404, code="not_found")
    assert_error(api.get("/api/nothing/"), 404, code="not_found")


def test_cors_is_open_for_get(api, site_tree):
    response = api.get("/api/v2/pages/", HTTP_ORIGIN="https://partner.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = api.options(
        "/api/v2/pages/",
        HTTP_ORIGIN="https://partner.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    # Not for the site itself.
    page = api.get("/fr/", HTTP_ORIGIN="https://partner.example")
    assert "Access-Control-Allow-Origin" not in page


def test_throttling_per_client_with_retry_after(api, site_tree, settings):
    """Counted per client address in the shared cache; the 4th request in a minute is refused."""
    settings.COFFEE_API_THROTTLE_RATE = "3/min"
    cache.clear()
    for _ in range(3):
        assert api.get("/api/v2/pages/", REMOTE_ADDR="10.0.0.1").status_code == 200
    refused = api.get("/api/v2/pages/", REMOTE_ADDR="10.0.0.1")
    error = assert_error(refused, 429, code="throttled")
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert error["retry_after"] == int(refused["Retry-After"])
    # Another client is not affected, and X-Forwarded-For cannot be used to dodge the limit.
    assert api.get("/api/v2/pages/", REMOTE_ADDR="10.0.0.2").status_code == 200
    spoofed = api.get("/api/v2/pages/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert spoofed.status_code == 429
    # Other endpoints count against the same budget.
    assert api.get("/api/v2/changes/", REMOTE_ADDR="10.0.0.1").status_code == 429


def test_throttle_counts_are_shared_through_the_configured_cache(site_tree, settings):
    """The counts live in the cache named by COFFEE_API_THROTTLE_CACHE (the database cache
    table in production), so every worker process sees the same numbers."""
    from django.test import Client

    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        # The production cache: a table that every worker process reads and writes.
        "shared": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "coffee_cache",
        },
    }
    settings.COFFEE_API_THROTTLE_CACHE = "shared"
    settings.COFFEE_API_THROTTLE_RATE = "2/min"
    from django.core.cache import caches
    from django.core.management import call_command

    call_command("createcachetable", "coffee_cache")  # what `make migrate` runs
    caches["shared"].clear()
    worker_a, worker_b = Client(), Client()
    assert worker_a.get("/api/v2/images/", REMOTE_ADDR="10.0.0.9").status_code == 200
    assert worker_b.get("/api/v2/images/", REMOTE_ADDR="10.0.0.9").status_code == 200
    assert worker_a.get("/api/v2/images/", REMOTE_ADDR="10.0.0.9").status_code == 429
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM coffee_cache")
        assert cursor.fetchone()[0] >= 1  # the request history is in the shared table
