"""The e-mails a registrant receives, in the language they registered in, with the event as
an .ics attachment (the event page's ``as_calendar``) and the signed link to their registration."""

import logging
import zoneinfo
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from cms.core.base_url import configured_base_url

from .models import Registration

logger = logging.getLogger(__name__)

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
TOKEN_SALT = "cms.registrations.manage"  # noqa: S105 - a salt, not a secret

SUBJECTS = {
    "confirmed": _("Registration confirmed: %(title)s"),
    "waiting": _("On the waiting list: %(title)s"),
    "promoted": _("A seat is free for you: %(title)s"),
    "cancelled": _("Registration cancelled: %(title)s"),
    "reminder": _("Reminder, tomorrow: %(title)s"),
    "event_cancelled": _("Event cancelled: %(title)s"),
    "event_moved": _("New date: %(title)s"),
}
#: the kinds of message that carry the event as an .ics attachment
WITH_CALENDAR = {"confirmed", "promoted", "cancelled", "reminder", "event_cancelled", "event_moved"}
#: the kinds of message that give a registrant the joining link of an online event
WITH_JOINING_LINK = {"confirmed", "promoted", "reminder", "event_moved"}


def signature(pk) -> str:
    return salted_hmac(TOKEN_SALT, str(pk), algorithm="sha256").hexdigest()[:32]


def manage_token(registration) -> str:
    """The signed token of the link to a registration (to see it and cancel it): its id and an
    HMAC of it under SECRET_KEY, in the characters Wagtail's page URLs accept."""
    return f"{registration.pk}-{signature(registration.pk)}"


def registration_from_token(token: str):
    """The registration a token names, or None (bad signature, gone)."""
    pk, _dash, signed = token.partition("-")
    if not pk.isdigit() or len(pk) > 18 or not constant_time_compare(signed, signature(pk)):
        return None
    return Registration.objects.filter(pk=int(pk)).first()


class MailRequest(HttpRequest):
    """Where links in e-mails point when no visitor's request is at hand (the scheduler, the
    admin): PUBLIC_BASE_URL, else WAGTAILADMIN_BASE_URL."""

    def __init__(self):
        super().__init__()
        parts = urlsplit(configured_base_url())
        self.base_scheme, self.host = parts.scheme or "http", parts.netloc
        default_port = "443" if self.base_scheme == "https" else "80"
        self.META["HTTP_HOST"] = self.host
        self.META["SERVER_NAME"] = parts.hostname or ""
        self.META["SERVER_PORT"] = str(parts.port or default_port)

    @property
    def scheme(self):
        return self.base_scheme

    def get_host(self):
        return self.host

    def get_port(self):
        return self.META["SERVER_PORT"]


def registration_url(registration, request=None) -> str:
    page = registration.event.specific
    request = request or MailRequest()
    return page.get_full_url(request) + page.reverse_subpage(
        "registration", args=[manage_token(registration)]
    )


def calendar_attachment(page, request, kind: str, occurrence=None) -> bytes:
    """The registered date as an .ics (only that date of a series)."""
    calendar = page.as_calendar(request, occurrence=occurrence)
    if kind in ("cancelled", "event_cancelled"):
        # A later SEQUENCE than the invitation's, so that calendars replace it (RFC 5545 3.8.7.4).
        for event in calendar.walk("VEVENT"):
            event["status"] = "CANCELLED"
            event["sequence"] = int(event.get("sequence", 0)) + 1
    return calendar.to_ical()


def when(registration) -> str:
    start = timezone.localtime(registration.occurrence, BRUSSELS)
    return date_format(start, "DATETIME_FORMAT")


def build_message(registration, kind: str, request=None) -> EmailMessage:
    page = registration.event.specific
    request = request or MailRequest()
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "kind": kind,
            "page": page,
            "when": when(registration),
            "venue": page.venue_name,
            "page_url": page.get_full_url(request),
            "manage_url": registration_url(registration, request),
            # Online and hybrid events: the joining link, to registrants only.
            "joining_url": page.online_url if kind in WITH_JOINING_LINK else "",
        }
        subject = str(SUBJECTS[kind] % {"title": page.title})
        body = render_to_string("registrations/email/registration.txt", context)
    message = EmailMessage(
        subject=subject.replace("\n", " "),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[registration.email],
        headers={"Content-Language": registration.language},
    )
    if kind in WITH_CALENDAR:
        message.attach(
            f"{page.slug}.ics",
            calendar_attachment(page, request, kind, registration.occurrence),
            "text/calendar",
        )
    return message


def send_registration_mail(registration, kind: str, request=None) -> bool:
    """Send one message; a mail server that fails is logged (the registration stands)."""
    try:
        build_message(registration, kind, request).send()
    except Exception:
        logger.exception("Could not send the %s e-mail of registration %s", kind, registration.pk)
        return False
    return True
