"""Values and combinations the schema allows, and what the API makes of them: a filter naming
nothing that exists is an empty list (not an error), random order with offset or search, an
order the search index cannot give, find/ without parameters, any cursor of the feed's form."""

import re

import pytest

from cms.api.views import encode_cursor

from .api_helpers import assert_error, get_json, titles

pytestmark = pytest.mark.django_db

EMPTY = {"meta": {"total_count": 0}, "items": []}


@pytest.mark.parametrize("name", ["child_of", "descendant_of", "translation_of", "ancestor_of"])
def test_a_tree_filter_on_a_page_that_does_not_exist_is_an_empty_list(api, site_tree, name):
    assert get_json(api, f"/api/v2/pages/?{name}=9007199254740991") == EMPTY
    if name != "ancestor_of":  # an integer up to 2**53 - 1; the others take up to 16 digits
        assert get_json(api, f"/api/v2/pages/?{name}=9999999999999999") == EMPTY


def test_child_of_and_descendant_of_combine(api, site_tree):
    home, blog = site_tree.pks["home"]["fr"], site_tree.pks["blog_index"]["fr"]
    children = get_json(api, f"/api/v2/pages/?child_of={blog}")
    assert titles(get_json(api, f"/api/v2/pages/?child_of={blog}&descendant_of={home}")) == (
        titles(children)
    )
    assert children["items"]
    assert get_json(api, f"/api/v2/pages/?child_of={home}&descendant_of={blog}") == EMPTY


def test_events_in_a_space_that_does_not_exist_are_an_empty_list(api, site_tree):
    for value in ("nowhere", "9999999999999999999"):
        assert get_json(api, f"/api/v2/events/?from=2000-01-01&space={value}") == EMPTY


def test_events_between_to_and_an_earlier_from_are_an_empty_list(api, site_tree):
    assert get_json(api, "/api/v2/events/?from=2000-01-01")["items"]
    assert get_json(api, "/api/v2/events/?from=2100-01-02&to=2000-01-01") == EMPTY


