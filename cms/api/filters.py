"""Wagtail's v2 filter backends, with every value parsed strictly before it reaches the database.

Stock Wagtail answers 500 for child_of=10^20 (integer overflow in SQLite), date=abc (a
ValidationError from the ORM), search=%00, search_operator=xor, and locale=xx gives 404. Here
each backend validates its parameter and raises InvalidParameter naming it.
"""

import decimal
import re

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from rest_framework.filters import BaseFilterBackend
from taggit.managers import TaggableManager
from wagtail import fields as wagtail_fields
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from cms.core.fallback import first_visible_version

from . import params
from .errors import InvalidParameter
from .locale import language_chain, requested_locale

_ORDER_TOKEN = re.compile(r"-?[A-Za-z_][A-Za-z0-9_]{0,63}")
_DECIMAL = re.compile(r"-?[0-9]{1,12}(\.[0-9]{1,12})?")
#: With search, order=random, or an order the search index cannot give, sorts this many of the
#: most relevant hits.
MAX_SORTED_HITS = 1000
_BOOLEANS = {"true": True, "1": True, "false": False, "0": False}

SCALAR_FIELDS = (
    models.BooleanField,
    models.IntegerField,
    models.AutoField,
    models.CharField,
    models.TextField,
    models.DateField,
    models.DecimalField,
    models.FloatField,
    models.ForeignKey,
)
UNFILTERABLE_FIELDS = (wagtail_fields.StreamField, models.JSONField, models.FileField)


def model_field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def filterable_fields(view, model):
    names = set(view.get_available_fields(model, db_fields_only=True)) - {"locale"}
    result = {}
    for name in names:
        field = model_field(model, name)
        if field is None:
            continue
        if isinstance(field, TaggableManager) or (
            isinstance(field, SCALAR_FIELDS) and not isinstance(field, UNFILTERABLE_FIELDS)
        ):
            result[name] = field
    return result


def parse_field_value(field, name, value):
    if isinstance(field, models.BooleanField):
        if value not in _BOOLEANS:
            raise InvalidParameter(name, f"{name} must be true or false.")
        return _BOOLEANS[value]
    if isinstance(field, models.ForeignKey):
        return params.parse_id(value, name)
    if isinstance(field, models.IntegerField | models.AutoField):
        return params.parse_int(value, name)
    if isinstance(field, models.DateTimeField):
        return params.parse_datetime(value, name)
    if isinstance(field, models.DateField):
        return params.parse_date(value, name)
    if isinstance(field, models.DecimalField | models.FloatField):
        if not _DECIMAL.fullmatch(value):
            raise InvalidParameter(name, f"{name} must be a decimal number such as 50.63.")
        return decimal.Decimal(value)
    if isinstance(field, models.CharField) and field.choices:
        choices = [str(choice) for choice, _label in field.flatchoices]
        return params.parse_choice(value, name, choices)
    return value


def tag_named(field, name: str, tag: str) -> Q:
    """Objects with the tag ``tag``, by the tag's name or by the name an object gives it in
    its own language (a translated article's tags)."""
    condition = Q(**{f"{name}__name": tag})
    if any(through_field.name == "name" for through_field in field.through._meta.fields):
        named = field.through.objects.filter(name=tag).values("content_object_id")
        condition |= Q(pk__in=named)
    return condition


class FieldsFilter(BaseFilterBackend):
    """?title=...&date=2026-01-31: exact match on the endpoint's database fields."""

    def filter_queryset(self, request, queryset, view):
        fields = filterable_fields(view, queryset.model)
        for name, value in request.query_params.items():
            field = fields.get(name)
            if field is None:
                continue
            if isinstance(field, TaggableManager):
                for tag in [tag.strip() for tag in value.split(",") if tag.strip()]:
                    queryset = queryset.filter(tag_named(field, name, tag))
                queryset = queryset.distinct()
                view.filtered_by_tag = True
            else:
                queryset = queryset.filter(**{name: parse_field_value(field, name, value)})
        return queryset


def orderable_fields(view, model):
    names = set(view.get_available_fields(model, db_fields_only=True))
    return {
        name
        for name in names
        if isinstance(model_field(model, name), SCALAR_FIELDS)
        and not isinstance(model_field(model, name), UNFILTERABLE_FIELDS)
    }


class OrderingFilter(BaseFilterBackend):
    """?order=-first_published_at,title or ?order=random."""

    def filter_queryset(self, request, queryset, view):
        value = request.query_params.get("order")
        if value is None:
            return queryset
        tokens = value.split(",")
        if tokens == ["random"]:
            # Each request draws a new order: offset skips items of that order (pages of a
            # random listing may overlap), and search shuffles its hits (SearchFilter).
            view.random_order = True
            return queryset.order_by("?")
        allowed = orderable_fields(view, queryset.model)
        for token in tokens:
            if not _ORDER_TOKEN.fullmatch(token) or token.lstrip("-") not in allowed:
                raise InvalidParameter(
                    "order",
                    f"cannot order by '{token[:64]}': use one of {', '.join(sorted(allowed))},"
                    " optionally prefixed with '-', or random.",
                )
        view.order_tokens = tokens
        return queryset.order_by(*tokens, "pk")


