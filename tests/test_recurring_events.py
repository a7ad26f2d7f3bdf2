"""Recurring, cancelled and online events, as visitors, calendar applications and partner apps
see them: a weekly series listed date by date in the agenda and the API, written once in the
.ics with RRULE and EXDATE (expanded back across a daylight-saving change), calendars to
subscribe to per space and for the whole network, a cancelled event said so everywhere, and
the joining link of an online event shown nowhere."""

import datetime
import json
from urllib.parse import unquote
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from django.urls import reverse
from icalendar import Calendar
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.demo.factories import EventPageFactory, publish
from cms.events.models import EventPage

from .api.api_helpers import get_json
from .conftest import LANGUAGES, parse

pytestmark = pytest.mark.django_db

BRUSSELS = ZoneInfo("Europe/Brussels")
PARIS = ZoneInfo("Europe/Paris")
SECRET_LINK = "https://meet.example.org/coffee-zq7x-private"
SECRET_TOKEN = "zq7x-private"
WEEKS = 40  # long enough to cross at least one daylight-saving change, whenever tests run


def next_tuesday_at_nine(zone) -> datetime.datetime:
    today = datetime.datetime.now(zone).date() + datetime.timedelta(days=1)
    day = today + datetime.timedelta(days=(1 - today.weekday()) % 7)
    return datetime.datetime.combine(day, datetime.time(9, 0), tzinfo=zone)


@pytest.fixture(scope="module")
def events(site_tree, django_db_blocker):
    """A weekly breakfast in Lille (Paris time) skipping its third date, a cancelled workshop
    and an online webinar, in French, in the site's agenda (kept for the module)."""
    with django_db_blocker.unblock():
        agenda = site_tree.page("agenda", "fr")
        space = site_tree.page("space", "fr")
        start = next_tuesday_at_nine(PARIS)
        skipped = (start + datetime.timedelta(weeks=2)).date()
        series = publish(
            EventPageFactory(
                parent=agenda,
                live=False,
                title="Petit-déjeuner hebdomadaire",
                slug="petit-dejeuner-hebdo",
                start=start,
                end=start + datetime.timedelta(hours=2),
                venue_space=space,
                repeat_frequency="weekly",
                repeat_until=(start + datetime.timedelta(weeks=WEEKS - 1)).date(),
                repeat_exceptions=skipped.isoformat(),
            )
        )
        cancelled = publish(
            EventPageFactory(
                parent=agenda,
                live=False,
                title="Atelier annulé",
                slug="atelier-annule",
                venue_text="Mons, Belgique",
            )
        )
        online = publish(
            EventPageFactory(
                parent=agenda,
                live=False,
                title="Webinaire transfrontalier",
                slug="webinaire-transfrontalier",
                online_url=SECRET_LINK,
            )
        )
    return {"series": series, "skipped": skipped, "cancelled": cancelled, "online": online}


def read_calendar(client, url) -> Calendar:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def vevent(calendar, title):
    (found,) = [event for event in calendar.walk("VEVENT") if str(event["SUMMARY"]) == title]
    return found


def expand(event) -> list[datetime.datetime]:
    """The dates of a VEVENT as a calendar application computes them: DTSTART and RRULE
    expanded by dateutil, minus EXDATE."""
    start = event.decoded("DTSTART")
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
    exdates = event.get("EXDATE", [])
    exdates = exdates if isinstance(exdates, list) else [exdates]
    skipped = {moment.dt for exdate in exdates for moment in exdate.dts}
    return [moment for moment in rule if moment not in skipped]


# Recurring events -----------------------------------------------------------------------------


