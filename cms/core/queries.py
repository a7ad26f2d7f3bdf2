"""What a visitor may see, defined once for listings, feeds, calendars, sitemap and search."""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale


def visible_pages(queryset):
    """Live, public (no view restriction) pages whose expiry date has not passed."""
    now = timezone.now()
    return queryset.live().public().filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))


def in_active_locale(queryset):
    return queryset.filter(locale=Locale.get_active())


def is_expired(page) -> bool:
    return bool(page.expire_at and page.expire_at <= timezone.now())


def searchable_pages(queryset):
    """visible_pages() in a form search backends can filter on (expire_at is no search field)."""
    from wagtail.models import Page

    expired = Page.objects.filter(expire_at__lte=timezone.now()).values_list("pk", flat=True)
    return queryset.live().public().exclude(pk__in=list(expired))
