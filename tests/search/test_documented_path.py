"""The README's path onto a search engine, followed on the real OpenSearch node by a site that
has its content (the demo of tests/conftest.py's demo_content, loaded on the database search
backend): SEARCH_ENGINE=opensearch, migrate (the test database), load_demo_content again (as
`make run` does on every start), rebuild_search_index; then the site search, the v2 pages API's
?search= and /api/v2/search/ find pages from the engine (not from the database fallback), and
the directory finds its records."""

import pytest
from django.core.management import call_command
from wagtail.search.backends import get_search_backend

from .conftest import ENGINE_URL, require_engine
from .faults import engine_at

pytestmark = [pytest.mark.django_db, pytest.mark.engine]


def test_the_readme_path_gives_working_search_for_every_kind(demo_content, client):
    require_engine("opensearch")
    with engine_at(ENGINE_URL, timeout=30) as prefix:
        try:
            call_command("load_demo_content", quiet=True)
            call_command("rebuild_search_index", no_progress=True)

            answer = client.get("/api/v2/search/?q=coworking&locale=fr").json()["results"]
            pages = answer["pages"]
            assert pages["engine"] == "opensearch" and not pages["degraded"]
            assert pages["total"] > 0

            found = client.get("/api/v2/pages/?search=Lille").json()
            assert found["meta"]["total_count"] > 0

            site = client.get("/fr/search/?q=coworking")
            assert site.status_code == 200
            found_kinds = [group.kind for group in site.context["groups"] if group.total]
            assert found_kinds
            one_kind = client.get(f"/fr/search/?q=coworking&kind={found_kinds[0]}")
            assert len(one_kind.context["results"].object_list) > 0

            directory = [group for name, group in answer.items() if name != "pages"]
            assert directory and all(not group["degraded"] for group in directory)
            assert sum(group["total"] for group in directory) > 0
        finally:
            get_search_backend().es.indices.delete(index=f"{prefix}*")
