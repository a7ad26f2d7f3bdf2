"""Partners subscribe through the API: the same double opt-in as the site, a 400 in the API's
error shape naming the field, the same answer for a known address, a throttle per client."""

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext
from rest_framework.fields import ChoiceField

from cms.subscribers.models import Subscriber

pytestmark = pytest.mark.django_db
URL = "/api/v2/newsletter/subscribe/"


def post(client, body, **extra):
    return client.post(URL, body, content_type="application/json", **extra)


def test_a_partner_subscribes_an_address_which_gets_the_confirmation(
    client, smtp_server, interests
):
    body = {
        "email": "api@example.org",
        "language": "en",
        "interests": ["trainings"],
        "consent": True,
    }
    response = post(client, body)
    assert response.status_code == 202, response.content
    assert response.json()["status"] == "confirmation_sent"
    assert response["Cache-Control"] == "no-store"
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.PENDING and subscriber.language == "en"
    assert [i.name for i in subscriber.interests.all()] == ["Trainings"]
    assert "I agree to receive" in subscriber.consent_text
    [message] = smtp_server.to("api@example.org")
    assert "/en/newsletter/confirm/" in smtp_server.text(message)
    # Again, and already confirmed: the same answer, no second row, no second e-mail.
    subscriber.confirm()
    again = post(client, body)
    assert (again.status_code, again.json()) == (202, response.json())
    assert Subscriber.objects.count() == 1 and len(smtp_server.messages) == 1


def test_the_answer_is_in_the_editions_language(client, smtp_server, interests):
    """What the person may be shown, the confirmation or what is wrong, is in the language of
    the edition they chose, whatever the partner's server accepts; a language the site does
    not have is refused in the site's default language."""
    said = {}
    for lang in ("fr", "nl", "en"):
        body = {"email": f"{lang}@example.org", "language": lang, "consent": True}
        done = post(client, body, HTTP_ACCEPT_LANGUAGE="fr").json()["message"]
        refused = post(client, {**body, "consent": False}, HTTP_ACCEPT_LANGUAGE="fr")
        unknown = post(client, {**body, "interests": ["nope"]}, HTTP_ACCEPT_LANGUAGE="fr")
        said[lang] = (done, refused.json()["error"]["message"], unknown.json()["error"]["message"])
    for position in range(3):
        assert len({said[lang][position] for lang in said}) == 3, said
    with translation.override("en"):
        assert said["en"][1] == "consent: " + gettext(
            "The person has to agree: consent must be true."
        )
    german = post(client, {"email": "d@example.org", "language": "de", "consent": True})
    with translation.override(settings.LANGUAGE_CODE):
        choice = str(ChoiceField.default_error_messages["invalid_choice"]).format(input="de")
    assert german.json()["error"] == {**german.json()["error"], "parameter": "language"}
    assert german.json()["error"]["message"] == f"language: {choice}"


def test_the_partners_consent_wording_is_recorded(client, smtp_server):
    wording = "Ja, stuur mij de nieuwsbrief van COFFEE (via Mutualab)."
    body = {"email": "p@example.org", "language": "nl", "consent": True, "consent_text": wording}
    assert post(client, body).status_code == 202
    assert Subscriber.objects.get().consent_text == wording


@pytest.mark.parametrize(
    ("body", "parameter"),
    [
        ({"email": "nope", "language": "fr", "consent": True}, "email"),
        ({"language": "fr", "consent": True}, "email"),
        ({"email": "a@example.org", "language": "de", "consent": True}, "language"),
        ({"email": "a@example.org", "language": "fr", "consent": False}, "consent"),
        ({"email": "a@example.org", "language": "fr"}, "consent"),
        ({"email": "a@example.org", "language": "fr", "consent": "yes"}, "consent"),
        ({"email": "a@example.org", "language": "fr", "consent": 1}, "consent"),
        (
            {"email": "a@example.org", "language": "fr", "consent": True, "interests": "x"},
            "interests",
        ),
        (
            {"email": "a@example.org", "language": "fr", "consent": True, "interests": ["x y"]},
            "interests",
        ),
        (
            {"email": "a@example.org", "language": "fr", "consent": True, "interests": ["nope"]},
            "interests",
        ),
        ({"email": "a@example.org", "language": "fr", "consent": True, "admin": 1}, "admin"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(client, smtp_server, body, parameter):
    response = post(client, body)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["status"] == 400 and error["parameter"] == parameter and error["message"]
    assert not Subscriber.objects.exists() and not smtp_server.messages


@pytest.mark.parametrize("raw", ["{not json", "[1, 2]", '"text"'])
def test_a_body_that_is_no_object_is_a_400(client, raw):
    response = client.post(URL, raw, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["status"] == 400


def test_get_is_a_405_in_the_error_shape_and_options_describe_the_fields(client):
    response = client.get(URL)
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"
    options = client.options(URL)
    assert options.status_code == 200
    assert {"email", "language", "consent"} <= set(options.json()["actions"]["POST"])


@override_settings(SUBSCRIBERS_API_THROTTLE_RATE="2/hour")
def test_subscriptions_are_throttled_per_client(client, smtp_server):
    for number in range(2):
        body = {"email": f"t{number}@example.org", "language": "fr", "consent": True}
        assert post(client, body).status_code == 202
    refused = post(client, {"email": "t9@example.org", "language": "fr", "consent": True})
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "throttled" and int(refused["Retry-After"]) > 0
    assert Subscriber.objects.count() == 2


def test_the_endpoint_is_in_the_openapi_schema(client):
    schema = client.get("/api/schema/?format=json").json()
    operation = schema["paths"]["/api/v2/newsletter/subscribe/"]["post"]
    assert {"202", "400", "429"} <= set(operation["responses"])
