"""Sending an issue through a real SMTP server (aiosmtpd): each edition to its own subscribers,
the unsubscribe headers, batches that survive a stopped worker, pauses and temporary failures."""

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.mail import get_connection
from django.test import override_settings
from django.utils import timezone

from cms.newsletter import sending
from cms.newsletter.models import Delivery, Dispatch
from cms.newsletter.rendering import render_issue
from cms.subscribers.links import unsubscribe_url
from cms.subscribers.models import Interest, Subscriber

from .conftest import ISSUE_TITLES, issue, subscriber

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_each_edition_goes_to_its_own_confirmed_subscribers_only(
    newsletter_tree, smtp_server, run_worker, django_capture_on_commit_callbacks, lang
):
    people = {code: subscriber(f"reader-{code}@example.org", code) for code in ("fr", "nl", "en")}
    subscriber(f"pending-{lang}@example.org", lang, status=Subscriber.Status.PENDING)
    subscriber(f"gone-{lang}@example.org", lang, status=Subscriber.Status.UNSUBSCRIBED)
    subscriber(f"dead-{lang}@example.org", lang, status=Subscriber.Status.BOUNCED)
    edition = issue(newsletter_tree, lang)

    with django_capture_on_commit_callbacks(execute=True):
        sending.start(edition)
    assert smtp_server.messages == []  # nothing is sent until the worker runs
    run_worker()

    assert smtp_server.envelopes == [[people[lang].email]]
    [message] = smtp_server.messages
    assert message["Subject"] == ISSUE_TITLES[lang]
    assert message["From"] == "COFFEE Hub <no-reply@coffee-hub.example>"
    # HTML with a plain-text alternative, both in the edition's language, links absolute.
    html = message.get_body(preferencelist=("html",)).get_content()
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert f'<html lang="{lang}">' in html
    article_url = newsletter_tree.page("article", lang).get_full_url()
    assert article_url.startswith("http") and f"/{lang}/" in article_url
    assert f'href="{article_url}"' in html
    assert article_url in text
    assert newsletter_tree.title("article", lang) in text
    assert newsletter_tree.title("event_upcoming", lang) in text
    dispatch = Dispatch.objects.get(issue=edition)
    assert dispatch.status == Dispatch.Status.DONE
    assert dispatch.progress() == {"sent": 1, "failed": 0, "remaining": 0, "total": 1}


def test_unsubscribe_headers_and_one_click_link(
    newsletter_tree, smtp_server, run_worker, django_capture_on_commit_callbacks, client, settings
):
    settings.NEWSLETTER_REPLY_TO = "redaction@coffee-hub.example"
    settings.NEWSLETTER_FROM_EMAIL = "COFFEE Hub <lettre@coffee-hub.example>"
    reader = subscriber("lezer@example.org", "nl")
    with django_capture_on_commit_callbacks(execute=True):
        sending.start(issue(newsletter_tree, "nl"))
    run_worker()

    [message] = smtp_server.messages
    link = unsubscribe_url(reader)
    assert link.startswith("http")
    # (a long header is folded after its name: the parsed value keeps the leading space)
    assert message["List-Unsubscribe"].strip() == f"<{link}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["From"] == "COFFEE Hub <lettre@coffee-hub.example>"
    assert message["Reply-To"] == "redaction@coffee-hub.example"
    html = message.get_body(preferencelist=("html",)).get_content()
    assert link.replace("&", "&amp;") in html
    # What a mail client does with List-Unsubscribe-Post (RFC 8058): one POST, no cookie.
    response = client.post(
        link, data="List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code < 400
    reader.refresh_from_db()
    assert reader.status == Subscriber.Status.UNSUBSCRIBED


def test_interests_choose_the_recipients(
    newsletter_tree, smtp_server, run_worker, django_capture_on_commit_callbacks
):
    trainings = Interest.objects.create(name="Formations", slug="formations")
    projects = Interest.objects.create(name="Projets", slug="projets")
    subscriber("formations@example.org", "fr", interests=[trainings])
    subscriber("projets@example.org", "fr", interests=[projects])
    subscriber("tout@example.org", "fr")
    edition = issue(newsletter_tree, "fr")
    edition.interests.set([trainings])
    edition.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):
        sending.start(issue(newsletter_tree, "fr"))
    run_worker()

    assert sorted(r[0] for r in smtp_server.envelopes) == [
        "formations@example.org",
        "tout@example.org",
    ]


