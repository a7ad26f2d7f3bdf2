"""The newsletter's demo content and factories: the archive in fr/nl/en, one issue sent in each
language (in the archive) and one composed, approved and translated, ready to send."""

from __future__ import annotations

import datetime
import json

import factory
from django.utils import timezone

from cms.newsletter.models import Dispatch, NewsletterIndexPage, NewsletterIssuePage

from .content import T
from .factories import BasePageFactory, get_home_page, paragraphs


def issue_body(text: str = "Les nouvelles du réseau.", *, days: int = 60) -> list:
    """StreamField data: a text, then the latest articles, the next events and the studies."""
    automatic = {"heading": "", "selection": "automatic", "days": days, "limit": 3, "pages": []}
    return [
        {"type": "text", "value": paragraphs(text)},
        {"type": "articles", "value": dict(automatic)},
        {"type": "events", "value": dict(automatic)},
        {"type": "studies", "value": dict(automatic)},
    ]


class NewsletterIndexPageFactory(BasePageFactory):
    class Meta:
        model = NewsletterIndexPage

    parent = factory.LazyFunction(get_home_page)
    title = "Lettre d'information"
    slug = "newsletter"
    intro = paragraphs("Les numéros de la lettre d'information du réseau COFFEE.")


class NewsletterIssuePageFactory(BasePageFactory):
    class Meta:
        model = NewsletterIssuePage

    title = factory.Sequence(lambda n: f"Lettre n° {n}")
    date = factory.LazyFunction(timezone.localdate)
    intro = "Ce mois-ci dans le réseau."
    body = factory.LazyFunction(lambda: json.dumps(issue_body()))


NEWSLETTER_INDEX = {
    "key": "newsletter",
    "title": T("Lettre d'information", "Nieuwsbrief", "Newsletter"),
    # /fr/newsletter/, /nl/newsletter/, /en/newsletter/: the subscription pages live below.
    "slug": T("newsletter", "newsletter", "newsletter"),
    "intro": T(
        "Chaque mois, les nouvelles des espaces, les prochains événements et les études du "
        "réseau COFFEE.",
        "Elke maand het nieuws uit de ruimtes, de volgende evenementen en de studies van het "
        "COFFEE-netwerk.",
        "Every month, news from the spaces, the next events and the studies of the COFFEE network.",
    ),
}

SENT_ISSUE = {
    "slug": "lettre-du-mois-dernier",
    "days_ago": 7,
    "title": T(
        "Le réseau se retrouve à Lille",
        "Het netwerk komt samen in Rijsel",
        "The network meets in Lille",
    ),
    "intro": T(
        "Des nouvelles des espaces, trois rendez-vous à ne pas manquer et une étude toute neuve.",
        "Nieuws uit de ruimtes, drie afspraken om niet te missen en een gloednieuwe studie.",
        "News from the spaces, three dates not to miss and a brand-new study.",
    ),
    "text": T(
        "Bonjour à toutes et à tous ! Ce mois-ci, les coworkers des deux côtés de la frontière "
        "se sont retrouvés pour partager leurs projets.",
        "Hallo allemaal! Deze maand kwamen coworkers van beide kanten van de grens samen om hun "
        "projecten te delen.",
        "Hello everyone! This month, coworkers from both sides of the border met to share "
        "their projects.",
    ),
}

READY_ISSUE = {
    "slug": "lettre-a-envoyer",  # published, translated, not sent yet
    "title": T("Les nouvelles de ce mois", "Het nieuws van deze maand", "This month's news"),
    "intro": T(
        "Un numéro prêt à relire, tester et envoyer aux abonnés.",
        "Een nummer, klaar om na te lezen, te testen en naar de abonnees te versturen.",
        "An issue ready to review, test and send to the subscribers.",
    ),
    "text": T(
        "Écrivez ici le mot d'accueil de ce numéro.",
        "Schrijf hier het welkomstwoord van dit nummer.",
        "Write this issue's welcome note here.",
    ),
}


def issue_fields(spec, *, today: datetime.date) -> dict:
    return {
        "title": spec["title"].fr,
        "intro": spec["intro"].fr,
        "date": today - datetime.timedelta(days=spec.get("days_ago", 0)),
        "body": json.dumps(issue_body(spec["text"].fr)),
    }


def mark_sent(issue: NewsletterIssuePage, user=None) -> int:
    """Record ``issue`` and its translations as sent on its date (the demo sends no e-mail)."""
    created = 0
    for page in issue.get_translations(inclusive=True).live().specific():
        started = timezone.make_aware(datetime.datetime.combine(page.date, datetime.time(9)))
        _dispatch, was_created = Dispatch.objects.get_or_create(
            issue=page,
            defaults={
                "status": Dispatch.Status.DONE,
                "started_by": user,
                "started_at": started,
                "finished_at": started,
            },
        )
        created += was_created
    return created
