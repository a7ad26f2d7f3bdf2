from wagtail import hooks

from cms.spaces.models import SPACE_PAGE_CONTEXT_HOOK

from .models import EventPage

SPACE_EVENTS_LIMIT = 10


@hooks.register(SPACE_PAGE_CONTEXT_HOOK)
def upcoming_events_at(space) -> dict:
    """The next events held in a space, for the space's page."""
    events = EventPage.upcoming_in_locale(space.locale).filter(
        venue_space__translation_key=space.translation_key
    )
    return {"upcoming_events": EventPage.with_spaces(events[:SPACE_EVENTS_LIMIT])}
