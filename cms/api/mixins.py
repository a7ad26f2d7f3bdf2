"""What every public API view shares: no session, JSON only, one error shape, strict query
parameters, HTTP caching. Only DRF's own hooks are used; the language of messages is set by
cms.api.locale's middleware and whole answers are reused by cms.api.response_cache's."""

import hashlib
from calendar import timegm

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.parsers import FormParser, JSONParser
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer

from cms.core.http import remember_django_request

from . import images, params
from .errors import METHOD_NOT_ALLOWED, ApiError, InvalidParameter, error_response
from .throttling import PublicApiThrottle

#: Accepted by every endpoint: ?format=json (always JSON anyway) and ?_= (cache busting).
ALWAYS_ACCEPTED = frozenset({"format", "_"})


class JSONOnlyNegotiation(DefaultContentNegotiation):
    """Always answer JSON, whatever Accept or ?format= say (no 406, no browsable API). A body
    is read by the parser of its Content-Type (DRF's choice): any other type is a 415."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class CompactJSONRenderer(JSONRenderer):
    charset = "utf-8"

    def get_indent(self, accepted_media_type, renderer_context):
        return None


def api_exception_handler(exc, context):
    """DRF's exception handler hook: every error in the documented shape (cms.api.errors)."""
    return error_response(exc)


class PublicAPIMixin:
    """Mixed into every public endpoint (Wagtail's and ours).

    - authentication_classes = []: an editor's session cookie cannot widen what is shown
      (set here, per view, not in DRF's defaults: wagtail-localize's own endpoints need those).
    - Every query parameter is checked once, in initial(): values (no control characters, no
      absurd lengths), then names against known_parameters() for the action.
    - Cache-Control public with a short max-age, ETag and Last-Modified, 304 on a match.
    """

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [PublicApiThrottle]
    renderer_classes = [CompactJSONRenderer]
    content_negotiation_class = JSONOnlyNegotiation
    schema = AutoSchema()
    #: Whole answers of this view may be reused until the content changes (cms.api.response_cache).
    shares_answers = True
    #: Query parameters of this view, besides ALWAYS_ACCEPTED.
    known_parameters: frozenset[str] = frozenset()
    #: Set by the view: the newest modification time of what the response shows.
    last_modified = None

    def initialize_request(self, request, *args, **kwargs):
        wrapper = super().initialize_request(request, *args, **kwargs)
        remember_django_request(wrapper, request)
        return wrapper

    def initial(self, request, *args, **kwargs):
        params.check_query_string(request.META.get("QUERY_STRING", ""), request.query_params)
        super().initial(request, *args, **kwargs)
        if getattr(self, request.method.lower(), None) is None:
            return  # a method this view does not answer: a 405, whatever the parameters
        params.check_values(request.query_params)
        params.check_known(request.query_params, self.accepted_parameters() | ALWAYS_ACCEPTED)
        params.check_given_once(request.query_params, self.repeatable_parameters())
        if images.PARAMETERS & set(request.query_params):
            images.requested_renditions(request)  # a 400 now, even if no image is shown

    def accepted_parameters(self) -> set[str] | frozenset[str]:
        return self.known_parameters

    def repeatable_parameters(self) -> set[str] | frozenset[str]:
        """Parameters that may be given several times (the values of a facet)."""
        return frozenset()

    def get_exception_handler(self):
        return api_exception_handler

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        return apply_http_caching(request, response, self.last_modified)


def apply_http_caching(request, response, last_modified=None):
    """Cache-Control, ETag, Last-Modified and the conditional answer (304) for a GET."""
    status_code = response.status_code
    if status_code in (200, 404):
        patch_cache_control(response, public=True, max_age=settings.COFFEE_API_CACHE_MAX_AGE)
    elif status_code != 304:
        patch_cache_control(response, no_store=True)
    if request.method not in ("GET", "HEAD") or status_code != 200:
        return response
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
    response["ETag"] = etag
    timestamp = None
    if last_modified is not None:
        timestamp = timegm(last_modified.utctimetuple())
        response["Last-Modified"] = http_date(timestamp)
    return get_conditional_response(request, etag=etag, last_modified=timestamp, response=response)


def json_type_expected(field, value) -> str:
    """What a JSON value of ``field`` should have been ("" when it is fine): DRF turns 123
    into "123" and "yes" into true, which a JSON client did not mean."""
    if value is None:
        return ""
    if isinstance(field, serializers.BooleanField) and not isinstance(value, bool):
        return "true or false"
    if isinstance(field, serializers.ListField) and not isinstance(value, list):
        return "a list"
    if isinstance(field, serializers.CharField | serializers.ChoiceField) and not isinstance(
        value, str
    ):
        return "a string"
    return ""


class PostEndpoint(PublicAPIMixin, GenericAPIView):
    """A public endpoint that takes one POST, as JSON or as a form, checked by its
    serializer_class: a body that is no object, a field it does not know or an invalid value is a
    400 naming the field. Answers only POST and OPTIONS; its answers are never shared."""

    parser_classes = [JSONParser, FormParser]
    shares_answers = False
    #: What a body that is no object should have been, e.g. "an object with name and email".
    expected_body = ""
    #: Fields given several times in a form (interests=a&interests=b), read as lists.
    list_fields: tuple[str, ...] = ()

    def http_method_not_allowed(self, request, *args, **kwargs):
        raise ApiError(
            "This endpoint only answers POST and OPTIONS.",
            code=METHOD_NOT_ALLOWED,
            status_code=405,
        )

    def answer_language(self, request, default: str) -> str:
        """The language of the messages a person may be shown (the answer, and what is wrong
        with what they typed): the body's ``language`` when it is one of the site's, else
        ``default``."""
        data = request.data
        asked = data.get("language") if hasattr(data, "keys") else None
        return asked if isinstance(asked, str) and asked in dict(settings.LANGUAGES) else default

    def validated_body(self, request) -> dict:
        data = request.data
        if not hasattr(data, "keys"):
            raise InvalidParameter(None, f"Send {self.expected_body}.")
        accepted = sorted(self.get_serializer_class()().fields)
        for name in data:
            if name not in accepted:
                raise ApiError(
                    f"Unknown field {str(name)[:40]!r}: accepted are {', '.join(accepted)}.",
                    code="unknown_parameter",
                    parameter=str(name)[:40],
                )
        values = {name: data.get(name) for name in data}
        for name in self.list_fields:
            if hasattr(data, "getlist") and name in data:
                values[name] = data.getlist(name)
        serializer = self.get_serializer(data=values)
        if not hasattr(data, "getlist"):  # a JSON object: its values keep the types they have
            for name, value in values.items():
                expected = json_type_expected(serializer.fields[name], value)
                if expected:
                    raise InvalidParameter(name, f"{name} must be {expected}.")
        if not serializer.is_valid():
            name, messages = next(iter(serializer.errors.items()))
            first = messages[0] if isinstance(messages, list) else messages
            if isinstance(first, dict):  # an item of a list
                first = next(iter(first.values()))[0]
            raise InvalidParameter(name, f"{name}: {first}")
        return serializer.validated_data
