"""Public API views that are not Wagtail endpoints: the index, change feed, site search."""

import base64
import re

from django.conf import settings
from django.http import JsonResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from cms.core.base_url import absolute
from cms.directory.kinds import KINDS

from . import changes, params, schema
from .errors import NOT_FOUND, InvalidParameter, error_body
from .locale import requested_locale
from .mixins import PublicAPIMixin
from .models import ContentChange
from .search import site_search

CHANGES_DEFAULT_LIMIT = 100
CHANGES_MAX_LIMIT = 500


def encode_cursor(change_id: int) -> str:
    return base64.urlsafe_b64encode(f"c1:{change_id}".encode()).decode().rstrip("=")


#: Every cursor encode_cursor gives out, and only those: "c1:" and 1 to 18 digits in URL-safe
#: base64 without padding. Each 3 digits are 4 characters; a first digit's 6 + 2 bits, then
#: a digit's 4 bits and 2 zero bits, then 2 one bits and a digit's 4 bits.
_DIGIT_HEAD = "(?:[MN][DTjz]|O[DT])"
_GROUP = f"{_DIGIT_HEAD}[AEIMQUYcgk][w-z0-5]"
CURSOR_PATTERN = f"^YzE6(?:{_GROUP}){{0,5}}(?:{_GROUP}|[MN][AQgw]|O[AQ]|{_DIGIT_HEAD}[AEIMQUYcgk])$"
_CURSOR = re.compile(CURSOR_PATTERN)


def decode_cursor(value: str) -> int:
    if not _CURSOR.match(value):
        raise InvalidParameter("cursor", "cursor is not one this API gave out.")
    value = value.rstrip("\n")  # a final line break, as `$` allows one
    padded = value + "=" * (-len(value) % 4)
    return int(base64.urlsafe_b64decode(padded.encode("ascii")).decode("ascii")[3:])


#: The endpoints the index lists: {its name in the answer: the URL's name}.
INDEX_ENDPOINTS = {
    "pages": "coffee_api:pages:listing",
    "events": "coffee_api:events:listing",
    "images": "coffee_api:images:listing",
    "documents": "coffee_api:documents:listing",
    "search": "api-search",
    "changes": "changes",
    **{kind: f"directory-api-{kind}-list" for kind in [*KINDS, "skills", "sectors"]},
    "newsletter_subscribe": "newsletter-subscribe",
}


class IndexView(PublicAPIMixin, GenericAPIView):
    """Where a partner starts: the address of every endpoint, the documentation, the
    languages."""

    @extend_schema(
        summary="Every endpoint of the API, its documentation and languages",
        responses={200: schema.IndexSerializer, **schema.errors(400, 429)},
    )
    def get(self, request):
        def url(name):
            return absolute(request, reverse(name))

        return Response(
            {
                "title": settings.SPECTACULAR_SETTINGS["TITLE"],
                "locales": [code for code, _name in settings.LANGUAGES],
                "default_locale": settings.LANGUAGE_CODE,
                "documentation": url("docs"),
                "schema": url("schema"),
                "endpoints": {name: url(url_name) for name, url_name in INDEX_ENDPOINTS.items()},
            }
        )


