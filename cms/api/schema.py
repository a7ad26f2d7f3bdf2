"""OpenAPI 3 description of the public API (drf-spectacular), Wagtail's v2 endpoints included.

Wagtail does not describe its endpoints; the shapes below are written out by hand and attached
to our endpoint subclasses with extend_schema_view (cms.api.endpoints). Response shapes are
small "documentation serializers": they are never used to serialize anything. Their shared
bases have no docstring, which drf-spectacular would give to every subclass without one.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers

from .errors import ERROR_CODES
from .images import allowed_specs, default_spec, supported_formats

LOCALES = ["fr", "nl", "en"]


def engine_fields():
    """The two fields every search answer carries: which engine answered and whether the
    database stood in for it (declared where they stand, so the schema keeps their order)."""
    return (
        serializers.CharField(help_text="The search engine that answered."),
        serializers.BooleanField(
            help_text="True when the configured engine did not answer and the database did."
        ),
    )


# Errors --------------------------------------------------------------------------------------
class ErrorDetailSerializer(serializers.Serializer):
    status = serializers.IntegerField(help_text="The HTTP status, repeated.")
    code = serializers.ChoiceField(choices=ERROR_CODES)
    parameter = serializers.CharField(
        allow_null=True, help_text="The query parameter to blame, or null."
    )
    message = serializers.CharField(help_text="What went wrong and what is accepted, in English.")
    retry_after = serializers.IntegerField(
        required=False, help_text="Seconds to wait (429 only, also in the Retry-After header)."
    )


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()


def errors(*statuses):
    descriptions = {
        400: "A parameter has a bad value (`parameter` names it).",
        404: "Nothing visible at this address.",
        414: "The query string is over 4096 bytes (`parameter` names the longest).",
        429: "Too many requests from this client: wait Retry-After seconds.",
    }
    return {
        status: OpenApiResponse(ErrorSerializer, description=descriptions[status])
        for status in (*statuses, 414)
    }


# Pages ---------------------------------------------------------------------------------------
class TranslationSerializer(serializers.Serializer):
    locale = serializers.ChoiceField(choices=LOCALES)
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.URLField(help_text="This translation in the API.")
    html_url = serializers.URLField(help_text="This translation on the site.")


TRANSLATION_STATES = ["source", "missing", "draft", "outdated", "machine_unreviewed", "up_to_date"]


class TranslationStatusSerializer(serializers.Serializer):
    # Not an enum: the same choices as `locale` under a second name upset drf-spectacular.
    source_locale = serializers.CharField(
        help_text="The language this content is translated from: fr, nl or en (its own if source).",
    )
    state = serializers.ChoiceField(
        choices=TRANSLATION_STATES,
        help_text="`source` for the original; `outdated` when the source changed since the last "
        "synchronisation or segments lack a translation; `machine_unreviewed` when segments "
        "were machine-translated and nobody edited them since; else `up_to_date`.",
    )
    outdated = serializers.BooleanField(help_text="The source changed since the last sync.")
    machine_translated = serializers.BooleanField(
        help_text="Some segments are still as a machine translated them."
    )
    reviewed = serializers.BooleanField(help_text="No segment is left as machine-translated.")
    last_synchronised = serializers.DateTimeField(
        allow_null=True, help_text="When the translation was last synchronised with its source."
    )
    changed_segments = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        help_text="Detail only: paths of the source segments (fields, body blocks) changed "
        "since the last synchronisation.",
    )


class FallbackSerializer(serializers.Serializer):
    requested_locale = serializers.CharField(help_text="The language of ?locale=.")
    served_locale = serializers.CharField(help_text="The language of this version.")
    is_fallback = serializers.BooleanField(help_text="Served in a fallback language.")


class PageMetaSerializer(serializers.Serializer):
    type = serializers.CharField(help_text="Page type, e.g. blog.BlogPage.")
    detail_url = serializers.URLField()
    html_url = serializers.URLField(allow_null=True)
    slug = serializers.CharField(required=False)
    first_published_at = serializers.DateTimeField(required=False, allow_null=True)
    locale = serializers.ChoiceField(choices=LOCALES, required=False)
    translations = TranslationSerializer(many=True, required=False)
    translation = TranslationStatusSerializer(required=False)
    show_in_menus = serializers.BooleanField(required=False)
    seo_title = serializers.CharField(required=False)
    search_description = serializers.CharField(required=False)
    parent = serializers.DictField(required=False, allow_null=True)
    alias_of = serializers.DictField(required=False, allow_null=True)
    fallback = FallbackSerializer(required=False, help_text="With ?fallback= only.")


class PageSerializer(serializers.Serializer):
    """A page: more fields appear with ?fields= (e.g. fields=* or fields=body,date), and a
    page's detail has all of its type's fields; ?fields= also removes any (`-title`, `_`).
    Rich text is {"html", "source"}; images are ImageValue objects ({"id", "url", "width",
    "height", "alt", ...}, sized by ?image=); documents {"id", "title", "download_url"}."""

    id = serializers.IntegerField()
    meta = PageMetaSerializer()
    title = serializers.CharField()


class PreviewStateSerializer(serializers.Serializer):
    live = serializers.BooleanField(help_text="Whether a version of this page is published.")
    expires_at = serializers.DateTimeField(help_text="When the token stops opening this draft.")


class PreviewMetaSerializer(PageMetaSerializer):
    preview = PreviewStateSerializer()


class PreviewSerializer(PageSerializer):
    """A draft as the editor sees it in the admin, in the shape of a page's detail."""

    meta = PreviewMetaSerializer()


