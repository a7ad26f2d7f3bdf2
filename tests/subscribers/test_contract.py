"""What the newsletter's sending relies on: who receives an edition, the signed one-click
unsubscribe and preferences links, and bounces that stop a dead address from receiving."""

import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.test import Client, override_settings

from cms.demo.factories import UserFactory
from cms.editorial.roles import ensure_coordinators
from cms.subscribers.audience import recipients
from cms.subscribers.bounces import record_bounce, record_delivery
from cms.subscribers.links import preferences_url, unsubscribe_url
from cms.subscribers.models import Subscriber

pytestmark = pytest.mark.django_db
Status = Subscriber.Status


def emails(queryset):
    return sorted(s.email for s in queryset)


def test_an_edition_goes_to_confirmed_subscribers_of_its_language_only(make_subscriber):
    make_subscriber("fr@example.org", "fr")
    make_subscriber("nl@example.org", "nl")
    make_subscriber("en@example.org", "en")
    make_subscriber("pending@example.org", "nl", status=Status.PENDING)
    make_subscriber("gone@example.org", "nl", status=Status.UNSUBSCRIBED)
    make_subscriber("dead@example.org", "nl", status=Status.BOUNCED)
    assert emails(recipients("nl")) == ["nl@example.org"]
    assert emails(recipients("fr")) == ["fr@example.org"]


def test_interests_select_those_who_chose_one_in_any_language_or_none(make_subscriber, interests):
    make_subscriber("everything@example.org", "nl")
    make_subscriber("trainings@example.org", "nl", interests=[interests["trainings"]["nl"]])
    # Chosen on the French form, receiving the Dutch edition: the same interest.
    make_subscriber("both@example.org", "nl", interests=[interests["trainings"]["fr"]])
    make_subscriber("border@example.org", "nl", interests=[interests["cross-border"]["nl"]])
    assert emails(recipients("nl", [interests["trainings"]["en"]])) == [
        "both@example.org",
        "everything@example.org",
        "trainings@example.org",
    ]
    assert (
        len(recipients("nl", [interests["trainings"]["nl"], interests["cross-border"]["fr"]])) == 4
    )
    assert len(recipients("nl")) == 4


def test_one_subscription_per_address_whatever_its_case(make_subscriber):
    make_subscriber("Anne@Example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_subscriber("anne@example.ORG")
    assert Subscriber.objects.with_email(" ANNE@example.org ").count() == 1


@override_settings(PUBLIC_BASE_URL="https://hub.example.eu")
def test_links_are_absolute_signed_and_in_the_subscribers_language(make_subscriber):
    subscriber = make_subscriber("lien@example.org", "nl")
    leave = unsubscribe_url(subscriber)
    assert leave.startswith("https://hub.example.eu/nl/newsletter/unsubscribe/")
    assert preferences_url(subscriber).startswith(
        "https://hub.example.eu/nl/newsletter/preferences/"
    )
    assert leave != unsubscribe_url(make_subscriber("autre@example.org", "nl"))


def test_one_click_unsubscribe_rfc_8058_without_csrf_token(make_subscriber):
    subscriber = make_subscriber("clic@example.org", "fr")
    path = unsubscribe_url(subscriber).split("://", 1)[-1].split("/", 1)[1]
    client = Client(enforce_csrf_checks=True)  # a mail client has no token
    page = client.get(f"/{path}")
    assert page.status_code == 200
    assert "clic@example.org" in page.content.decode() and 'method="post"' in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Status.CONFIRMED  # a GET (a link scanner) changes nothing
    done = client.post(f"/{path}", {"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Status.UNSUBSCRIBED and subscriber.unsubscribed_at
    assert emails(recipients("fr")) == []
    assert client.post(f"/{path}", {"List-Unsubscribe": "One-Click"}).status_code == 200


def test_an_altered_link_is_refused_with_a_page_not_a_500(client, make_subscriber):
    subscriber = make_subscriber("alter@example.org", "en")
    path = "/" + unsubscribe_url(subscriber).split("://", 1)[-1].split("/", 1)[1]
    forged = path.replace("/unsubscribe/", "/unsubscribe/x")
    for bad in (forged, "/en/newsletter/unsubscribe/abc/", "/en/newsletter/preferences/%00/"):
        response = client.post(bad)
        assert response.status_code == 404
        assert "This link does not work" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Status.CONFIRMED
    # The preferences link does not unsubscribe: each link does one thing.
    prefs = "/" + preferences_url(subscriber).split("://", 1)[-1].split("/", 1)[1]
    other_purpose = prefs.replace("/preferences/", "/unsubscribe/")
    assert client.post(other_purpose).status_code == 404


def test_a_permanent_bounce_or_complaint_stops_delivery(make_subscriber):
    make_subscriber("dead@example.org", "fr")
    make_subscriber("alive@example.org", "fr")
    assert record_bounce("DEAD@example.org", permanent=True) is True
    assert emails(recipients("fr")) == ["alive@example.org"]
    assert Subscriber.objects.get(email="dead@example.org").bounced_at
    assert record_bounce("nobody@example.org", permanent=True) is False


@override_settings(SUBSCRIBERS_SOFT_BOUNCE_LIMIT=3)
def test_temporary_failures_count_until_the_limit(make_subscriber):
    make_subscriber("flaky@example.org", "fr")
    assert record_bounce("flaky@example.org", permanent=False) is False
    record_delivery("flaky@example.org")  # delivered in between: counting starts again
    assert record_bounce("flaky@example.org", permanent=False) is False
    assert record_bounce("flaky@example.org", permanent=False) is False
    assert emails(recipients("fr")) == ["flaky@example.org"]
    assert record_bounce("flaky@example.org", permanent=False) is True
    assert emails(recipients("fr")) == []


def test_coordinators_find_subscribers_and_interests_in_the_admin(
    admin_client, make_subscriber, interests
):
    make_subscriber("findme@example.org", "nl")
    make_subscriber("other@example.org", "fr", status=Status.PENDING)
    listing = admin_client.get("/admin/snippets/subscribers/subscriber/?q=findme")
    assert listing.status_code == 200
    page = listing.content.decode()
    assert "findme@example.org" in page and "other@example.org" not in page
    filtered = admin_client.get("/admin/snippets/subscribers/subscriber/?status=pending")
    assert "other@example.org" in filtered.content.decode()
    topics = admin_client.get("/admin/snippets/subscribers/interest/?locale=nl")
    assert topics.status_code == 200 and "Opleidingen" in topics.content.decode()
    edit = admin_client.get(
        f"/admin/snippets/subscribers/subscriber/edit/{Subscriber.objects.first().pk}/"
    )
    assert edit.status_code == 200


def test_coordinators_look_after_subscribers_other_editors_do_not_see_them(client, make_subscriber):
    subscriber = make_subscriber("reader@example.org", "fr")
    coordinators = ensure_coordinators()
    coordinator = UserFactory(username="coord", admin_language="en")
    coordinator.groups.add(coordinators)
    client.force_login(coordinator)
    assert (
        "reader@example.org"
        in client.get("/admin/snippets/subscribers/subscriber/").content.decode()
    )
    edit = f"/admin/snippets/subscribers/subscriber/edit/{subscriber.pk}/"
    assert client.get(edit).status_code == 200
    assert client.get("/admin/snippets/subscribers/interest/add/?locale=fr").status_code == 200

    editor = UserFactory(username="other-editor", admin_language="en")
    editor.groups.add(Group.objects.create(name="Some editors"))
    editor.groups.first().permissions.add(*coordinators.permissions.filter(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/snippets/subscribers/subscriber/").status_code in (302, 403)