class SearchFilter(BaseFilterBackend):
    """?search=...&search_operator=and|or: full-text search, must stay last."""

    def filter_queryset(self, request, queryset, view):
        query_params = request.query_params
        operator = query_params.get("search_operator")
        if operator is not None:
            params.parse_choice(operator, "search_operator", ["and", "or"])
        if "search" not in query_params:
            return queryset
        text = params.parse_search(query_params["search"], "search")
        if not text:
            return queryset
        if getattr(view, "filtered_by_tag", False):
            raise InvalidParameter("search", "search cannot be combined with a tag filter.")
        # The visibility rules filter on fields the search index does not hold (expire_at,
        # view restrictions): search within the primary keys of the filtered queryset instead.
        ordering = getattr(view, "order_tokens", None)
        searchable = queryset.model._default_manager.filter(pk__in=queryset.values("pk"))
        if ordering:
            searchable = searchable.order_by(*ordering)
        backend = get_search_backend()
        random_order = getattr(view, "random_order", False)
        try:
            if not random_order:
                try:
                    return backend.search(
                        text,
                        searchable,
                        operator=operator,
                        order_by_relevance="order" not in query_params,
                    )
                except OrderByFieldError:
                    pass  # a field the index cannot sort by: sorted in the database below
            # order=random, or a field the index cannot sort by: the most relevant hits,
            # sorted by the database.
            relevant = backend.search(text, searchable.order_by(), operator=operator)
            hits = [hit.pk for hit in relevant[:MAX_SORTED_HITS]]
            sorted_hits = queryset.model._default_manager.filter(pk__in=hits)
            return (
                sorted_hits.order_by("?") if random_order else sorted_hits.order_by(*ordering, "pk")
            )
        except FilterFieldError as exc:
            raise InvalidParameter(
                "search", f"cannot filter by '{exc.field_name}' while searching."
            ) from exc


class LocaleFilter(BaseFilterBackend):
    """?locale=fr|nl|en (400 for any other value); with ?fallback=, each page in the first
    language of the chain where it is visible (cms.core.fallback)."""

    def filter_queryset(self, request, queryset, view):
        locale = requested_locale(request)
        if locale is None:
            return queryset
        chain = language_chain(request)
        if chain is not None:
            return first_visible_version(queryset, view.get_base_queryset(), chain)
        return queryset.filter(locale=locale)


def in_any_version(view, request, page, condition):
    """condition(page); with ?fallback=, condition of any visible version of the page (the
    French article is a child of the Dutch blog when it stands in for a Dutch one)."""
    if language_chain(request) is None:
        return condition(page)
    result = Q()
    for version in view.get_base_queryset().filter(translation_key=page.translation_key):
        result |= condition(version)
    return result


#: A page id as child_of, descendant_of and translation_of take it (or root); the schema's pattern.
PAGE_ID = r"[1-9][0-9]{0,15}"
_PAGE_OR_ROOT = re.compile(f"root|{PAGE_ID}")


def page_parameter(view, name, value, *, allow_root=True):
    """The visible page an id names, or None: a filter on a page nobody can see (or that does
    not exist) matches nothing, and the listing is empty."""
    if allow_root and value == "root":
        return view.get_root_page()
    if allow_root and not _PAGE_OR_ROOT.fullmatch(value):
        raise InvalidParameter(name, f"{name} must be the id of a page or root.")
    page_id = params.parse_id(value, name) if not allow_root else int(value)
    return view.get_base_queryset().filter(pk=page_id).first()


class TreeFilter(BaseFilterBackend):
    """child_of, descendant_of, ancestor_of and translation_of, with strict ids; combined, a page
    must match each."""

    def filter_queryset(self, request, queryset, view):
        query_params = request.query_params
        conditions = {
            "child_of": lambda page: in_any_version(view, request, page, Page.objects.child_of_q),
            "descendant_of": lambda page: in_any_version(
                view, request, page, Page.objects.descendant_of_q
            ),
            "ancestor_of": lambda page: Page.objects.ancestor_of_q(page),
            "translation_of": lambda page: Page.objects.translation_of_q(page, False),
        }
        for name, condition in conditions.items():
            if name not in query_params:
                continue
            page = page_parameter(view, name, query_params[name], allow_root=name != "ancestor_of")
            if page is None:
                return queryset.none()
            queryset = queryset.filter(condition(page))
        return queryset


def is_page_model(model):
    return issubclass(model, Page)