class ListingMetaSerializer(serializers.Serializer):
    total_count = serializers.IntegerField()


class ListingSerializer(serializers.Serializer):
    meta = ListingMetaSerializer()


class PageListSerializer(ListingSerializer):
    items = PageSerializer(many=True)


class VenueSpaceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    slug = serializers.CharField()
    city = serializers.CharField()
    country = serializers.CharField()
    street_address = serializers.CharField()
    postcode = serializers.CharField()
    locale = serializers.ChoiceField(choices=LOCALES)
    detail_url = serializers.URLField()
    html_url = serializers.URLField(allow_null=True)


class VenueSerializer(serializers.Serializer):
    space = VenueSpaceSerializer(allow_null=True)
    text = serializers.CharField()


class OccurrenceSerializer(serializers.Serializer):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()


class RecurrenceSerializer(serializers.Serializer):
    rrule = serializers.CharField(
        help_text="RFC 5545 rule, e.g. FREQ=WEEKLY;UNTIL=20270629T070000Z."
    )
    until = serializers.DateField(help_text="The last day of the series.")
    exceptions = serializers.ListField(
        child=serializers.DateField(), help_text="Days the series skips."
    )
    time_zone = serializers.CharField(help_text="Europe/Brussels, or Europe/Paris for Lille.")


class EventSerializer(PageSerializer):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    summary = serializers.CharField()
    venue = VenueSerializer()
    event_language = serializers.CharField()
    registration_url = serializers.CharField()
    status = serializers.ChoiceField(
        choices=["scheduled", "cancelled", "rescheduled"],
        help_text="cancelled: will not take place; rescheduled: moved to the dates given.",
    )
    attendance_mode = serializers.ChoiceField(
        choices=["offline", "online", "mixed"],
        help_text="Online and mixed events: the joining link is sent to registrants only.",
    )
    occurrences = OccurrenceSerializer(
        many=True,
        help_text=(
            "Each date of the event: its one date, or the dates of a series within from/to "
            "(else the upcoming ones; at most 100), without the days it skips."
        ),
    )
    recurrence = RecurrenceSerializer(
        allow_null=True, help_text="How a series repeats; null for a single date."
    )


class EventListSerializer(ListingSerializer):
    items = EventSerializer(many=True)


# Images and documents ------------------------------------------------------------------------
class SrcsetItemSerializer(serializers.Serializer):
    url = serializers.URLField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    scale = serializers.FloatField(help_text="Of the asked size: 0.5, 1, 2...")


class FocalPointSerializer(serializers.Serializer):
    x = serializers.IntegerField()
    y = serializers.IntegerField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()


class RenditionSerializer(serializers.Serializer):
    url = serializers.URLField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    format = serializers.CharField(
        required=False, allow_null=True, help_text="With ?image= or ?image_format= only."
    )
    focal_point = FocalPointSerializer(
        required=False,
        allow_null=True,
        help_text="The area the editor marked as important (original pixels), or null.",
    )
    srcset = SrcsetItemSerializer(
        many=True,
        required=False,
        help_text="With ?image= or ?image_format=: the same crop at each srcset scale, "
        "smallest first (sizes Wagtail would not upscale are given once).",
    )
    srcset_attribute = serializers.CharField(
        required=False, help_text="The srcset variants written for an <img srcset=...>."
    )


