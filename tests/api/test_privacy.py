"""The leak suite: hidden pages (draft, password, login, groups, expired) and private media never
appear, whether the client is anonymous or carries an editor's session cookie."""

import json

import pytest

from tests.conftest import HIDDEN_WORD

from .api_helpers import get_json

pytestmark = pytest.mark.django_db

LISTINGS = [
    "/api/v2/pages/?limit=100",
    "/api/v2/pages/?limit=100&fields=*",
    "/api/v2/pages/?limit=100&type=blog.BlogPage&fields=*",
    "/api/v2/pages/?limit=100&type=events.EventPage&fields=*",
    "/api/v2/pages/?limit=100&type=studies.StudyPage&fields=*",
    "/api/v2/pages/?limit=100&type=pages.StandardPage&fields=*",
    f"/api/v2/pages/?limit=100&search={HIDDEN_WORD}",
    f"/api/v2/pages/?limit=100&title={HIDDEN_WORD}",
    "/api/v2/events/?limit=100&from=2000-01-01&fields=*",
    "/api/v2/images/?limit=100&fields=*",
    "/api/v2/documents/?limit=100&fields=*",
    f"/api/v2/search/?q={HIDDEN_WORD}",
    "/api/v2/changes/?limit=500",
]


@pytest.fixture(params=["anonymous", "editor session"])
def client(request, api, editor_client):
    return api if request.param == "anonymous" else editor_client


@pytest.mark.parametrize("url", LISTINGS)
def test_listings_never_show_hidden_content(client, hidden_pages, api_content, url):
    response = client.get(url)
    assert response.status_code == 200
    text = response.content.decode()
    if "/search/" in url:  # the query is echoed: look at the results only
        text = json.dumps(response.json()["results"])
    assert HIDDEN_WORD not in text
    assert response["Cache-Control"] == "public, max-age=60"


def test_hidden_pages_are_not_found_by_id_path_or_translation(client, hidden_pages):
    assert len(hidden_pages) == 60
    for page in hidden_pages:
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404, page
        assert client.get(f"/api/v2/pages/find/?html_path={page.url}").status_code == 404, page
    one_of_each_kind = {page.kind: page for page in hidden_pages if page.role == "event"}
    for page in one_of_each_kind.values():
        assert client.get(f"/api/v2/pages/find/?id={page.pk}").status_code == 404, page
        assert client.get(f"/api/v2/events/{page.pk}/").status_code == 404, page
        for name in ("child_of", "descendant_of", "translation_of", "ancestor_of"):
            # As an id that names nothing: an empty list.
            data = get_json(client, f"/api/v2/pages/?{name}={page.pk}")
            assert data == {"meta": {"total_count": 0}, "items": []}, (name, page)


def test_editor_session_does_not_widen_anything(api, editor_client, hidden_pages, api_content):
    """Same bytes for the editor as for a stranger."""
    for url in LISTINGS[:4]:
        assert json.loads(editor_client.get(url).content) == json.loads(api.get(url).content)


def test_private_media_are_hidden_everywhere(client, api_content):
    for endpoint, obj in (
        ("images", api_content.private_image),
        ("documents", api_content.private_document),
    ):
        assert client.get(f"/api/v2/{endpoint}/{obj.pk}/").status_code == 404
        data = get_json(client, f"/api/v2/{endpoint}/?limit=100")
        assert obj.pk not in [item["id"] for item in data["items"]]
    body = client.get(f"/api/v2/pages/{api_content.article.pk}/").content.decode()
    assert HIDDEN_WORD not in body
    assert "secret.png" not in body and "secret.pdf" not in body


def test_page_becoming_private_disappears_and_links_to_it_become_null(api, api_content, site_tree):
    from wagtail.models import PageViewRestriction

    about = site_tree.page("standard", "fr")
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    assert api.get(f"/api/v2/pages/{about.pk}/").status_code == 404
    data = get_json(api, f"/api/v2/pages/{api_content.article.pk}/")
    assert data["body"][5]["value"]["link"]["page"] is None
    translations = get_json(api, f"/api/v2/pages/{site_tree.pks['standard']['nl']}/")
    assert "fr" not in {t["locale"] for t in translations["meta"]["translations"]}
