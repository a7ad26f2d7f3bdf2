"""What a visitor may see: the one rule per kind, used by the site, the API, feeds, the sitemap
and search.

Pages: live, public (no view restriction on the page or an ancestor: password, login or
groups), not expired, and not held back by their app (``hold_back()``: a newsletter issue until
its sending starts). Images and documents: not in a collection with a view restriction,
nor below one. Translatable snippets (categories, navigation, skills, sectors): published
(``PublicQuerySet.public()``); a draft translation is never shown. A session or a user never
widens this.

Every function takes an optional request: the view restrictions are then read once for that
request (kept on it) instead of once per call. While a GET or HEAD is served
(RestrictionsMiddleware), calls without a request (model methods, template tags) share that
request's reading too; a restriction saved or deleted meanwhile is read again.
"""

import contextvars
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
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

    @cached_property
    def held_page_ids(self) -> frozenset[int]:
        """Pages their app holds back (read only when a page of such a type is checked)."""
        condition = held_back()
        if condition is None:
            return frozenset()
        return frozenset(Page.objects.filter(condition).values_list("pk", flat=True))


@dataclass(frozen=True)
class Hold:
    """Pages of ``model`` an app keeps from visitors although they are live and public: the
    pages ``pages()`` lists (a queryset of their ids)."""

    model: type
    pages: Callable


_holds: list[Hold] = []

#: Sent (with ``page``) when a page comes out of a hold or goes back into it: the change feed
#: records it, and with it every cache keyed by the content version retires its copies.
hold_changed = Signal()


def hold_back(model, pages) -> None:
    """Register a hold (an app's ``ready()``): ``pages()`` gives the ids of the pages of
    ``model`` no visitor may see yet, at its URL, in listings, feeds, the API, search or the
    sitemap."""
    if all(hold.model is not model for hold in _holds):
        _holds.append(Hold(model, pages))


def held_back() -> Q | None:
    """The pages held back, as a condition on pages (None when no app holds any back)."""
    condition = None
    for hold in _holds:
        held = Q(pk__in=hold.pages())
        condition = held if condition is None else condition | held
    return condition


def is_held_back(page, request=None) -> bool:
    """Whether an app holds this page back; a query (once per request) only for the page types
    that have a hold."""
    if not any(isinstance(page, hold.model) or _is_of(page, hold.model) for hold in _holds):
        return False
    return page.pk in restrictions(request).held_page_ids


def _is_of(page, model) -> bool:
    specific_class = getattr(page, "specific_class", None)
    return specific_class is not None and issubclass(specific_class, model)


def _under_any(paths) -> Q | None:
    """Rows at or below any of these treebeard paths (None when there are none)."""
    condition = None
    for path in paths:
        condition = (
            Q(path__startswith=path) if condition is None else condition | Q(path__startswith=path)
        )
    return condition


#: The restrictions of the GET or HEAD being served (RestrictionsMiddleware), else None.
_serving = contextvars.ContextVar("coffee_serving_restrictions", default=None)


def restrictions(request=None) -> Restrictions:
    """The view restrictions, read once per request (Django's request, under DRF's); without
    a request, those of the GET being served, else read afresh."""
    holder = django_request(request)
    if holder is None:
        return _serving.get() or Restrictions()
    found = getattr(holder, "coffee_restrictions", None)
    if found is None:
        found = holder.coffee_restrictions = Restrictions()
    return found