class ImageValueSerializer(RenditionSerializer):
    """An image inside a page or a directory record (a chosen image, a body block...)."""

    id = serializers.IntegerField()
    title = serializers.CharField(allow_blank=True)
    alt = serializers.CharField(allow_blank=True)
    spec = serializers.CharField(required=False, help_text="The ?image= spec it was made with.")
    original = serializers.DictField(help_text="url, width, height of the uploaded file.")
    detail_url = serializers.URLField()


class FileMetaSerializer(serializers.Serializer):
    type = serializers.CharField()
    detail_url = serializers.URLField()
    tags = serializers.ListField(child=serializers.CharField(), required=False)
    download_url = serializers.URLField(required=False)


class ImageMetaSerializer(FileMetaSerializer):
    rendition = RenditionSerializer(required=False, allow_null=True)


class ImageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    meta = ImageMetaSerializer()
    title = serializers.CharField()
    alt = serializers.CharField(required=False)
    width = serializers.IntegerField(required=False)
    height = serializers.IntegerField(required=False)


class ImageListSerializer(ListingSerializer):
    items = ImageSerializer(many=True)


class DocumentMetaSerializer(FileMetaSerializer):
    pass


class DocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    meta = DocumentMetaSerializer()
    title = serializers.CharField()
    file_size = serializers.IntegerField(required=False, allow_null=True)


class DocumentListSerializer(ListingSerializer):
    items = DocumentSerializer(many=True)


# Change feed and search ----------------------------------------------------------------------
class ChangeSerializer(serializers.Serializer):
    change_id = serializers.IntegerField()
    action = serializers.ChoiceField(choices=["created", "updated", "unpublished", "deleted"])
    kind = serializers.CharField(help_text="page, coworker, company, project, skill, sector")
    type = serializers.CharField(help_text="app_label.Model of the object.")
    id = serializers.JSONField(help_text="The object's id (an integer for every current kind).")
    locale = serializers.CharField(allow_null=True)
    translation_key = serializers.UUIDField(allow_null=True)
    timestamp = serializers.DateTimeField()
    url = serializers.URLField(
        allow_null=True, help_text="The object in the API; null once unpublished or deleted."
    )


class ChangeFeedMetaSerializer(serializers.Serializer):
    since = serializers.DateTimeField(allow_null=True)
    count = serializers.IntegerField()
    has_more = serializers.BooleanField()
    next_cursor = serializers.CharField(help_text="Pass as ?cursor= to continue or resume.")
    next_url = serializers.URLField()


class ChangeFeedSerializer(serializers.Serializer):
    meta = ChangeFeedMetaSerializer()
    items = ChangeSerializer(many=True)


class IndexSerializer(serializers.Serializer):
    title = serializers.CharField()
    locales = serializers.ListField(
        child=serializers.ChoiceField(choices=LOCALES),
        help_text="Languages of the content, for ?locale=.",
    )
    default_locale = serializers.ChoiceField(
        choices=LOCALES, help_text="The language content is written in first."
    )
    documentation = serializers.URLField(help_text="This documentation (Swagger UI).")
    schema = serializers.URLField(help_text="The OpenAPI 3 schema.")
    endpoints = serializers.DictField(
        child=serializers.URLField(),
        help_text="Each list endpoint by name: pages, events, images, documents, search, "
        "changes, the directory's coworkers, companies, projects, skills and sectors, and "
        "newsletter_subscribe.",
    )


class SearchHitSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    type = serializers.CharField(allow_null=True)
    title = serializers.CharField()
    locale = serializers.CharField(allow_null=True)
    summary = serializers.CharField(allow_null=True)
    detail_url = serializers.URLField()
    html_url = serializers.URLField(allow_null=True)


class SearchGroupSerializer(serializers.Serializer):
    total = serializers.IntegerField()
    engine, degraded = engine_fields()
    items = SearchHitSerializer(many=True)


class SiteSearchSerializer(serializers.Serializer):
    query = serializers.CharField()
    locale = serializers.CharField(allow_null=True)
    results = serializers.DictField(
        child=SearchGroupSerializer(),
        help_text="One group per kind: pages, coworkers, companies, projects.",
    )


