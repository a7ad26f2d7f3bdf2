"""The engines the search contract runs on.

"database" always runs. "opensearch" runs against SEARCH_URL (default: the node of
``ops/opensearch/opensearch.sh``, http://127.0.0.1:9201) in indexes of its own (a unique
SEARCH_INDEX_PREFIX, deleted afterwards); when no engine answers there it is skipped with the
reason, or fails when CI=true or REQUIRE_SEARCH_ENGINE=1. An Elasticsearch 8 runs the same
suite with SEARCH_TEST_ENGINE=elasticsearch SEARCH_URL=http://...:9200.
"""

import os
import uuid
from contextlib import contextmanager

import pytest
from django.test import override_settings

from cms.settings.search import wagtail_search_backends
from search.clients import get_client
from tests.directory.conftest import directory, url  # noqa: F401 (fixtures)

ENGINE_URL = os.environ.get("SEARCH_URL", "http://127.0.0.1:9201")
REMOTE_ENGINE = os.environ.get("SEARCH_TEST_ENGINE", "opensearch")
REQUIRED = os.environ.get("CI", "").lower() == "true" or os.environ.get(
    "REQUIRE_SEARCH_ENGINE", ""
) in ("1", "true")
CLOSED_PORT_URL = "http://127.0.0.1:9"  # discard: nothing listens there

ENGINES = [
    pytest.param("database", id="database"),
    pytest.param(REMOTE_ENGINE, id=REMOTE_ENGINE, marks=pytest.mark.engine),
]


def require_engine(name):
    if name == "database":
        return
    with override_settings(SEARCH_ENGINE=name, SEARCH_URL=ENGINE_URL):
        reachable = get_client(name).ping()
    if not reachable:
        reason = (
            f"no {name} answers at SEARCH_URL={ENGINE_URL} "
            "(start one with: bash ops/opensearch/opensearch.sh start)"
        )
        if REQUIRED:
            pytest.fail(f"CI/REQUIRE_SEARCH_ENGINE: {reason}", pytrace=False)
        pytest.skip(reason)


@contextmanager
def engine_settings(name, **extra):
    """Settings of one engine, with indexes of its own deleted at the end."""
    if name == "database":
        with override_settings(SEARCH_ENGINE="database", **extra):
            yield
        return
    prefix = f"test-{uuid.uuid4().hex[:10]}-"
    timeout = float(os.environ.get("SEARCH_TEST_TIMEOUT", "10"))
    options = {
        "SEARCH_ENGINE": name,
        "SEARCH_URL": ENGINE_URL,
        "SEARCH_INDEX_PREFIX": prefix,
        "SEARCH_TIMEOUT": timeout,
        # Pages, images and documents on the engine too, as SEARCH_ENGINE=... configures them.
        "WAGTAILSEARCH_BACKENDS": wagtail_search_backends(
            name, ENGINE_URL, index_prefix=prefix, timeout=timeout
        ),
        "SEARCH_DATABASE_BACKEND": "database",
    }
    with override_settings(**(options | extra)):
        try:
            yield
        finally:
            with override_settings(SEARCH_URL=ENGINE_URL):
                client = get_client(name)
                for index in client.indices_matching(f"{prefix}*"):
                    client.delete_index(index)


def refresh_indexes(name):
    """What was indexed so far becomes searchable now, not at the engine's next refresh (1 s)."""
    if name == "database":
        return
    from django.conf import settings

    get_client(name).refresh(f"{settings.SEARCH_INDEX_PREFIX}*")


def rebuild(django_db_blocker=None):
    """Every engine index, the directory's and Wagtail's own (pages, images, documents), as
    rebuild_search_index loads them."""
    from search.rebuild import rebuild_all, rebuild_wagtail_indexes

    if django_db_blocker is None:
        rebuild_wagtail_indexes()
        return rebuild_all()
    with django_db_blocker.unblock():
        rebuild_wagtail_indexes()
        return rebuild_all()


@pytest.fixture(scope="module", params=ENGINES)
def engine(request, directory, django_db_blocker):  # noqa: F811
    """The engine answering, with the directory scenario indexed in it."""
    require_engine(request.param)
    with engine_settings(request.param):
        if request.param != "database":
            rebuild(django_db_blocker)
        yield request.param
