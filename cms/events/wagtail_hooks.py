from wagtail import hooks

from cms.core.kept import kept
from cms.core.visibility import visible_pages
from cms.spaces.models import SPACE_PAGE_CONTEXT_HOOK

from .models import EventIndexPage, EventPage

SPACE_EVENTS_LIMIT = 10


@hooks.register(SPACE_PAGE_CONTEXT_HOOK)
def upcoming_events_at(space) -> dict:
    """The next dates of events held in a space, and the address of the space's calendar to
    subscribe to, for the space's page."""
    events = list(
        EventPage.upcoming_in_language(space.locale.language_code).filter(
            venue_space__translation_key=space.translation_key
        )
    )
    for event in events:  # held here: the venue is this very page, no need to look it up
        if event.locale_id == space.locale_id:  # (an event in another language: its own)
            event.__dict__["space"] = space
    agenda = kept(None, f"agenda:{space.locale_id}", lambda: agenda_of(space.locale_id))
    return {
        "upcoming_events": EventPage.next_occurrences(events, SPACE_EVENTS_LIMIT),
        "space_calendar_url": (
            agenda.url + agenda.reverse_subpage("space_ical", args=[space.slug])
            if agenda is not None and agenda.url
            else ""
        ),
    }


def agenda_of(locale_id):
    """The first visible agenda of a language."""
    return visible_pages(EventIndexPage.objects.filter(locale=locale_id)).order_by("path").first()
