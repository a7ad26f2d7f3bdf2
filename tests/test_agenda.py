"""The agenda: upcoming events first, past ones in the archive, filters that never break the
page, and event pages described to search engines with schema.org JSON-LD."""

import datetime
import json
from urllib.parse import urlsplit

import pytest
from django.utils import translation
from django.utils.translation import gettext

from .conftest import BRUSSELS, LANGUAGES, UPCOMING_START, parse

pytestmark = pytest.mark.django_db

MONTH_ERROR = "The month must look like 2026-11: the filter was ignored."
SPACE_ERROR = "Unknown space: the filter was ignored."
MONTH_RANGE_ERROR = "The month must come before 9999: the filter was ignored."
ONE_SPACE_ERROR = "Choose one space at a time: the space filter was ignored."
ONE_MONTH_ERROR = "Choose one month at a time: the month filter was ignored."


def listed_paths(response) -> set[str]:
    """Paths of the links inside <main>."""
    return {urlsplit(a["href"]).path for a in parse(response).select("main a[href]")}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_upcoming_events_and_archive_are_split(client, site_tree, lang):
    """The agenda lists the upcoming event and not the past one; the archive the opposite."""
    upcoming = client.get(site_tree.url("agenda", lang))
    archive = client.get(site_tree.url("agenda", lang) + "archive/")

    assert upcoming.status_code == archive.status_code == 200
    assert site_tree.url("event_upcoming", lang) in listed_paths(upcoming)
    assert site_tree.url("event_past", lang) not in listed_paths(upcoming)
    assert site_tree.url("event_past", lang) in listed_paths(archive)
    assert site_tree.url("event_upcoming", lang) not in listed_paths(archive)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_agenda_lists_only_its_language(client, site_tree, lang):
    """The Dutch agenda shows Dutch events only (likewise in French and English)."""
    paths = listed_paths(client.get(site_tree.url("agenda", lang)))

    for other in LANGUAGES:
        if other != lang:
            assert site_tree.url("event_upcoming", other) not in paths


@pytest.mark.parametrize("lang", LANGUAGES)
def test_filter_by_space_and_month(client, site_tree, lang):
    """Filtering on the space hosting the upcoming event, or on its month, keeps it; another
    month shows none."""
    agenda = site_tree.url("agenda", lang)
    event = site_tree.url("event_upcoming", lang)
    space_slug = site_tree.page("space", lang).slug
    month = UPCOMING_START.astimezone(BRUSSELS).strftime("%Y-%m")
    other_month = (UPCOMING_START + datetime.timedelta(days=62)).strftime("%Y-%m")

    assert event in listed_paths(client.get(agenda, {"space": space_slug}))
    assert event in listed_paths(client.get(agenda, {"month": month}))
    assert event in listed_paths(client.get(agenda, {"month": month, "space": space_slug}))
    assert event not in listed_paths(client.get(agenda, {"month": other_month}))


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"month": "abc"}, MONTH_ERROR),
        ({"month": "2026-13"}, MONTH_ERROR),
        ({"month": "0000-00"}, MONTH_ERROR),
        ({"month": "9999-12"}, MONTH_RANGE_ERROR),
        ({"month": "9999-01"}, MONTH_RANGE_ERROR),
        ({"space": ["la-ruche", "no-such-space"]}, ONE_SPACE_ERROR),
        ({"month": ["2026-11", "2026-12"]}, ONE_MONTH_ERROR),
        ({"space": "no-such-space"}, SPACE_ERROR),
        ({"space": "x" * 500}, SPACE_ERROR),
        ({"page": "-1"}, None),
        ({"page": "0"}, None),
        ({"page": "abc"}, None),
        ({"page": "999"}, None),
        ({"page": "99999999999999999999"}, None),
        ({"month": "abc", "space": "nope", "page": "abc"}, MONTH_ERROR),
    ],
    ids=lambda value: (
        "-".join(f"{k}={v[:12]}" for k, v in value.items()) if isinstance(value, dict) else "msg"
    ),
)
@pytest.mark.parametrize("view", ["", "archive/"])
def test_bad_filters_never_break_the_agenda(client, site_tree, lang, params, message, view):
    """Whatever a visitor (or a crawler) puts in the query string, the agenda answers 200; a
    filter it cannot apply is ignored and the visitor is told why, in their language."""
    response = client.get(site_tree.url("agenda", lang) + view, params)

    assert response.status_code == 200
    html = parse(response)
    assert html.html["lang"] == lang
    if message:
        with translation.override(lang):
            expected = gettext(message)
        alert = html.select_one("main [role=alert]")
        assert alert is not None and expected in alert.get_text(" ", strip=True)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_bad_page_numbers_still_list_events(client, site_tree, lang):
    """A page number out of range or not a number shows a real page of events, not an empty
    or broken one."""
    for page in ["-1", "abc", "999"]:
        response = client.get(site_tree.url("agenda", lang), {"page": page})
        assert site_tree.url("event_upcoming", lang) in listed_paths(response)
        # ... and says that the page asked for does not exist, in the visitor's language.
        notice = parse(response).select_one("main p.notice[role=status]")
        with translation.override(lang):
            expected = gettext("There is no page “%(asked)s” in this list: here is page %(shown)s.")
        assert notice.get_text(" ", strip=True) == expected % {"asked": page, "shown": 1}
    response = client.get(site_tree.url("agenda", lang), {"page": "1"})
    assert parse(response).select_one("main p.notice[role=status]") is None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_event_page_has_schema_org_json_ld(client, site_tree, lang):
    """The event page embeds one schema.org Event in JSON-LD: its translated name, ISO 8601
    start and end with the Brussels offset, its place and its URL."""
    html = parse(client.get(site_tree.url("event_upcoming", lang)))

    scripts = html.select('script[type="application/ld+json"]')
    events = [data for data in (json.loads(s.string) for s in scripts) if is_event(data)]
    assert len(events) == 1
    (data,) = events
    assert "schema.org" in data["@context"]
    assert data["name"] == site_tree.title("event_upcoming", lang)
    start = datetime.datetime.fromisoformat(data["startDate"])
    end = datetime.datetime.fromisoformat(data["endDate"])
    assert start.tzinfo is not None and end.tzinfo is not None
    assert start == UPCOMING_START
    assert start.utcoffset() == UPCOMING_START.utcoffset()
    assert end - start == datetime.timedelta(minutes=90)
    assert "location" in data
    assert urlsplit(data["url"]).path == site_tree.url("event_upcoming", lang)


def test_past_event_page_says_it_is_over(client, site_tree):
    """A past event stays readable but offers no .ics download for it."""
    response = client.get(site_tree.url("event_past", "en"))

    assert response.status_code == 200
    paths = listed_paths(response)
    assert site_tree.url("event_past", "en") + "ical/" not in paths


def is_event(data) -> bool:
    kind = data.get("@type") if isinstance(data, dict) else None
    return kind == "Event" or (isinstance(kind, list) and "Event" in kind)
