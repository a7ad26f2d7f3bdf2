"""Searches without results (Reports menu), as an organisation editor meets them: a search can
become the keyword of one of their organisation's pages, never of another organisation's."""

import pytest

from cms.core.models import PageKeyword
from search.models import SearchMiss

from .conftest import login

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
