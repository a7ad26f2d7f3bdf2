"""The API's per-request URL and site look-ups give exactly what Wagtail's own functions give,
with the scheme and host of the request served (cms.core.base_url) instead of the Site record's."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page, Site

from cms.api.links import Links, find_site
from cms.api.router import api_router

pytestmark = pytest.mark.django_db


def wagtail_request(host="testserver", port="80"):
    return RequestFactory().get("/api/v2/pages/", HTTP_HOST=host, SERVER_PORT=port)


def test_page_and_detail_urls_are_wagtails(site_tree, hidden_pages):
    """Every page of the test site, in every locale: the same html_url and detail_url."""
    request = wagtail_request()
    links = Links(request, api_router)
    pages = list(Page.objects.filter(depth__gt=1).specific())
    assert len(pages) > 20
    for page in pages:
        assert links.page_url(page.url_path) == page.get_full_url(wagtail_request()), page
        path = api_router.get_object_detail_urlpath(Page, page.pk)
        assert links.detail_url(Page, page.pk) == "http://testserver" + path
    assert links.page_url("/not-under-any-site/") is None


def test_directory_detail_urls_are_reverse(site_tree):
    from django.urls import reverse

    links = Links(wagtail_request())
    for pk in (1, 42, 987654321):
        path = reverse("directory-api-skills-detail", args=[pk])
        assert links.reverse_pk("directory-api-skills-detail", pk) == "http://testserver" + path


@pytest.mark.parametrize(
    ("host", "port"),
    [
        ("testserver", "80"),
        ("partner.example", "80"),
        ("partner.example", "8080"),
        ("other.example", "443"),
        ("unknown.example", "80"),
    ],
)
def test_site_look_up_is_wagtails(site_tree, host, port):
    """With several sites (one per host, two ports on one host), the same site as Wagtail."""
    root = Site.objects.get(is_default_site=True).root_page
    Site.objects.create(hostname="partner.example", port=80, root_page=root, site_name="B")
    Site.objects.create(hostname="partner.example", port=8080, root_page=root, site_name="A")
    Site.objects.create(hostname="other.example", port=80, root_page=root)
    expected = Site.find_for_request(wagtail_request(host, port))
    found = find_site(wagtail_request(host, port))
    assert (found.pk if found else None) == (expected.pk if expected else None)


def test_site_look_up_without_a_default_site(site_tree):
    Site.objects.update(is_default_site=False)
    assert find_site(wagtail_request("unknown.example")) is None
    assert find_site(wagtail_request("unknown.example")) == Site.find_for_request(
        wagtail_request("unknown.example")
    )
