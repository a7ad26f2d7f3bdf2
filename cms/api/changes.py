"""The change log: what partners may learn about content changes, recorded once, in one place.

`record(obj, touch=...)` compares what a visitor can see now with the last change recorded for
the object and writes at most one ContentChange:

    visible now | last recorded public | recorded
    ------------+----------------------+-------------------------------------------
    yes         | no                   | created
    yes         | yes                  | updated (only when the object was touched)
    no          | yes                  | unpublished (drafts, private or expired look like this)
    no          | no                   | nothing: partners never heard of it

Deleting an object partners heard of records `deleted`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.urls import NoReverseMatch, reverse
from wagtail.models import Locale, Page

from cms.blog.models import Author
from cms.core.base_url import configured_base_url
from cms.core.models import Category, Navigation
from cms.core.visibility import visible_pages
from cms.studies.models import PartnerOrganisation

from .models import ContentChange


@dataclass(frozen=True)
class Kind:
    """A kind of content the change feed reports."""

    name: str
    model: type
    is_visible: Callable  # (instance) -> bool
    detail_route: str | None = None  # URL name of the API detail view, given the pk

    def api_path(self, object_id):
        if self.detail_route is None:
            return None
        try:
            return reverse(self.detail_route, args=[object_id])
        except NoReverseMatch:
            return None


_KINDS: dict[str, Kind] = {}


def register_kind(kind: Kind):
    _KINDS[kind.name] = kind


def kinds() -> dict[str, Kind]:
    return dict(_KINDS)


def kind_for_model(model) -> Kind | None:
    for kind in _KINDS.values():
        if issubclass(model, kind.model):
            return kind
    return None


def _page_is_visible(page) -> bool:
    return visible_pages(Page.objects.filter(pk=page.pk)).exists()


def _published(model):
    """Snippets with draft states (categories, navigation): visible once published."""
    return lambda obj: model.objects.public().filter(pk=obj.pk).exists()


register_kind(Kind("page", Page, _page_is_visible, "coffee_api:pages:detail"))
# Shown inside pages (a page's categories, the menus): partners and the response cache learn
# that what those pages show changed.
register_kind(Kind("category", Category, _published(Category)))
register_kind(Kind("navigation", Navigation, _published(Navigation)))
register_kind(Kind("author", Author, lambda author: True))  # no draft states: saved is shown
register_kind(Kind("partner_organisation", PartnerOrganisation, lambda partner: True))

_locale_codes: dict[int, str] = {}


def locale_code(locale_id) -> str:
    if locale_id is None:
        return ""
    if locale_id not in _locale_codes:
        _locale_codes[locale_id] = (
            Locale.objects.filter(pk=locale_id).values_list("language_code", flat=True).first()
            or ""
        )
    return _locale_codes[locale_id]


def object_type(obj) -> str:
    model = obj.specific_class if isinstance(obj, Page) and obj.specific_class else type(obj)
    return f"{model._meta.app_label}.{model.__name__}"


def last_public(kind: Kind, object_id) -> bool:
    last = (
        ContentChange.objects.filter(kind=kind.name, object_id=str(object_id))
        .order_by("-id")
        .values_list("action", flat=True)
        .first()
    )
    return last in (ContentChange.Action.CREATED, ContentChange.Action.UPDATED)


def record(
    obj, *, touch: bool = True, hidden: bool = False, only_hide: bool = False
) -> ContentChange | None:
    """`hidden`: the caller knows the object is no longer visible (an unpublish signal, sent by
    Wagtail before the row changes when a page is deleted)."""
    kind = kind_for_model(type(obj))
    if kind is None or obj.pk is None:
        return None
    visible = False if hidden else kind.is_visible(obj)
    was_public = last_public(kind, obj.pk)
    if visible and only_hide:
        return None
    if visible and not was_public:
        action = ContentChange.Action.CREATED
    elif visible and touch:
        action = ContentChange.Action.UPDATED
    elif not visible and was_public:
        action = ContentChange.Action.UNPUBLISHED
    else:
        return None
    return _write(kind, obj, action)


def record_deleted(obj) -> ContentChange | None:
    kind = kind_for_model(type(obj))
    if kind is None or obj.pk is None:
        return None
    heard_of = ContentChange.objects.filter(kind=kind.name, object_id=str(obj.pk)).exists()
    if not heard_of:
        return None
    return _write(kind, obj, ContentChange.Action.DELETED)


def _write(kind: Kind, obj, action) -> ContentChange:
    change = ContentChange.objects.create(
        action=action,
        kind=kind.name,
        object_type=object_type(obj),
        object_id=str(obj.pk),
        locale=locale_code(getattr(obj, "locale_id", None)),
        translation_key=getattr(obj, "translation_key", None),
    )
    return change


def change_representation(change: ContentChange, base_url: str | None = None) -> dict:
    """A change as the feed and the webhooks show it."""
    kind = _KINDS.get(change.kind)
    removed = change.action in (ContentChange.Action.UNPUBLISHED, ContentChange.Action.DELETED)
    path = None if removed or kind is None else kind.api_path(change.object_id)
    if base_url is None:
        base_url = configured_base_url()
    object_id = int(change.object_id) if change.object_id.isdigit() else change.object_id
    return {
        "change_id": change.pk,
        "action": change.action,
        "kind": change.kind,
        "type": change.object_type,
        "id": object_id,
        "locale": change.locale or None,
        "translation_key": str(change.translation_key) if change.translation_key else None,
        "timestamp": change.timestamp.isoformat().replace("+00:00", "Z"),
        "url": f"{base_url.rstrip('/')}{path}" if path else None,
    }


def record_subtree(page, *, touch: bool):
    """Re-evaluate a page and its descendants (after a move or a view-restriction change)."""
    for descendant in Page.objects.descendant_of(page, inclusive=True).filter(live=True):
        record(descendant, touch=touch)


def on_commit_record(obj, **kwargs):
    transaction.on_commit(lambda: record(obj, **kwargs))
