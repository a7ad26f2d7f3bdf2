"""An agenda with events taking registrations, in French, translated into Dutch and English."""

import datetime
import itertools

from django.utils import timezone

from cms.demo.factories import EventIndexPageFactory, EventPageFactory, get_home_page, publish
from cms.demo.translation import translate_page
from tests.mail import smtp_server  # noqa: F401 (a pytest fixture)

TITLES = {
    "Atelier vélo": {"nl": "Fietsworkshop", "en": "Bike workshop"},
    "Agenda": {"nl": "Agenda", "en": "Events"},
}
_numbers = itertools.count(1)


def make_event(capacity=2, *, languages=("nl", "en"), days=10, **fields) -> dict:
    """An event in French (and its translations), registration on: {lang: page}."""
    home = get_home_page("fr")
    agenda = home.get_children().type(EventIndexPageFactory._meta.model).first()
    if agenda is None:
        agenda = publish(EventIndexPageFactory(parent=home, live=False, title="Agenda"))
        translate_page(home, ["nl", "en"], translations=TITLES)
        translate_page(agenda, ["nl", "en"], translations=TITLES)
    start = (timezone.now() + datetime.timedelta(days=days)).replace(second=0, microsecond=0)
    fields.setdefault("registration_enabled", True)
    page = publish(
        EventPageFactory(
            parent=agenda.specific,
            live=False,
            title="Atelier vélo",
            slug=f"atelier-velo-{next(_numbers)}",
            start=start,
            end=start + datetime.timedelta(hours=2),
            venue_text="Tournai",
            capacity=capacity,
            **fields,
        )
    )
    pages = {"fr": page}
    if languages:
        pages.update(translate_page(page, list(languages), translations=TITLES))
    return {lang: p.specific for lang, p in pages.items()}
