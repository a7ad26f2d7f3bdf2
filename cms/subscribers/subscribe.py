"""Subscribing with double opt-in: the one function the form, the footer and the API call.

Whatever the address's state, the caller gets the same answer (nothing tells a visitor whether
an address is already subscribed). A new, unsubscribed or bounced address becomes "pending"
and receives one e-mail: the confirmation link. A pending one gets a fresh link (the previous
one stops working). A confirmed one is left as it is: changing its language or interests takes
the preferences link from one of its e-mails, so a stranger cannot change them.

Nobody can flood an address with confirmation e-mails: a pending address submitted again
within SUBSCRIBERS_RESEND_AFTER seconds of its last e-mail gets none. Addresses never
confirmed are deleted once their link has expired (purge_unconfirmed, run by the scheduler).
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .bounces import record_bounce
from .links import confirm_url
from .models import Subscriber

logger = logging.getLogger(__name__)


class NotDelivered(Exception):
    """The confirmation e-mail could not be handed to the mail server; ``refused`` when the
    server refused the address itself (an SMTP 5xx reply to RCPT)."""

    def __init__(self, refused: bool):
        super().__init__("refused" if refused else "unavailable")
        self.refused = refused


def subscribe(email: str, language: str, interests, consent_text: str, request=None) -> Subscriber:
    """Record the wish to subscribe and send the confirmation e-mail when one is due."""
    email = email.strip()
    now = timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().with_email(email).first()
        if subscriber is None:
            try:
                with transaction.atomic():
                    subscriber = Subscriber.objects.create(
                        email=email, language=language, consent_text=consent_text, consented_at=now
                    )
            except IntegrityError:  # the same address, submitted twice at the same instant
                return Subscriber.objects.with_email(email).get()
        elif subscriber.status == Subscriber.Status.CONFIRMED:
            return subscriber
        elif (
            subscriber.status == Subscriber.Status.PENDING
            and subscriber.consented_at
            and (now - subscriber.consented_at).total_seconds() < settings.SUBSCRIBERS_RESEND_AFTER
        ):
            return subscriber  # a link was sent moments ago: it still works
        else:
            subscriber.status = Subscriber.Status.PENDING
            subscriber.language = language
            subscriber.consent_text = consent_text
            subscriber.consented_at = now
            subscriber.confirmed_at = None
            subscriber.soft_bounces = 0
            subscriber.save()
        subscriber.interests.set(interests or [])
    send_confirmation(subscriber, request)
    return subscriber


def purge_unconfirmed() -> int:
    """Delete the subscriptions never confirmed whose confirmation link has expired."""
    cutoff = timezone.now() - timedelta(seconds=settings.SUBSCRIBERS_CONFIRM_MAX_AGE)
    stale = Subscriber.objects.filter(status=Subscriber.Status.PENDING, consented_at__lt=cutoff)
    Subscriber.interests.through.objects.filter(subscriber__in=stale).delete()
    return stale.delete()[0]


def send_confirmation(subscriber: Subscriber, request=None) -> None:
    with translation.override(subscriber.language):
        context = {"subscriber": subscriber, "confirm_url": confirm_url(subscriber, request)}
        message = EmailMultiAlternatives(
            subject=_("Confirm your subscription to the COFFEE Hub newsletter"),
            body=render_to_string("subscribers/email/confirm.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[subscriber.email],
        )
        message.attach_alternative(
            render_to_string("subscribers/email/confirm.html", context), "text/html"
        )
    try:
        message.send()
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _text in error.recipients.values()]
        permanent = any(500 <= code < 600 for code in codes)
        if permanent:
            record_bounce(subscriber.email, permanent=True)
        raise NotDelivered(refused=permanent) from error
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("Newsletter confirmation not sent: %s", error)
        raise NotDelivered(refused=False) from error
