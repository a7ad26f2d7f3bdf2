"""The event page's registration form is limited per client address like the partner API
(REGISTRATIONS_API_THROTTLE_RATE, one count for both): over the limit the visitor gets a 429
page in their language saying to try again later, with what they typed, and nothing is saved
or sent."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext

from cms.registrations.models import Registration
from cms.registrations.views import TOO_MANY
from tests.conftest import parse

from .conftest import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()
    yield
    cache.clear()


def submit(client, page, email, address="203.0.113.7"):
    return client.post(
        page.url + "register/", {"name": "Els Peeters", "email": email}, REMOTE_ADDR=address
    )


@override_settings(REGISTRATIONS_API_THROTTLE_RATE="2/hour")
def test_over_the_limit_the_form_answers_429_in_my_language(client, smtp_server):
    pages = make_event(capacity=None)
    answers = [submit(client, pages["nl"], f"els{i}@example.org") for i in range(3)]

    assert [answer.status_code for answer in answers[:2]] == [302, 302]
    refused = answers[2]
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "no-store" in refused["Cache-Control"]
    html = parse(refused)
    assert html.select_one("html")["lang"] == "nl"
    with translation.override("nl"):
        assert html.select_one("#register [role=alert]").text.strip() == gettext(TOO_MANY)
    assert html.select_one("#register input[name=email]")["value"] == "els2@example.org"
    # Nothing saved, nothing sent for the refused one.
    assert sorted(Registration.objects.values_list("email", flat=True)) == [
        "els0@example.org",
        "els1@example.org",
    ]
    assert not smtp_server.to("els2@example.org")


@override_settings(REGISTRATIONS_API_THROTTLE_RATE="2/hour")
def test_the_limit_is_per_client_address(client, smtp_server):
    page = make_event(capacity=None, languages=())["fr"]
    assert submit(client, page, "a@example.org").status_code == 302
    assert submit(client, page, "b@example.org").status_code == 302
    assert submit(client, page, "c@example.org").status_code == 429
    assert submit(client, page, "c@example.org", address="198.51.100.20").status_code == 302
    with translation.override("fr"):
        assert gettext(TOO_MANY) in submit(client, page, "d@example.org").content.decode()


@override_settings(REGISTRATIONS_API_THROTTLE_RATE="2/hour")
def test_the_form_and_the_api_share_one_count(client, smtp_server):
    """One registration through the API and one through the form use up a limit of two: the
    form is no way around the API's limit, nor the API around the form's."""
    page = make_event(capacity=None, languages=())["fr"]
    api = client.post(
        f"/api/v2/events/{page.pk}/registrations/",
        {"name": "Partner", "email": "api@example.org"},
        "application/json",
        REMOTE_ADDR="203.0.113.7",
    )
    assert api.status_code == 201
    assert submit(client, page, "form@example.org").status_code == 302
    assert submit(client, page, "late@example.org").status_code == 429
    assert Registration.objects.count() == 2


def test_an_empty_rate_turns_the_limit_off(client, smtp_server):
    page = make_event(capacity=None, languages=())["fr"]
    with override_settings(REGISTRATIONS_API_THROTTLE_RATE=""):
        answers = [submit(client, page, f"p{i}@example.org").status_code for i in range(4)]
    assert answers == [302] * 4