def test_series_ics_has_rrule_and_exdate_that_expand_across_daylight_saving(client, events):
    """The series is one VEVENT in Paris time (its space is in Lille): expanded back, every
    date is Tuesday 09:00 local time, before and after the clocks change, and the skipped day
    is missing."""
    series = events["series"]
    calendar = read_calendar(client, series.url + "ical/")
    event = vevent(calendar, series.title)

    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    assert event["RRULE"]["FREQ"] == ["WEEKLY"]
    assert {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")} >= {"Europe/Paris"}
    dates = expand(event)
    assert len(dates) == WEEKS - 1
    assert {moment.astimezone(PARIS).time() for moment in dates} == {datetime.time(9, 0)}
    assert {moment.astimezone(PARIS).weekday() for moment in dates} == {1}
    utc_hours = {moment.astimezone(datetime.UTC).hour for moment in dates}
    assert utc_hours == {7, 8}, "the series crosses a daylight-saving change"
    assert events["skipped"] not in {moment.date() for moment in dates}


def test_agenda_lists_each_date_of_a_series(client, site_tree, events):
    """The agenda shows the series once per date (in order), each card linking to its own
    date, and never on the skipped day."""
    series = events["series"]
    response = client.get(site_tree.url("agenda", "fr"))
    html = parse(response)
    links = [a["href"] for a in html.select(".card-list--events a.card__link")]
    dates = [link.split("occurrence=")[1] for link in links if link.startswith(series.url)]
    assert len(dates) >= 5
    assert dates == sorted(dates)
    assert not any(date.startswith(events["skipped"].isoformat()) for date in dates)
    assert all(date.endswith("T09%3A00") for date in dates)


def test_month_filter_keeps_the_dates_of_that_month(client, site_tree, events):
    """Filtering the agenda on a month a few weeks ahead lists exactly the series' dates in
    that month."""
    series = events["series"]
    month = series.upcoming_occurrences()[6].start.astimezone(PARIS).strftime("%Y-%m")
    html = parse(client.get(site_tree.url("agenda", "fr"), {"month": month}))
    links = [a["href"] for a in html.select(".card-list--events a.card__link")]
    shown = [unquote(link.split("occurrence=")[1]) for link in links if link.startswith(series.url)]
    expected = [
        date.key
        for date in series.upcoming_occurrences()
        if date.start.astimezone(PARIS).strftime("%Y-%m") == month
    ]
    assert shown == expected and 4 <= len(shown) <= 5


def test_event_page_shows_the_chosen_date_and_the_next_ones(client, events):
    """A card's link opens the page on that date; the page says how the series repeats and
    lists its next dates; a date that does not exist falls back to the next one."""
    series = events["series"]
    second = series.upcoming_occurrences(limit=2)[1]
    html = parse(client.get(series.url, {"occurrence": second.key}))
    when = html.select_one(".event-facts time")
    assert datetime.datetime.fromisoformat(when["datetime"]) == second.start
    assert "chaque semaine" in html.get_text() or "every week" in html.get_text()
    assert len(html.select(".event-dates li")) == 12

    response = client.get(series.url, {"occurrence": "2001-01-01T09:00"})
    assert response.status_code == 200
    when = parse(response).select_one(".event-facts time")
    assert datetime.datetime.fromisoformat(when["datetime"]) == series.next_occurrence.start


def test_api_gives_each_date_with_the_event(client, events):
    """The events API gives the series once, with its dates (upcoming, without the skipped
    day), its RFC 5545 rule and its time zone; from/to narrow the dates listed."""
    series = events["series"]
    data = get_json(client, "/api/v2/events/?locale=fr&limit=50")
    (item,) = [item for item in data["items"] if item["id"] == series.pk]
    starts = [datetime.datetime.fromisoformat(o["start"]) for o in item["occurrences"]]
    assert len(starts) == WEEKS - 1
    assert events["skipped"] not in {start.astimezone(PARIS).date() for start in starts}
    assert item["recurrence"]["rrule"].startswith("FREQ=WEEKLY;UNTIL=")
    assert item["recurrence"]["exceptions"] == [events["skipped"].isoformat()]
    assert item["recurrence"]["time_zone"] == "Europe/Paris"
    assert item["status"] == "scheduled"

    first = starts[0].astimezone(PARIS).date()
    last = first + datetime.timedelta(days=13)
    window = get_json(client, f"/api/v2/events/?locale=fr&from={first}&to={last}")
    (item,) = [item for item in window["items"] if item["id"] == series.pk]
    assert len(item["occurrences"]) == 2


def test_api_lists_a_series_only_in_a_window_that_has_one_of_its_dates(client, events):
    """Between two Tuesdays, and on the skipped Tuesday, the weekly breakfast has no date: it
    is not listed, nor counted (as the agenda shows it on no day of the window)."""
    series = events["series"]
    first = events["series"].start.astimezone(PARIS).date()

    def listed(start, end):
        data = get_json(client, f"/api/v2/events/?locale=fr&from={start}&to={end}&limit=50")
        ids = [item["id"] for item in data["items"]]
        assert data["meta"]["total_count"] == len(ids)
        return series.pk in ids

    wednesday, monday = first + datetime.timedelta(days=1), first + datetime.timedelta(days=6)
    assert not listed(wednesday, monday)
    assert not listed(events["skipped"], events["skipped"])
    assert listed(wednesday, monday + datetime.timedelta(days=1))


def test_series_json_ld_has_its_schedule(client, events):
    series = events["series"]
    data = event_json_ld(client, series.url)
    assert data["eventSchedule"]["repeatFrequency"] == "P1W"
    assert data["eventSchedule"]["exceptDate"] == [events["skipped"].isoformat()]
    assert data["eventSchedule"]["scheduleTimezone"] == "Europe/Paris"
    assert data["startDate"].endswith(("+01:00", "+02:00"))


def test_a_series_needs_a_last_day_and_readable_exceptions(site_tree):
    """The editor is told, field by field, what is wrong with a series."""
    event = EventPageFactory.build(
        repeat_frequency="weekly", repeat_until=None, repeat_exceptions="24/12/2026"
    )
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert set(error.value.message_dict) >= {"repeat_until", "repeat_exceptions"}

    event.repeat_until = event.start.date() + datetime.timedelta(days=365 * 20)
    event.repeat_frequency = "daily"
    event.repeat_exceptions = ""
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "repeat_until" in error.value.message_dict

    # Every date skipped: nothing would be left.
    first = event.start.astimezone(BRUSSELS).date()
    event.repeat_frequency = "weekly"
    event.repeat_until = first + datetime.timedelta(weeks=1)
    event.repeat_exceptions = f"{first}\n{first + datetime.timedelta(weeks=1)}"
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "repeat_exceptions" in error.value.message_dict


def test_a_registration_deadline_after_the_last_date_is_refused(site_tree):
    """Registrations close when an event starts: a later deadline would promise seats nobody
    can take. A series may close after its first date, not after its last day."""
    event = EventPageFactory.build(registration_enabled=True)
    event.registration_deadline = event.start + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert set(error.value.message_dict) == {"registration_deadline"}

    event.registration_deadline = event.start - datetime.timedelta(hours=1)
    event.clean()
    # A last day left over from a series no longer counts once the event does not repeat.
    event.repeat_until = event.start.date() - datetime.timedelta(days=10)
    event.clean()

    first = event.start.astimezone(BRUSSELS).date()
    event.repeat_frequency = "weekly"
    event.repeat_until = first + datetime.timedelta(weeks=3)
    event.registration_deadline = event.start + datetime.timedelta(weeks=1)
    event.clean()
    event.registration_deadline = event.start + datetime.timedelta(weeks=4)
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert set(error.value.message_dict) == {"registration_deadline"}


# Calendars to subscribe to ------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_agenda_and_space_pages_offer_webcal_subscriptions(client, site_tree, events, lang):
    """The agenda offers the network's calendar and the space page its own, as webcal://
    links that calendar applications subscribe to."""
    agenda = parse(client.get(site_tree.url("agenda", lang)))
    webcal = [a["href"] for a in agenda.select('a[href^="webcal://"]')]
    assert f"webcal://testserver{site_tree.url('agenda', lang)}ical/" in webcal

    space = parse(client.get(site_tree.url("space", lang)))
    (link,) = [a["href"] for a in space.select('a[href^="webcal://"]')]
    space_slug = site_tree.page("space", lang).slug
    assert link == f"webcal://testserver{site_tree.url('agenda', lang)}ical/{space_slug}/"


def test_subscribed_calendars_are_valid_and_refresh(client, site_tree, events):
    """Network and space calendars: a name, a refresh interval, a VTIMEZONE for every TZID,
    stable UIDs; the space's calendar holds only the events held there."""
    agenda = site_tree.url("agenda", "fr")
    network = read_calendar(client, agenda + "ical/")
    space = read_calendar(client, agenda + f"ical/{site_tree.page('space', 'fr').slug}/")
    for calendar in (network, space):
        assert str(calendar["VERSION"]) == "2.0"
        assert calendar["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
        assert "X-PUBLISHED-TTL" in calendar
        assert calendar["X-WR-CALNAME"]
        tzids = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
        used = {event["DTSTART"].params["TZID"] for event in calendar.walk("VEVENT")}
        assert used <= tzids
    network_titles = {str(event["SUMMARY"]) for event in network.walk("VEVENT")}
    space_titles = {str(event["SUMMARY"]) for event in space.walk("VEVENT")}
    assert events["online"].title in network_titles
    assert events["series"].title in space_titles
    assert events["online"].title not in space_titles
    again = read_calendar(client, agenda + "ical/")
    assert [str(e["UID"]) for e in again.walk("VEVENT")] == [
        str(e["UID"]) for e in network.walk("VEVENT")
    ]
    assert client.get(agenda + "ical/no-such-space/").status_code == 404


# Cancelled and moved events -----------------------------------------------------------------


def test_cancelled_event_is_said_cancelled_everywhere(client, events):
    """Once the organiser marks it cancelled: the page says so and offers no registration, the
    .ics says STATUS:CANCELLED with a higher SEQUENCE, JSON-LD says EventCancelled and the API
    says cancelled."""
    event = fresh(events["cancelled"])
    before = vevent(read_calendar(client, event.url + "ical/"), event.title)
    assert str(before["STATUS"]) == "CONFIRMED"

    event.status = "cancelled"
    publish(event)

    after = vevent(read_calendar(client, event.url + "ical/"), event.title)
    assert str(after["STATUS"]) == "CANCELLED"
    assert after.decoded("SEQUENCE") > before.decoded("SEQUENCE")
    assert str(after["UID"]) == str(before["UID"])
    html = parse(client.get(event.url))
    notice = html.select_one('[role="status"]').get_text()
    assert "annulé" in notice or "cancelled" in notice
    assert not html.select(".event-facts a.button[href='https://example.org/inscription']")
    assert event_json_ld(client, event.url)["eventStatus"] == "https://schema.org/EventCancelled"
    assert get_json(client, f"/api/v2/events/{event.pk}/")["status"] == "cancelled"


def test_moved_event_keeps_its_uid_and_says_where_it_went(client, events):
    """A moved event: same UID, higher SEQUENCE, the new date; JSON-LD says EventRescheduled
    with the previous start date."""
    event = fresh(events["online"])
    before = vevent(read_calendar(client, event.url + "ical/"), event.title)
    old_start = event.start
    event.start += datetime.timedelta(days=3)
    event.end += datetime.timedelta(days=3)
    event.status = "rescheduled"
    publish(event)

    after = vevent(read_calendar(client, event.url + "ical/"), event.title)
    assert str(after["UID"]) == str(before["UID"])
    assert after.decoded("SEQUENCE") > before.decoded("SEQUENCE")
    assert after.decoded("DTSTART") == event.start
    data = event_json_ld(client, event.url)
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert datetime.datetime.fromisoformat(data["previousStartDate"]) == old_start


# Online events: the joining link stays private ------------------------------------------------


def test_joining_link_appears_nowhere_public(client, site_tree, events):
    """The webinar's joining link is in none of: its page, the agenda, the home page, the API
    (listing and detail), the .ics files, the search results; JSON-LD says it is online and
    points at the page instead."""
    event = fresh(events["online"])
    answers = {
        "page": client.get(event.url),
        "agenda": client.get(site_tree.url("agenda", "fr")),
        "home": client.get(site_tree.url("home", "fr")),
        "api listing": client.get("/api/v2/events/", {"locale": "fr"}),
        "api detail": client.get(f"/api/v2/events/{event.pk}/"),
        "api pages": client.get(f"/api/v2/pages/{event.pk}/"),
        "api fields=*": client.get("/api/v2/events/", {"locale": "fr", "fields": "*"}),
        "event ics": client.get(event.url + "ical/"),
        "agenda ics": client.get(site_tree.url("agenda", "fr") + "ical/"),
        "search": client.get("/fr/search/", {"q": event.title}),
    }
    for name, response in answers.items():
        assert response.status_code == 200, name
        assert SECRET_TOKEN not in response.content.decode(), name
        assert "meet.example.org" not in response.content.decode(), name
    assert event.title in answers["search"].content.decode()
    # Searching for the link's words finds nothing (the page repeats the query, not a result).
    found = parse(client.get("/fr/search/", {"q": f"meet {SECRET_TOKEN}"}))
    assert event.title not in found.get_text()
    data = event_json_ld(client, event.url)
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": data["url"]}
    detail = get_json(client, f"/api/v2/events/{event.pk}/")
    assert detail["attendance_mode"] == "online"
    assert "online_url" not in json.dumps(detail)


def fresh(page):
    """The page as stored now (an earlier test's changes were rolled back)."""
    return type(page).objects.get(pk=page.pk)


def event_json_ld(client, url) -> dict:
    html = parse(client.get(url))
    for script in html.select('script[type="application/ld+json"]'):
        data = json.loads(script.string)
        if data.get("@type") == "Event":
            return data
    raise AssertionError("no schema.org Event")


# Editing a series in the admin ----------------------------------------------------------------


def event_form(**fields):
    start = next_tuesday_at_nine(BRUSSELS)
    return nested_form_data(
        {
            "title": "Petit-déjeuner du mardi",
            "slug": "petit-dejeuner-du-mardi",
            "start": start.strftime("%Y-%m-%d %H:%M"),
            "end": (start + datetime.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
            "summary": "Un café chaque mardi.",
            "body": streamfield([]),
            "event_language": "fr",
            "comments": inline_formset([]),
            "action-publish": "1",
            **fields,
        }
    )


def test_an_editor_writes_a_series_once_and_is_told_what_is_wrong(admin_client, site_tree):
    """The series is written once in the event's form: without a last day, or with a date
    that cannot be read, the form says so; corrected, the event repeats every week but the
    skipped day."""
    agenda = site_tree.page("agenda", "fr")
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", agenda.pk])
    start = next_tuesday_at_nine(BRUSSELS)
    skipped = (start + datetime.timedelta(weeks=1)).date().isoformat()

    refused = admin_client.post(
        url, event_form(repeat_frequency="weekly", repeat_exceptions="24/12")
    )
    assert refused.status_code == 200
    errors = parse(refused).select(".w-field__errors, .error-message")
    assert len(errors) >= 2
    assert not EventPage.objects.filter(slug="petit-dejeuner-du-mardi").exists()

    until = (start + datetime.timedelta(weeks=5)).date().isoformat()
    response = admin_client.post(
        url,
        event_form(repeat_frequency="weekly", repeat_until=until, repeat_exceptions=skipped),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = EventPage.objects.get(slug="petit-dejeuner-du-mardi")
    assert page.live and page.status == "scheduled" and page.repeat_interval == 1
    dates = [date.start.date().isoformat() for date in page.upcoming_occurrences()]
    assert len(dates) == 5 and skipped not in dates
