"""HTTP behaviour of the public API: caching headers, conditional GET, CORS, throttling."""

import pytest

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


def test_throttling_per_client_with_retry_after(api, site_tree, settings, clock):
    """Counted per client address; the 4th request in a minute is refused until it ends."""
    settings.COFFEE_API_THROTTLE_RATE = "3/min"
    for _ in range(3):
        assert api.get("/api/v2/pages/", REMOTE_ADDR="10.0.0.1").status_code == 200
    refused = api.get("/api/v2/pages/", REMOTE_ADDR="10.0.0.1")
    error = assert_error(refused, 429, code="throttled")
    assert int(refused["Retry-After"]) == 50  # the rest of the minute
    assert error["retry_after"] == 50
    # Another client is not affected, and X-Forwarded-For cannot be used to dodge the limit.
    assert api.get("/api/v2/pages/", REMOTE_ADDR="10.0.0.2").status_code == 200
    spoofed = api.get("/api/v2/pages/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert spoofed.status_code == 429
    # Other endpoints count against the same budget.
    assert api.get("/api/v2/changes/", REMOTE_ADDR="10.0.0.1").status_code == 429
    # The next minute starts a new count.
    clock[0] += 50
    assert api.get("/api/v2/pages/", REMOTE_ADDR="10.0.0.1").status_code == 200


def test_throttle_counts_are_shared_by_worker_processes(site_tree, settings, clock):
    """The counts live in the shared cache that every worker process adds to. A process
    writes its count in batches, at the latest SYNC_EVERY seconds after its last write, and
    always before it refuses a request."""
    from django.test import Client

    from cms.api import throttling

    settings.COFFEE_API_THROTTLE_RATE = "5/min"
    client = Client(REMOTE_ADDR="10.0.0.9")
    window_start = int(clock[0]) // 60 * 60
    key = throttling.window_key("10.0.0.9", window_start)
    shared = throttling.shared_cache()
    assert client.get("/api/v2/images/").status_code == 200
    assert shared.get(key) == 1
    # Another worker process answers 10 requests of the same client and writes them.
    assert throttling.add_requests("10.0.0.9", window_start, 10) == 11
    # Within SYNC_EVERY, this process has not read them yet (the documented bound), and
    # it answers without writing ...
    assert client.get("/api/v2/images/").status_code == 200
    assert shared.get(key) == 11
    clock[0] += throttling.SYNC_EVERY
    # ... then it writes its own count, reads the total, and refuses.
    assert client.get("/api/v2/images/").status_code == 429
    assert shared.get(key) == 13
    # Until the window ends, the client is refused without writing again.
    assert client.get("/api/v2/pages/").status_code == 429
    assert shared.get(key) == 13
    # Another client has its own count.
    assert Client(REMOTE_ADDR="10.0.0.10").get("/api/v2/images/").status_code == 200
    assert shared.get(throttling.window_key("10.0.0.10", window_start)) == 1


def test_a_count_written_by_another_process_refuses_the_client_here(
    site_tree, settings, clock, tmp_path, shared_cache_location
):
    """Two real processes, one cache (a file-based cache, then a real Redis server as with
    CACHE_URL=redis://): another process writes 10 requests of a client; this one, once its
    SYNC_EVERY has passed, adds its own and refuses."""
    import os
    import subprocess
    import sys
    import textwrap
    from pathlib import Path

    from django.test import Client

    import cms
    from cms.api import throttling

    backend, location = shared_cache_location
    settings.CACHES = {
        **settings.CACHES,
        "shared": {"BACKEND": backend, "LOCATION": location},
    }
    settings.COFFEE_API_THROTTLE_CACHE = "shared"
    settings.COFFEE_API_THROTTLE_RATE = "5/min"
    window_start = int(clock[0]) // 60 * 60
    client = Client(REMOTE_ADDR="10.0.0.7")
    assert client.get("/api/v2/images/").status_code == 200
    other_worker = textwrap.dedent(
        f"""
        import django
        from django.conf import settings
        settings.configure(
            CACHES={{"default": {{"BACKEND": {backend!r}, "LOCATION": {location!r}}}}},
            COFFEE_API_THROTTLE_CACHE="default",
        )
        django.setup()
        from cms.api import throttling
        print(throttling.add_requests("10.0.0.7", {window_start}, 10))
        """
    )
    project = str(Path(cms.__file__).resolve().parent.parent)
    environment = {**os.environ, "PYTHONPATH": project}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    written = subprocess.run(  # noqa: S603 - this interpreter, a fixed script
        [sys.executable, "-c", other_worker],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
    )
    assert written.stdout.strip() == "11"
    clock[0] += throttling.SYNC_EVERY
    refused = client.get("/api/v2/images/", REMOTE_ADDR="10.0.0.7")
    assert refused.status_code == 429
    assert throttling.shared_cache().get(throttling.window_key("10.0.0.7", window_start)) == 12


def test_api_throttle_counts_each_visitor_behind_the_proxy(api, site_tree, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    settings.COFFEE_API_THROTTLE_RATE = "2/min"
    behind = {"REMOTE_ADDR": "127.0.0.1"}
    for _ in range(2):
        assert (
            api.get("/api/v2/pages/", HTTP_X_FORWARDED_FOR="198.51.100.1", **behind).status_code
            == 200
        )
    assert (
        api.get("/api/v2/pages/", HTTP_X_FORWARDED_FOR="198.51.100.1", **behind).status_code == 429
    )
    # Another visitor through the same proxy has an allowance of their own...
    assert (
        api.get("/api/v2/pages/", HTTP_X_FORWARDED_FOR="198.51.100.2", **behind).status_code == 200
    )
    # ...and the refused one cannot dodge by prepending a forged address.
    forged = "6.6.6.6, 198.51.100.1"
    assert api.get("/api/v2/pages/", HTTP_X_FORWARDED_FOR=forged, **behind).status_code == 429
