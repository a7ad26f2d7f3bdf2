"""A subscriber's data on request: everything we hold about an address, as JSON, or erased.

The directory's erasure (cms.directory.erase.erase_person) calls erase_subscriber with the
person's address, so erasing a person also ends their subscription."""

from collections import Counter

from django.db import transaction

from .models import Subscriber


def export_subscriber(subscriber: Subscriber) -> dict:
    """Everything stored about this subscriber, in plain JSON types."""

    def when(value):
        return value.isoformat() if value else None

    return {
        "email": subscriber.email,
        "language": subscriber.language,
        "status": subscriber.status,
        "interests": [
            {
                "name": interest.name,
                "slug": interest.slug,
                "language": interest.locale.language_code,
            }
            for interest in subscriber.interests.select_related("locale").order_by("name")
        ],
        "consent_text": subscriber.consent_text,
        "consented_at": when(subscriber.consented_at),
        "confirmed_at": when(subscriber.confirmed_at),
        "unsubscribed_at": when(subscriber.unsubscribed_at),
        "bounced_at": when(subscriber.bounced_at),
        "temporary_failures": subscriber.soft_bounces,
        "created_at": when(subscriber.created_at),
    }


@transaction.atomic
def erase_subscriber(email: str) -> Counter:
    """Delete the subscription of ``email`` (any case) and its choices; what was removed."""
    report: Counter = Counter()
    subscribers = Subscriber.objects.with_email(email)
    through = Subscriber.interests.through
    report["newsletter interests chosen"] += through.objects.filter(
        subscriber__in=subscribers
    ).delete()[0]
    report["newsletter subscriptions"] += subscribers.delete()[0]
    return Counter({key: value for key, value in report.items() if value})