def test_an_issue_is_sent_once_and_only_when_published(newsletter_tree):
    edition = issue(newsletter_tree, "en")
    sending.start(edition)
    with pytest.raises(sending.NotSendable):
        sending.start(edition)
    draft = issue(newsletter_tree, "nl")
    draft.unpublish()
    with pytest.raises(sending.NotSendable):
        sending.start(issue(newsletter_tree, "nl"))


@override_settings(NEWSLETTER_BATCH_SIZE=5)
def test_pause_and_resume_between_batches(
    newsletter_tree, smtp_server, run_worker, django_capture_on_commit_callbacks
):
    readers = [subscriber(f"lezer{n}@example.org", "nl") for n in range(12)]
    with django_capture_on_commit_callbacks(execute=True):
        dispatch = sending.start(issue(newsletter_tree, "nl"))
    run_worker(max_tasks=1)  # one batch
    assert len(smtp_server.messages) == 5

    sending.pause(dispatch)
    run_worker()  # the batch queued before the pause finds the send paused
    assert len(smtp_server.messages) == 5
    assert dispatch.progress() == {"sent": 5, "failed": 0, "remaining": 7, "total": 12}

    with django_capture_on_commit_callbacks(execute=True):
        sending.resume(dispatch)
    run_worker()
    for reader in readers:
        assert len(smtp_server.to(reader.email)) == 1
    dispatch.refresh_from_db()
    assert dispatch.status == Dispatch.Status.DONE


@override_settings(NEWSLETTER_BATCH_SIZE=5, NEWSLETTER_STALE_SECONDS=0)
def test_a_worker_stopped_mid_batch_is_resumed_without_duplicates(
    newsletter_tree, smtp_server, run_worker, django_capture_on_commit_callbacks
):
    """A worker claims a batch of 5, sends 2, hands the 3rd to the server and stops before it
    records it (killed). The scheduler's watch releases its batch: the 2 it never tried are sent
    by the next worker, the one it was sending is not sent again."""
    readers = [subscriber(f"lecteur{n}@example.org", "fr") for n in range(12)]
    dispatch = sending.start(issue(newsletter_tree, "fr"))  # (its batch task is not queued)
    batch = sending.claim(dispatch, 5)
    mail = render_issue(dispatch.issue)
    connection = get_connection()
    sending.send_claimed(batch[:2], mail, connection)
    # The third message reaches the server; the worker dies before recording it.
    sending.record(batch[2], in_flight_since=timezone.now())
    sending.message_for(mail, batch[2].subscriber).send()
    assert len(smtp_server.messages) == 3

    with django_capture_on_commit_callbacks(execute=True):
        assert sending.watch() == 1
    run_worker()

    for reader in readers:
        assert len(smtp_server.to(reader.email)) == 1, reader.email
    assert dispatch.progress() == {"sent": 11, "failed": 1, "remaining": 0, "total": 12}
    interrupted = Delivery.objects.get(dispatch=dispatch, status=Delivery.Status.FAILED)
    assert interrupted.subscriber == readers[2]
    # A worker thought dead that wakes up changes nothing: its claim was released.
    assert not sending.record(batch[3], status=Delivery.Status.PENDING)


