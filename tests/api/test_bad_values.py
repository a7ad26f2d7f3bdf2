"""The table of bad values on every documented parameter of every list endpoint, stricter than
test_errors.py: each value is either legitimately valid (200) or a 400 in the documented shape
that names the parameter; values that can never be valid for a parameter's documented type
(an integer, a date, a choice) are always a 400; unknown order/type/fields/locale/ordering/kind
values name their parameter; and bad ids in a path are a 404 in the same shape.

The parameters come from the OpenAPI schema itself, so a parameter added to the schema is
tested here without touching this file.
"""

from urllib.parse import quote

import pytest

from .api_helpers import assert_error

pytestmark = pytest.mark.django_db

BAD_VALUES = {
    "-1": "-1",
    "0": "0",
    "2^63": str(2**63),
    "10^20": str(10**20),
    "abc": "abc",
    "NUL": "\x00",
    "emoji": "😀",
    "5000 characters": "x" * 5000,
}
#: Refused whatever the parameter (control characters, absurd lengths).
NEVER_VALID = {"NUL", "5000 characters"}

LIST_ENDPOINTS = [
    "/api/v2/pages/",
    "/api/v2/images/",
    "/api/v2/documents/",
    "/api/v2/events/",
    "/api/v2/changes/",
    "/api/v2/search/",
    "/api/v2/directory/coworkers/",
    "/api/v2/directory/companies/",
    "/api/v2/directory/projects/",
    "/api/v2/directory/skills/",
    "/api/v2/directory/sectors/",
]


@pytest.fixture(scope="module")
def openapi():
    from django.test import Client

    response = Client().get("/api/schema/?format=json")
    assert response.status_code == 200
    return response.json()


def query_parameters(openapi, path):
    parameters = openapi["paths"][path]["get"].get("parameters", [])
    return [parameter for parameter in parameters if parameter["in"] == "query"]


def is_strict(parameter):
    """A documented type that none of the bad values fits (except 0 for an integer)."""
    schema = parameter["schema"]
    if schema.get("type") == "array":
        schema = schema.get("items", {})
    return (
        schema.get("type") == "integer"
        or schema.get("format") in ("date", "date-time")
        or "enum" in schema
    )


def check(api, path, name, value, *, strict, base=""):
    """None if the answer is right, else what was wrong (to report every problem at once)."""
    url = f"{path}?{base}{quote(name)}={quote(value)}"
    response = api.get(url)
    shown = url if len(url) < 120 else url[:117] + "..."
    if response.status_code == 200 and not strict:
        return None
    # Past the API's 4 KB limit the whole query string is refused, still naming the parameter.
    expected = 414 if len(url.partition("?")[2]) > 4096 else 400
    if response.status_code != expected:
        return f"{shown}: {response.status_code}"
    try:
        assert_error(response, expected, parameter=name)
    except AssertionError as exc:
        return f"{shown}: {exc}"
    return None


@pytest.mark.parametrize("path", LIST_ENDPOINTS)
def test_every_bad_value_on_every_parameter(api, site_tree, openapi, path):
    parameters = query_parameters(openapi, path)
    assert parameters, path
    # The search endpoint requires q: give it one while another parameter is tested.
    base = "q=coworking&" if path == "/api/v2/search/" else ""
    problems = []
    for parameter in parameters:
        name = parameter["name"]
        for label, value in BAD_VALUES.items():
            strict = label in NEVER_VALID or (is_strict(parameter) and label != "0")
            problem = check(api, path, name, value, strict=strict, base="" if name == "q" else base)
            if problem:
                problems.append(f"{name}={label}: {problem}")
    assert not problems, "\n".join(problems)


UNKNOWN_VALUES = [
    *[(path, "order=unknown", "order") for path in LIST_ENDPOINTS[:4]],
    *[(path, "order=-title,unknown", "order") for path in LIST_ENDPOINTS[:4]],
    *[(path, "fields=unknown", "fields") for path in LIST_ENDPOINTS[:4]],
    *[(path, "fields=*,-unknown", "fields") for path in LIST_ENDPOINTS[:4]],
    *[(path, "search_operator=xor&search=a", "search_operator") for path in LIST_ENDPOINTS[:4]],
    ("/api/v2/pages/", "type=unknown", "type"),
    ("/api/v2/pages/", "type=unknown.Page", "type"),
    ("/api/v2/pages/", "type=blog.BlogPage,unknown.Page", "type"),
    ("/api/v2/pages/", "type=wagtailcore.Page&fields=unknown", "fields"),
    ("/api/v2/pages/", "type=blog.BlogPage&order=unknown", "order"),
    ("/api/v2/events/", "type=blog.BlogPage", "type"),
    ("/api/v2/images/", "type=unknown", "type"),
    ("/api/v2/documents/", "locale=nl", "locale"),
    ("/api/v2/changes/", "kind=unknown", "kind"),
    ("/api/v2/directory/coworkers/", "ordering=unknown", "ordering"),
    ("/api/v2/directory/companies/", "ordering=unknown", "ordering"),
    ("/api/v2/directory/projects/", "ordering=unknown", "ordering"),
    ("/api/v2/directory/coworkers/", "fields=name", "fields"),
    *[
        (path, "locale=xx", "locale")
        for path in [
            "/api/v2/pages/",
            "/api/v2/events/",
            "/api/v2/changes/",
            "/api/v2/search/?q=coworking&",
            "/api/v2/directory/coworkers/",
            "/api/v2/directory/companies/",
            "/api/v2/directory/projects/",
            "/api/v2/directory/skills/",
            "/api/v2/directory/sectors/",
        ]
    ],
    ("/api/v2/pages/", "locale=FR", "locale"),
    ("/api/v2/pages/", "locale=fr-be", "locale"),
    ("/api/v2/directory/skills/", "locale=de", "locale"),
]


@pytest.mark.parametrize("path,query,parameter", UNKNOWN_VALUES)
def test_unknown_values_name_their_parameter(api, site_tree, path, query, parameter):
    separator = "" if path.endswith("&") else "?"
    assert_error(api.get(f"{path}{separator}{query}"), 400, parameter=parameter)


#: In a path, a newline too: Django's "." does not match it, so a catch-all route must not use it.
PATH_VALUES = {**BAD_VALUES, "newline": "1\n", "trailing newline": "1/\n"}

DETAIL_ROUTES = [
    "/api/v2/pages/{}/",
    "/api/v2/events/{}/",
    "/api/v2/images/{}/",
    "/api/v2/documents/{}/",
    "/api/v2/directory/coworkers/{}/",
    "/api/v2/directory/companies/{}/",
    "/api/v2/directory/projects/{}/",
    "/api/v2/directory/skills/{}/",
    "/api/v2/directory/sectors/{}/",
]


@pytest.mark.parametrize("route", DETAIL_ROUTES)
def test_bad_ids_in_the_path_are_404s_in_the_error_shape(api, site_tree, route):
    problems = []
    for label, value in PATH_VALUES.items():
        url = route.format(quote(value))
        response = api.get(url)
        try:
            assert_error(response, 404, code="not_found")
        except AssertionError as exc:
            problems.append(f"{label}: {url[:100]}: {exc}")
    assert not problems, "\n".join(problems)
