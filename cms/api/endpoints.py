"""Wagtail API v2 endpoints (pages, images, documents, events), made public-safe.

Subclasses of Wagtail's viewsets that:
- only ever show what an anonymous visitor can see (cms.core.visibility), whatever the session;
- validate every parameter (cms.api.filters, cms.api.pagination, cms.api.params);
- answer errors in one shape (cms.api.errors);
- load each page of results in a bounded number of queries (select_related / prefetch_related,
  bulk look-ups for StreamField references and translations).
"""

from urllib.parse import urlsplit

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from rest_framework.response import Response
from wagtail.api import APIField
from wagtail.api.v2.utils import BadRequestError, page_models_from_string, parse_fields_parameter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale, Page, Site

from cms.blog.models import BlogPage
from cms.core import content_version
from cms.core.fallback import best_version
from cms.core.http import django_request
from cms.core.visibility import visible_media, visible_pages
from cms.events.models import EventPage, occurring_between
from cms.newsletter.models import NewsletterIssuePage
from cms.spaces.models import SpacePage
from cms.studies.models import StudyPage

from . import images, params, schema, serializers
from .errors import InvalidParameter, NotFound
from .filters import FieldsFilter, LocaleFilter, OrderingFilter, SearchFilter, TreeFilter
from .links import find_site, get_links
from .locale import content_language_codes, language_chain, requested_language
from .mixins import PublicAPIMixin
from .pagination import OffsetLimitPagination

#: Computed fields added to some page types (no change to their models needed).
EXTRA_API_FIELDS = {
    BlogPage: [
        APIField("authors", serializer=serializers.AuthorsField(read_only=True)),
        APIField(
            "categories",
            serializer=serializers.LocalizedCategoriesField("article_categories", read_only=True),
        ),
    ],
    StudyPage: [
        APIField(
            "themes",
            serializer=serializers.LocalizedCategoriesField("study_themes", read_only=True),
        ),
        APIField("partners", serializer=serializers.PartnersField(read_only=True)),
    ],
    EventPage: [
        APIField("venue", serializer=serializers.VenueField(read_only=True)),
        APIField("attendance_mode", serializer=serializers.AttendanceModeField(read_only=True)),
        APIField("occurrences", serializer=serializers.OccurrencesField(read_only=True)),
        APIField("recurrence", serializer=serializers.RecurrenceField(read_only=True)),
    ],
    NewsletterIssuePage: [
        APIField("sections", serializer=serializers.NewsletterSectionsField(read_only=True)),
    ],
}

#: Declared api_fields whose default serialization would query per object or leak private
#: media: replaced by bulk-friendly, visibility-aware serializers.
FIELD_OVERRIDES = {
    BlogPage: {
        "reading_time": serializers.ReadingTimeField(read_only=True),
        "hero_image": serializers.HeroImageField(read_only=True),
    },
    StudyPage: {"documents": serializers.StudyDocumentsField(read_only=True)},
    SpacePage: {"gallery_images": serializers.GalleryField(read_only=True)},
}


def _with(relation, *related):
    """Prefetch a child relation with its foreign keys joined: one query, not one per level."""
    return lambda model: Prefetch(
        relation,
        queryset=getattr(model, relation).rel.related_model.objects.select_related(*related),
    )


#: Relations to prefetch when a page type is listed with its own fields.
PREFETCHES = {
    BlogPage: [
        _with("tagged_items", "tag"),
        _with("article_authors", "author"),
        _with("article_categories", "category"),
    ],
    StudyPage: [
        _with("study_themes", "category"),
        _with("study_partners", "organisation"),
        _with("documents", "document"),
    ],
    SpacePage: [_with("gallery_images", "image")],
    NewsletterIssuePage: ["dispatch"],
}


def _extra_fields_for(model, table):
    result = []
    for klass, fields in table.items():
        if issubclass(model, klass):
            result.extend(fields)
    return result


def _overrides_for(model):
    result = {}
    for klass, overrides in FIELD_OVERRIDES.items():
        if issubclass(model, klass):
            result.update(overrides)
    return result


