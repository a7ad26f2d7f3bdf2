"""Sending an issue: one Delivery per recipient, sent in batches by the "newsletter" task queue.

- ``start()`` (a coordinator, in the admin) creates the Dispatch and every Delivery row at once,
  then enqueues the first batch.
- ``send_batch`` (the task, run by ``manage.py db_worker --backend newsletter --queue-name
  newsletter``) claims up to NEWSLETTER_BATCH_SIZE waiting deliveries, sends them over one SMTP
  connection, records each result as soon as the server answered, then enqueues the next batch.
- Claiming marks rows "being sent", and only waiting rows can be claimed: a recipient never gets
  an issue twice, even with two workers or after a restart. Each row is also marked "in flight"
  just before its message goes out. When a worker is killed, its claimed rows are released after
  NEWSLETTER_STALE_SECONDS (``manage.py run_scheduler`` looks every minute): those never tried
  wait again, the one in flight (perhaps delivered) is failed ("interrupted"), not resent.
- A temporary SMTP failure (4xx, lost connection) puts the row back to wait, retried after
  NEWSLETTER_RETRY_SECONDS x attempts, at most NEWSLETTER_MAX_ATTEMPTS times; a permanent one
  (5xx) fails it and records a bounce, so that the address stops receiving.
- ``pause()`` stops at the end of the current batch; ``resume()`` enqueues a batch again.
"""

import datetime
import logging
import smtplib
import uuid

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Min, Q
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from cms.subscribers.audience import recipients
from cms.subscribers.bounces import record_bounce
from cms.subscribers.links import preferences_url, unsubscribe_url

from .models import Delivery, Dispatch
from .rendering import render_issue

logger = logging.getLogger(__name__)

INTERRUPTED = "interrupted while being sent: not sent again, to avoid a duplicate"
ROWS_PER_INSERT = 1000


class NotSendable(Exception):
    """The issue cannot be sent (not published, or already sent)."""


def batch_size() -> int:
    return max(1, settings.NEWSLETTER_BATCH_SIZE)


