"""A partner starts at /api/v2/: it names every endpoint, the documentation and the languages."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(api):
    response = api.get("/api/v2/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_every_listed_endpoint_answers(api, site_tree, index):
    assert index["locales"] == ["fr", "nl", "en"]
    assert index["default_locale"] == "fr"
    assert api.get(index["documentation"]).status_code == 200
    assert api.get(index["schema"]).status_code == 200
    for name, url in index["endpoints"].items():
        assert url.startswith("http://testserver/api/v2/"), name
        if name == "search":
            assert api.get(url, {"q": "coworking"}).status_code == 200, name
        elif name == "newsletter_subscribe":
            assert api.options(url).status_code == 200, name
        else:
            assert api.get(url).status_code == 200, name


def test_the_index_lists_every_documented_list_endpoint(api, index):
    """An endpoint added to the schema and left out of the index fails here."""
    documented = {
        path
        for path in api.get("/api/schema/?format=json").json()["paths"]
        if "{" not in path and not path.endswith("/find/") and path != "/api/v2/"
    }
    listed = {url.removeprefix("http://testserver") for url in index["endpoints"].values()}
    assert listed == documented - {"/api/v2/preview/"}


def test_the_index_takes_no_parameter_but_the_format(api):
    response = api.get("/api/v2/", {"locale": "nl"})
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "locale"
