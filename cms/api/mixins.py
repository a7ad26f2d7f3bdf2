"""What every public API view shares: no session, JSON only, one error shape, HTTP caching."""

import hashlib
from calendar import timegm

from django.conf import settings
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control
from drf_spectacular.openapi import AutoSchema
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer

from . import params, response_cache
from .errors import error_response
from .throttling import PublicApiThrottle


class JSONOnlyNegotiation(BaseContentNegotiation):
    """Always answer JSON, whatever Accept or ?format= say (no 406, no browsable API)."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class CompactJSONRenderer(JSONRenderer):
    charset = "utf-8"


class PublicAPIMixin:
    """Mixed into every public endpoint (Wagtail's and ours).

    - authentication_classes = []: an editor's session cookie cannot widen what is shown
      (set here, per view, not in DRF's defaults: wagtail-localize's own endpoints need those).
    - Cache-Control public with a short max-age, ETag and Last-Modified, 304 on a match.
    - Errors in the documented shape (cms.api.errors).
    """

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [PublicApiThrottle]
    renderer_classes = [CompactJSONRenderer]
    content_negotiation_class = JSONOnlyNegotiation
    schema = AutoSchema()
    #: Query parameters of this view; None lets the view check them itself.
    known_parameters: frozenset[str] | None = None
    #: Set by the view: the newest modification time of what the response shows.
    last_modified = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        params.check_values(request.query_params)
        if self.known_parameters is not None:
            params.check_known(request.query_params, self.known_parameters)

    def dispatch(self, request, *args, **kwargs):
        cached = self.cached_response(request)
        if cached is not None:
            return cached
        # Messages and labels never depend on Accept-Language: ?locale= chooses, else French.
        language = request.GET.get("locale")
        if language not in params.content_language_codes():
            language = settings.LANGUAGE_CODE
        with translation.override(language):
            return self.dispatch_with_cache(request, *args, **kwargs)

    def cached_response(self, request):
        """A stored answer, before DRF runs (counted by the throttle like any request)."""
        if not getattr(settings, "COFFEE_API_RESPONSE_CACHE", ""):
            return None
        throttle = PublicApiThrottle()
        if throttle.rate is not None and not throttle.allow_request(request, self):
            return None  # DRF's dispatch answers the 429
        return response_cache.lookup(request)

    def dispatch_with_cache(self, request, *args, **kwargs):
        """DRF's APIView.dispatch, storing the answer in the response cache."""
        self.args = args
        self.kwargs = kwargs
        request = self.initialize_request(request, *args, **kwargs)
        self.request = request
        self.headers = self.default_response_headers
        try:
            self.initial(request, *args, **kwargs)
            method = request.method.lower()
            handler = self.http_method_not_allowed
            if method in self.http_method_names:
                handler = getattr(self, method, self.http_method_not_allowed)
            response = handler(request, *args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - DRF's own dispatch turns every error into a response
            response = self.handle_exception(exc)
        self.response = self.finalize_response(request, response, *args, **kwargs)
        response_cache.store(request._request, self.response)
        return self.response

    def handle_exception(self, exc):
        response = error_response(exc)
        if response is None:
            return super().handle_exception(exc)
        # DRF's own handling would lose our body; keep the headers it would have set.
        self.headers = getattr(self, "headers", {})
        return response

    def get_renderer_context(self):
        context = super().get_renderer_context()
        context.pop("indent", None)
        return context

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
        from django.utils.http import http_date

        response["Last-Modified"] = http_date(timestamp)
    conditional = get_conditional_response(
        request, etag=etag, last_modified=timestamp, response=response
    )
    return conditional