def _frozen(fields_config):
    """parse_fields_parameter()'s nested lists as nested tuples (hashable)."""
    if fields_config is None:
        return None
    return tuple(
        (name, negated, _frozen(sub_fields)) for name, negated, sub_fields in fields_config
    )


#: Serializer classes kept per endpoint class before starting again.
SERIALIZER_CLASSES_KEPT = 256


def check_pk(pk) -> None:
    """An id from the address that no row can have is a 404, not a database error."""
    if pk is not None and not 0 < int(pk) <= params.MAX_ID:
        raise NotFound()


class BatchListingMixin(PublicAPIMixin):
    """Wagtail's endpoints made public: parameters accepted per action, and listing_view
    keeping the listed objects on the view (`self.batch`) for bulk look-ups."""

    pagination_class = OffsetLimitPagination
    batch: list = []
    #: Parameters every action accepts besides its own (?image= where images are shown).
    extra_parameters: frozenset[str] = frozenset()
    #: Serializer classes built for this endpoint class (each subclass has its own).
    serializer_classes: dict = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.serializer_classes = {}

    def accepted_parameters(self):
        """Listings: Wagtail's parameters and the model's fields (exact-match filters)."""
        if self.action == "listing_view":
            model = self.get_queryset().model
            fields = self.get_available_fields(model, db_fields_only=True)
            return {*fields, *self.known_query_parameters, *self.extra_parameters}
        if self.action == "find_view":
            return {"fields", *self.find_query_parameters, *self.extra_parameters}
        return {"fields", *self.extra_parameters}

    def listing_view(self, request):
        data = self.serialize_listing(self.filter_queryset(self.get_queryset()))
        self.mark_fallbacks(data, self.batch)
        self.last_modified = self.listing_last_modified(self.batch)
        return self.get_paginated_response(data)

    def serialize_listing(self, queryset) -> list:
        """The requested page of results as data; keeps the listed objects in ``self.batch``."""
        self.batch = self.paginate_queryset(queryset)
        return self.get_serializer(self.batch, many=True).data

    def listing_last_modified(self, batch):
        return None

    def mark_fallbacks(self, items, batch) -> None:
        """Pages say which language they were served in (?fallback=): nothing elsewhere."""

    def get_serializer_class(self):
        # Wagtail builds a new class on every request; the same model and fields give the same
        # class, kept per endpoint class (a bounded number: clients choose the fields).
        fields = self.request.query_params.get("fields")
        try:
            fields_config = _frozen(parse_fields_parameter(fields)) if fields else ()
        except ValueError as exc:
            raise InvalidParameter("fields", f"fields error: {exc}") from exc
        listing = self.action == "listing_view"
        model = self.get_queryset().model if listing else type(self.get_object())
        key = (self.request.wagtailapi_router, model, fields_config, listing)
        found = self.serializer_classes.get(key)
        if found is None:
            try:
                found = super().get_serializer_class()
            except BadRequestError as exc:
                raise InvalidParameter("fields", str(exc)) from exc
            if len(self.serializer_classes) >= SERIALIZER_CLASSES_KEPT:
                self.serializer_classes.clear()
            self.serializer_classes[key] = found
        return found

    def get_object(self):
        """The object of the address, looked up once per request; 404 unless visible."""
        cached = getattr(self, "_cached_object", None)
        if cached is None:
            pk = self.kwargs.get("pk")
            check_pk(pk)
            cached = self.load_object(pk)
            if cached is None:
                raise NotFound()
            self._cached_object = cached
        return cached

    def load_object(self, pk):
        """The visible object with this id, or None."""
        raise NotImplementedError

    def resolve_rich_text_format(self):
        # Rich text is always {"html", "source"} here (see cms.api.serializers).
        return None

    def detail_view(self, request, pk):
        instance = self.get_object()
        self.batch = [instance]
        response = super().detail_view(request, pk)
        self.last_modified = self.object_last_modified(instance)
        return response

    def object_last_modified(self, instance):
        return None

    def find_object(self, queryset, request):
        if "id" in request.query_params:
            object_id = params.parse_id(request.query_params["id"], "id")
            return queryset.filter(pk=object_id).first()
        return None

    #: find/ without any of its parameters: 400, unless the endpoint has a default look-up.
    find_has_default = False

    def find_view(self, request):
        if not self.find_has_default and not set(self.find_query_parameters) & set(
            request.query_params
        ):
            raise InvalidParameter(
                sorted(self.find_query_parameters)[0],
                "find needs one of: {}.".format(", ".join(sorted(self.find_query_parameters))),
            )
        obj = self.find_object(self.get_queryset(), request)
        if obj is None:
            raise NotFound("Nothing visible matches this look-up.")
        url = serializers.detail_url(
            {"router": request.wagtailapi_router, "request": request}, self.model, obj.pk
        )
        query = request.query_params.copy()
        for name in self.find_query_parameters:
            query.pop(name, None)
        encoded = query.urlencode()
        return redirect(f"{url}?{encoded}" if encoded else url)


