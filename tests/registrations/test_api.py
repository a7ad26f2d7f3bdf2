"""Partner API: every event says whether registration is open, the seats left and the
waiting-list length; partners POST a registration, validated like the form, throttled,
documented in the OpenAPI schema, bad input answered 400 naming the field."""

import datetime
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.translation import gettext
from rest_framework.fields import EmailField

from cms.registrations import services
from cms.registrations.models import Registration, Status

from .conftest import make_event

pytestmark = pytest.mark.django_db


def post(client, page, **data):
    return client.post(
        f"/api/v2/events/{page.pk}/registrations/", data, content_type="application/json"
    )


def test_events_say_seats_left_and_waiting_list(client):
    pages = make_event(capacity=2)
    for i in range(3):
        services.register(pages["fr"], name=f"P{i}", email=f"p{i}@example.org", language="fr")

    detail = client.get(f"/api/v2/events/{pages['nl'].pk}/").json()
    listing = client.get("/api/v2/events/?locale=nl&fields=registration").json()

    expected = {"enabled": True, "open": True, "capacity": 2, "seats_left": 0, "waiting_list": 1}
    assert {key: detail["registration"][key] for key in expected} == expected
    [item] = [item for item in listing["items"] if item["id"] == pages["nl"].pk]
    assert item["registration"]["waiting_list"] == 1


def test_post_a_registration_in_the_registrants_language(client, smtp_server):
    pages = make_event(capacity=1)
    first = post(client, pages["fr"], name="Els", email="els@example.org", language="nl")
    second = post(client, pages["fr"], name="Sam", email="sam@example.org", language="en")

    assert first.status_code == second.status_code == 201
    assert first.json()["status"] == "confirmed" and first.json()["waiting_position"] is None
    assert second.json()["status"] == "waiting" and second.json()["waiting_position"] == 1
    els = Registration.objects.get(email="els@example.org")
    assert (els.language, els.event_id) == ("nl", pages["nl"].pk)  # the Dutch page
    [mail] = smtp_server.to("els@example.org")
    assert pages["nl"].title in str(mail["Subject"]) and mail["Content-Language"] == "nl"


@pytest.mark.parametrize(
    ("data", "parameter"),
    [
        ({"email": "a@example.org"}, "name"),
        ({"name": "A"}, "email"),
        ({"name": "A", "email": "nope"}, "email"),
        ({"name": "A" * 200, "email": "a@example.org"}, "name"),
        ({"name": "A\x00", "email": "a@example.org"}, "name"),
        ({"name": "A", "email": "a@example.org", "language": "de"}, "language"),
        ({"name": "A", "email": "a@example.org", "occurrence": "1999-01-01T09:00"}, "occurrence"),
        ({"name": "A", "email": "a@example.org", "seats": 3}, "seats"),
        ({"name": 123, "email": "a@example.org"}, "name"),
        ({"name": "A", "email": ["a@example.org"]}, "email"),
        ({"name": "A", "email": "a@example.org", "language": True}, "language"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(client, data, parameter):
    page = make_event(languages=())["fr"]
    response = post(client, page, **data)
    assert response.status_code == 400, response.content
    assert response.json()["error"]["parameter"] == parameter
    assert not Registration.objects.exists()


def test_what_is_wrong_is_said_in_the_registrants_language(client):
    """Every message a registrant may be shown is in the body's language (else the event's):
    the checks of the fields and the refusals, not the site's default language."""
    page = make_event(languages=())["fr"]
    said = {
        lang: post(client, page, name="A", email="nope", language=lang).json()["error"]["message"]
        for lang in ("fr", "nl", "en")
    }
    assert len(set(said.values())) == 3 and all(m.startswith("email: ") for m in said.values())
    with translation.override("en"):
        assert said["en"] == f"email: {EmailField.default_error_messages['invalid']}"

    dutch_off = make_event(registration_enabled=False)["nl"]
    refused = post(client, dutch_off, name="Els", email="els@example.org")
    with translation.override("nl"):
        assert refused.json()["error"]["message"] == str(services.MESSAGES[services.DISABLED])


def test_refusals_and_unknown_events(client):
    page = make_event(languages=())["fr"]
    assert post(client, page, name="A", email="a@example.org").status_code == 201
    again = post(client, page, name="A", email="A@example.org")
    assert again.status_code == 409 and again.json()["error"]["parameter"] == "email"
    assert again.json()["error"]["code"] == "already_registered"
    with translation.override("fr"):
        assert again.json()["error"]["message"] == gettext(
            "This e-mail address is already registered for this event."
        )
    off = make_event(languages=(), registration_enabled=False)["fr"]
    refused = post(client, off, name="B", email="b@example.org")
    assert (refused.status_code, refused.json()["error"]["code"]) == (409, "registration_off")
    past_deadline = make_event(
        languages=(), registration_deadline=timezone.now() - datetime.timedelta(hours=1)
    )["fr"]
    refused = post(client, past_deadline, name="B", email="b@example.org")
    assert (refused.status_code, refused.json()["error"]["code"]) == (409, "registration_closed")
    for pk in ("999999", "99999999999999999999999"):
        response = client.post(f"/api/v2/events/{pk}/registrations/", {}, "application/json")
        assert response.status_code == 404
    assert client.get(f"/api/v2/events/{page.pk}/registrations/").status_code == 405
    assert (
        client.post(
            f"/api/v2/events/{page.pk}/registrations/", "[1]", "application/json"
        ).status_code
        == 400
    )
    assert Registration.objects.filter(status=Status.CONFIRMED).count() == 1


def test_throttled_per_client(client):
    page = make_event(capacity=None, languages=())["fr"]
    cache.clear()
    with override_settings(REGISTRATIONS_API_THROTTLE_RATE="2/hour"):
        answers = [
            post(client, page, name="A", email=f"a{i}@example.org").status_code for i in range(3)
        ]
    assert answers == [201, 201, 429]


def test_schema_documents_the_endpoint(client):
    schema = client.get("/api/schema/?format=json").json()
    operation = schema["paths"]["/api/v2/events/{id}/registrations/"]["post"]
    assert {"201", "400", "409", "429"} <= set(operation["responses"])


def test_a_form_body_is_read_and_any_other_type_refused(client):
    """JSON or a form, as the schema says; a text/plain body (which a browser may send to
    another site without asking) is a 415, even when it holds JSON."""
    page = make_event(capacity=None, languages=())["fr"]
    url = f"/api/v2/events/{page.pk}/registrations/"
    form = client.post(
        url,
        urlencode({"name": "Els", "email": "els@example.org"}),
        content_type="application/x-www-form-urlencoded",
    )
    assert form.status_code == 201, form.content
    body = '{"name": "Sam", "email": "sam@example.org"}'
    for content_type in ("text/plain", "application/xml"):
        response = client.post(url, body, content_type=content_type)
        assert response.status_code == 415, (content_type, response.content)
        assert response.json()["error"]["code"] == "unsupported_media_type"
    assert list(Registration.objects.values_list("email", flat=True)) == ["els@example.org"]
