"""iCalendar (RFC 5545) files for one event or a whole agenda, built with the icalendar library."""

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

PRODUCT_ID = "-//COFFEE Hub//Agenda//EN"


def events_calendar(request, events, page) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"COFFEE Hub ({page.locale.language_code})")
    calendar.add("x-wr-timezone", "Europe/Brussels")
    host = request.get_host().split(":")[0]
    for event_page in events:
        event = Event()
        event.add("uid", f"{event_page.translation_key}-{event_page.locale.language_code}@{host}")
        event.add("summary", event_page.title)
        event.add("dtstart", timezone.localtime(event_page.start))
        event.add("dtend", timezone.localtime(event_page.end))
        event.add("dtstamp", event_page.last_published_at or timezone.now())
        description = event_page.summary
        if event_page.organiser:
            description += f"\n\n{event_page.organiser}"
        event.add("description", description)
        event.add("url", event_page.get_full_url(request))
        if event_page.venue_name:
            event.add("location", event_page.venue_name)
        calendar.add_component(event)
    calendar.add_missing_timezones()  # RFC 5545: a VTIMEZONE for every TZID used
    return calendar


def calendar_response(calendar: Calendar, filename: str) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
