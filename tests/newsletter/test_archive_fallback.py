"""The Dutch archive lists an issue sent only in French, marked as being in another language,
until the Dutch issue is sent; an issue not sent in any language is never listed."""

import pytest

from cms.newsletter import sending
from tests.conftest import parse

from .conftest import ISSUE_TITLES, issue

pytestmark = pytest.mark.django_db

LABEL = "In een andere taal"  # "In another language", on the Dutch site


def cards(client, tree):
    response = client.get(tree.url("newsletter", "nl"))
    assert response.status_code == 200
    return {
        card.select_one(".card__title").get_text(strip=True): card
        for card in parse(response).select(".card")
    }


def test_the_dutch_archive_lists_the_french_issue_until_the_dutch_one_is_sent(
    client, newsletter_tree
):
    assert not set(cards(client, newsletter_tree)) & set(ISSUE_TITLES.values())

    sending.start(issue(newsletter_tree, "fr"))
    listed = cards(client, newsletter_tree)
    assert set(listed) & set(ISSUE_TITLES.values()) == {ISSUE_TITLES["fr"]}
    french = listed[ISSUE_TITLES["fr"]]
    assert {element["lang"] for element in french.select("[lang]")} == {"fr"}
    assert LABEL in french.get_text()

    sending.start(issue(newsletter_tree, "nl"))
    listed = cards(client, newsletter_tree)
    assert set(listed) & set(ISSUE_TITLES.values()) == {ISSUE_TITLES["nl"]}
    dutch = listed[ISSUE_TITLES["nl"]]
    assert dutch.select("[lang]") == [] and LABEL not in dutch.get_text()
