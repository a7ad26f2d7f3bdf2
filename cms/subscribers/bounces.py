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
