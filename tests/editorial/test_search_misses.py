"""Searches without results (Reports menu), as an organisation editor meets them: a search can
become the keyword of one of their organisation's pages, never of another organisation's."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.core.models import PageKeyword
from cms.demo.factories import BlogPageFactory
from search.models import SearchMiss
from tests.conftest import add

from .conftest import assign, login

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/search-misses/"


@pytest.fixture
def miss(client):
    client.get("/fr/search/", {"q": "pause café"})
    return SearchMiss.objects.get(query="pause cafe", language="fr")


@pytest.mark.parametrize(
    ("editor", "own", "other"), [("louise", "article", "study"), ("pieter", "study", "article")]
)
def test_an_editor_gives_keywords_to_their_own_pages_only(
    client, organisations, site_tree, miss, editor, own, other
):
    own_page, other_page = site_tree.page(own, "fr"), site_tree.page(other, "fr")
    login(client, organisations, editor)

    report = client.get(REPORT).content.decode()
    assert f'value="page:{own_page.pk}"' in report
    assert f'value="page:{other_page.pk}"' not in report

    client.post(f"{REPORT}{miss.pk}/resolve/", {"target": f"page:{other_page.pk}"})
    assert not PageKeyword.objects.exists()
    assert SearchMiss.objects.filter(pk=miss.pk).exists()

    client.post(f"{REPORT}{miss.pk}/resolve/", {"target": f"page:{own_page.pk}"})
    assert PageKeyword.objects.filter(page=own_page, keyword="pause cafe").exists()


ADDED = 15


def test_the_reports_menu_does_not_read_each_page_others_own(client, organisations, site_tree):
    """Whether an editor's menu offers "Searches without results" is settled at the first page
    they may edit: pages of other organisations are not each read again on every admin page (a
    query or more apiece before), only their batch of pages may read a page type more or less."""
    login(client, organisations, "louise")
    client.get("/admin/")
    with CaptureQueriesContext(connection) as before:
        assert client.get("/admin/").status_code == 200
    for number in range(ADDED):
        article = add(BlogPageFactory, site_tree.page("blog_index", "fr"), title=f"Phare {number}")
        assign(article, organisations.spaces["phare"])
    with CaptureQueriesContext(connection) as after:
        dashboard = client.get("/admin/")
    assert "search-misses" in dashboard.content.decode()
    assert len(after) < len(before) + ADDED, [query["sql"] for query in after][-20:]