# Parameters ----------------------------------------------------------------------------------
#: What every value may not contain (cms.api.params.check_values): control characters.
_ALLOWED = "[^\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]"
NO_CONTROL = f"^{_ALLOWED}*$"
#: ... and at least one character that is not a space (an empty value is refused).
NON_BLANK = f"^{_ALLOWED}*[^\\s\\x00-\\x1f\\x7f]{_ALLOWED}*$"
#: ... and a word to search for: at least one letter or digit (cms.api.params.parse_search).
WORDS = f"^{_ALLOWED}*[^\\W_]{_ALLOWED}*$"
MAX_ID = 2**53 - 1


def constrained(
    type_,
    *,
    enum=None,
    minimum=None,
    maximum=None,
    min_length=None,
    non_blank=False,
    max_length=1000,
    pattern=None,
):
    """A raw schema: integers with bounds, strings without control characters (1000 at most)."""
    if type_ is int:
        result = {"type": "integer"}
        if minimum is not None:
            result["minimum"] = minimum
        if maximum is not None:
            result["maximum"] = maximum
        return result
    if enum is not None:
        return {"type": "string", "enum": list(enum)}
    result = {
        "type": "string",
        "maxLength": max_length,
        "pattern": pattern or (NON_BLANK if non_blank else NO_CONTROL),
    }
    if min_length or non_blank:
        result["minLength"] = max(min_length or 1, 1)
    return result


def query(name, type_=str, description="", enum=None, many=False, *, required=False, **constraints):
    """A query parameter; a single integer or string gets the ``constraints`` of ``constrained``."""
    if type_ in (int, str) and not many:
        type_ = constrained(type_, enum=enum, **constraints)
        enum = None
    return OpenApiParameter(
        name,
        type_,
        OpenApiParameter.QUERY,
        required=required,
        description=description,
        enum=enum,
        many=many,
        explode=True if many else None,
    )


LIMIT = query("limit", int, "Items per page (default 20, at most 100).", minimum=0, maximum=100)
OFFSET = query("offset", int, "Items to skip (0 to 1000000000).", minimum=0, maximum=10**9)
FIELDS = query(
    "fields",
    str,
    "Fields to add or remove: `*` (all), `_` (none), `body,date`, `-title`, `hero_image(title)`.",
)
ORDER = query(
    "order",
    str,
    "A field to order by, `-` for descending, or `random` (a new order on each request: with "
    "`offset`, pages may overlap). With `search`, the hits by that order (random or a field "
    "the search index cannot sort by: the 1000 most relevant ones).",
    non_blank=True,
)


def order(fields):
    """?order= for a listing whose orderable fields are known (cms.api.filters.OrderingFilter)."""
    one = "-?(" + "|".join(sorted(fields)) + ")"
    return OpenApiParameter(
        "order",
        {
            "type": "string",
            "pattern": f"^(random|{one}(,{one})*)$",
            "minLength": 1,
            "maxLength": 1000,
        },
        OpenApiParameter.QUERY,
        description=f"Fields to order by ({', '.join(sorted(fields))}), comma-separated, `-` "
        "for descending; or `random` (a new order on each request: with `offset`, pages may "
        "overlap). With `search`, the hits by that order (random or a field the search index "
        "cannot sort by: the 1000 most relevant ones).",
    )


SEARCH = query(
    "search",
    str,
    "Full-text search (200 characters at most, with at least one letter or digit).",
    max_length=200,
    pattern=f"^$|{WORDS}",
)
SEARCH_OPERATOR = query("search_operator", str, "How words combine.", enum=["and", "or"])
LOCALE = query("locale", str, "Only content in this language.", enum=LOCALES)
DETAIL_LOCALE = query(
    "locale",
    str,
    "This page's version in this language (404 without one, unless `fallback` finds one).",
    enum=LOCALES,
)
_LANGUAGE = "(" + "|".join(LOCALES) + ")"
FALLBACK = OpenApiParameter(
    "fallback",
    {
        "type": "string",
        "pattern": f"^(default|{_LANGUAGE}(,{_LANGUAGE}){{0,{len(LOCALES) - 1}}})$",
        "maxLength": 20,
    },
    OpenApiParameter.QUERY,
    description="With `locale`: other languages to try, in order, each once, where a page has "
    "no visible version in `locale`, e.g. `fr,en`; `default` for the site's chain "
    "(LANGUAGE_FALLBACK). Each page then says in `meta.fallback` which locale was served.",
)