class ChangeFeedView(PublicAPIMixin, GenericAPIView):
    """What was created, updated, unpublished or deleted, oldest first.

    Start with ?since=<ISO timestamp> (or nothing for the whole history), then follow
    meta.next_cursor (?cursor=...) until meta.has_more is false; keep the last next_cursor to
    resume later.
    """

    known_parameters = frozenset(["since", "cursor", "limit", "kind", "locale"])

    @extend_schema(
        summary="Changes since a time, for mirroring",
        parameters=[
            schema.query(
                "since", OpenApiTypes.DATETIME, "ISO 8601 time, e.g. 2026-01-31T12:00:00Z."
            ),
            OpenApiParameter(
                "cursor",
                {"type": "string", "pattern": CURSOR_PATTERN, "minLength": 1},
                OpenApiParameter.QUERY,
                description="meta.next_cursor of a previous answer: a token that stays valid "
                "(keep it to resume). Its pattern is stated so that clients can check it; any "
                "token that fits it is a position in the feed.",
            ),
            schema.query(
                "limit",
                int,
                "Changes per answer (default 100, at most 500).",
                minimum=1,
                maximum=500,
            ),
            schema.query("kind", str, "Only this kind of content.", enum=sorted(changes.kinds())),
            schema.LOCALE,
        ],
        responses={200: schema.ChangeFeedSerializer, **schema.errors(400, 429)},
    )
    def get(self, request):
        query_params = request.query_params
        queryset = ContentChange.objects.order_by("id")
        since = None
        if "since" in query_params:
            since = params.parse_datetime(query_params["since"], "since")
            queryset = queryset.filter(timestamp__gte=since)
        if "cursor" in query_params:
            queryset = queryset.filter(pk__gt=decode_cursor(query_params["cursor"]))
        if "kind" in query_params:
            kind = params.parse_choice(query_params["kind"], "kind", sorted(changes.kinds()))
            queryset = queryset.filter(kind=kind)
        locale = requested_locale(request)
        if locale is not None:
            queryset = queryset.filter(locale=locale.language_code)
        limit = params.get_int(
            query_params, "limit", CHANGES_DEFAULT_LIMIT, minimum=1, maximum=CHANGES_MAX_LIMIT
        )
        rows = list(queryset[: limit + 1])
        has_more = len(rows) > limit
        rows = rows[:limit]
        base_url = absolute(request, "/")
        items = [changes.change_representation(change, base_url) for change in rows]
        if rows:
            next_cursor = encode_cursor(rows[-1].pk)
        elif "cursor" in query_params:
            next_cursor = query_params["cursor"]
        else:
            # Nothing yet: a cursor just past the newest change of the whole log.
            newest = ContentChange.objects.order_by("-id").values_list("pk", flat=True).first()
            next_cursor = encode_cursor(newest or 0)
        query = query_params.copy()
        query.pop("since", None)
        query["cursor"] = next_cursor
        self.last_modified = rows[-1].timestamp if rows else None
        return Response(
            {
                "meta": {
                    "since": since.isoformat() if since else None,
                    "count": len(items),
                    "has_more": has_more,
                    "next_cursor": next_cursor,
                    "next_url": absolute(request, f"{reverse('changes')}?{query.urlencode()}"),
                },
                "items": items,
            }
        )


class SiteSearchView(PublicAPIMixin, GenericAPIView):
    """Search pages and directory records at once, grouped by kind."""

    known_parameters = frozenset(["q", "locale", "limit"])

    @extend_schema(
        summary="Search pages and the directory at once",
        parameters=[
            schema.query(
                "q",
                str,
                "Words to search for (required, 200 characters at most, with at least one "
                "letter or digit).",
                required=True,
                non_blank=True,
                pattern=schema.WORDS,
                max_length=200,
            ),
            schema.LOCALE,
            schema.query(
                "limit", int, "Hits per kind (default 10, at most 50).", minimum=1, maximum=50
            ),
        ],
        responses={200: schema.SiteSearchSerializer, **schema.errors(400, 429)},
    )
    def get(self, request):
        return Response(site_search(request))


class SchemaView(SpectacularAPIView):
    """The OpenAPI 3 schema of the public API (never authenticated)."""

    authentication_classes = []


@csrf_exempt  # a POST to no endpoint is a 404 in JSON, not Django's CSRF page
def not_found(request, *args, **kwargs):
    """Any other address under /api/: a 404 in the documented shape."""
    response = JsonResponse(
        error_body(404, NOT_FOUND, "No API endpoint at this address. See /api/docs/."),
        status=404,
    )
    patch_cache_control(response, public=True, max_age=60)
    return response
