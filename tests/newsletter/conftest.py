"""The newsletter on the shared site tree: an archive and an issue in French, Dutch and English
(the issue translated with wagtail-localize, as editors do), and subscribers per test."""

import pytest
from django.core.management import call_command

from cms.demo.factories import publish
from cms.demo.newsletter import NewsletterIndexPageFactory, NewsletterIssuePageFactory
from cms.demo.translation import translate_page
from cms.newsletter.models import NewsletterIssuePage
from cms.subscribers.models import Subscriber
from tests.conftest import kept_for_module
from tests.mail import smtp_server  # noqa: F401 - a fixture for this package's tests

ISSUE_TITLES = {
    "fr": "Lettre de décembre",
    "nl": "Nieuwsbrief van december",
    "en": "December newsletter",
}
INDEX_TITLES = {"fr": "Lettre d'information", "nl": "Nieuwsbrief", "en": "Newsletter"}
INTRO = {
    "fr": "Ce mois-ci dans le réseau.",
    "nl": "Deze maand in het netwerk.",
    "en": "This month in the network.",
}
GLOSSARY = {
    ISSUE_TITLES["fr"]: ISSUE_TITLES,
    INDEX_TITLES["fr"]: INDEX_TITLES,
    INTRO["fr"]: INTRO,
    "lettre-de-decembre": {"nl": "nieuwsbrief-december", "en": "december-newsletter"},
    "newsletter": {"nl": "newsletter", "en": "newsletter"},
}


@pytest.fixture(scope="module")
def newsletter_tree(site_tree, django_db_blocker):
    """site_tree plus the archive and one published (not yet sent) issue in each language."""
    with kept_for_module(django_db_blocker):
        home = site_tree.page("home", "fr")
        index = publish(NewsletterIndexPageFactory(parent=home, live=False))
        for page in translate_page(index, ["nl", "en"], translations=GLOSSARY).values():
            site_tree.add("newsletter", page)
        site_tree.add("newsletter", index)
        issue = publish(
            NewsletterIssuePageFactory(
                parent=index,
                live=False,
                title=ISSUE_TITLES["fr"],
                slug="lettre-de-decembre",
                intro=INTRO["fr"],
            )
        )
        site_tree.add("issue", issue)
        for page in translate_page(issue, ["nl", "en"], translations=GLOSSARY).values():
            site_tree.add("issue", page)
        yield site_tree


def issue(tree, lang) -> NewsletterIssuePage:
    return tree.page("issue", lang)


def subscriber(email, language, status=Subscriber.Status.CONFIRMED, interests=()):
    person = Subscriber.objects.create(email=email, language=language, status=status)
    person.interests.set(interests)
    return person


@pytest.fixture
def run_worker(monkeypatch):
    """``manage.py db_worker`` on the newsletter queue, in this test's transaction: every
    queued batch (and the batches they queue) until none is left, or ``max_tasks``."""
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run(max_tasks=None):
        options = ["--max-tasks", str(max_tasks)] if max_tasks else ["--batch"]
        call_command(
            "db_worker",
            *options,
            "--backend=newsletter",
            "--queue-name=newsletter",
            "--no-startup-delay",
            "--no-reload",
            verbosity=0,
        )

    return run
