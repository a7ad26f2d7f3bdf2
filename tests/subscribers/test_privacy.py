"""Leaving and privacy: the preferences page reached from an e-mail's signed link, the
subscriber's data exported as JSON or erased, and bounce reports read from the mail server."""

import io
import json
import textwrap

import pytest
from django.core.management import call_command

from cms.subscribers.audience import recipients
from cms.subscribers.links import preferences_url
from cms.subscribers.models import Subscriber

pytestmark = pytest.mark.django_db


def path_of(url):
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_preferences_change_language_and_interests(client, make_subscriber, interests):
    subscriber = make_subscriber("pref@example.org", "fr")
    page_url = path_of(preferences_url(subscriber))
    assert page_url.startswith("/fr/newsletter/preferences/")
    page = client.get(page_url)
    assert page.status_code == 200 and "Formations" in page.content.decode()
    chosen = interests["trainings"]["fr"]
    saved = client.post(page_url, {"language": "nl", "interests": [chosen.pk]})
    assert saved.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.language == "nl"
    assert list(subscriber.interests.all()) == [chosen]
    assert list(recipients("nl", [interests["trainings"]["en"]])) == [subscriber]
    assert list(recipients("nl", [interests["cross-border"]["nl"]])) == []
    # Shown again, the choice is ticked.
    again = client.get(page_url).content.decode()
    assert f'value="{chosen.pk}"' in again and "checked" in again


def test_preferences_refuse_bad_values_with_a_400(client, make_subscriber):
    subscriber = make_subscriber("pref@example.org", "en")
    page_url = path_of(preferences_url(subscriber))
    response = client.post(page_url, {"language": "xx", "interests": ["abc"]})
    assert response.status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.language == "en"


def test_export_gives_everything_held_as_json(client, make_subscriber, interests):
    subscriber = make_subscriber(
        "export@example.org", "nl", interests=[interests["trainings"]["nl"]]
    )
    response = client.get(path_of(preferences_url(subscriber)) + "export/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["email"] == "export@example.org" and data["language"] == "nl"
    assert data["consent_text"] == "Je souhaite recevoir la lettre." and data["consented_at"]
    assert data["interests"] == [{"name": "Opleidingen", "slug": "trainings", "language": "nl"}]


def test_erase_on_request_from_the_page_and_the_command(client, make_subscriber, interests):
    subscriber = make_subscriber(
        "erase@example.org", "fr", interests=[interests["trainings"]["fr"]]
    )
    page_url = path_of(preferences_url(subscriber))
    assert client.get(page_url + "erase/").status_code == 405  # a link scanner erases nothing
    response = client.post(page_url + "erase/")
    assert response.status_code == 200
    assert not Subscriber.objects.exists()
    assert not Subscriber.interests.through.objects.exists()
    assert client.get(page_url).status_code == 404  # the link died with the data

    make_subscriber("Cmd@Example.org", "fr")
    out = io.StringIO()
    call_command("newsletter_subscriber", "export", "cmd@example.org", stdout=out)
    assert json.loads(out.getvalue())["email"] == "Cmd@Example.org"
    call_command("newsletter_subscriber", "erase", "CMD@example.org", stdout=io.StringIO())
    assert not Subscriber.objects.exists()


DSN = textwrap.dedent(
    """\
    From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
    To: no-reply@coffee-hub.example
    Subject: Undelivered Mail Returned to Sender
    MIME-Version: 1.0
    Content-Type: multipart/report; report-type=delivery-status; boundary="B"

    --B
    Content-Type: text/plain

    I'm sorry to have to inform you that your message could not be delivered.

    --B
    Content-Type: message/delivery-status

    Reporting-MTA: dns; mx.example.net

    Final-Recipient: rfc822; gone@example.org
    Action: failed
    Status: 5.1.1
    Diagnostic-Code: smtp; 550 5.1.1 User unknown

    Final-Recipient: rfc822; full@example.org
    Action: delayed
    Status: 4.2.2

    --B--
    """
)

COMPLAINT = textwrap.dedent(
    """\
    From: abuse@isp.example
    To: no-reply@coffee-hub.example
    Subject: Complaint
    MIME-Version: 1.0
    Content-Type: multipart/report; report-type=feedback-report; boundary="C"

    --C
    Content-Type: text/plain

    This is an abuse report.

    --C
    Content-Type: message/feedback-report

    Feedback-Type: abuse
    Version: 1
    Original-Rcpt-To: <angry@example.org>

    --C--
    """
)


def test_bounce_reports_and_complaints_stop_delivery(tmp_path, make_subscriber):
    for address in ("gone@example.org", "full@example.org", "angry@example.org", "ok@example.org"):
        make_subscriber(address, "fr")
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "1.eml").write_text(DSN)
    (tmp_path / "new" / "2.eml").write_text(COMPLAINT)
    (tmp_path / "new" / "3.eml").write_text("From: a@b.example\nSubject: hello\n\nnot a report\n")
    out = io.StringIO()
    call_command("record_bounces", str(tmp_path), stdout=out)
    report = out.getvalue()
    assert "gone@example.org (permanent)" in report and "full@example.org (temporary)" in report
    assert "angry@example.org (permanent)" in report and "no bounce or complaint" in report
    assert sorted(s.email for s in recipients("fr")) == ["full@example.org", "ok@example.org"]
    assert Subscriber.objects.get(email="full@example.org").soft_bounces == 1
