"""Who receives an edition: the one rule every sending surface uses."""

from django.db.models import Q

from .models import Subscriber


def recipients(language: str, interests=None):
    """Confirmed subscribers of the ``language`` edition; with ``interests`` (Interest rows of
    any locale, or their translation keys), only those who chose one of them (in any
    translation) or chose none. Ordered by id, distinct."""
    queryset = Subscriber.objects.confirmed().filter(language=language)
    if interests is None:
        return queryset.order_by("pk")
    keys = {getattr(item, "translation_key", item) for item in interests}
    if not keys:
        return queryset.order_by("pk")
    chose_one = Subscriber.interests.through.objects.filter(
        interest__translation_key__in=keys
    ).values("subscriber_id")
    chose_none = ~Q(
        pk__in=Subscriber.interests.through.objects.values("subscriber_id"),
    )
    return queryset.filter(Q(pk__in=chose_one) | chose_none).order_by("pk")
