"""One error shape for every public API response that is not a success.

    {"error": {"status": 400, "code": "invalid_parameter", "parameter": "offset",
               "message": "offset must be an integer between 0 and 1000000000."}}

`parameter` names the offending query parameter (null when none is to blame).
"""

from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError

INVALID_PARAMETER = "invalid_parameter"
UNKNOWN_PARAMETER = "unknown_parameter"
NOT_FOUND = "not_found"
METHOD_NOT_ALLOWED = "method_not_allowed"
THROTTLED = "throttled"
NOT_ACCEPTABLE = "not_acceptable"
UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"
BAD_REQUEST = "bad_request"
QUERY_STRING_TOO_LONG = "query_string_too_long"
INVALID_TOKEN = "invalid_token"  # noqa: S105 - an error code, not a secret
TOKEN_EXPIRED = "token_expired"  # noqa: S105 - an error code, not a secret

ERROR_CODES = [
    INVALID_PARAMETER,
    UNKNOWN_PARAMETER,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    THROTTLED,
    NOT_ACCEPTABLE,
    BAD_REQUEST,
    QUERY_STRING_TOO_LONG,
    INVALID_TOKEN,
    TOKEN_EXPIRED,
]


class ApiError(Exception):
    """An error answered to the client in the documented shape."""

    def __init__(self, message, *, code=INVALID_PARAMETER, parameter=None, status_code=400):
        super().__init__(message)
        self.message = str(message)
        self.code = code
        self.parameter = parameter
        self.status_code = status_code


class InvalidParameter(ApiError):
    def __init__(self, parameter, message):
        super().__init__(message, code=INVALID_PARAMETER, parameter=parameter, status_code=400)


class NotFound(ApiError):
    def __init__(self, message="No visible object matches this address.", parameter=None):
        super().__init__(message, code=NOT_FOUND, parameter=parameter, status_code=404)


def error_body(status_code, code, message, parameter=None, **extra):
    error = {"status": status_code, "code": code, "parameter": parameter, "message": message}
    error.update(extra)
    return {"error": error}


def error_response(exc) -> Response | None:
    """Translate an exception into a Response in the documented shape, or None to re-raise."""
    headers = {}
    extra = {}
    if isinstance(exc, ApiError):
        status_code, code, message, parameter = (
            exc.status_code,
            exc.code,
            exc.message,
            exc.parameter,
        )
    elif isinstance(exc, BadRequestError):
        # Wagtail's own validation (fields=, type=, ...) that we did not pre-empt.
        status_code, code, message, parameter = 400, INVALID_PARAMETER, str(exc), None
        text = str(exc)
        for name in ("fields", "type", "order", "child_of", "descendant_of", "ancestor_of"):
            if text.startswith(name) or f" {name} " in text:
                parameter = name
                break
        if text.startswith(("unknown fields", "'")):
            parameter = "fields"
    elif isinstance(exc, Http404 | exceptions.NotFound):
        status_code, code, message, parameter = 404, NOT_FOUND, "Not found.", None
    elif isinstance(exc, exceptions.Throttled):
        status_code, code, parameter = 429, THROTTLED, None
        wait = int(exc.wait or 1) if exc.wait is not None else 60
        wait = max(wait, 1)
        message = f"Too many requests: retry in {wait} seconds."
        headers["Retry-After"] = str(wait)
        extra["retry_after"] = wait
    elif isinstance(exc, exceptions.MethodNotAllowed):
        status_code, code, parameter = 405, METHOD_NOT_ALLOWED, None
        message = "This endpoint only answers GET, HEAD and OPTIONS."
    elif isinstance(exc, exceptions.NotAcceptable):
        status_code, code, parameter = 406, NOT_ACCEPTABLE, None
        message = "This API only produces application/json."
    elif isinstance(exc, exceptions.UnsupportedMediaType):
        status_code, code, parameter = 415, UNSUPPORTED_MEDIA_TYPE, None
        message = "Send the body as application/json or application/x-www-form-urlencoded."
    elif isinstance(exc, exceptions.APIException):
        status_code = exc.status_code
        code, parameter = BAD_REQUEST, None
        message = str(exc.detail) if not isinstance(exc.detail, dict | list) else "Bad request."
    else:
        return None
    response = Response(
        error_body(status_code, code, message, parameter, **extra),
        status=status_code,
        headers=headers,
    )
    if status_code == status.HTTP_405_METHOD_NOT_ALLOWED:
        response["Allow"] = "GET, HEAD, OPTIONS"
    return response
