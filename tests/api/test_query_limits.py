"""Requests the API refuses in its own JSON error shape, naming the parameter to blame: a query
string over 4 kB (414, before any other check) and an empty find/?html_path=."""

import pytest

from cms.api.params import MAX_QUERY_STRING

from .api_helpers import assert_error

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v2/pages/",
    "/api/v2/events/",
    "/api/v2/images/",
    "/api/v2/pages/find/",
    "/api/v2/changes/",
    "/api/v2/search/",
    "/api/v2/directory/coworkers/",
]


@pytest.mark.parametrize("path", ENDPOINTS)
def test_a_query_string_over_4_kb_is_a_json_414_naming_the_longest_parameter(api, site_tree, path):
    query = "locale=nl&q=" + "x" * 900 + "&fields=" + "y" * MAX_QUERY_STRING
    error = assert_error(api.get(f"{path}?{query}"), 414, "query_string_too_long", "fields")
    assert "4096" in error["message"]


def test_a_query_string_of_4_kb_is_still_read(api, site_tree):
    """At the limit, the usual checks answer (here: a value over 1000 characters)."""
    query = "search=" + "a" * (MAX_QUERY_STRING - len("search="))
    assert_error(api.get(f"/api/v2/pages/?{query}"), 400, "invalid_parameter", "search")


def test_find_with_an_empty_html_path_is_refused(api, site_tree):
    """An empty html_path used to redirect to the home page."""
    error = assert_error(api.get("/api/v2/pages/find/?html_path="), 400, parameter="html_path")
    assert "empty" in error["message"]
    assert_error(api.get("/api/v2/events/find/?html_path=%20"), 400, parameter="html_path")


def parameter(schema, path, name):
    for item in schema["paths"][path]["get"]["parameters"]:
        if item["name"] == name:
            return item["schema"]
    raise AssertionError(f"{name} is not documented on {path}")


@pytest.mark.parametrize(
    ("path", "name", "minimum"),
    [
        ("/api/v2/pages/find/", "id", 1),
        ("/api/v2/images/find/", "id", 1),
        ("/api/v2/pages/", "limit", 0),
        ("/api/v2/changes/", "limit", 1),
        ("/api/v2/search/", "limit", 1),
        ("/api/v2/directory/coworkers/", "page", 1),
        ("/api/v2/directory/coworkers/", "page_size", 1),
    ],
)
def test_the_schema_states_the_minimum_the_api_checks(api, site_tree, path, name, minimum):
    """A value the schema calls valid is answered; one below its minimum is refused."""
    schema = api.get("/api/schema/?format=json").json()
    assert parameter(schema, path, name)["minimum"] == minimum
    required = "q=coworking&" if path == "/api/v2/search/" else ""
    assert_error(api.get(f"{path}?{required}{name}={minimum - 1}"), 400, parameter=name)
    at_minimum = api.get(f"{path}?{required}{name}={minimum}")
    assert at_minimum.status_code in (200, 302, 404), at_minimum.content[:300]


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/api/v2/pages/", "order"),
        ("/api/v2/pages/", "child_of"),
        ("/api/v2/changes/", "cursor"),
        ("/api/v2/pages/find/", "html_path"),
        ("/api/v2/search/", "q"),
    ],
)
def test_the_schema_refuses_the_empty_values_the_api_refuses(api, site_tree, path, name):
    schema = api.get("/api/schema/?format=json").json()
    assert parameter(schema, path, name)["minLength"] == 1
    assert_error(api.get(f"{path}?{name}="), 400, parameter=name)