def headers(unsubscribe: str) -> dict:
    """RFC 2369 / RFC 8058 headers: one-click unsubscribe by POST to the same link."""
    links = [f"<{unsubscribe}>"]
    mailto = settings.NEWSLETTER_UNSUBSCRIBE_MAILTO
    if mailto:
        links.append(f"<mailto:{mailto}?subject=unsubscribe>")
    return {
        "List-Unsubscribe": ", ".join(links),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def build_message(mail, email, unsubscribe, preferences, connection=None, subject_prefix=""):
    markup, text = mail.for_recipient(unsubscribe, preferences)
    message = EmailMultiAlternatives(
        subject=subject_prefix + mail.subject,
        body=text,
        from_email=settings.NEWSLETTER_FROM_EMAIL,
        to=[email],
        reply_to=[settings.NEWSLETTER_REPLY_TO] if settings.NEWSLETTER_REPLY_TO else None,
        headers=headers(unsubscribe),
        connection=connection,
    )
    message.attach_alternative(markup, "text/html")
    return message


def message_for(mail, subscriber, connection=None):
    return build_message(
        mail,
        subscriber.email,
        unsubscribe_url(subscriber),
        preferences_url(subscriber),
        connection=connection,
    )


def send_test(issue, email: str) -> None:
    """The issue as a subscriber will receive it, to ``email`` (links to the archive)."""
    mail = render_issue(issue)
    index_url = issue.get_parent().get_full_url()
    build_message(mail, email, index_url, index_url, subject_prefix="[Test] ").send()


@transaction.atomic
def start(issue, user=None) -> Dispatch:
    """Create the sending of a published ``issue`` and enqueue its first batch."""
    if not issue.live:
        raise NotSendable("not published")
    dispatch, created = Dispatch.objects.get_or_create(issue=issue, defaults={"started_by": user})
    if not created:
        raise NotSendable("already sent")
    interests = list(issue.interests.all())
    audience = recipients(issue.locale.language_code, interests or None)
    rows = []
    for subscriber_id in audience.values_list("pk", flat=True).iterator(chunk_size=2000):
        rows.append(Delivery(dispatch=dispatch, subscriber_id=subscriber_id))
        if len(rows) >= ROWS_PER_INSERT:
            Delivery.objects.bulk_create(rows, ignore_conflicts=True)
            rows = []
    Delivery.objects.bulk_create(rows, ignore_conflicts=True)
    transaction.on_commit(lambda: enqueue(dispatch.pk))
    return dispatch


def pause(dispatch) -> None:
    Dispatch.objects.filter(pk=dispatch.pk, status=Dispatch.Status.SENDING).update(
        status=Dispatch.Status.PAUSED
    )


def resume(dispatch) -> None:
    updated = Dispatch.objects.filter(
        pk=dispatch.pk, status__in=[Dispatch.Status.PAUSED, Dispatch.Status.SENDING]
    ).update(status=Dispatch.Status.SENDING)
    if updated:
        transaction.on_commit(lambda: enqueue(dispatch.pk))


def enqueue(dispatch_id: int, run_after=None):
    target = send_batch if run_after is None else send_batch.using(run_after=run_after)
    return target.enqueue(dispatch_id)


@task(backend="newsletter", queue_name="newsletter")
def send_batch(dispatch_id: int) -> str:
    """The task: one batch of one dispatch, then the next batch enqueued."""
    return send_next_batch(dispatch_id)


def release_stale(dispatch) -> int:
    """Rows claimed by a worker that never reported back: those it never tried wait again;
    the one it was sending when it stopped may have been delivered, so it is not resent."""
    stale_before = timezone.now() - datetime.timedelta(seconds=settings.NEWSLETTER_STALE_SECONDS)
    stale = dispatch.deliveries.filter(status=Delivery.Status.SENDING, claimed_at__lt=stale_before)
    interrupted = stale.filter(in_flight_since__isnull=False).update(
        status=Delivery.Status.FAILED, error=INTERRUPTED, claim=None, in_flight_since=None
    )
    untried = stale.update(status=Delivery.Status.PENDING, claim=None)
    return interrupted + untried


def watch() -> int:
    """Keep every send going (``run_scheduler`` calls this): rows of a worker that stopped are
    released and a batch enqueued; a send left with nothing queued gets a batch. Returns the
    number of batches enqueued."""
    queued = DBTaskResult.objects.filter(
        queue_name="newsletter", status=TaskResultStatus.READY
    ).exists()
    enqueued = 0
    for dispatch in Dispatch.objects.filter(status=Dispatch.Status.SENDING):
        released = release_stale(dispatch)
        busy = dispatch.deliveries.filter(status=Delivery.Status.SENDING).exists()
        if released or not (queued or busy):
            enqueue(dispatch.pk)
            enqueued += 1
    return enqueued


def claim(dispatch, size: int) -> list[Delivery]:
    """Mark up to ``size`` waiting deliveries as being sent by this worker, and return them."""
    now = timezone.now()
    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    token = uuid.uuid4()
    with transaction.atomic():
        ids = list(
            dispatch.deliveries.filter(due, status=Delivery.Status.PENDING)
            .order_by("pk")
            .values_list("pk", flat=True)[:size]
        )
        # Only rows still waiting are taken: another worker's claim is never taken over.
        Delivery.objects.filter(pk__in=ids, status=Delivery.Status.PENDING).update(
            status=Delivery.Status.SENDING, claim=token, claimed_at=now
        )
    return list(Delivery.objects.filter(claim=token).select_related("subscriber").order_by("pk"))


def smtp_code(exc, email) -> int | None:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        refused = exc.recipients.get(email) or next(iter(exc.recipients.values()), (None, b""))
        return refused[0]
    return getattr(exc, "smtp_code", None)


def record(delivery, **fields) -> bool:
    """Update a claimed row, unless its claim was released meanwhile (a worker that was thought
    dead and is not): such a worker changes nothing."""
    return bool(Delivery.objects.filter(pk=delivery.pk, claim=delivery.claim).update(**fields))


def failed(delivery, error: str, *, permanent: bool, now) -> bool:
    """Record a failed attempt: retried later when temporary, else final (returns True)."""
    attempts = delivery.attempts + 1
    released = {"attempts": attempts, "error": error[:500], "claim": None, "in_flight_since": None}
    if permanent or attempts >= settings.NEWSLETTER_MAX_ATTEMPTS:
        return record(delivery, status=Delivery.Status.FAILED, **released)
    wait = datetime.timedelta(seconds=settings.NEWSLETTER_RETRY_SECONDS * attempts)
    record(delivery, status=Delivery.Status.PENDING, next_attempt_at=now + wait, **released)
    return False


def send_next_batch(dispatch_id: int) -> str:
    dispatch = Dispatch.objects.select_related("issue__locale").filter(pk=dispatch_id).first()
    if dispatch is None or dispatch.status != Dispatch.Status.SENDING:
        return "not sending"
    release_stale(dispatch)
    batch = claim(dispatch, batch_size())
    if not batch:
        return finish_or_wait(dispatch)
    mail = render_issue(dispatch.issue.specific)
    connection = get_connection(fail_silently=False)
    try:
        send_claimed(batch, mail, connection)
    finally:
        try:
            connection.close()
        except (OSError, smtplib.SMTPException):
            logger.warning("Newsletter: the SMTP connection did not close cleanly.")
    enqueue(dispatch.pk)
    return f"sent a batch of {len(batch)}"


def send_claimed(batch, mail, connection) -> None:
    """Send each claimed delivery over ``connection``; record each result at once."""
    opened = False
    for index, delivery in enumerate(batch):
        now = timezone.now()
        email = delivery.subscriber.email
        try:
            if not opened:
                connection.open()
                opened = True
            if not record(delivery, in_flight_since=now):
                return  # released to another worker: leave the rest to it
            message_for(mail, delivery.subscriber, connection=connection).send()
        except (smtplib.SMTPServerDisconnected, ConnectionError, TimeoutError) as exc:
            # The server went away: this row is retried later, the rest of the batch waits.
            failed(delivery, f"{type(exc).__name__}: {exc}", permanent=False, now=now)
            for waiting in batch[index + 1 :]:
                record(waiting, status=Delivery.Status.PENDING, claim=None)
            return
        except smtplib.SMTPException as exc:
            code = smtp_code(exc, email)
            permanent = code is not None and 500 <= code < 600
            gave_up = failed(delivery, f"{code or ''} {exc}".strip(), permanent=permanent, now=now)
            if gave_up:
                record_bounce(email, permanent=permanent)
            continue
        record(
            delivery,
            status=Delivery.Status.SENT,
            sent_at=now,
            attempts=delivery.attempts + 1,
            error="",
            claim=None,
            in_flight_since=None,
        )


def finish_or_wait(dispatch) -> str:
    """No row due now: finished when none waits, else a batch when the next retry is due."""
    waiting = dispatch.deliveries.filter(
        status__in=[Delivery.Status.PENDING, Delivery.Status.SENDING]
    )
    if not waiting.exists():
        Dispatch.objects.filter(pk=dispatch.pk, status=Dispatch.Status.SENDING).update(
            status=Dispatch.Status.DONE, finished_at=timezone.now()
        )
        return "done"
    next_due = waiting.filter(status=Delivery.Status.PENDING).aggregate(at=Min("next_attempt_at"))[
        "at"
    ]
    if next_due is not None:
        enqueue(dispatch.pk, run_after=next_due)
        return "waiting for retries"
    # Rows another worker is sending: it enqueues the next batch itself.
    return "other worker sending"
