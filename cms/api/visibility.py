"""What the public API may show: the same rule as the site, for an anonymous visitor.

Pages: live, no view restriction on the page or an ancestor (password, login or groups),
not expired. Images and documents: not in a collection with a view restriction (or below one).
The request's session and user are never consulted.
"""

from functools import cached_property

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from cms.core.queries import visible_pages


def api_visible_pages(queryset=None, request=None, now=None):
    """visible_pages(); with a request, the view restrictions are read once for that request
    (and the time is the request's, unless ``now`` is given)."""
    queryset = Page.objects.all() if queryset is None else queryset
    if request is None:
        return visible_pages(queryset)
    if now is None:
        now = get_visibility(request).now
    queryset = queryset.filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now), live=True)
    restricted = Q()
    for path in get_visibility(request).restricted_page_paths:
        restricted |= Q(path__startswith=path)
    return queryset.exclude(restricted) if restricted else queryset


def restricted_collection_ids() -> set[int]:
    paths = list(
        Collection.objects.filter(
            pk__in=CollectionViewRestriction.objects.values("collection_id")
        ).values_list("path", flat=True)
    )
    if not paths:
        return set()
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return set(Collection.objects.filter(condition).values_list("pk", flat=True))


def public_collection_filter(request=None) -> Q:
    """A filter for images or documents whose collection is public."""
    if request is not None:
        restricted = get_visibility(request).restricted_collections
    else:
        restricted = restricted_collection_ids()
    return ~Q(collection_id__in=restricted) if restricted else Q()


class Visibility:
    """Per-request, in-memory visibility checks for objects already loaded (no query per object)."""

    @cached_property
    def now(self):
        """The request's time: what has expired (or ended) by then is not shown."""
        return timezone.now()

    @cached_property
    def restricted_page_paths(self) -> tuple[str, ...]:
        return tuple(PageViewRestriction.objects.values_list("page__path", flat=True))

    @cached_property
    def restricted_collections(self) -> set[int]:
        return restricted_collection_ids()

    def page_is_visible(self, page) -> bool:
        if page is None or not page.live:
            return False
        if page.expire_at is not None and page.expire_at <= timezone.now():
            return False
        return not any(page.path.startswith(path) for path in self.restricted_page_paths)

    def media_is_visible(self, obj) -> bool:
        return obj is not None and obj.collection_id not in self.restricted_collections


def get_visibility(context_or_request) -> Visibility:
    """One Visibility per request (kept on Django's HttpRequest, under DRF's Request)."""
    holder = context_or_request
    if isinstance(holder, dict):
        holder = holder.get("request")
        if holder is None:
            return context_or_request.setdefault("_coffee_visibility", Visibility())
    holder = getattr(holder, "_request", holder)
    visibility = getattr(holder, "_coffee_visibility", None)
    if visibility is None:
        visibility = Visibility()
        holder._coffee_visibility = visibility
    return visibility
