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