def documented_pages(list_serializer, serializer, filters, *, listing, detail, find, html_path):
    """The OpenAPI description of a pages endpoint: ``listing`` is the listing's summary and
    description, ``html_path`` what the find view's path parameter finds."""
    return schema.documented(
        listing_view=schema.listing_schema(
            list_serializer,
            [*schema.LISTING, schema.LOCALE, schema.FALLBACK, *filters, *schema.IMAGE],
            *listing,
        ),
        detail_view=schema.detail_schema(
            serializer, detail, [schema.DETAIL_LOCALE, schema.FALLBACK, *schema.IMAGE]
        ),
        find_view=schema.find_schema(
            find, [schema.query("html_path", str, html_path, non_blank=True)]
        ),
    )


@documented_pages(
    schema.PageListSerializer,
    schema.PageSerializer,
    schema.PAGE_FILTERS,
    listing=(
        "List pages",
        "Live, public pages of every type and language. With `type=`, that type's fields can "
        "be requested with `fields=` and used as exact-match filters (e.g. `date=2026-01-31`).",
    ),
    detail="A page with all its fields",
    find="Find a page by id or by its address on the site",
    html_path="Path on the site with its language: /nl/blog/... Without `id` nor `html_path`, "
    "`/` (the home page); with both, `html_path`.",
)
class PagesEndpoint(BatchListingMixin, PagesAPIViewSet):
    """Live, public, unexpired pages in every locale of the site."""

    base_serializer_class = serializers.PageSerializer
    extra_parameters = images.PARAMETERS | {"locale", "fallback"}
    filter_backends = [FieldsFilter, TreeFilter, OrderingFilter, LocaleFilter, SearchFilter]
    known_query_parameters = (
        PagesAPIViewSet.known_query_parameters - {"rich_text_format", "site"}
    ) | {"fallback"}
    meta_fields = [*PagesAPIViewSet.meta_fields, "translations", "translation"]
    listing_default_fields = [
        *PagesAPIViewSet.listing_default_fields,
        "translations",
        "translation",
    ]

    @classmethod
    def get_body_fields(cls, model):
        return super().get_body_fields(model) + _extra_fields_for(model, EXTRA_API_FIELDS)

    @classmethod
    def get_field_serializer_overrides(cls, model):
        overrides = super().get_field_serializer_overrides(model)
        overrides.update(_overrides_for(model))
        return overrides

    def serialize_listing(self, queryset) -> list:
        serializer = self.get_serializer_class()(context=self.get_serializer_context())
        columns = None
        if isinstance(queryset, QuerySet):
            columns = serializers.row_columns(serializer, queryset.model)
        if columns is None:
            self.batch = self.paginate_queryset(queryset)
            serializers.prime_lookups(serializer, self.batch)
            return [serializer.to_representation(item) for item in self.batch]
        # Only plain columns to show: rows, not page instances (same JSON, less CPU).
        rows = self.paginate_queryset(queryset.prefetch_related(None).values(*columns))
        self.batch = serializers.page_rows(queryset.model, rows)
        serializers.prime_lookups(serializer, self.batch)
        return serializers.represent_rows(serializer, self.batch)

    def get_serializer_context(self):
        # Not Wagtail's pages context: its base_queryset serves a PageParentField replaced here
        # (serializers.PageParentField), and would be built on every request for nothing.
        return super(PagesAPIViewSet, self).get_serializer_context()

    def get_site(self):
        # Django's request, where Wagtail's own look-ups (URLs) find the cached site too.
        return find_site(self.request) or Site.objects.filter(is_default_site=True).first()

    def get_root_page(self):
        site = self.get_site()
        if site is None:
            raise NotFound("No site is configured.")
        return site.root_page

    def get_base_queryset(self):
        """Visible pages of this site, in every locale (the site root's translations too)."""
        cached = getattr(self, "_base_queryset", None)
        if cached is None:
            cached = self._base_queryset = self.visible_on_site(Page.objects.all())
        return cached

    def visible_on_site(self, queryset):
        """The pages of a queryset (any page model) a visitor can see on this site."""
        site = self.get_site()
        if site is None:
            return queryset.none()
        # The site's home page in every locale (Wagtail's site root paths, also used for URLs).
        condition = Q()
        for root in get_links(self.request).site_root_paths():
            if root.site_id == site.pk:
                condition |= Q(url_path__startswith=root.root_path)
        if not condition:
            return queryset.none()
        return visible_pages(queryset.filter(condition), self.request)

    def get_page_models(self):
        value = self.request.query_params.get("type")
        if not value:
            return []
        try:
            return list(page_models_from_string(value))
        except (LookupError, ValueError) as exc:
            raise InvalidParameter(
                "type", f"type must be a page type such as blog.BlogPage: {value[:100]!r}."
            ) from exc

    def get_queryset(self):
        # Wagtail asks again for the serializer's model: build it once per request.
        cached = getattr(self, "_queryset", None)
        if cached is None:
            cached = self._queryset = self.build_queryset()
        return cached

    def build_queryset(self):
        page_models = self.get_page_models()
        if len(page_models) == 1 or (not page_models and self.model is not Page):
            model = page_models[0] if page_models else self.model
            if not issubclass(model, self.model):
                raise InvalidParameter("type", f"type must be a kind of {self.model.__name__}.")
            # The model's own table joined to its pages, not a subquery on every page.
            queryset = self.with_prefetches(self.visible_on_site(model.objects.all()), model)
        elif page_models:
            queryset = self.get_base_queryset().type(*page_models)
        else:
            queryset = self.get_base_queryset()
        return queryset.select_related("locale").order_by("path")

    def with_prefetches(self, queryset, model):
        if self.action == "listing_view" and "fields" not in self.request.query_params:
            # The default listing shows no body field: nothing of theirs to load.
            return queryset
        related = [
            field.name
            for field in model._meta.concrete_fields
            if field.is_relation
            and field.many_to_one
            and field.name in self.get_body_fields_names(model)
        ]
        if related:
            queryset = queryset.select_related(*related)
        prefetches = _extra_fields_for(model, PREFETCHES)
        if prefetches:
            queryset = queryset.prefetch_related(
                *(item if isinstance(item, str) else item(model) for item in prefetches)
            )
        for name in related:
            field = model._meta.get_field(name)
            if issubclass(field.related_model, get_image_model()):
                queryset = queryset.prefetch_related(
                    Prefetch(
                        f"{name}__renditions",
                        queryset=get_image_model()
                        .get_rendition_model()
                        .objects.filter(
                            filter_spec__in=serializers.image_filter_specs(self.request)
                        ),
                    )
                )
        return queryset

    def load_object(self, pk):
        pk = self.version_in_chain(pk)
        found = self.get_base_queryset().filter(pk=pk).values_list("content_type_id").first()
        if found is None:
            raise NotFound()
        model = ContentType.objects.get_for_id(found[0]).model_class()
        if model is None or not issubclass(model, self.model):
            raise NotFound()
        queryset = self.with_prefetches(model.objects.filter(pk=pk), model)
        return queryset.select_related("locale").first()

    def version_in_chain(self, pk):
        """With ?locale= on a detail: the page's version in that language, or in the first
        fallback (?fallback=) where it is visible; 404 when there is none."""
        if "locale" not in self.request.query_params:
            return pk
        chain = language_chain(self.request) or [requested_language(self.request)]
        visible = self.get_base_queryset()
        page = visible.filter(pk=pk).first()
        version = best_version(page, visible, chain) if page is not None else None
        if version is None:
            raise NotFound(f"No visible version of this page in: {', '.join(chain)}.")
        return version.pk

    def detail_view(self, request, pk):
        instance = self.get_object()
        self.batch = [instance]
        self.last_modified = instance.last_published_at
        data = self.get_serializer(instance).data
        self.mark_fallbacks([data], [instance])
        return Response(data)

    def mark_fallbacks(self, items, batch) -> None:
        """meta.fallback on each page when ?fallback= was given: the locale asked, the locale
        served, and whether it is a fallback."""
        chain = language_chain(self.request)
        if chain is None:
            return
        served = {}
        for obj in batch:
            locale = getattr(obj, "locale", None)
            if locale is not None:
                served[obj.pk] = locale.language_code
        missing = [obj.pk for obj in batch if obj.pk not in served]
        if missing:
            served.update(
                Page.objects.filter(pk__in=missing).values_list("pk", "locale__language_code")
            )
        for item, obj in zip(items, batch, strict=True):  # ?fields= may leave out "id"
            language = served.get(obj.pk)
            item.setdefault("meta", {})["fallback"] = {
                "requested_locale": chain[0],
                "served_locale": language,
                "is_fallback": language != chain[0],
            }

    def listing_last_modified(self, batch):
        stamps = [page.last_published_at for page in batch if page.last_published_at]
        latest_change = content_version.latest_change_time()
        if latest_change:
            stamps.append(latest_change)
        return max(stamps) if stamps else None

    #: Without id nor html_path, find/ looks up html_path=/ (the home page).
    find_has_default = True

    def find_object(self, queryset, request):
        query_params = request.query_params
        if "html_path" in query_params or "id" not in query_params:
            return self.find_by_path(queryset, query_params.get("html_path", "/"))
        return super().find_object(queryset, request)

    def find_by_path(self, queryset, value):
        """/nl/blog/article/ → the Dutch article: the first component chooses the locale."""
        if not value.strip():
            raise InvalidParameter("html_path", "html_path may not be empty: e.g. /nl/blog/.")
        path = urlsplit(value).path if value.startswith(("http://", "https://")) else value
        components = [component for component in path.split("/") if component]
        root = self.get_root_page()
        codes = content_language_codes()
        if components and components[0] in codes:
            locale = Locale.objects.filter(language_code=components[0]).first()
            components = components[1:]
            root = root.get_translation_or_none(locale) if locale else None
        if root is None:
            return None
        try:
            result = root.specific.route(django_request(self.request), components)
        except Http404:
            return None
        page = getattr(result, "page", None) or result[0]
        return queryset.filter(pk=page.pk).first()


