"""Feeds and calendars, read by the libraries a feed reader or a calendar application uses:
feedparser for RSS and Atom, icalendar for .ics files."""

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import feedparser
import pytest
from icalendar import Calendar

from .conftest import BRUSSELS, LANGUAGES, PAST_START, UPCOMING_START, parse

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
FEEDS = {"rss": "feed/rss/", "atom": "feed/atom/"}


def read_feed(client, site_tree, lang, kind):
    response = client.get(site_tree.url("blog_index", lang) + FEEDS[kind])
    assert response.status_code == 200
    assert "xml" in response["Content-Type"]
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def read_calendar(client, url) -> Calendar:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


@pytest.mark.parametrize("kind", FEEDS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_blog_feed_holds_the_articles_of_its_language(client, site_tree, lang, kind):
    """The RSS and Atom feeds of the Dutch blog hold exactly the two Dutch articles, newest
    first, with their Dutch titles and absolute links (likewise in French and English)."""
    feed = read_feed(client, site_tree, lang, kind)

    assert feed.version == {"rss": "rss20", "atom": "atom10"}[kind]
    assert feed.feed.get("language", lang).lower().startswith(lang)
    assert [entry.title for entry in feed.entries] == [
        site_tree.title("article", lang),
        site_tree.title("article_old", lang),
    ]
    for entry, role in zip(feed.entries, ["article", "article_old"], strict=True):
        parts = urlsplit(entry.link)
        assert parts.scheme in {"http", "https"} and parts.netloc
        assert parts.path == site_tree.url(role, lang)
        assert entry.get("published_parsed") or entry.get("updated_parsed")
        assert entry.summary


@pytest.mark.parametrize("lang", LANGUAGES)
def test_blog_index_advertises_its_feeds(client, site_tree, lang):
    """The blog index announces its RSS and Atom feeds in <head>, and they answer."""
    html = parse(client.get(site_tree.url("blog_index", lang)))

    types = {
        link["type"]: link["href"] for link in html.select('head link[rel~="alternate"][type]')
    }
    for content_type in ("application/rss+xml", "application/atom+xml"):
        assert content_type in types
        assert client.get(types[content_type]).status_code == 200


@pytest.mark.parametrize("lang", LANGUAGES)
def test_agenda_calendar_holds_the_events_of_its_language(client, site_tree, lang):
    """The agenda's subscribable .ics holds the locale's events (the recent past one too), with
    their translated titles and local times (Paris for the space in Lille, Brussels
    elsewhere), and the time zones they refer to."""
    calendar = read_calendar(client, site_tree.url("agenda", lang) + "ical/")

    events = {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {
        site_tree.title("event_upcoming", lang),
        site_tree.title("event_past", lang),
    }
    upcoming = events[site_tree.title("event_upcoming", lang)]
    past = events[site_tree.title("event_past", lang)]
    assert_local_time(upcoming, "DTSTART", UPCOMING_START, PARIS)
    assert_local_time(upcoming, "DTEND", UPCOMING_START + datetime.timedelta(minutes=90), PARIS)
    assert_local_time(past, "DTSTART", PAST_START)
    assert urlsplit(str(upcoming["URL"])).path == site_tree.url("event_upcoming", lang)
    uids = [str(event["UID"]) for event in calendar.walk("VEVENT")]
    assert len(set(uids)) == len(uids)
    assert_timezone_defined(calendar)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_event_calendar_file_holds_that_event(client, site_tree, lang):
    """An event's own .ics holds that one event: title, start and end in Lille's time (Paris),
    place, link."""
    calendar = read_calendar(client, site_tree.url("event_upcoming", lang) + "ical/")

    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == site_tree.title("event_upcoming", lang)
    assert_local_time(event, "DTSTART", UPCOMING_START, PARIS)
    assert_local_time(event, "DTEND", UPCOMING_START + datetime.timedelta(minutes=90), PARIS)
    assert site_tree.title("space", lang) in str(event["LOCATION"])
    assert urlsplit(str(event["URL"])).path == site_tree.url("event_upcoming", lang)
    assert_timezone_defined(calendar)


def test_event_uid_is_stable_across_downloads(client, site_tree):
    """Downloading an event twice gives the same UID, so calendars update instead of
    duplicating it; its translations have distinct UIDs."""
    uids = [
        str(
            read_calendar(client, site_tree.url("event_upcoming", lang) + "ical/").walk("VEVENT")[
                0
            ]["UID"]
        )
        for lang in ["fr", "fr", "nl", "en"]
    ]

    assert uids[0] == uids[1]
    assert len(set(uids)) == 3


def assert_local_time(event, name, expected, zone=BRUSSELS):
    """The property is written in the event's local time (TZID) and is the right instant."""
    prop = event[name]
    assert prop.params.get("TZID") == zone.key, prop.to_ical()
    value = event.decoded(name)
    assert value == expected
    assert value.astimezone(zone).time() == expected.astimezone(zone).time()


def assert_timezone_defined(calendar):
    """RFC 5545 3.2.19: every TZID used must have its VTIMEZONE in the calendar."""
    tzids = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
    used = {
        prop.params["TZID"]
        for event in calendar.walk("VEVENT")
        for name in ("DTSTART", "DTEND")
        for prop in [event[name]]
    }
    assert used <= tzids
