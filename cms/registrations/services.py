"""Seat allocation: registering, cancelling and promoting from the waiting list.

Every change to the seats of one occurrence runs in a transaction that first locks that
occurrence's ``OccurrenceLock`` row (SELECT ... FOR UPDATE on PostgreSQL; on SQLite the
transaction itself takes the database's write lock, ``transaction_mode="IMMEDIATE"``), so two
registrations never take the last seat twice and two cancellations never promote the same
person twice. E-mails leave after the transaction has committed, from the request or thread
that made the change: each is sent once.
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .emails import send_registration_mail
from .models import OccurrenceLock, Registration, Status

logger = logging.getLogger(__name__)

OPEN = "open"
DISABLED = "disabled"
CLOSED = "closed"
PAST = "past"
ALREADY_REGISTERED = "already_registered"

#: reminders go out for occurrences starting within this delay ("the day before")
REMINDER_AHEAD = datetime.timedelta(hours=24)

MESSAGES = {
    DISABLED: _("Registration is not open for this event."),
    CLOSED: _("Registration for this event is closed: the deadline has passed."),
    PAST: _("This event has already started or taken place: registration is closed."),
    ALREADY_REGISTERED: _("This e-mail address is already registered for this event."),
}

#: what a registrant is told once registered
MESSAGES_DONE = {
    "confirmed": _("Your seat is confirmed. A confirmation was sent to your e-mail address."),
    "waiting": _("The event is full: you are on the waiting list. We will tell you by e-mail."),
}


class RegistrationRefused(Exception):
    """A registration the event cannot take; ``code`` is one of MESSAGES' keys."""

    def __init__(self, code: str, registration: Registration | None = None):
        super().__init__(str(MESSAGES[code]))
        self.code = code
        self.message = MESSAGES[code]
        self.registration = registration


@dataclass(frozen=True)
class Seats:
    confirmed: int
    waiting: int
    capacity: int | None

    @property
    def left(self) -> int | None:
        """Seats still free (None: unlimited)."""
        return None if self.capacity is None else max(self.capacity - self.confirmed, 0)

    @property
    def full(self) -> bool:
        return self.capacity is not None and self.confirmed >= self.capacity


def seats(event_key, occurrence, capacity) -> Seats:
    rows = Registration.objects.of(event_key, occurrence)
    return Seats(
        confirmed=rows.confirmed().count(), waiting=rows.waiting().count(), capacity=capacity
    )


def normalise_email(email: str) -> str:
    return email.strip().lower()


def lock_occurrence(event_key, occurrence) -> None:
    """Lock the seats of an occurrence until the current transaction ends."""
    try:
        with transaction.atomic():
            OccurrenceLock.objects.get_or_create(event_key=event_key, occurrence=occurrence)
    except IntegrityError:  # created by a concurrent transaction in the meantime
        pass
    OccurrenceLock.objects.select_for_update().get(event_key=event_key, occurrence=occurrence)


def send_after(registrations, kind: str, request=None) -> None:
    for registration in registrations:
        send_registration_mail(registration, kind, request)


def register(
    page,
    *,
    name: str,
    email: str,
    language: str,
    occurrence=None,
    dietary_needs: str = "",
    company: str = "",
    request=None,
    notify: bool = True,
) -> Registration:
    """Register a person for ``page`` (an event page with registration settings): a seat when
    one is free, else a place on the waiting list. Raises RegistrationRefused."""
    occurrence = occurrence or page.registration_occurrence()
    state = page.registration_state(occurrence)
    if state != OPEN:
        raise RegistrationRefused(state)
    email = normalise_email(email)
    event_key = page.translation_key
    try:
        with transaction.atomic():
            lock_occurrence(event_key, occurrence)
            rows = Registration.objects.of(event_key, occurrence)
            existing = rows.active().filter(email=email).first()
            if existing is not None:
                raise RegistrationRefused(ALREADY_REGISTERED, existing)
            free = page.capacity is None or rows.confirmed().count() < page.capacity
            registration = Registration.objects.create(
                event=page,
                event_key=event_key,
                occurrence=occurrence,
                ends_at=page.registration_end(occurrence),
                language=language,
                name=name.strip(),
                email=email,
                dietary_needs=dietary_needs.strip() if page.ask_dietary_needs else "",
                company=company.strip() if page.ask_company else "",
                status=Status.CONFIRMED if free else Status.WAITING,
            )
    except IntegrityError as error:  # the unique constraint: a double submission that raced
        existing = (
            Registration.objects.of(event_key, occurrence).active().filter(email=email).first()
        )
        raise RegistrationRefused(ALREADY_REGISTERED, existing) from error
    if notify:
        send_after([registration], registration.status, request)
    return registration


def fill_seats(event_key, occurrence, capacity) -> list[Registration]:
    """Promote the first on the waiting list while seats are free (inside the lock)."""
    rows = Registration.objects.of(event_key, occurrence)
    free = None if capacity is None else capacity - rows.confirmed().count()
    waiting = rows.waiting()
    if free is not None:
        waiting = waiting[: max(free, 0)]
    promoted = list(waiting)
    now = timezone.now()
    for registration in promoted:
        registration.status = Status.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
    return promoted


