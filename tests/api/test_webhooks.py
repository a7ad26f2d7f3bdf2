"""Webhooks against a real HTTP receiver on 127.0.0.1: signed, sent after the commit by the
worker, retried with backoff, and never in the way of publishing."""

import http.server
import json
import threading
import time

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cms.api.models import PartnerWebhook, WebhookDelivery
from cms.api.webhooks import SIGNATURE_HEADER, verify
from cms.pages.models import StandardPage
from tests.conftest import add_page

pytestmark = pytest.mark.django_db

SECRET = "partner-shared-secret"


class Receiver:
    """A partner's endpoint: records what it receives and answers `status` after `delay`."""

    def __init__(self):
        self.status = 200
        self.delay = 0.0
        self.received = []
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length", 0))
                payload = self.rfile.read(length)
                receiver.received.append(
                    {
                        "body": payload,
                        "signature": self.headers.get(SIGNATURE_HEADER),
                        "event": self.headers.get("X-Coffee-Event"),
                        "valid": verify(SECRET, payload, self.headers.get(SIGNATURE_HEADER)),
                    }
                )
                time.sleep(receiver.delay)
                self.send_response(receiver.status)
                self.end_headers()
                self.wfile.write(b"ok" if receiver.status < 300 else b"boom")

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/coffee"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    receiver = Receiver()
    yield receiver
    receiver.close()


@pytest.fixture
def webhook(receiver, settings):
    settings.COFFEE_WEBHOOK_TIMEOUT = 5
    return PartnerWebhook.objects.create(
        name="Regional portal", url=receiver.url, secret=SECRET, kinds=["page"], locales=["nl"]
    )


@pytest.fixture
def run_worker(monkeypatch):
    """Run `manage.py db_worker --batch` for the webhooks backend, in this test's transaction."""
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run():
        call_command(
            "db_worker",
            "--batch",
            "--backend=webhooks",
            "--queue-name=webhooks",
            "--no-startup-delay",
            "--no-reload",
            verbosity=0,
        )

    return run


def publish_dutch_page(site_tree, django_capture_on_commit_callbacks, slug="partner-nieuws"):
    with django_capture_on_commit_callbacks(execute=True):
        return add_page(site_tree.page("home", "nl"), StandardPage(title="Nieuws", slug=slug))


def test_signed_delivery_after_commit(
    site_tree, receiver, webhook, run_worker, django_capture_on_commit_callbacks
):
    page = publish_dutch_page(site_tree, django_capture_on_commit_callbacks)
    # Publishing only queued the delivery: nothing was sent yet.
    assert receiver.received == []
    delivery = WebhookDelivery.objects.get(webhook=webhook)
    assert delivery.status == WebhookDelivery.Status.PENDING
    assert DBTaskResult.objects.filter(backend_name="webhooks", status="READY").count() == 1

    run_worker()
    assert len(receiver.received) == 1
    sent = receiver.received[0]
    assert sent["valid"] and sent["signature"].startswith("sha256=")
    assert sent["event"] == "page.created"
    payload = json.loads(sent["body"])
    assert payload["event"] == "page.created"
    assert payload["change"]["id"] == page.pk and payload["change"]["locale"] == "nl"
    assert payload["delivery_id"] == delivery.pk
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.Status.SUCCEEDED
    assert (delivery.attempts, delivery.response_code) == (1, 200)
    # A tampered body does not verify.
    assert not verify(SECRET, sent["body"] + b" ", sent["signature"])


def test_unsubscribed_changes_are_not_sent(
    site_tree, receiver, webhook, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        add_page(site_tree.page("home", "fr"), StandardPage(title="Nouvelles", slug="nouvelles"))
    assert not WebhookDelivery.objects.exists()  # the partner only wants Dutch content


def test_failing_partner_is_retried_with_backoff(
    site_tree, receiver, webhook, run_worker, django_capture_on_commit_callbacks, settings
):
    settings.COFFEE_WEBHOOK_BACKOFF_SECONDS = 30
    receiver.status = 500
    publish_dutch_page(site_tree, django_capture_on_commit_callbacks)
    run_worker()
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.RETRYING
    assert (delivery.attempts, delivery.response_code) == (1, 500)
    assert "HTTP 500" in delivery.error
    delay = (delivery.next_retry_at - timezone.now()).total_seconds()
    assert 20 < delay <= 30
    retry = DBTaskResult.objects.get(backend_name="webhooks", status="READY")
    assert retry.run_after == delivery.next_retry_at

    run_worker()  # too early: the retry waits for its time
    assert len(receiver.received) == 1

    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()
    delivery.refresh_from_db()
    assert delivery.attempts == 2 and delivery.status == WebhookDelivery.Status.RETRYING
    second_delay = (delivery.next_retry_at - timezone.now()).total_seconds()
    assert 50 < second_delay <= 60  # exponential: 30 s, then 60 s

    receiver.status = 204
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    run_worker()
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.Status.SUCCEEDED
    assert (delivery.attempts, delivery.response_code) == (3, 204)
    assert len(receiver.received) == 3 and all(item["valid"] for item in receiver.received)


def test_gives_up_after_max_attempts(
    site_tree, receiver, webhook, run_worker, django_capture_on_commit_callbacks, settings
):
    settings.COFFEE_WEBHOOK_MAX_ATTEMPTS = 2
    receiver.status = 503
    publish_dutch_page(site_tree, django_capture_on_commit_callbacks)
    for _ in range(3):
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        run_worker()
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.FAILED
    assert delivery.attempts == 2 and delivery.next_retry_at is None
    assert len(receiver.received) == 2


def test_slow_or_unreachable_partner_never_slows_publishing(
    site_tree, receiver, webhook, run_worker, settings, django_capture_on_commit_callbacks
):
    receiver.delay = 3
    started = time.monotonic()
    publish_dutch_page(site_tree, django_capture_on_commit_callbacks)
    assert time.monotonic() - started < 2.5  # publishing did not wait for the partner
    assert receiver.received == []
    # The worker gives up on a partner slower than the timeout, and retries later.
    settings.COFFEE_WEBHOOK_TIMEOUT = 1
    run_worker()
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.RETRYING
    assert "Timeout" in delivery.error
    # An unreachable partner is an error too, not an exception in the worker.
    receiver.close()
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    run_worker()
    delivery.refresh_from_db()
    assert delivery.attempts == 2 and delivery.status == WebhookDelivery.Status.RETRYING
    assert "ConnectionError" in delivery.error or "Connection" in delivery.error
    receiver.server = type(
        "Closed", (), {"shutdown": lambda self: None, "server_close": lambda self: None}
    )()


def test_webhooks_and_deliveries_are_in_the_admin(site_tree, webhook, editor_client):
    index = editor_client.get("/admin/")
    assert index.status_code == 200
    from django.urls import reverse

    listing = editor_client.get(reverse("partnerwebhook:index"))
    assert listing.status_code == 200 and "Regional portal" in listing.content.decode()
    assert editor_client.get(reverse("webhookdelivery:index")).status_code == 200
    assert editor_client.get(reverse("contentchange:index")).status_code == 200
    assert editor_client.get(reverse("partnerwebhook:edit", args=[webhook.pk])).status_code == 200