@documented_pages(
    schema.EventListSerializer,
    schema.EventSerializer,
    schema.EVENT_FILTERS,
    listing=(
        "List events",
        "Upcoming events (not yet ended) ordered by start, unless `from`/`to` say otherwise.",
    ),
    detail="An event with all its fields",
    find="Find an event by id or address",
    html_path="Path on the site with its language. Without `id` nor `html_path`, `/` (never "
    "an event: 404); with both, `html_path`.",
)
class EventsEndpoint(PagesEndpoint):
    """Events: upcoming by default, ordered by start."""

    model = EventPage
    name = "events"
    known_query_parameters = (PagesEndpoint.known_query_parameters - {"type"}) | {
        "from",
        "to",
        "space",
        "city",
    }
    listing_default_fields = [
        "id",
        "type",
        "detail_url",
        "html_url",
        "title",
        "locale",
        "translations",
        "translation",
        "start",
        "end",
        "summary",
        "venue",
        "event_language",
        "registration_url",
        "status",
        "attendance_mode",
        "occurrences",
        "recurrence",
    ]

    def get_page_models(self):
        return [EventPage]

    def build_queryset(self):
        queryset = super().build_queryset()
        if self.action != "listing_view":
            return queryset
        query_params = self.request.query_params
        start = end = None
        if "from" in query_params:
            start = params.parse_date(query_params["from"], "from")
        if "to" in query_params:
            end = params.parse_date(query_params["to"], "to")
        if start and end and end < start:
            return queryset.none()  # an empty range: no event, as any filter matching nothing
        if start is None and end is None:
            queryset = occurring_between(queryset, timezone.now())
        else:
            queryset = occurring_between(
                queryset,
                serializers.day_start(start) if start else None,
                serializers.day_end(end) if end else None,
            )
        if "space" in query_params:
            queryset = queryset.filter(venue_space__translation_key__in=self.space_keys())
        if "city" in query_params:
            city = " ".join(query_params["city"].split())
            if not city:
                raise InvalidParameter("city", "city may not be empty: e.g. Lille.")
            keys = visible_pages(SpacePage.objects.filter(city__iexact=city), self.request).values(
                "translation_key"
            )
            queryset = queryset.filter(venue_space__translation_key__in=keys)
        return queryset.order_by("start", "pk")

    def space_keys(self):
        """The spaces ?space= names (by id or slug): none when it names no visible space, and
        then no event (an empty list, as for a city without a space)."""
        value = " ".join(self.request.query_params["space"].split())
        if not value:
            raise InvalidParameter("space", "space may not be empty: the id or slug of a space.")
        spaces = visible_pages(SpacePage.objects.all(), self.request)
        if value.isascii() and value.isdigit():
            if len(value) > 16 or int(value) > params.MAX_ID:
                return []
            spaces = spaces.filter(pk=int(value))
        else:
            spaces = spaces.filter(slug=value)
        return list(spaces.values_list("translation_key", flat=True))


