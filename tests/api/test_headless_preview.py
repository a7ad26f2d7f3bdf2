"""Headless preview: the editor's draft reaches the partner's front-end through the API with a
short-lived signed token, and nothing unpublished is served without one."""

import re
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.cache import caches
from django.test import RequestFactory

from cms.core import preview
from tests.conftest import LANGUAGES, TITLES

from .api_helpers import assert_error, get_json

pytestmark = pytest.mark.django_db

FRONT_END = "https://front.example/preview?site=coffee"


@pytest.fixture(autouse=True)
def _front_end(settings):
    settings.HEADLESS_PREVIEW_URL = FRONT_END
    settings.HEADLESS_PREVIEW_SECONDS = 600


def open_preview(page):
    """What the admin's preview panel does in the "Partner front-end" mode: the redirect."""
    assert preview.MODE in dict(page.preview_modes)
    response = page.make_preview_request(RequestFactory().get("/admin/"), preview.MODE)
    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]
    address = urlsplit(response["Location"])
    assert f"{address.scheme}://{address.netloc}{address.path}" == "https://front.example/preview"
    query = {name: values[0] for name, values in parse_qs(address.query).items()}
    assert query["site"] == "coffee"  # the front-end's own parameters are kept
    return query


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("role", ["article", "event_upcoming"])
def test_the_front_end_reads_the_draft_of_a_page_or_event_in_every_locale(
    api, site_tree, lang, role
):
    page = site_tree.page(role, lang)
    page.title = f"Brouillon {lang}"  # as typed in the editor's form, not saved
    query = open_preview(page)
    assert query["id"] == str(page.pk)
    assert query["locale"] == lang
    expected_type = "events.EventPage" if role.startswith("event") else "blog.BlogPage"
    assert query["type"] == expected_type

    response = api.get(f"/api/v2/preview/?token={query['token']}&id={page.pk}")
    assert response.status_code == 200, response.content[:300]
    data = response.json()
    assert data["title"] == f"Brouillon {lang}"
    assert data["meta"]["type"] == expected_type
    assert data["meta"]["locale"] == lang
    assert data["meta"]["preview"]["live"] is True
    if role.startswith("event"):
        assert data["venue"]["space"] is not None
    # Never kept by a cache between the API and the front-end.
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    # The published page is unchanged.
    published = get_json(api, f"/api/v2/pages/{page.pk}/")
    assert published["title"] == TITLES[role][lang]


def test_a_draft_of_a_new_page_is_served_only_with_its_token(api, site_tree):
    blog = site_tree.page("blog_index", "nl")
    draft = type(site_tree.page("article", "nl"))(
        title="Nog niet gepubliceerd", slug="nog-niet", summary="Een concept."
    )
    # What Wagtail's preview of a new page does: a place in the tree, nothing saved.
    draft.depth = blog.depth + 1
    draft.path = blog.path + "ZZZZ"
    draft.locale = blog.locale
    draft.set_url_path(blog)
    query = open_preview(draft)
    assert "id" not in query
    data = get_json(api, f"/api/v2/preview/?token={query['token']}")
    assert data["title"] == "Nog niet gepubliceerd"
    assert data["meta"]["preview"]["live"] is False
    listing = get_json(api, "/api/v2/pages/?search=gepubliceerd&locale=nl")
    assert listing["meta"]["total_count"] == 0


def test_an_expired_token_is_refused(api, site_tree):
    page = site_tree.page("article", "fr")
    query = open_preview(page)
    payload = preview.read_token(query["token"])
    # The same kept draft, with a token issued eleven minutes ago (the lifetime is ten).
    old = preview.make_token(payload["k"], page.pk, issued_at=time.time() - 660)
    error = assert_error(
        api.get(f"/api/v2/preview/?token={old}&id={page.pk}"), 403, "token_expired", "token"
    )
    assert "expired" in error["message"]


