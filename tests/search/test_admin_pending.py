"""The admin's view of the index updates waiting for the search engine: superusers read it
(count and last error of each group), other editors are refused."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from search.models import PendingIndexUpdate

pytestmark = pytest.mark.django_db

URL = "/admin/reports/search-pending/"


@pytest.fixture
def pending():
    PendingIndexUpdate.objects.create(
        model="directory.coworker",
        translation_key="8a9c4007-fe95-46a2-9485-c3e9467a527d",
        attempts=3,
        last_error="opensearch at http://127.0.0.1:9: Connection refused",
    )
    PendingIndexUpdate.objects.create(
        model="directory.company", translation_key="1b2c", last_error="timed out"
    )


def test_a_superuser_sees_the_pending_updates_and_their_errors(client, pending):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pass-1234")
    client.force_login(admin)
    response = client.get(URL, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    page = response.content.decode()
    assert "2 updates waiting for the search engine" in page
    assert "8a9c4007-fe95-46a2-9485-c3e9467a527d" in page
    assert "Connection refused" in page and "timed out" in page
    assert URL in client.get("/admin/").content.decode()  # in the Reports menu


def test_an_editor_without_superuser_rights_is_refused(client, pending):
    editor = get_user_model().objects.create_user("editor", "editor@example.org", "pass-1234")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get(URL, follow=True)
    assert response.redirect_chain == [("/admin/", 302)]  # Wagtail's "permission denied"
    page = response.content.decode()
    assert "Connection refused" not in page and URL not in page  # nor in the menu


def test_a_visitor_is_sent_to_the_login_page(client, pending):
    response = client.get(URL)
    assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.parametrize(
    "language,title",
    [
        ("fr", "2 mises à jour attendent le moteur de recherche"),
        ("nl", "2 updates wachten op de zoekmachine"),
    ],
)
def test_the_view_speaks_the_admins_language(client, pending, language, title):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pass-1234")
    client.force_login(admin)
    assert title in client.get(URL, HTTP_ACCEPT_LANGUAGE=language).content.decode()
