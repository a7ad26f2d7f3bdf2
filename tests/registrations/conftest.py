"""An agenda with events taking registrations, in French, translated into Dutch and English."""

import datetime
import itertools

import pytest
from django.utils import timezone

from cms.demo.factories import EventIndexPageFactory, EventPageFactory, get_home_page, publish
from cms.demo.translation import translate_page
from tests.conftest import kept_for_module
from tests.mail import smtp_server  # noqa: F401 (a pytest fixture)

TITLES = {
    "Atelier vélo": {"nl": "Fietsworkshop", "en": "Bike workshop"},
    "Agenda": {"nl": "Agenda", "en": "Events"},
}
_numbers = itertools.count(1)


def find_or_make_agenda():
    """The French agenda under the home page, both translated into Dutch and English."""
    home = get_home_page("fr")
    agenda = home.get_children().type(EventIndexPageFactory._meta.model).first()
    if agenda is None:
        agenda = publish(EventIndexPageFactory(parent=home, live=False, title="Agenda"))
        translate_page(home, ["nl", "en"], translations=TITLES)
        translate_page(agenda, ["nl", "en"], translations=TITLES)
    return agenda


@pytest.fixture(scope="module", autouse=True)
def module_agenda(request, django_db_setup, django_db_blocker):
    """The agenda, made once for a module's tests (each adds its own events), rolled back after
    it; a module whose tests commit (django_db(transaction=True)) makes it in each test."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None or marker.kwargs.get("transaction"):
        yield
        return
    with kept_for_module(django_db_blocker):
        find_or_make_agenda()
        yield


def make_event(capacity=2, *, languages=("nl", "en"), days=10, **fields) -> dict:
    """An event in French (and its translations), registration on: {lang: page}."""
    agenda = find_or_make_agenda()
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
