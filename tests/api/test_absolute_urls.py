"""Absolute URLs point where the site was reached (scheme, host and port of the request), or to
PUBLIC_BASE_URL when it is set, never to the Site record's address (localhost:80 in the demo,
where nothing listens when the site runs on port 8000).

Scenario: a partner reaches the same site as http://127.0.0.1:8000 and as
https://partner.example; each gets links it can follow, and the response cache never serves one
the other's links.
"""

import re

import pytest
from django.core.cache import caches
from wagtail.models import Site

from cms.core import content_version

pytestmark = pytest.mark.django_db

LOCAL = {"HTTP_HOST": "127.0.0.1:8000"}
PARTNER = {"HTTP_HOST": "partner.example", "secure": True}


@pytest.fixture(autouse=True)
def _hosts(settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1", "partner.example", "testserver", "coffee.example"]
    settings.PUBLIC_BASE_URL = ""


@pytest.fixture
def response_cache(settings):
    settings.COFFEE_API_RESPONSE_CACHE = "api"
    caches["api"].clear()
    content_version.forget_version()
    yield
    caches["api"].clear()
    content_version.forget_version()


def urls_in(data) -> set[str]:
    """Every absolute URL anywhere in a JSON answer."""
    found = set()
    if isinstance(data, dict):
        for value in data.values():
            found |= urls_in(value)
    elif isinstance(data, list):
        for value in data:
            found |= urls_in(value)
    elif isinstance(data, str) and data.startswith(("http://", "https://")):
        found.add(data)
    return found


def assert_all_under(urls, base):
    assert urls, "no absolute URL at all"
    wrong = sorted(url for url in urls if not url.startswith(base + "/"))
    assert not wrong, wrong[:5]


def test_the_site_record_is_elsewhere(site_tree):
    """The premise: Wagtail's own answer for these pages would be the Site record's address."""
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("localhost", 80)


@pytest.mark.parametrize(
    ("extra", "base"),
    [(LOCAL, "http://127.0.0.1:8000"), (PARTNER, "https://partner.example")],
    ids=["port-8000", "https-partner"],
)
def test_api_links_follow_the_host_served(api, site_tree, api_content, extra, base):
    listing = api.get("/api/v2/pages/?locale=nl&fields=*", **extra)
    assert listing.status_code == 200
    items = listing.json()["items"]
    assert all(item["meta"]["detail_url"].startswith(base + "/api/v2/pages/") for item in items)
    assert all(item["meta"]["html_url"].startswith(base + "/nl/") for item in items)
    assert_all_under(urls_in(listing.json()), base)
    for path in ("/api/v2/images/?fields=*", "/api/v2/documents/?fields=*"):
        assert_all_under(urls_in(api.get(path, **extra).json()), base)
    article = api.get(f"/api/v2/pages/{api_content.article.pk}/", **extra).json()
    assert_all_under(urls_in(article), base)


def test_find_redirects_to_the_host_served(api, site_tree):
    """The README's `curl -sL .../api/v2/pages/find/?html_path=/nl/blog/` ends on the blog."""
    blog = site_tree.page("blog_index", "nl")
    response = api.get("/api/v2/pages/find/?html_path=/nl/blog/", **LOCAL)
    assert response.status_code == 302
    assert response["Location"] == f"http://127.0.0.1:8000/api/v2/pages/{blog.pk}/"
    followed = api.get(response["Location"].removeprefix("http://127.0.0.1:8000"), **LOCAL)
    assert followed.json()["meta"]["html_url"] == "http://127.0.0.1:8000/nl/blog/"


def test_cached_answers_do_not_leak_across_hosts(api, site_tree, response_cache):
    path = "/api/v2/pages/?locale=fr&fields=title"
    local = api.get(path, **LOCAL)
    partner = api.get(path, **PARTNER)
    assert local["X-Cache"] == partner["X-Cache"] == "miss"
    assert_all_under(urls_in(local.json()), "http://127.0.0.1:8000")
    assert_all_under(urls_in(partner.json()), "https://partner.example")
    # Plain http on the partner's host is another address again.
    plain = api.get(path, HTTP_HOST="partner.example")
    assert plain["X-Cache"] == "miss"
    assert_all_under(urls_in(plain.json()), "http://partner.example")
    again = api.get(path, **PARTNER)
    assert again["X-Cache"] == "hit" and again.content == partner.content


def test_change_feed_and_search_links_follow_the_host(api, site_tree):
    changes = api.get("/api/v2/changes/?limit=50", **PARTNER).json()
    assert changes["meta"]["next_url"].startswith("https://partner.example/api/v2/changes/?")
    assert_all_under(urls_in(changes), "https://partner.example")
    found = api.get("/api/v2/search/?q=coworking", **LOCAL).json()
    assert_all_under(urls_in(found), "http://127.0.0.1:8000")


def test_feeds_calendars_and_sitemap_follow_the_host(client, site_tree):
    base = "http://127.0.0.1:8000"
    addresses = [
        site_tree.url("blog_index", "fr") + "feed/rss/",
        site_tree.url("agenda", "nl") + "ical/",
        site_tree.url("event_upcoming", "en") + "ical/",
        "/sitemap.xml",
    ]
    for address in addresses:
        response = client.get(address, **LOCAL)
        assert response.status_code == 200, address
        text = response.content.decode().replace("\r\n ", "")  # iCalendar folds long lines
        found = set(re.findall(r"https?://[^\s<\"]+", text))
        found = {url for url in found if "localhost" in url or "127.0.0.1" in url}
        assert_all_under(found, base)


def test_page_head_links_follow_the_host(client, site_tree):
    html = client.get(site_tree.url("article", "nl"), **PARTNER).content.decode()
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
    assert canonical == "https://partner.example" + site_tree.url("article", "nl")
    assert "http://localhost/" not in html


def test_public_base_url_wins(api, client, site_tree, settings):
    """An operator who sets PUBLIC_BASE_URL gets that address whatever Host the request had
    (a reverse proxy that rewrites it, a scheme the proxy does not forward)."""
    settings.PUBLIC_BASE_URL = "https://coffee.example/ignored/path"
    base = "https://coffee.example"
    listing = api.get("/api/v2/pages/?locale=fr", **LOCAL).json()
    assert_all_under(urls_in(listing), base)
    find = api.get("/api/v2/pages/find/?html_path=/fr/blog/", **LOCAL)
    assert find["Location"].startswith(base + "/api/v2/pages/")
    assert_all_under(urls_in(api.get("/api/v2/changes/", **LOCAL).json()), base)
    sitemap = client.get("/sitemap.xml", **LOCAL).content.decode()
    assert_all_under(set(re.findall(r"<loc>([^<]+)</loc>", sitemap)), base)
    # Without a request (e-mails, the admin's "view live"), pages are there too.
    assert site_tree.page("article", "fr").full_url.startswith(base + "/fr/")


def test_without_setting_or_request_the_admin_address_is_used(site_tree, settings):
    """Without PUBLIC_BASE_URL nor a request (a worker's e-mail, a webhook), pages are on
    WAGTAILADMIN_BASE_URL, the address every deployment sets, not on the Site record's
    (localhost:80 in the demo, where nothing listens)."""
    settings.WAGTAILADMIN_BASE_URL = "https://admin.example.eu/admin-path"
    assert site_tree.page("article", "fr").full_url.startswith("https://admin.example.eu/fr/")
