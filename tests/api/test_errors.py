"""Never a 500: every bad value of every parameter is a 4xx in the one documented shape."""

from urllib.parse import quote

import pytest

from .api_helpers import assert_error

pytestmark = pytest.mark.django_db

# The 500s that stock Wagtail 8.0.1 answers (see PITFALLS.md), and their cousins.
KNOWN_500S = [
    ("/api/v2/pages/?offset=99999999999999999999", 400, "offset"),
    ("/api/v2/pages/?search=%00", 400, "search"),
    ("/api/v2/pages/?search=a&search_operator=xor", 400, "search_operator"),
    ("/api/v2/pages/find/?id=abc", 400, "id"),
    ("/api/v2/images/find/?id=abc", 400, "id"),
    ("/api/v2/documents/find/?id=abc", 400, "id"),
    ("/api/v2/pages/?child_of=99999999999999999999", 400, "child_of"),
    ("/api/v2/pages/?descendant_of=99999999999999999999", 400, "descendant_of"),
    ("/api/v2/pages/?translation_of=99999999999999999999", 400, "translation_of"),
    ("/api/v2/pages/?id=99999999999999999999", 400, "id"),
    ("/api/v2/pages/?type=blog.BlogPage&date=abc", 400, "date"),
    ("/api/v2/events/?start=abc", 400, "start"),
    ("/api/v2/pages/?type=spaces.SpacePage&latitude=abc", 400, "latitude"),
    ("/api/v2/pages/?type=blog.BlogPage&hero_image=99999999999999999999", 400, "hero_image"),
    ("/api/v2/pages/99999999999999999999/", 404, None),
    ("/api/v2/images/99999999999999999999/", 404, None),
    ("/api/v2/directory/coworkers/99999999999999999999/", 404, None),
    ("/api/v2/directory/skills/99999999999999999999/", 404, None),
    ("/api/v2/directory/coworkers/?page_size=1000", 400, "page_size"),
    ("/api/v2/pages/?locale=xx", 400, "locale"),
    ("/api/v2/pages/?limit=abc", 400, "limit"),
    ("/api/v2/pages/?limit=1000", 400, "limit"),
    ("/api/v2/pages/?order=unknown", 400, "order"),
    ("/api/v2/pages/?fields=unknown", 400, "fields"),
    ("/api/v2/pages/?fields=title(", 400, "fields"),
    ("/api/v2/pages/?type=unknown.Page", 400, "type"),
    ("/api/v2/pages/?type=auth.User", 400, "type"),
    ("/api/v2/pages/?unknown=1", 400, "unknown"),
    ("/api/v2/pages/?rich_text_format=markdown", 400, "rich_text_format"),
    ("/api/v2/images/find/", 400, "id"),
    ("/api/v2/pages/find/?html_path=/xx/%00", 400, "html_path"),
    ("/api/v2/events/?from=2026-02-30", 400, "from"),
    ("/api/v2/events/?space=%20", 400, "space"),
    ("/api/v2/events/?city=", 400, "city"),
    ("/api/v2/pages/?child_of=12abc", 400, "child_of"),
    ("/api/v2/pages/?child_of=012", 400, "child_of"),
    ("/api/v2/changes/?cursor=YzE6MQ!!", 400, "cursor"),
    ("/api/v2/changes/?since=yesterday", 400, "since"),
    ("/api/v2/changes/?cursor=%F0%9F%98%80", 400, "cursor"),
    ("/api/v2/search/", 400, "q"),
    ("/api/v2/nothing/", 404, None),
    ("/api/v3/pages/", 404, None),
]


@pytest.mark.parametrize("url,status,parameter", KNOWN_500S)
def test_known_server_errors_are_client_errors(api, site_tree, url, status, parameter):
    code = {400: None, 404: "not_found"}[status]
    assert_error(api.get(url), status, code=code, parameter=parameter)


BAD_VALUES = [
    "-1",
    "0",
    str(2**63),
    str(10**20),
    "abc",
    "\x00",
    "😀",
    "x" * 5000,
    "1.5",
    " 12",
    "١٢",
    '"',
    '"a',
    "'\"*()AND OR NOT",
    "NEAR(a b)",
]

