"""Addresses the mail server refused: a dead address stops receiving.

A permanent failure (an SMTP 5xx reply, a DSN with status 5.x.x) or a complaint marks the
subscriber "bounced" at once; temporary failures are counted and, after
SUBSCRIBERS_SOFT_BOUNCE_LIMIT of them in a row, count as permanent. A confirmation resets
nothing: a bounced address subscribes again through the form (double opt-in) to come back.
"""

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from .models import Subscriber


def record_bounce(email: str, permanent: bool) -> bool:
    """Record a failed delivery to ``email``; True when the address is now "bounced"."""
    subscribers = Subscriber.objects.with_email(email).exclude(status=Subscriber.Status.BOUNCED)
    if permanent:
        return bool(subscribers.update(status=Subscriber.Status.BOUNCED, bounced_at=timezone.now()))
    subscribers.update(soft_bounces=F("soft_bounces") + 1)
    return bool(
        subscribers.filter(soft_bounces__gte=settings.SUBSCRIBERS_SOFT_BOUNCE_LIMIT).update(
            status=Subscriber.Status.BOUNCED, bounced_at=timezone.now()
        )
    )


def record_delivery(email: str) -> None:
    """A message was accepted for ``email``: temporary failures start counting again."""
    Subscriber.objects.with_email(email).filter(soft_bounces__gt=0).update(soft_bounces=0)


def failures_in_report(message) -> list[tuple[str, bool]]:
    """(address, permanent) for each failed recipient a report names.

    A delivery status notification (RFC 3464, multipart/report; report-type=delivery-status):
    each recipient whose Action is "failed" (permanent when its Status is 5.x.x) or "delayed"
    (temporary). A complaint (RFC 5965 feedback report, report-type=feedback-report): the
    complaining address counts as a permanent failure.
    """
    if message.get_content_type() != "multipart/report":
        return []
    kind = (message.get_param("report-type") or "").lower()
    found = []
    for part in message.walk():
        content_type = part.get_content_type()
        if kind == "delivery-status" and content_type == "message/delivery-status":
            # The first block is about the message, each following one about a recipient.
            for block in part.get_payload()[1:]:
                address = _address(block.get("Final-Recipient") or block.get("Original-Recipient"))
                action = (block.get("Action") or "").strip().lower()
                status = (block.get("Status") or "").strip()
                if address and action == "failed":
                    found.append((address, status.startswith("5") or not status))
                elif address and action == "delayed":
                    found.append((address, False))
        elif kind == "feedback-report" and content_type == "message/feedback-report":
            for block in part.get_payload():
                address = _address(block.get("Original-Rcpt-To"))
                if address:
                    found.append((address, True))
    if kind == "feedback-report" and not found:
        for part in message.walk():
            if part.get_content_type() in ("message/rfc822", "text/rfc822-headers"):
                original = part.get_payload()[0] if part.is_multipart() else None
                address = _address(original.get("To")) if original is not None else ""
                if address:
                    found.append((address, True))
    return found


def _address(value) -> str:
    """The address of a report field such as "rfc822; someone@example.org"."""
    if not value:
        return ""
    text = str(value).split(";", 1)[-1].strip().strip("<>")
    return text if "@" in text else ""


def record_report(message) -> list[tuple[str, bool]]:
    """Record every failure a DSN or complaint reports; the failures found."""
    failures = failures_in_report(message)
    for address, permanent in failures:
        record_bounce(address, permanent=permanent)
    return failures
