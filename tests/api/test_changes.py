"""The change feed: what a partner needs to mirror the content, and nothing it may not know."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.pages.models import StandardPage
from tests.conftest import add_page, body

from .api_helpers import assert_error, get_json

pytestmark = pytest.mark.django_db


def changes_for(api, page_id, since):
    data = get_json(api, f"/api/v2/changes/?since={since}&limit=500")
    return [(item["action"], item["id"]) for item in data["items"] if item["id"] == page_id]


def test_publish_update_unpublish_private_and_delete(api, site_tree):
    since = timezone.now().isoformat().replace("+00:00", "Z")
    home = site_tree.page("home", "nl")
    page = add_page(home, StandardPage(title="Nieuw", slug="nieuw", body=body("Tekst.")))
    page.title = "Nieuw (bijgewerkt)"
    page.save_revision().publish()
    page.refresh_from_db()
    page.unpublish()
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    restriction.delete()
    page.delete()
    assert changes_for(api, page.pk, since) == [
        ("created", page.pk),
        ("updated", page.pk),
        ("unpublished", page.pk),
        ("created", page.pk),
        ("unpublished", page.pk),  # made private: looks unpublished to partners
        ("created", page.pk),  # public again
        ("unpublished", page.pk),  # Wagtail unpublishes a live page it deletes
        ("deleted", page.pk),
    ]
    data = get_json(api, f"/api/v2/changes/?since={since}&locale=nl")
    first = data["items"][0]
    assert first["kind"] == "page" and first["type"] == "pages.StandardPage"
    assert first["locale"] == "nl" and first["translation_key"] == str(page.translation_key)
    assert first["url"].endswith(f"/api/v2/pages/{page.pk}/")
    assert data["items"][-1]["url"] is None  # deleted


def test_drafts_and_private_pages_never_appear(api, site_tree):
    since = timezone.now().isoformat()
    home = site_tree.page("home", "fr")
    draft = add_page(home, StandardPage(title="Brouillon", slug="brouillon"), live=False)
    private = StandardPage(title="Privé", slug="prive", live=False)
    home.add_child(instance=private)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    private.save_revision().publish()
    expired = add_page(home, StandardPage(title="Expiré", slug="expire"), live=False)
    expired.expire_at = timezone.now() - datetime.timedelta(days=1)
    expired.save_revision().publish()
    data = get_json(api, f"/api/v2/changes/?since={since}")
    seen = {item["id"] for item in data["items"]}
    assert not seen & {draft.pk, private.pk, expired.pk}
    private.delete()
    assert get_json(api, f"/api/v2/changes/?since={since}")["items"] == []


def test_cursor_pagination_walks_the_whole_log(api, site_tree):
    full = get_json(api, "/api/v2/changes/?limit=500")
    total = len(full["items"])
    assert total >= 30  # the site tree's publications
    seen, url = [], "/api/v2/changes/?limit=7"
    while True:
        data = get_json(api, url)
        seen.extend(item["change_id"] for item in data["items"])
        if not data["meta"]["has_more"]:
            break
        url = f"/api/v2/changes/?limit=7&cursor={data['meta']['next_cursor']}"
    assert seen == [item["change_id"] for item in full["items"]]
    # Resuming from the last cursor gives nothing new, then the next change.
    cursor = data["meta"]["next_cursor"]
    assert get_json(api, f"/api/v2/changes/?cursor={cursor}")["items"] == []
    add_page(site_tree.page("home", "en"), StandardPage(title="Fresh", slug="fresh"))
    fresh = get_json(api, f"/api/v2/changes/?cursor={cursor}")["items"]
    assert [(item["action"], item["locale"]) for item in fresh] == [("created", "en")]


@pytest.mark.parametrize(
    "query,parameter",
    [
        ("since=yesterday", "since"),
        ("since=2026-13-01", "since"),
        ("cursor=abc", "cursor"),
        ("limit=0", "limit"),
        ("limit=501", "limit"),
        ("kind=planet", "kind"),
        ("locale=de", "locale"),
    ],
)
def test_bad_feed_parameters(api, query, parameter):
    assert_error(api.get(f"/api/v2/changes/?{query}"), 400, "invalid_parameter", parameter)
