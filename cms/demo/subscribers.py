"""Demo newsletter interests and subscribers. Idempotent: what exists (same slug, same
address) is left as it is; missing translations are added.

Interests: one per demo space (named and linked like its page in each language), trainings
and cross-border projects. Subscribers: confirmed readers of each edition (addresses at
example.org, which receive nothing), so that a newcomer can send an issue right away.
"""

from django.db import transaction
from django.utils import timezone, translation
from wagtail.models import Locale

from cms.spaces.models import SpacePage
from cms.subscribers.forms import CONSENT_TEXT
from cms.subscribers.models import Interest, Subscriber

from .translation import translate_record

LANGUAGES = ("fr", "nl", "en")
TOPICS = [
    ("trainings", {"fr": "Formations", "nl": "Opleidingen", "en": "Trainings"}),
    (
        "cross-border-projects",
        {
            "fr": "Projets transfrontaliers",
            "nl": "Grensoverschrijdende projecten",
            "en": "Cross-border projects",
        },
    ),
]
#: (address, edition language, interests by slug: none means everything)
SUBSCRIBERS = [
    ("camille.lecteur@example.org", "fr", []),
    ("julien.formation@example.org", "fr", ["trainings"]),
    ("sanne.lezer@example.org", "nl", []),
    ("pieter.grens@example.org", "nl", ["cross-border-projects"]),
    ("emma.reader@example.org", "en", []),
]


def _interest(slug, names, locales, space=None) -> tuple[Interest, int]:
    """The interest ``slug`` in French and its translations; how many rows were created."""
    created = 0
    source = Interest.objects.filter(slug=slug, locale=locales["fr"]).first()
    if source is None:
        source = Interest.objects.create(
            slug=slug, name=names["fr"], locale=locales["fr"], space=space
        )
        created += 1
    for language in LANGUAGES[1:]:
        if translate_record(source, language, {"name": names[language]}) is not None:
            created += 1
        translated = source.get_translation(locales[language])
        local_space = space.get_translation_or_none(locales[language]) if space else None
        if translated.space_id != getattr(local_space, "pk", None):
            translated.space = local_space
            translated.save(update_fields=["space"])
    return source, created


@transaction.atomic
def load_subscribers_demo() -> dict[str, int]:
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    counts = {"interests": 0, "subscribers": 0}
    sources = {}
    spaces = SpacePage.objects.filter(locale=locales["fr"]).order_by("title")
    for space in spaces:
        names = {"fr": space.title}
        for language in LANGUAGES[1:]:
            translated = space.get_translation_or_none(locales[language])
            names[language] = translated.title if translated else space.title
        sources[space.slug], created = _interest(space.slug, names, locales, space)
        counts["interests"] += created
    for slug, names in TOPICS:
        sources[slug], created = _interest(slug, names, locales)
        counts["interests"] += created
    now = timezone.now()
    for email, language, slugs in SUBSCRIBERS:
        if Subscriber.objects.with_email(email).exists():
            continue
        with translation.override(language):
            consent = str(CONSENT_TEXT)
        subscriber = Subscriber.objects.create(
            email=email,
            language=language,
            status=Subscriber.Status.CONFIRMED,
            consent_text=consent,
            consented_at=now,
            confirmed_at=now,
        )
        subscriber.interests.set(sources[slug].get_translation(locales[language]) for slug in slugs)
        counts["subscribers"] += 1
    return counts
