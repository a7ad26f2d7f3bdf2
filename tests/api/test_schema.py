"""The OpenAPI 3 schema covers every public endpoint and is valid; the docs load no CDN."""

import pytest
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db

PUBLIC_PATHS = {
    "/api/v2/",
    "/api/v2/pages/",
    "/api/v2/pages/{id}/",
    "/api/v2/pages/find/",
    "/api/v2/events/",
    "/api/v2/events/{id}/",
    "/api/v2/events/find/",
    "/api/v2/images/",
    "/api/v2/images/{id}/",
    "/api/v2/images/find/",
    "/api/v2/documents/",
    "/api/v2/documents/{id}/",
    "/api/v2/documents/find/",
    "/api/v2/changes/",
    "/api/v2/search/",
}


@pytest.fixture
def schema(api):
    response = api.get("/api/schema/?format=json")
    assert response.status_code == 200
    return response.json()


def test_schema_is_valid_openapi_3(schema):
    assert schema["openapi"].startswith("3.")
    validate_schema(schema)  # raises on an invalid document


def test_schema_lists_every_public_endpoint_and_nothing_else(schema):
    paths = set(schema["paths"])
    assert paths >= PUBLIC_PATHS
    assert all(path.startswith("/api/v2/") for path in paths)
    assert not any("/admin/" in path or "/localize/" in path for path in paths)


def test_every_operation_documents_parameters_and_the_error_shape(schema):
    components = schema["components"]["schemas"]
    assert set(components["ErrorDetail"]["properties"]) >= {
        "status",
        "code",
        "parameter",
        "message",
    }
    for path, item in schema["paths"].items():
        # Read-only, except subscribing to the newsletter and registering for an event (POST).
        posted = {"/api/v2/newsletter/subscribe/", "/api/v2/events/{id}/registrations/"}
        method = "post" if path in posted else "get"
        assert set(item) <= {method, "parameters"}, path
        operation = item[method]
        assert "400" in operation["responses"] and "429" in operation["responses"], path
        error = operation["responses"]["400"]["content"]["application/json"]["schema"]
        assert error["$ref"].endswith("/Error"), path
    listing = {p["name"] for p in schema["paths"]["/api/v2/pages/"]["get"]["parameters"]}
    assert {"limit", "offset", "fields", "order", "search", "locale", "type"} <= listing
    events = {p["name"] for p in schema["paths"]["/api/v2/events/"]["get"]["parameters"]}
    assert {"from", "to", "space", "city", "locale"} <= events
    locale = next(
        p for p in schema["paths"]["/api/v2/pages/"]["get"]["parameters"] if p["name"] == "locale"
    )
    assert sorted(locale["schema"]["enum"]) == ["en", "fr", "nl"]
    assert "translations" in components["PageMeta"]["properties"]


def test_docs_are_served_without_a_cdn(api):
    response = api.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/" in html
    assert "cdn." not in html and "unpkg" not in html and "jsdelivr" not in html
    assert api.get("/api/docs/redoc/").status_code == 200
