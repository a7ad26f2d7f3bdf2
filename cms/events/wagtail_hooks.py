from wagtail import hooks

from cms.spaces.models import SPACE_PAGE_CONTEXT_HOOK

from .models import EventIndexPage, EventPage

SPACE_EVENTS_LIMIT = 10


@hooks.register(SPACE_PAGE_CONTEXT_HOOK)
def upcoming_events_at(space) -> dict:
    """The next dates of events held in a space, and the address of the space's calendar to
    subscribe to, for the space's page."""
    events = EventPage.upcoming_in_locale(space.locale_id).filter(
        venue_space__translation_key=space.translation_key
    )
    agenda = EventIndexPage.objects.live().public().filter(locale=space.locale_id).first()
    return {
        "upcoming_events": EventPage.next_occurrences(events, SPACE_EVENTS_LIMIT),
        "space_calendar_url": (
            agenda.url + agenda.reverse_subpage("space_ical", args=[space.slug])
            if agenda is not None and agenda.url
            else ""
        ),
    }
