"""Factories of the newsletter's pages, for the tests and the demo content."""

import factory
from django.utils import timezone

from cms.demo.factories import BasePageFactory, get_home_page, paragraphs

from .models import NewsletterIndexPage, NewsletterIssuePage


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
    body = factory.LazyFunction(issue_body)