class CollectionMemberEndpointMixin(BatchListingMixin):
    filter_backends = [FieldsFilter, OrderingFilter, SearchFilter]
    known_query_parameters = ImagesAPIViewSet.known_query_parameters - {"rich_text_format"}

    def get_queryset(self):
        queryset = visible_media(self.model.objects.all(), self.request)
        return queryset.prefetch_related("tags").order_by("id")

    def load_object(self, pk):
        return self.get_queryset().filter(pk=pk).first()

    def object_last_modified(self, instance):
        return instance.created_at

    def listing_last_modified(self, batch):
        stamps = [obj.created_at for obj in batch if obj.created_at]
        return max(stamps) if stamps else None


def documented_collection_members(list_serializer, serializer, plural, one, extra=(), *, orderable):
    """The OpenAPI description of an images or documents endpoint."""
    listing = [schema.order(orderable) if p.name == "order" else p for p in schema.LISTING]
    return schema.documented(
        listing_view=schema.listing_schema(
            list_serializer,
            [*listing, schema.query("title", str, "Exact title."), *extra],
            f"List {plural} of public collections",
        ),
        detail_view=schema.detail_schema(serializer, one[0].upper() + one[1:], extra),
        find_view=schema.find_schema(f"Find {one} by id"),
    )


@documented_collection_members(
    schema.ImageListSerializer,
    schema.ImageSerializer,
    "images",
    "an image",
    schema.IMAGE,
    orderable=["height", "id", "title", "width"],
)
class ImagesEndpoint(CollectionMemberEndpointMixin, ImagesAPIViewSet):
    """Images of public collections, with a rendition and alt text."""

    base_serializer_class = serializers.ImageSerializer
    extra_parameters = images.PARAMETERS
    meta_fields = [*ImagesAPIViewSet.meta_fields, "rendition"]
    body_fields = [*ImagesAPIViewSet.body_fields, "alt"]
    listing_default_fields = [*ImagesAPIViewSet.listing_default_fields, "alt", "rendition"]
    nested_default_fields = [*ImagesAPIViewSet.nested_default_fields, "alt", "rendition"]

    def get_queryset(self):
        specs = serializers.image_filter_specs(self.request)
        return super().get_queryset().prefetch_renditions(*specs)


@documented_collection_members(
    schema.DocumentListSerializer,
    schema.DocumentSerializer,
    "documents",
    "a document",
    orderable=["file_size", "id", "title"],
)
class DocumentsEndpoint(CollectionMemberEndpointMixin, DocumentsAPIViewSet):
    """Documents of public collections, with their download URL."""

    base_serializer_class = serializers.DocumentSerializer
    body_fields = [*DocumentsAPIViewSet.body_fields, "file_size"]


ENDPOINTS = {
    "pages": PagesEndpoint,
    "events": EventsEndpoint,
    "images": ImagesEndpoint,
    "documents": DocumentsEndpoint,
}
