"""The admin's menus speak the language of the person reading them, whoever opened the admin
first since the server started (Wagtail and wagtail-localize translate a few menu labels once,
when the menu is first built)."""

import html
import json

import pytest

pytestmark = pytest.mark.django_db

LABELS = {
    "fr": ["Traductions", "Les nouveautés de Wagtail", "Guide de l’éditeur"],
    "nl": ["Vertalingen", "Wat is er nieuw in Wagtail", "Handleiding voor redacteurs"],
}


def admin_home(client) -> str:
    return html.unescape(client.get("/admin/").content.decode())


@pytest.mark.parametrize(("first", "then"), [("fr", "nl"), ("nl", "fr")])
def test_menu_labels_follow_each_editors_language(editor_client, first, then):
    admin_home(editor_client(first))
    shown = admin_home(editor_client(then))
    for label in LABELS[then]:
        assert label in shown or json.dumps(label)[1:-1] in shown, label  # in the sidebar's JSON
    assert json.dumps(LABELS[first][1])[1:-1] not in shown