@pytest.mark.parametrize("path", ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"])
def test_random_order_combines_with_offset(api, site_tree, api_content, path):
    everything = get_json(api, f"{path}?limit=100")
    data = get_json(api, f"{path}?order=random&offset=1&limit=100")
    assert data["meta"]["total_count"] == everything["meta"]["total_count"]
    assert len(data["items"]) == len(everything["items"]) - 1


def test_random_order_with_search_shuffles_the_hits(api, site_tree):
    hits = get_json(api, "/api/v2/pages/?search=Lille&limit=100")
    assert hits["items"]
    shuffled = get_json(api, "/api/v2/pages/?search=Lille&order=random&limit=100")
    assert sorted(titles(shuffled)) == sorted(titles(hits))


def test_search_ordered_by_a_field_the_index_cannot_sort_by(api, site_tree):
    hits = get_json(api, "/api/v2/pages/?search=Lille&limit=100&fields=slug")
    data = get_json(api, "/api/v2/pages/?search=Lille&order=-slug&limit=100&fields=slug")
    slugs = [item["meta"]["slug"] for item in data["items"]]
    assert slugs == sorted((item["meta"]["slug"] for item in hits["items"]), reverse=True)


def test_find_without_parameters_is_the_home_page(api, site_tree):
    response = api.get("/api/v2/pages/find/")
    assert response.status_code == 302
    assert get_json(api, response["Location"])["meta"]["type"] == "home.HomePage"
    assert_error(api.get("/api/v2/events/find/"), 404, "not_found")


def test_any_cursor_of_the_feeds_form_is_a_position(api, site_tree):
    """A cursor names a position in the log: past the newest change, nothing more yet."""
    beyond = encode_cursor(10**17)
    data = get_json(api, f"/api/v2/changes/?cursor={beyond}")
    assert data["items"] == [] and data["meta"]["has_more"] is False
    assert data["meta"]["next_cursor"] == beyond
    first = get_json(api, f"/api/v2/changes/?cursor={encode_cursor(0)}&limit=1")
    assert first["items"] == get_json(api, "/api/v2/changes/?limit=1")["items"]


def test_the_schema_states_the_values_of_fields_order_type_and_cursor(api):
    schema = get_json(api, "/api/schema/?format=json")

    def pattern(path, name):
        [found] = [p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == name]
        return re.compile(found["schema"]["pattern"])

    assert pattern("/api/v2/pages/", "fields").match("*,-title,-locale")
    assert not pattern("/api/v2/pages/", "fields").match("title,*")
    assert not pattern("/api/v2/pages/", "fields").match("_,-title")
    assert not pattern("/api/v2/pages/", "fields").match("*,title")
    assert not pattern("/api/v2/pages/", "fields").match("parent")  # detail only
    assert pattern("/api/v2/pages/{id}/", "fields").match("parent")
    assert pattern("/api/v2/events/", "order").match("-start,title")
    assert pattern("/api/v2/pages/", "type").match("blog.BlogPage,events.EventPage")
    assert not pattern("/api/v2/pages/", "type").match("auth.User")
    assert pattern("/api/v2/changes/", "cursor").match(encode_cursor(123456))


def parameter_pattern(schema, path, name):
    [found] = [p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == name]
    return re.compile(found["schema"]["pattern"])


def test_events_from_and_to_the_edges_of_the_calendar_are_every_event(api, site_tree):
    every = titles(get_json(api, "/api/v2/events/?from=1900-01-01&to=2200-12-31&limit=100"))
    assert every
    for query in (
        "from=0001-01-01&to=9999-12-31",
        "from=0001-01-01",
        "from=1900-01-01&to=9999-12-31",
        "from=0001-01-02&to=9999-12-30",
    ):
        assert titles(get_json(api, f"/api/v2/events/?{query}&limit=100")) == every, query
    assert get_json(api, "/api/v2/events/?to=0001-01-01") == EMPTY
    assert get_json(api, "/api/v2/events/?from=9999-12-31") == EMPTY


def test_site_search_without_a_word_is_refused_as_the_schema_says(api, site_tree):
    schema = get_json(api, "/api/schema/?format=json")
    words = parameter_pattern(schema, "/api/v2/search/", "q")
    for value, encoded in (('"', "%22"), ('" "', "%22%20%22")):
        assert not words.match(value)
        assert_error(api.get(f"/api/v2/search/?q={encoded}"), 400, "invalid_parameter", "q")
    assert words.match('"Lille"')
    assert get_json(api, "/api/v2/search/?q=%22Lille%22")["query"] == "Lille"


@pytest.mark.parametrize(
    ("path", "component"),
    [
        ("/api/v2/pages/", "Page"),
        ("/api/v2/events/?from=2000-01-01", "Event"),
        ("/api/v2/images/", "Image"),
        ("/api/v2/documents/", "Document"),
    ],
)
def test_fields_can_remove_every_field_and_the_schema_requires_none(
    api, site_tree, api_content, path, component
):
    joiner = "&" if "?" in path else "?"
    items = get_json(api, f"{path}{joiner}fields=_")["items"]
    assert items and all(item == {} for item in items)
    assert all(set(item) == {"id"} for item in get_json(api, f"{path}{joiner}fields=_,id")["items"])
    without_id = get_json(api, f"{path}{joiner}fields=*,-id,-title")["items"]
    assert without_id and not any("id" in item or "title" in item for item in without_id)
    schemas = get_json(api, "/api/schema/?format=json")["components"]["schemas"]
    assert "required" not in schemas[component]
    assert "required" not in schemas[f"{component}Meta" if component != "Event" else "PageMeta"]


def test_changes_since_a_time_past_the_calendars_edges(api, site_tree):
    everything = get_json(api, "/api/v2/changes/?limit=500")["items"]
    assert everything
    for since in ("0001-01-01T00:00:00%2B23:59", "0001-01-01T00:00:00Z"):
        data = get_json(api, f"/api/v2/changes/?since={since}&limit=500")
        assert data["items"] == everything, since
    for since in ("9999-12-31T23:59:59-23:59", "9999-12-31T23:59:59Z"):
        assert get_json(api, f"/api/v2/changes/?since={since}")["items"] == [], since


@pytest.mark.parametrize("offset", ["-22:40", "%2B15:59", "%2B23:59"])
def test_changes_since_any_offset_iso_8601_allows(api, site_tree, offset):
    """ISO 8601 offsets go to ±23:59, PostgreSQL's to ±15:59: the API compares in UTC."""
    assert (
        get_json(api, f"/api/v2/changes/?since=3107-02-19T22:57:06.244873{offset}")["items"] == []
    )
    everything = get_json(api, "/api/v2/changes/?limit=500")["items"]
    assert (
        get_json(api, f"/api/v2/changes/?since=2000-01-01T00:00:00{offset}&limit=500")["items"]
        == everything
    )
