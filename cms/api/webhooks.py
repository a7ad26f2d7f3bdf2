"""Signed webhook deliveries, sent by a background worker after the publishing transaction.

A change (cms.api.changes) creates one WebhookDelivery per subscribed partner and, once the
transaction commits, enqueues `deliver_webhook` on the "webhooks" task backend (django-tasks'
database backend: `manage.py db_worker --backend webhooks --queue-name webhooks`). Publishing
therefore never waits for a partner. A failed attempt (error, timeout or non-2xx answer) is
retried with exponential backoff by re-enqueueing the task with run_after, up to
COFFEE_WEBHOOK_MAX_ATTEMPTS attempts.

Each POST carries:
    Content-Type: application/json
    X-Coffee-Event: page.updated
    X-Coffee-Delivery: <delivery id>
    X-Coffee-Signature: sha256=<hex HMAC-SHA256 of the raw body with the webhook's secret>
"""

import datetime
import hashlib
import hmac
import json
import logging

import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .changes import change_representation
from .models import ContentChange, PartnerWebhook, WebhookDelivery

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Coffee-Signature"
USER_AGENT = "COFFEE-Hub-Webhooks/1"


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify(secret: str, body: bytes, signature: str) -> bool:
    """What a partner does: compare in constant time."""
    return hmac.compare_digest(sign(secret, body), signature or "")


def max_attempts() -> int:
    return getattr(settings, "COFFEE_WEBHOOK_MAX_ATTEMPTS", 6)


def backoff(attempt: int) -> datetime.timedelta:
    """Delay before retry number `attempt` (1-based): base x 2^(attempt-1), capped."""
    base = getattr(settings, "COFFEE_WEBHOOK_BACKOFF_SECONDS", 30)
    return datetime.timedelta(seconds=min(base * 2 ** (attempt - 1), 6 * 3600))


def on_change_recorded(sender, instance, created, raw=False, **kwargs):
    """post_save of a ContentChange: its deliveries (connected by cms.api.signals)."""
    if created and not raw:
        schedule_deliveries(instance)


def schedule_deliveries(change: ContentChange) -> list[WebhookDelivery]:
    """Create the deliveries of a change and enqueue them once the transaction commits."""
    deliveries = []
    item = None
    for webhook in PartnerWebhook.objects.filter(active=True):
        if not webhook.wants(change):
            continue
        if item is None:
            item = change_representation(change)
        deliveries.append(
            WebhookDelivery.objects.create(
                webhook=webhook,
                change=change,
                event=change.event,
                payload={"event": change.event, "change": item},
            )
        )
    for delivery in deliveries:
        transaction.on_commit(lambda pk=delivery.pk: enqueue(pk))
    return deliveries


def enqueue(delivery_id: int, run_after=None):
    target = deliver_webhook if run_after is None else deliver_webhook.using(run_after=run_after)
    return target.enqueue(delivery_id)


@task(backend="webhooks", queue_name="webhooks")
def deliver_webhook(delivery_id: int):
    """The task: one attempt, then a retry scheduled if it failed."""
    return attempt_delivery(delivery_id)


def attempt_delivery(delivery_id: int) -> str:
    delivery = WebhookDelivery.objects.select_related("webhook").filter(pk=delivery_id).first()
    if delivery is None or delivery.status in (
        WebhookDelivery.Status.SUCCEEDED,
        WebhookDelivery.Status.FAILED,
    ):
        return "skipped"
    webhook = delivery.webhook
    payload = dict(delivery.payload, delivery_id=delivery.pk)
    body = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "X-Coffee-Event": delivery.event,
        "X-Coffee-Delivery": str(delivery.pk),
        SIGNATURE_HEADER: sign(webhook.secret, body),
    }
    timeout = getattr(settings, "COFFEE_WEBHOOK_TIMEOUT", 10)
    delivery.attempts += 1
    delivery.response_code = None
    delivery.error = ""
    try:
        response = requests.post(
            webhook.url, data=body, headers=headers, timeout=timeout, allow_redirects=False
        )
    except requests.RequestException as exc:
        delivery.error = f"{type(exc).__name__}: {exc}"[:2000]
        ok = False
    else:
        delivery.response_code = response.status_code
        ok = 200 <= response.status_code < 300
        if not ok:
            delivery.error = f"HTTP {response.status_code}: {response.text[:500]}"
    now = timezone.now()
    if ok:
        delivery.status = WebhookDelivery.Status.SUCCEEDED
        delivery.delivered_at = now
        delivery.next_retry_at = None
    elif delivery.attempts >= max_attempts() or not webhook.active:
        delivery.status = WebhookDelivery.Status.FAILED
        delivery.next_retry_at = None
    else:
        delivery.status = WebhookDelivery.Status.RETRYING
        delivery.next_retry_at = now + backoff(delivery.attempts)
    delivery.save()
    if delivery.status == WebhookDelivery.Status.RETRYING:
        enqueue(delivery.pk, run_after=delivery.next_retry_at)
    else:
        logger.info("Webhook delivery %s: %s", delivery.pk, delivery.status)
    return delivery.status
