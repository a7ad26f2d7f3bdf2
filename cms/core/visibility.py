"""What a visitor may see: the one rule per kind, used by the site, the API, feeds, the sitemap
and search.

Pages: live, public (no view restriction on the page or an ancestor: password, login or
groups) and not expired. Images and documents: not in a collection with a view restriction,
nor below one. A session or a user never widens this.

Every function takes an optional request: the view restrictions are then read once for that
request (kept on it) instead of once per call.
"""

from functools import cached_property

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from cms.core.http import django_request


class Restrictions:
    """The view restrictions in force, each kind read on first use."""

    @cached_property
    def page_paths(self) -> tuple[str, ...]:
        return tuple(PageViewRestriction.objects.values_list("page__path", flat=True))

    @cached_property
    def collection_ids(self) -> frozenset[int]:
        restricted = Collection.objects.filter(
            pk__in=CollectionViewRestriction.objects.values("collection_id")
        ).values_list("path", flat=True)
        below = _under_any(list(restricted))
        if below is None:
            return frozenset()
        return frozenset(Collection.objects.filter(below).values_list("pk", flat=True))


def _under_any(paths) -> Q | None:
    """Rows at or below any of these treebeard paths (None when there are none)."""
    condition = None
    for path in paths:
        condition = (
            Q(path__startswith=path) if condition is None else condition | Q(path__startswith=path)
        )
    return condition


def restrictions(request=None) -> Restrictions:
    """The view restrictions, read once per request (Django's request, under DRF's)."""
    holder = django_request(request)
    if holder is None:
        return Restrictions()
    found = getattr(holder, "coffee_restrictions", None)
    if found is None:
        found = holder.coffee_restrictions = Restrictions()
    return found


def visible_pages(queryset=None, request=None):
    """Live, public pages (of any page model) whose expiry date has not passed."""
    queryset = Page.objects.all() if queryset is None else queryset
    queryset = queryset.filter(
        Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()), live=True
    )
    restricted = _under_any(restrictions(request).page_paths)
    return queryset.exclude(restricted) if restricted is not None else queryset


def page_is_visible(page, request=None) -> bool:
    """visible_pages() for a page already loaded (no query once the request's memo is read)."""
    if page is None or not page.live or is_expired(page):
        return False
    return not page.path.startswith(restrictions(request).page_paths)


def is_expired(page) -> bool:
    return bool(page.expire_at and page.expire_at <= timezone.now())


def visible_media(queryset, request=None):
    """Images or documents whose collection is public."""
    restricted = restrictions(request).collection_ids
    return queryset.exclude(collection_id__in=restricted) if restricted else queryset


def media_is_visible(obj, request=None) -> bool:
    return obj is not None and obj.collection_id not in restrictions(request).collection_ids


def searchable_pages(queryset, request=None):
    """visible_pages() in a form search backends can filter on (expire_at is no search field)."""
    expired = Page.objects.filter(expire_at__lte=timezone.now()).values_list("pk", flat=True)
    queryset = queryset.filter(live=True).exclude(pk__in=list(expired))
    restricted = _under_any(restrictions(request).page_paths)
    return queryset.exclude(restricted) if restricted is not None else queryset