PARAMETERS = {
    "/api/v2/pages/": [
        "offset",
        "limit",
        "child_of",
        "ancestor_of",
        "descendant_of",
        "translation_of",
        "locale",
        "type",
        "order",
        "fields",
        "search",
        "search_operator",
        "id",
        "title",
        "slug",
    ],
    "/api/v2/events/": ["from", "to", "space", "city", "locale", "limit", "offset", "order"],
    "/api/v2/images/": ["offset", "limit", "order", "fields", "search", "id", "title"],
    "/api/v2/documents/": ["offset", "limit", "order", "fields", "search", "id"],
    "/api/v2/pages/find/": ["id", "html_path"],
    "/api/v2/changes/": ["since", "cursor", "limit", "kind", "locale"],
    "/api/v2/search/": ["q", "locale", "limit"],
    "/api/v2/directory/coworkers/": [
        "q",
        "skill",
        "sector",
        "language",
        "space",
        "country",
        "open_to",
        "locale",
        "ordering",
        "page",
        "page_size",
    ],
    "/api/v2/directory/companies/": ["q", "type", "size", "ordering", "page_size"],
    "/api/v2/directory/projects/": ["q", "status", "ordering", "page"],
    "/api/v2/directory/skills/": ["locale"],
    "/api/v2/directory/coworkers/1/": ["locale"],
}


@pytest.mark.parametrize("path", sorted(PARAMETERS))
def test_bad_values_on_every_parameter_are_never_server_errors(api, site_tree, path):
    """A table of bad values on every parameter: the answer is a success or a documented 4xx
    (a 302 for find/ when the value happens to name something)."""
    for name in PARAMETERS[path]:
        for value in BAD_VALUES:
            url = f"{path}?{quote(name)}={quote(value)}"
            response = api.get(url)
            assert response.status_code < 500, (url, response.status_code)
            if response.status_code >= 400:
                assert_error(response, response.status_code)
            else:
                assert response.status_code in (200, 302), url


def test_post_is_refused_in_the_error_shape(api, site_tree):
    error = assert_error(api.post("/api/v2/pages/", {}), 405, code="method_not_allowed")
    assert error["parameter"] is None


def test_wagtail_v3_api_is_not_exposed(api, site_tree):
    for url in ("/api/v3/", "/api/v3/pages/", "/api/v3/docs"):
        assert api.get(url).status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_a_method_not_answered_is_a_405_whatever_the_parameters(api, site_tree, method):
    for url in (
        "/api/v2/pages/?child_of=3",
        "/api/v2/pages/find/?html_path=/fr/",
        "/api/v2/events/?city=Lille",
    ):
        assert_error(getattr(api, method)(url), 405, code="method_not_allowed")


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v2/pages/?limit=abc&limit=2", "limit"),
        ("/api/v2/pages/?locale=xx&locale=fr", "locale"),
        ("/api/v2/pages/?order=bogus&order=title", "order"),
        ("/api/v2/events/?city=Lille&city=Mons", "city"),
        ("/api/v2/directory/coworkers/?q=a&q=b", "q"),
        ("/api/v2/search/?q=a&q=b", "q"),
    ],
)
def test_a_single_value_parameter_given_twice_is_refused(api, site_tree, url, parameter):
    """Keeping the last value would hide a bad first one (limit=abc&limit=2)."""
    error = assert_error(api.get(url), 400, parameter=parameter)
    assert "only once" in error["message"]


def test_the_values_of_a_facet_may_be_repeated(api, site_tree):
    assert api.get("/api/v2/directory/coworkers/?skill=a&skill=b").status_code == 200


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v2/search/?q=*", "q"),
        ("/api/v2/search/?q=%27", "q"),
        ("/api/v2/search/?q=%E2%80%8B", "q"),
        ("/api/v2/pages/?search=%22", "search"),
        ("/api/v2/pages/?search=*", "search"),
    ],
)
def test_a_search_without_any_word_is_refused(api, site_tree, url, parameter):
    """Not read as "everything" (the whole directory) nor as "nothing"."""
    error = assert_error(api.get(url), 400, parameter=parameter)
    assert "no words" in error["message"]


def test_a_directory_search_too_long_says_so(api, site_tree):
    error = assert_error(api.get("/api/v2/directory/coworkers/?q=" + "x" * 201), 400, parameter="q")
    assert error["message"] == "q may not be longer than 200 characters."