@override_settings(NEWSLETTER_RETRY_SECONDS=0)
def test_a_temporary_smtp_failure_is_retried(
    newsletter_tree, smtp_server, run_worker, django_capture_on_commit_callbacks
):
    refused = []
    accept = smtp_server.handle_DATA

    async def busy_once(server, session, envelope):
        if not refused:
            refused.append(envelope.rcpt_tos)
            return "451 4.3.0 Try again later"
        return await accept(server, session, envelope)

    smtp_server.handle_DATA = busy_once
    reader = subscriber("patient@example.org", "en")
    with django_capture_on_commit_callbacks(execute=True):
        dispatch = sending.start(issue(newsletter_tree, "en"))
    run_worker()

    assert refused == [[reader.email]]
    assert len(smtp_server.to(reader.email)) == 1
    delivery = Delivery.objects.get(dispatch=dispatch)
    assert (delivery.status, delivery.attempts) == (Delivery.Status.SENT, 2)


@override_settings(NEWSLETTER_RETRY_SECONDS=0, NEWSLETTER_MAX_ATTEMPTS=3)
def test_retries_are_bounded_and_a_permanent_refusal_is_a_bounce(
    newsletter_tree, smtp_server, run_worker, django_capture_on_commit_callbacks
):
    async def refuse(server, session, envelope, address, rcpt_options):
        if address.startswith("dead"):
            return "550 5.1.1 No such mailbox"
        if address.startswith("busy"):
            return "452 4.2.2 Mailbox full"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    smtp_server.handle_RCPT = refuse
    dead = subscriber("dead@example.org", "nl")
    busy = subscriber("busy@example.org", "nl")
    fine = subscriber("fine@example.org", "nl")
    with django_capture_on_commit_callbacks(execute=True):
        dispatch = sending.start(issue(newsletter_tree, "nl"))
    run_worker()

    assert smtp_server.envelopes == [[fine.email]]
    rows = {d.subscriber_id: d for d in Delivery.objects.filter(dispatch=dispatch)}
    assert (rows[dead.pk].status, rows[dead.pk].attempts) == (Delivery.Status.FAILED, 1)
    assert (rows[busy.pk].status, rows[busy.pk].attempts) == (Delivery.Status.FAILED, 3)
    dead.refresh_from_db()
    assert dead.status == Subscriber.Status.BOUNCED
    assert dispatch.progress() == {"sent": 1, "failed": 2, "remaining": 0, "total": 3}


@pytest.mark.parametrize(
    ("public_base_url", "host"),
    [("https://hub.example.eu", "hub.example.eu"), ("", "admin.example.eu")],
)
def test_a_worker_sent_issue_links_only_to_the_public_address(
    newsletter_tree,
    smtp_server,
    run_worker,
    django_capture_on_commit_callbacks,
    settings,
    public_base_url,
    host,
):
    """The worker sends without a request: every link and picture of the message (articles,
    events, web version, unsubscribe, preferences) is on PUBLIC_BASE_URL, else on
    WAGTAILADMIN_BASE_URL, never on the Site record's address (localhost in the demo)."""
    settings.PUBLIC_BASE_URL = public_base_url
    settings.WAGTAILADMIN_BASE_URL = "https://admin.example.eu"
    subscriber("lecteur@example.org", "fr")
    with django_capture_on_commit_callbacks(execute=True):
        sending.start(issue(newsletter_tree, "fr"))
    run_worker()

    [message] = smtp_server.messages
    html = message.get_body(preferencelist=("html",)).get_content()
    text = message.get_body(preferencelist=("plain",)).get_content()
    page = BeautifulSoup(html, "html.parser")
    addresses = [tag["href"] for tag in page.select("[href]")]
    addresses += [tag["src"] for tag in page.select("[src]")]
    addresses += re.findall(r"https?://\S+", text)
    addresses.append(message["List-Unsubscribe"].strip().strip("<>"))
    assert len(addresses) > 5
    hosts = {urlsplit(address).netloc for address in addresses if not address.startswith("mailto:")}
    assert hosts == {host}, addresses
