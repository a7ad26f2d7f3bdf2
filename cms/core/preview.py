"""Headless preview: an editor previews a draft in a partner's front-end.

The admin's preview (Wagtail's, on every page type) gains a mode "Partner front-end" when
HEADLESS_PREVIEW_URL is set. Choosing it keeps the page as the editor sees it in the form
(saved or not) for HEADLESS_PREVIEW_SECONDS, in the default cache shared by every worker, and
redirects the preview to the front-end with a signed, short-lived token:

    <HEADLESS_PREVIEW_URL>?token=...&id=12&type=blog.BlogPage&locale=nl

The front-end reads the draft from /api/v2/preview/?token=...&id=12 (cms.api.preview). The token
names the kept draft and the page; without a valid, unexpired token for that page nothing
unpublished is served. A token is only a key to one kept draft: it cannot be forged (signed
with SECRET_KEY) nor stretched (its time is signed too).
"""

import json
import secrets
import time
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.apps import apps
from django.conf import settings
from django.core import signing
from django.core.cache import caches
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

MODE = "headless"
SALT = "coffee.headless-preview"
CACHE_PREFIX = "coffee-preview:"


class PreviewTokenError(Exception):
    """A token that does not open a kept draft; ``expired`` says whether it is only too old."""

    def __init__(self, message, *, expired=False):
        super().__init__(message)
        self.expired = expired


def front_end_url() -> str:
    return getattr(settings, "HEADLESS_PREVIEW_URL", "") or ""


def front_end_origin() -> str:
    """The origin (scheme://host[:port]) of the front-end, which the admin's policy lets the
    preview panel frame; "" when there is none."""
    parts = urlsplit(front_end_url())
    if not parts.scheme or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}"


def lifetime() -> int:
    return int(getattr(settings, "HEADLESS_PREVIEW_SECONDS", 600))


def preview_modes(modes):
    """Wagtail's preview modes of a page, and the front-end's when one is configured."""
    if not front_end_url():
        return modes
    return [*modes, (MODE, _("Partner front-end"))]


class _IssuedAt(signing.TimestampSigner):
    def __init__(self, issued_at, **kwargs):
        super().__init__(**kwargs)
        self.issued_at = issued_at

    def timestamp(self):
        return signing.b62_encode(int(self.issued_at))


def make_token(key: str, page_id: int | None, *, issued_at: float | None = None) -> str:
    """A signed token for the kept draft ``key`` of page ``page_id`` (None: a new page)."""
    issued_at = time.time() if issued_at is None else issued_at
    signer = _IssuedAt(issued_at, salt=SALT)
    return signer.sign_object({"k": key, "p": page_id, "t": int(issued_at)}, compress=True)


def read_token(token: str) -> dict:
    """The token's payload; PreviewTokenError when it is forged, damaged or too old."""
    try:
        payload = signing.TimestampSigner(salt=SALT).unsign_object(token, max_age=lifetime())
    except signing.SignatureExpired as exc:
        raise PreviewTokenError("This preview token has expired.", expired=True) from exc
    except (signing.BadSignature, ValueError, UnicodeError) as exc:
        raise PreviewTokenError("This token is not one this site gave out.") from exc
    if not isinstance(payload, dict) or not isinstance(payload.get("k"), str):
        raise PreviewTokenError("This token is not one this site gave out.")
    return payload


def keep_draft(page) -> str:
    """Keep the page as shown in the editor's form; the key of the kept copy."""
    key = secrets.token_urlsafe(18)
    content = json.dumps(page.serializable_data(), cls=DjangoJSONEncoder)
    record = {
        "page": page.pk,
        "type": type(page)._meta.label_lower,
        "content": content,
    }
    caches["default"].set(CACHE_PREFIX + key, record, lifetime())
    return key


def kept_draft(payload: dict):
    """The page object of a token's payload (not saved anywhere), or PreviewTokenError."""
    record = caches["default"].get(CACHE_PREFIX + payload["k"])
    if record is None or record.get("page") != payload.get("p"):
        raise PreviewTokenError("This preview is no longer kept: preview again.", expired=True)
    content = json.loads(record["content"])
    if record["page"] is not None:
        page = Page.objects.filter(pk=record["page"]).first()
        if page is None:
            raise PreviewTokenError("The page of this preview was deleted.")
        return page.specific.with_content_json(content)
    model = apps.get_model(record["type"])
    return model.from_serializable_data(content)


def type_name(page) -> str:
    model = type(page)
    return f"{model._meta.app_label}.{model.__name__}"


def redirect_to_front_end(page):
    """The preview's answer in the "Partner front-end" mode: to the front-end, with a token."""
    key = keep_draft(page)
    token = make_token(key, page.pk)
    query = {"token": token, "type": type_name(page), "locale": page.locale.language_code}
    if page.pk:
        query["id"] = page.pk
    parts = urlsplit(front_end_url())
    joined = "&".join(part for part in (parts.query, urlencode(query)) if part)
    response = HttpResponseRedirect(urlunsplit(parts._replace(query=joined)))
    response["Cache-Control"] = "private, no-store"
    return response
