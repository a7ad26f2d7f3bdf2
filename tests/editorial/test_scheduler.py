"""Go-live and expiry dates take effect when run_scheduler ticks (``make run`` starts it)."""

import datetime

import pytest
from django.utils import timezone

from cms.editorial.management.commands.run_scheduler import tick
from cms.events.models import EventPage
from tests.conftest import add_page

pytestmark = pytest.mark.django_db


def scheduled_event(site_tree, slug, go_live_in: datetime.timedelta):
    start = timezone.now() + datetime.timedelta(days=30)
    page = add_page(
        site_tree.page("agenda", "fr"),
        EventPage(
            title=f"Programmé {slug}",
            slug=slug,
            start=start,
            end=start + datetime.timedelta(hours=1),
            summary="Publié à sa date.",
        ),
        live=False,
    )
    page.go_live_at = timezone.now() + go_live_in
    page.save_revision().publish()  # scheduled: stays a draft until its go-live date
    page.refresh_from_db()
    assert not page.live
    return page


def test_a_page_whose_go_live_date_has_passed_is_published_by_one_tick(site_tree, client):
    page = scheduled_event(site_tree, "programme", datetime.timedelta(hours=1))
    tick()
    page.refresh_from_db()
    assert not page.live  # not yet
    # An hour later (no sleeping): the scheduled revision's go-live date is now in the past.
    revision = page.latest_revision
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    tick()
    page.refresh_from_db()
    assert page.live
    assert client.get("/fr/agenda/programme/").status_code == 200


def test_a_page_past_its_expiry_date_is_unpublished_by_one_tick(site_tree, client):
    page = site_tree.page("event_upcoming", "fr")
    page.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    page.save(update_fields=["expire_at"])
    tick()
    page.refresh_from_db()
    assert not page.live
    assert page.expired
