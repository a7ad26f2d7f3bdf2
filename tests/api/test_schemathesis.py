"""Schemathesis against the live OpenAPI schema (/api/schema/), in-process through Django's WSGI
application, on the API fixtures' site (pages in three locales, media, a rich article) plus the
demo directory, so that the endpoints answer real content.

Positive and negative data (values that fit the schema and values that do not), a fixed seed,
and a bounded number of examples per operation: the same cases on every run, in CI too.
Every response must be no server error, carry a documented status code, and match the
documented schema of that status (the error shape included); and on every operation, a request
the schema allows is accepted and one it does not is refused: the schema says exactly what is
accepted.
"""

import os

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    response_schema_conformance,
    status_code_conformance,
)

from cms.demo.directory.records import load_directory_demo
from tests.conftest import kept_for_module

#: Fixed unless overridden for a deeper, local exploration (e.g. SCHEMATHESIS_MAX_EXAMPLES=200).
SEED = int(os.environ.get("SCHEMATHESIS_SEED", "20260131"))
MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "12"))

CONFIG = SchemathesisConfig.from_dict(
    {
        "seed": SEED,
        "generation": {
            "mode": "all",  # positive and negative
            "max-examples": MAX_EXAMPLES,
            "deterministic": True,
            "database": "none",  # no example database: the same cases on every run
        },
        "phases": {"stateful": {"enabled": False}},
        "checks": {
            # A query string too long for any parameter is refused too, with 414.
            "negative_data_rejection": {
                "expected-statuses": [
                    "400",
                    "401",
                    "403",
                    "404",
                    "405",
                    "406",
                    "409",
                    "414",
                    "415",
                    "422",
                    "428",
                    "429",
                    "5xx",
                ]
            }
        },
    }
)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
#: Values valid by the schema are accepted, values outside it refused (400).
STRICT_CHECKS = [positive_data_acceptance, negative_data_rejection]
application = WSGIHandler()
schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application, config=CONFIG)


@pytest.fixture(scope="module")
def directory_demo(site_tree, api_content, django_db_blocker):
    """The demo directory (people, companies, project ideas, skills and sectors in three
    languages), linked to the site tree's spaces."""
    with kept_for_module(django_db_blocker):
        load_directory_demo()
        yield


@pytest.fixture
def in_process(directory_demo, db):
    """Django's request signals close the database connection after each request: not here,
    where every request runs inside the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_api_conforms_to_its_schema(case, in_process):
    case.call_and_validate(checks=[*CHECKS, *STRICT_CHECKS])


#: Lists that show real content (random values rarely hit an existing id or `fields=*`), and
#: where the detail of each listed item is.
REAL_CONTENT = [
    *[
        ("/api/v2/pages/", {"locale": code, "limit": "100"}, "/api/v2/pages/{id}/")
        for code in ("fr", "nl", "en")
    ],
    ("/api/v2/pages/", {"fields": "*", "limit": "100"}, None),
    ("/api/v2/pages/", {"type": "blog.BlogPage", "fields": "*"}, None),
    ("/api/v2/pages/", {"type": "spaces.SpacePage", "fields": "*"}, None),
    ("/api/v2/events/", {"from": "2000-01-01", "fields": "*"}, "/api/v2/events/{id}/"),
    ("/api/v2/images/", {"fields": "*"}, "/api/v2/images/{id}/"),
    ("/api/v2/documents/", {"fields": "*"}, "/api/v2/documents/{id}/"),
    ("/api/v2/changes/", {"limit": "500"}, None),
    ("/api/v2/search/", {"q": "coworking"}, None),
    *[
        (
            f"/api/v2/directory/{kind}/",
            {"locale": code, "page_size": "100"}
            if kind not in ("skills", "sectors")
            else {"locale": code},
            f"/api/v2/directory/{kind}/{{id}}/",
        )
        for kind in ("coworkers", "companies", "projects", "skills", "sectors")
        for code in ("fr", "nl", "en")
    ],
]


def test_real_content_conforms_to_the_schema(in_process):
    """Each list above, and the detail of every item it lists, answers 200 within the schema."""
    details = 0
    for path, query, detail in REAL_CONTENT:
        response = schema[path]["GET"].Case(query=query).call_and_validate(checks=CHECKS)
        assert response.status_code == 200, (path, query)
        items = response.json().get("items", [])
        assert items or path == "/api/v2/search/", (path, query)
        for item in items if detail else []:
            case = schema[detail]["GET"].Case(path_parameters={"id": item["id"]})
            assert case.call_and_validate(checks=CHECKS).status_code == 200, (detail, item)
            details += 1
    assert details > 100, details
