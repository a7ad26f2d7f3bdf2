"""Signed links in newsletter e-mails: confirm, unsubscribe (RFC 8058 one-click), preferences.

Each link carries the subscriber's id signed with SECRET_KEY (a salt per purpose), so it can
be neither guessed nor turned into another purpose. The confirmation link also carries the time
of the consent it confirms and expires (SUBSCRIBERS_CONFIRM_MAX_AGE): it works once, for that
subscription only. Unsubscribe and preferences links do not expire (an old e-mail must still
let its reader leave); they name the address too, so they die with the subscriber's row.
"""

import hashlib

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from cms.core.base_url import absolute

from .models import Subscriber

CONFIRM = "cms.subscribers.confirm"
UNSUBSCRIBE = "cms.subscribers.unsubscribe"
PREFERENCES = "cms.subscribers.preferences"


class BadLink(Exception):
    """A link that was altered, expired, or names a subscriber who no longer exists."""


def _address_digest(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:12]


def _token(subscriber: Subscriber, salt: str) -> str:
    return signing.Signer(salt=salt).sign_object([subscriber.pk, _address_digest(subscriber.email)])


def _url(subscriber: Subscriber, name: str, token: str, request=None) -> str:
    with translation.override(subscriber.language):
        path = reverse(name, args=[token])
    return absolute(request, path)


def confirm_token(subscriber: Subscriber) -> str:
    consented = subscriber.consented_at.timestamp() if subscriber.consented_at else 0
    return signing.TimestampSigner(salt=CONFIRM).sign_object(
        [subscriber.pk, _address_digest(subscriber.email), consented]
    )


def confirm_url(subscriber: Subscriber, request=None) -> str:
    return _url(subscriber, "subscribers:confirm", confirm_token(subscriber), request)


def unsubscribe_url(subscriber: Subscriber, request=None) -> str:
    """The one-click address: GET shows a button, POST (also RFC 8058's
    "List-Unsubscribe=One-Click", no CSRF token needed) unsubscribes."""
    return _url(subscriber, "subscribers:unsubscribe", _token(subscriber, UNSUBSCRIBE), request)


def preferences_url(subscriber: Subscriber, request=None) -> str:
    """The page where the subscriber changes language and interests, exports or erases."""
    return _url(subscriber, "subscribers:preferences", _token(subscriber, PREFERENCES), request)


def _subscriber(pk, digest) -> Subscriber:
    subscriber = Subscriber.objects.filter(pk=pk).first()
    if subscriber is None or _address_digest(subscriber.email) != digest:
        raise BadLink
    return subscriber


def read_token(token: str, salt: str) -> Subscriber:
    try:
        pk, digest = signing.Signer(salt=salt).unsign_object(token)
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise BadLink from error
    return _subscriber(pk, digest)


def read_confirm_token(token: str) -> tuple[Subscriber, float]:
    """The subscriber and the consent time the link was made for."""
    try:
        pk, digest, consented = signing.TimestampSigner(salt=CONFIRM).unsign_object(
            token, max_age=settings.SUBSCRIBERS_CONFIRM_MAX_AGE
        )
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise BadLink from error
    return _subscriber(pk, digest), consented
