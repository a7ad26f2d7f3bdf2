"""Page search on an engine that does not answer: the database backend answers instead."""

import pytest
from django.test import override_settings
from wagtail.models import Page

from cms.settings.search import wagtail_search_backends
from search.pages import search_pages
from tests.conftest import TITLES

from .conftest import CLOSED_PORT_URL

pytestmark = pytest.mark.django_db

ENGINE_DOWN = {
    "WAGTAILSEARCH_BACKENDS": wagtail_search_backends(
        "opensearch", CLOSED_PORT_URL, index_prefix="test-", timeout=1
    ),
    "SEARCH_DATABASE_BACKEND": "database",
}


def test_page_search_falls_back_to_the_database(site_tree):
    with override_settings(**ENGINE_DOWN):
        results, degraded = search_pages(Page.objects.live(), "coworking")
        titles = {page.title for page in results}
    assert degraded
    assert TITLES["article_old"]["fr"] in titles


def test_page_search_on_the_database_is_not_degraded(site_tree):
    results, degraded = search_pages(Page.objects.live(), "coworking")
    assert not degraded and TITLES["article_old"]["fr"] in {page.title for page in results}


@pytest.mark.engine
def test_page_search_on_the_engine(site_tree):
    """Wagtail's own opensearch2 backend (behind the circuit breaker), as SEARCH_ENGINE=opensearch
    configures it, loaded by rebuild_search_index."""
    import uuid

    from wagtail.search.backends import get_search_backend

    from search.rebuild import rebuild_wagtail_indexes

    from .conftest import ENGINE_URL, require_engine

    require_engine("opensearch")
    prefix = f"test-{uuid.uuid4().hex[:10]}-"
    backends = wagtail_search_backends("opensearch", ENGINE_URL, index_prefix=prefix, timeout=5)
    with override_settings(WAGTAILSEARCH_BACKENDS=backends, SEARCH_DATABASE_BACKEND="database"):
        try:
            rebuild_wagtail_indexes()
            results, degraded = search_pages(Page.objects.live(), "coworking")
            titles = {page.title for page in results}
        finally:
            get_search_backend().es.indices.delete(index=f"{prefix}*")
    assert not degraded
    assert TITLES["article_old"]["fr"] in titles