def test_a_draft_no_longer_kept_is_refused(api, site_tree):
    page = site_tree.page("article", "fr")
    query = open_preview(page)
    caches["default"].clear()
    assert_error(api.get(f"/api/v2/preview/?token={query['token']}"), 403, "token_expired", "token")


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),  # signature
        lambda token: "x" + token,  # payload
        lambda token: "not-a-token",
        lambda token: token.replace(":", "", 1),
    ],
)
def test_a_tampered_token_is_refused(api, site_tree, tamper):
    page = site_tree.page("article", "fr")
    query = open_preview(page)
    assert_error(
        api.get(f"/api/v2/preview/?token={tamper(query['token'])}&id={page.pk}"),
        403,
        "invalid_token",
        "token",
    )


def test_a_token_for_another_page_is_refused(api, site_tree):
    article = site_tree.page("article", "fr")
    other = site_tree.page("article_old", "fr")
    query = open_preview(article)
    error = assert_error(
        api.get(f"/api/v2/preview/?token={query['token']}&id={other.pk}"),
        403,
        "invalid_token",
        "token",
    )
    assert str(other.pk) in error["message"]


@pytest.mark.parametrize(
    ("query", "status", "code", "parameter"),
    [
        ("", 400, "invalid_parameter", "token"),
        ("token=", 400, "invalid_parameter", "token"),
        ("token=abc&id=zero", 400, "invalid_parameter", "id"),
        ("token=abc&locale=fr", 400, "unknown_parameter", "locale"),
        ("token=abc&image=fill-9999x9999", 400, "invalid_parameter", "image"),
    ],
)
def test_bad_preview_requests_name_the_parameter(api, site_tree, query, status, code, parameter):
    assert_error(api.get(f"/api/v2/preview/?{query}"), status, code, parameter)


def test_preview_answers_never_enter_the_response_cache(api, site_tree, settings):
    settings.COFFEE_API_RESPONSE_CACHE = "api"
    caches["api"].clear()
    page = site_tree.page("article", "en")
    page.title = "Draft title"
    query = open_preview(page)
    url = f"/api/v2/preview/?token={query['token']}&id={page.pk}"
    for _ in range(2):
        response = api.get(url)
        assert response.status_code == 200
        assert "X-Cache" not in response
    # A published page's answer is cached, as before.
    api.get(f"/api/v2/pages/{page.pk}/")
    assert api.get(f"/api/v2/pages/{page.pk}/")["X-Cache"] == "hit"
    # Once expired, the same URL is refused, not answered from any cache.
    caches["default"].clear()
    assert api.get(url).status_code == 403


def test_without_a_front_end_there_is_no_such_preview_mode(site_tree, settings):
    settings.HEADLESS_PREVIEW_URL = ""
    page = site_tree.page("article", "fr")
    assert preview.MODE not in dict(page.preview_modes)
    assert page.preview_modes  # the site's own preview stays


def test_the_schema_documents_the_preview(api):
    schema = get_json(api, "/api/schema/?format=json")
    operation = schema["paths"]["/api/v2/preview/"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {"token", "id", "fields", "image", "image_format"} <= names
    assert "403" in operation["responses"]
    assert "token_expired" in schema["components"]["schemas"]["CodeEnum"]["enum"]


def test_fields_of_a_preview_are_those_of_its_page_type(api, site_tree):
    page = site_tree.page("article", "fr")
    token = open_preview(page)["token"]
    bare = get_json(api, f"/api/v2/preview/?token={token}&fields=_")
    assert set(bare) == {"meta"} and set(bare["meta"]) == {"preview"}  # still a preview
    assert "body" in get_json(api, f"/api/v2/preview/?token={token}&fields=body")
    for value in ("nonexistent", "start"):  # no field of any page type, an event's field
        response = api.get(f"/api/v2/preview/?token={token}&fields={value}")
        assert_error(response, 400, "invalid_parameter", "fields")
    schema = get_json(api, "/api/schema/?format=json")
    [fields] = [
        parameter
        for parameter in schema["paths"]["/api/v2/preview/"]["get"]["parameters"]
        if parameter["name"] == "fields"
    ]
    pattern = re.compile(fields["schema"]["pattern"])
    assert pattern.match("body") and pattern.match("start") and pattern.match("_")
    assert not pattern.match("nonexistent")
