"""Interests in three languages and subscribers in every state, for the newsletter tests."""

from dataclasses import dataclass

import pytest
from django.utils import timezone
from wagtail.models import Locale

from cms.demo.translation import translate_record
from cms.subscribers.models import Interest, Subscriber
from tests.mail import smtp_server  # noqa: F401 (a pytest fixture)

INTERESTS = {
    "trainings": {"fr": "Formations", "nl": "Opleidingen", "en": "Trainings"},
    "cross-border": {
        "fr": "Projets transfrontaliers",
        "nl": "Grensoverschrijdende projecten",
        "en": "Cross-border projects",
    },
}


@dataclass
class Interests:
    rows: dict  # slug -> {language: Interest}

    def __getitem__(self, slug):
        return self.rows[slug]


@pytest.fixture
def interests(db) -> Interests:
    rows = {}
    fr = Locale.objects.get(language_code="fr")
    for slug, names in INTERESTS.items():
        source = Interest.objects.create(name=names["fr"], slug=slug, locale=fr)
        rows[slug] = {"fr": source}
        for language in ("nl", "en"):
            rows[slug][language] = translate_record(source, language, {"name": names[language]})
    return Interests(rows)


@pytest.fixture
def make_subscriber(db):
    def make(email, language="fr", status=Subscriber.Status.CONFIRMED, interests=()):
        now = timezone.now()
        subscriber = Subscriber.objects.create(
            email=email,
            language=language,
            status=status,
            consent_text="Je souhaite recevoir la lettre.",
            consented_at=now,
            confirmed_at=now if status == Subscriber.Status.CONFIRMED else None,
        )
        subscriber.interests.set(interests)
        return subscriber

    return make
