"""GET /api/v2/preview/?token=...&id=12: the draft an editor is previewing, for a front-end.

The admin's "Partner front-end" preview mode (cms.core.preview) keeps the page as the editor
sees it and sends the front-end a short-lived signed token. This endpoint answers that draft in
the shape of /api/v2/pages/<id>/ (events included, every locale), with meta.preview. Without a
valid token for that page nothing unpublished is served: a forged or damaged token, an expired
one, or one for another page is a 403 naming `token`. Answers are never shared: no entry in the
response cache, Cache-Control private, no-store.
"""

import datetime

from django.utils import timezone
from django.utils.cache import patch_cache_control
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.response import Response

from cms.core import preview

from . import images, params, schema
from .endpoints import PagesEndpoint
from .errors import INVALID_TOKEN, TOKEN_EXPIRED, ApiError, InvalidParameter


class PreviewEndpoint(PagesEndpoint):
    name = "preview"
    shares_answers = False

    def accepted_parameters(self):
        return {"token", "id", "fields", *images.PARAMETERS}

    @extend_schema(
        operation_id="preview",
        summary="The draft an editor is previewing (headless preview)",
        description='The editor chose the preview mode "Partner front-end" in the admin: the '
        "front-end at HEADLESS_PREVIEW_URL is opened with `?token=...&id=...&type=...&locale=...`"
        " and reads the draft here, in the shape of a page's detail, with `meta.preview`. "
        "Tokens live HEADLESS_PREVIEW_SECONDS (10 minutes by default); answers are never cached.",
        parameters=[
            schema.query(
                "token", str, "The token of the preview address.", required=True, non_blank=True
            ),
            schema.query(
                "id",
                int,
                "The page the front-end expects (refused if the token is for another page).",
                minimum=1,
                maximum=schema.MAX_ID,
            ),
            schema.query(
                "fields",
                str,
                "Fields of the previewed page's type (the `type` of the preview address) to "
                "add or remove, as on a page's detail: a field another type has is a 400.",
            ),
            *schema.IMAGE,
        ],
        responses={
            200: schema.PreviewSerializer,
            403: OpenApiResponse(
                schema.ErrorSerializer,
                description="`invalid_token`: forged, damaged or for another page; "
                "`token_expired`: too old or no longer kept (preview again in the admin).",
            ),
            **schema.errors(400, 429),
        },
    )
    def preview_view(self, request):
        page, issued_at = self.previewed_page(request)
        self._cached_object = page
        self.batch = [page]
        data = self.get_serializer(page).data
        expires = issued_at + datetime.timedelta(seconds=preview.lifetime())
        data.setdefault("meta", {})["preview"] = {  # kept with ?fields=_ too
            "live": page.pk is not None and bool(page.live),
            "expires_at": expires.isoformat(),
        }
        return Response(data)

    def previewed_page(self, request):
        query_params = request.query_params
        token = query_params.get("token")
        if not token:
            raise InvalidParameter("token", "token is required: the one of the preview address.")
        expected = params.get_int(query_params, "id", minimum=1, maximum=params.MAX_ID)
        try:
            payload = preview.read_token(token)
            if expected is not None and payload.get("p") != expected:
                raise preview.PreviewTokenError(f"This token is not for the page id={expected}.")
            page = preview.kept_draft(payload)
        except preview.PreviewTokenError as exc:
            raise ApiError(
                str(exc),
                code=TOKEN_EXPIRED if exc.expired else INVALID_TOKEN,
                parameter="token",
                status_code=403,
            ) from exc
        issued_at = datetime.datetime.fromtimestamp(payload.get("t", 0), tz=datetime.UTC)
        return page, timezone.localtime(issued_at)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # A draft is for this editor's front-end only: never kept by any cache.
        if "Cache-Control" in response:
            del response["Cache-Control"]
        patch_cache_control(response, private=True, no_store=True)
        return response