class RestrictionsMiddleware:
    """Reads the view restrictions at most once per GET or HEAD, whoever asks."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        token = _serving.set(restrictions(request))
        try:
            return self.get_response(request)
        finally:
            _serving.reset(token)


def forget_restrictions(sender, **kwargs) -> None:
    """A restriction changed while a request is served: read them again on next use."""
    current = _serving.get()
    if current is not None:
        vars(current).pop("page_paths", None)
        vars(current).pop("collection_ids", None)
        vars(current).pop("held_page_ids", None)


for _model in (PageViewRestriction, CollectionViewRestriction):
    for _signal in (post_save, post_delete):
        _signal.connect(
            forget_restrictions,
            sender=_model,
            dispatch_uid=f"coffee-forget-restrictions-{_model.__name__}-{id(_signal)}",
        )
hold_changed.connect(forget_restrictions, dispatch_uid="coffee-forget-restrictions-hold")


def visible_pages(queryset=None, request=None):
    """Live, public pages (of any page model) whose expiry date has not passed, and that no
    app holds back."""
    queryset = Page.objects.all() if queryset is None else queryset
    queryset = queryset.filter(
        Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()), live=True
    )
    held = held_back()
    if held is not None:
        queryset = queryset.exclude(held)
    restricted = _under_any(restrictions(request).page_paths)
    return queryset.exclude(restricted) if restricted is not None else queryset


def page_is_visible(page, request=None) -> bool:
    """visible_pages() for a page already loaded (no query once the request's memo is read)."""
    if page is None or not page.live or is_expired(page) or is_held_back(page, request):
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
    """visible_pages() in a form search backends can filter on (expire_at is no search field,
    nor the holds' conditions): the pages left out, as a list of ids read in one query."""
    hidden = Q(expire_at__lte=timezone.now())
    held = held_back()
    if held is not None:
        hidden |= held
    left_out = Page.objects.filter(hidden).values_list("pk", flat=True)
    queryset = queryset.filter(live=True).exclude(pk__in=list(left_out))
    restricted = _under_any(restrictions(request).page_paths)
    return queryset.exclude(restricted) if restricted is not None else queryset


# Translatable snippets with draft states (categories, navigation, skills, sectors) ----------
# A translation made with wagtail-localize is a draft until someone publishes it: visitors
# only ever see live rows. Where a draft (or no translation) stands in the visitor's language,
# they see the published row of the default language, else the oldest published one.


class PublicQuerySet(models.QuerySet):
    """Queryset of a translatable snippet with draft states."""

    def public(self):
        """Rows a visitor may see: published ones."""
        return self.filter(live=True)

    def shown_for(self, translation_keys, locale) -> dict:
        """{translation_key: the row a visitor reading ``locale`` sees}, in one query; keys
        with no published row are left out."""
        rows = self.public().filter(translation_key__in=list(translation_keys))
        return choose_shown(rows.select_related("locale").order_by("pk"), locale)


class PublishedRowMixin:
    """For translatable snippets with draft states: a published row changes only when a revision
    is published (or it is unpublished), never by saving a draft.

    wagtail-localize saves a draft translation (``Translation.save_target(publish=False)``:
    "Translate" and "Update from source" without publishing, and every snippet a translated
    page refers to) by setting ``live = False`` and saving the whole row before saving a
    revision. Over a published translation, that would show visitors the unreviewed text, or
    take the translation offline. Here such a save leaves the published row as it is: the draft
    is kept by the revision saved next (``has_unpublished_changes``, as an edit in the admin).
    Unpublishing and expiry also save a row that is no longer live, but they clear its
    ``live_revision`` first: those saves go through.
    """

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None and self.is_draft_over_published_row():
            return
        super().save(*args, **kwargs)

    def is_draft_over_published_row(self) -> bool:
        return (
            self.pk is not None
            and not self.live
            and self.live_revision_id is not None
            and type(self).objects.filter(pk=self.pk, live=True).exists()
        )


def choose_shown(rows, locale) -> dict:
    """Among published rows, one per translation key: the one in ``locale``, else the one in
    the default language, else the oldest (rows in ``pk`` order, with their locale)."""
    code = getattr(locale, "language_code", locale)
    rank = {code: 0, settings.LANGUAGE_CODE: 1}
    chosen = {}
    for row in rows:
        current = chosen.get(row.translation_key)
        if current is None or rank.get(row.locale.language_code, 2) < rank.get(
            current.locale.language_code, 2
        ):
            chosen[row.translation_key] = row
    return chosen


def in_language(objects, locale) -> list:
    """These translatable objects (without draft states: the authors of an article) in
    ``locale`` where they are translated into it, else as they are; one query at most."""
    objects = list(objects)
    elsewhere = {obj.translation_key for obj in objects if obj.locale_id != locale.pk}
    if not elsewhere:
        return objects
    model = type(objects[0])
    translated = {
        row.translation_key: row
        for row in model.objects.filter(translation_key__in=elsewhere, locale=locale)
    }
    return [translated.get(obj.translation_key, obj) for obj in objects]


def shown_snippets(objects, locale) -> list:
    """These snippets (the categories of an article...) as a visitor reading ``locale`` (a
    Locale) sees them: each replaced by its published translation in that language, else in
    the default language; left out when none is published. No query when every one is
    already published in ``locale``."""
    objects = list(objects)
    stand_in = [obj for obj in objects if not (obj.live and obj.locale_id == locale.pk)]
    if not stand_in:
        return objects
    model = type(stand_in[0])
    shown = model.objects.shown_for({obj.translation_key for obj in stand_in}, locale)
    result = []
    for obj in objects:
        if obj.live and obj.locale_id == locale.pk:
            result.append(obj)
        elif obj.translation_key in shown:
            result.append(shown[obj.translation_key])
    return result
