"""iCalendar (RFC 5545) files for one event or a calendar to subscribe to, built with the
icalendar library: a series is one VEVENT with RRULE and EXDATE in its own time zone
(Europe/Brussels, or Europe/Paris for Lille), a cancelled event says STATUS:CANCELLED, and
SEQUENCE grows with every change of date, place or status so calendars update their copy."""

import datetime
from urllib.parse import urlsplit

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event, vDuration

from cms.core.base_url import base_url

PRODUCT_ID = "-//COFFEE Hub//Agenda//EN"

#: How often subscribed calendars should fetch the feed again (RFC 7986 REFRESH-INTERVAL and
#: Outlook's X-PUBLISHED-TTL).
REFRESH_INTERVAL = datetime.timedelta(hours=6)

ICAL_STATUS = {"scheduled": "CONFIRMED", "rescheduled": "CONFIRMED", "cancelled": "CANCELLED"}


def uid_host(request) -> str:
    """The host part of UIDs: the canonical site's when configured, so UIDs never change."""
    return urlsplit(base_url(request)).hostname or "coffee-hub"


def event_component(request, event_page, host: str, occurrence=None) -> Event:
    """The VEVENT of an event: a series with its rule, or only ``occurrence`` (the start of
    one date, as a registrant's calendar holds it) under a UID of its own."""
    schedule = event_page.schedule
    zone = schedule.zone
    event = Event()
    uid = f"{event_page.translation_key}-{event_page.locale.language_code}"
    if occurrence is not None and event_page.repeats:
        uid += occurrence.astimezone(datetime.UTC).strftime("-%Y%m%dT%H%M%SZ")
    event.add("uid", f"{uid}@{host}")
    # RFC 5545's LANGUAGE: a calendar in Dutch may list an event only published in French.
    language = {"LANGUAGE": event_page.locale.language_code}
    event.add("summary", event_page.title, parameters=language)
    start = occurrence if occurrence is not None else event_page.start
    event.add("dtstart", start.astimezone(zone))
    event.add("dtend", (start + schedule.duration).astimezone(zone))
    event.add("dtstamp", event_page.last_published_at or timezone.now())
    if event_page.last_published_at:
        event.add("last-modified", event_page.last_published_at)
    event.add("sequence", event_page.sequence)
    event.add("status", ICAL_STATUS.get(event_page.status, "CONFIRMED"))
    rule = schedule.ical_rrule() if occurrence is None else None
    if rule is not None:
        event.add("rrule", rule)
        exceptions = schedule.exception_datetimes()
        if exceptions:
            event.add("exdate", exceptions)
    description = event_page.summary
    if event_page.organiser:
        description += f"\n\n{event_page.organiser}"
    event.add("description", description, parameters=language)
    event.add("url", event_page.get_full_url(request))
    if event_page.venue_name:
        event.add("location", event_page.venue_name)
    return event


def events_calendar(request, events, page, name: str = "", occurrence=None) -> Calendar:
    """A calendar of these events (``occurrence``: only that date of each, for a
    registrant)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    title = name or f"COFFEE Hub ({page.locale.language_code})"
    calendar.add("name", title)
    calendar.add("x-wr-calname", title)
    calendar.add("x-wr-timezone", "Europe/Brussels")
    calendar.add("refresh-interval", vDuration(REFRESH_INTERVAL), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    host = uid_host(request)
    for event_page in events:
        calendar.add_component(event_component(request, event_page, host, occurrence))
    calendar.add_missing_timezones()  # RFC 5545: a VTIMEZONE for every TZID used
    return calendar


def calendar_response(calendar: Calendar, filename: str) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
