"""A record's address is its slug, in any alphabet; anything else in its place is a 404, on
PostgreSQL too (which refuses a NUL character in a query)."""

from urllib.parse import quote

import pytest

from .conftest import make_person

pytestmark = pytest.mark.django_db


def test_a_name_in_another_alphabet_gives_an_address_in_it(client, directory, url):
    person = make_person(directory, name="Ζωή Ψαρά", skills=["traduction"], email="zoi@example.org")
    assert person.slug == "ζωή-ψαρά"

    response = client.get(url("fr", f"coworkers/{quote(person.slug)}/"))

    assert response.status_code == 200
    assert "Ζωή Ψαρά" in response.content.decode()


@pytest.mark.parametrize("kind", ["coworkers", "companies", "projects"])
@pytest.mark.parametrize("slug", ["%00", "a%00b", "a%20b", "%C2%A0"])
def test_what_no_slug_can_be_is_no_record(client, directory, url, kind, slug):
    assert client.get(url("nl", f"{kind}/{slug}/")).status_code == 404