def cancel(registration_pk: int, request=None) -> tuple[Registration | None, list[Registration]]:
    """Cancel a registration: (the registration, or None when it was already cancelled or is
    gone; those promoted from the waiting list in its place)."""
    first = Registration.objects.filter(pk=registration_pk).first()
    if first is None:
        return None, []
    with transaction.atomic():
        lock_occurrence(first.event_key, first.occurrence)
        registration = Registration.objects.filter(pk=registration_pk).first()
        if registration is None or registration.status == Status.CANCELLED:
            return None, []
        registration.status = Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        page = registration.event.specific
        promoted = fill_seats(registration.event_key, registration.occurrence, page.capacity)
    send_after([registration], "cancelled", request)
    send_after(promoted, "promoted", request)
    return registration, promoted


def promote_after_capacity_change(page, now=None) -> list[Registration]:
    """After an organiser added seats to ``page``: the first on the waiting list of each date
    still to come take the new seats, in order, and each is told by e-mail (the promotion
    message of a cancellation). Each date is locked as when someone cancels, and the capacity
    read again under the lock, so a promotion racing a cancellation or another change of
    capacity never fills a seat twice."""
    now = now or timezone.now()
    promoted = []
    occurrences = (
        Registration.objects.filter(
            event_key=page.translation_key, status=Status.WAITING, occurrence__gt=now
        )
        .values_list("occurrence", flat=True)
        .distinct()
        .order_by("occurrence")
    )
    for occurrence in list(occurrences):
        with transaction.atomic():
            lock_occurrence(page.translation_key, occurrence)
            stored = type(page).objects.filter(pk=page.pk).values("capacity").first()
            if stored is None:  # the event was deleted in the meantime
                break
            newly = fill_seats(page.translation_key, occurrence, stored["capacity"])
        send_after(newly, "promoted")
        promoted += newly
    return promoted


def event_cancelled(event_key, now=None) -> list[Registration]:
    """The event will not take place: its registrations for dates still to come are cancelled
    and each registrant is told, once (a second call, for a translation, finds none left)."""
    now = now or timezone.now()
    with transaction.atomic():
        rows = list(
            Registration.objects.filter(event_key=event_key, ends_at__gte=now)
            .active()
            .select_for_update()
        )
        Registration.objects.filter(pk__in=[row.pk for row in rows]).update(
            status=Status.CANCELLED, cancelled_at=now
        )
    for row in rows:
        row.status, row.cancelled_at = Status.CANCELLED, now
    send_after(rows, "event_cancelled")
    return rows


def event_moved(event_key, old_start, new_start, new_end) -> list[Registration]:
    """A single-date event moved: its registrations (and waiting list) follow it to the new
    date, and each registrant is told once (a translation's later save finds none left)."""
    with transaction.atomic():
        lock_occurrence(event_key, old_start)
        rows = list(Registration.objects.of(event_key, old_start).active())
        Registration.objects.filter(pk__in=[row.pk for row in rows]).update(
            occurrence=new_start, ends_at=new_end, reminded_at=None
        )
    moved = list(Registration.objects.filter(pk__in=[row.pk for row in rows]))
    send_after(moved, "event_moved")
    return moved


def erase_registrations(**lookups) -> int:
    """Delete the registrations matching ``lookups`` (personal data: name, e-mail, answers);
    seats they held go to the waiting list. Returns how many were deleted."""
    rows = Registration.objects.filter(**lookups)
    freed = set(rows.confirmed().values_list("event_key", "occurrence", "event_id"))
    deleted = rows.delete()[0]
    for event_key, occurrence, event_id in freed:
        page = Page.objects.filter(pk=event_id).first()
        if page is None:
            continue
        with transaction.atomic():
            lock_occurrence(event_key, occurrence)
            promoted = fill_seats(event_key, occurrence, page.specific.capacity)
        send_after(promoted, "promoted")
    return deleted


def erase_expired(now=None) -> int:
    """Registrations of occurrences that ended REGISTRATION_RETENTION_DAYS ago or more."""
    now = now or timezone.now()
    limit = now - datetime.timedelta(days=settings.REGISTRATION_RETENTION_DAYS)
    return Registration.objects.filter(ends_at__lt=limit).delete()[0]


def send_reminders(now=None) -> int:
    """The reminder of occurrences starting within the next day, once per registrant."""
    now = now or timezone.now()
    due = Registration.objects.filter(
        status=Status.CONFIRMED,
        reminded_at__isnull=True,
        occurrence__gt=now,
        occurrence__lte=now + REMINDER_AHEAD,
    ).select_related("event")
    sent = 0
    for registration in due:
        # Claim it first: a second scheduler running at the same moment finds it taken.
        claimed = Registration.objects.filter(
            pk=registration.pk, reminded_at__isnull=True, status=Status.CONFIRMED
        ).update(reminded_at=now)
        if claimed and send_registration_mail(registration, "reminder"):
            sent += 1
        elif claimed:  # the mail server failed: try again at the next pass
            Registration.objects.filter(pk=registration.pk).update(reminded_at=None)
    return sent