def page_filter(name, description):
    """child_of, descendant_of, translation_of: `root` or a page id (cms.api.filters.PAGE_ID)."""
    return OpenApiParameter(
        name,
        {"type": "string", "pattern": "^(root|[1-9][0-9]{0,15})$", "minLength": 1},
        OpenApiParameter.QUERY,
        description=f"{description} An id naming no visible page matches nothing (an empty "
        "list); combined tree filters must all match.",
    )


PAGE_FILTERS = [
    query(
        "type",
        str,
        "Page type(s), e.g. `blog.BlogPage` or `newsletter.NewsletterIssuePage` (unlocks its "
        "fields as filters).",
    ),
    page_filter("child_of", "Id of the parent page, or `root`."),
    page_filter("descendant_of", "Id of an ancestor page, or `root`."),
    query(
        "ancestor_of",
        int,
        "Id of a descendant page (an id naming no visible page: an empty list).",
        minimum=1,
        maximum=MAX_ID,
    ),
    page_filter("translation_of", "Id of a page: its translations, or `root`."),
    query("title", str, "Exact title."),
    query("slug", str, "Exact slug."),
]
EVENT_FILTERS = [
    query(
        "from",
        OpenApiTypes.DATE,
        "Events with a date ending on or after this day (YYYY-MM-DD). Without from/to: "
        "upcoming events only (a series whose dates are not all past).",
    ),
    query(
        "to",
        OpenApiTypes.DATE,
        "Events starting on or before this day (YYYY-MM-DD); before `from`, none.",
    ),
    query(
        "space",
        str,
        "Id or slug of a space of the network (any language); naming no visible space, an "
        "empty list.",
        non_blank=True,
    ),
    query("city", str, "City of the venue space, e.g. Lille.", non_blank=True),
]
LISTING = [LIMIT, OFFSET, FIELDS, ORDER, SEARCH, SEARCH_OPERATOR]
IMAGE = [
    query(
        "image",
        str,
        "Size and crop of every image of the answer, from an allowed list (Wagtail's rendition "
        "filters: `fill-800x450` crops around the focal point the editor chose, `max-`, "
        f"`width-`). Default {default_spec()}. With this or `image_format`, each image also "
        "has `srcset` variants, `format` and `focal_point`.",
        enum=allowed_specs(),
    ),
    query(
        "image_format",
        str,
        "Format of every image of the answer (only those this server can write).",
        enum=supported_formats(),
    ),
]


def listing_schema(response, parameters, summary, description=""):
    return {
        "summary": summary,
        "description": description,
        "parameters": parameters,
        "responses": {200: response, **errors(400, 429)},
    }


def detail_schema(response, summary, extra=()):
    return {
        "summary": summary,
        "parameters": [FIELDS, *extra],
        "responses": {200: response, **errors(400, 404, 429)},
    }


def find_schema(summary, extra=()):
    """``id`` is required unless there is another way to find (``extra``: html_path)."""
    return {
        "summary": summary,
        "parameters": [
            query("id", int, "Id of the object.", minimum=1, maximum=MAX_ID, required=not extra),
            *extra,
        ],
        "responses": {
            302: OpenApiResponse(description="Redirect to the object's detail URL."),
            **errors(400, 404, 429),
        },
    }


def documented(*, listing_view, detail_view, find_view):
    """Attach the schemas to a Wagtail endpoint class.

    Wagtail's viewsets route to listing_view / detail_view / find_view, which
    extend_schema_view does not know; give the class its own thin methods to annotate.
    """

    def decorator(cls):
        name = cls.name
        own = {key: cls.__dict__.get(key) for key in ("listing_view", "detail_view", "find_view")}

        def listing(self, request):
            if own["listing_view"]:
                return own["listing_view"](self, request)
            return super(cls, self).listing_view(request)

        def detail(self, request, pk):
            if own["detail_view"]:
                return own["detail_view"](self, request, pk)
            return super(cls, self).detail_view(request, pk)

        def find(self, request):
            if own["find_view"]:
                return own["find_view"](self, request)
            return super(cls, self).find_view(request)

        cls.listing_view = extend_schema(operation_id=f"{name}_list", **listing_view)(listing)
        cls.detail_view = extend_schema(operation_id=f"{name}_detail", **detail_view)(detail)
        cls.find_view = extend_schema(operation_id=f"{name}_find", **find_view)(find)
        return cls

    return decorator


# Hooks ---------------------------------------------------------------------------------------
def public_endpoints_only(endpoints, **kwargs):
    """Only /api/v2/ (never the admin's or wagtail-localize's own DRF endpoints)."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v2/")]
