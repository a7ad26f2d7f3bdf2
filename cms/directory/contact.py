"""Relaying a visitor's message to a person without revealing the person's address.

Flood control uses the cache (per sender IP and per person, fixed windows); it survives across
processes when the cache does (the database cache by default).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.utils import translation
from django.utils.translation import gettext as _

from cms.core.client_ip import client_ip

from .models import ContactMessage

DEFAULT_LIMITS = {"ip": (5, 3600), "person": (10, 3600)}  # (messages, seconds)


def limits() -> dict:
    return {**DEFAULT_LIMITS, **getattr(settings, "DIRECTORY_CONTACT_LIMITS", {})}


def _key(scope: str, value: str) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()[:32]
    return f"directory-contact:{scope}:{digest}"


def _keys(request, coworker) -> dict[str, str]:
    return {
        "ip": _key("ip", client_ip(request) or "unknown"),
        "person": _key("person", str(coworker.translation_key)),
    }


def is_flooding(request, coworker) -> bool:
    for scope, key in _keys(request, coworker).items():
        allowed, _window = limits()[scope]
        if (cache.get(key) or 0) >= allowed:
            return True
    return False


def count_attempt(request, coworker, *, scopes=("ip", "person")) -> None:
    keys = _keys(request, coworker)
    for scope in scopes:
        _allowed, window = limits()[scope]
        if not cache.add(keys[scope], 1, timeout=window):
            try:
                cache.incr(keys[scope])
            except ValueError:  # expired between add() and incr()
                cache.add(keys[scope], 1, timeout=window)


def relay(coworker, *, name: str, email: str, message: str, language: str) -> None:
    """Send the message to the person; the sender gets the person's answer, not their address."""
    with translation.override(language):
        subject = _("%(name)s wrote to you through the COFFEE Hub directory") % {"name": name}
        intro = _("%(name)s (%(email)s) sent you this message through your directory page:") % {
            "name": name,
            "email": email,
        }
        footer = (
            _(
                "Answer this e-mail to reply to them. Your address is shown on your "
                "directory page, as you chose. To stop receiving messages, ask the COFFEE "
                "Hub team."
            )
            if coworker.public_email
            else _(
                "Answer this e-mail to reply to them. Your own address was not shown to "
                "them. To stop receiving messages, ask the COFFEE Hub team."
            )
        )
        body = _body(_("Hello %(person)s,") % {"person": coworker.name}, intro, message, footer)
    _send(coworker.email, subject, body, reply_to=email)
    ContactMessage.objects.create(coworker=coworker, language=language)


def relay_to_team(
    address: str, *, page_title: str, name: str, email: str, message: str, language: str
) -> None:
    """Send a message written on the site's contact page to the team's address (never shown
    to visitors), in the page's language; the team answers the sender directly."""
    with translation.override(language):
        subject = _("%(name)s wrote to you through the page “%(page)s”") % {
            "name": name,
            "page": page_title,
        }
        intro = _("%(name)s (%(email)s) sent this message through the contact page:") % {
            "name": name,
            "email": email,
        }
        body = _body(_("Hello,"), intro, message, _("Answer this e-mail to reply to them."))
    _send(address, subject, body, reply_to=email)


def _body(greeting: str, intro: str, message: str, footer: str) -> str:
    return "\n".join([greeting, "", intro, "", message, "", "-- ", footer])


def _send(to: str, subject: str, body: str, *, reply_to: str) -> None:
    EmailMessage(
        subject=subject.replace("\n", " ").replace("\r", " "),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        reply_to=[reply_to],
    ).send()
