"""`manage.py erase_person` removes a person from everything that remembers them."""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from wagtail.models import ModelLogEntry, Revision
from wagtail.search.models import IndexEntry
from wagtail_localize.models import String, StringTranslation, TranslationSource

from cms.directory.models import Company, ContactMessage, Coworker, ProjectIdea
from cms.subscribers.models import Subscriber

pytestmark = pytest.mark.django_db


def traces(person, ids=None):
    """Everything that still holds this person, by kind (``ids``: their rows before erasure)."""
    rows = Coworker.objects.filter(translation_key=person.translation_key)
    ids = ids or [str(pk) for pk in rows.values_list("pk", flat=True)]
    content_type = ContentType.objects.get_for_model(Coworker)
    return {
        "rows": rows.count(),
        "revisions": Revision.objects.filter(
            base_content_type=content_type, object_id__in=ids
        ).count(),
        "revisions mentioning": Revision.objects.filter(content__icontains=person.name).count(),
        "log": ModelLogEntry.objects.filter(label__icontains=person.name).count(),
        # By row id: PostgreSQL keeps the indexed title as a tsvector, not as the name.
        "index": IndexEntry.objects.filter(content_type=content_type, object_id__in=ids).count(),
        "strings": String.objects.filter(data__icontains=person.headline).count(),
        "translations": StringTranslation.objects.filter(data__icontains="Doornik").count(),
        "sources": TranslationSource.objects.filter(object_id=person.translation_key).count(),
        "messages": ContactMessage.objects.filter(coworker_id__in=ids).count(),
        "companies": Company.people.through.objects.filter(coworker_id__in=ids).count(),
        "projects": ProjectIdea.objects.filter(posted_by_coworker_id__in=ids).count(),
    }


def test_erase_removes_everything_and_reports_it(client, directory):
    camille = directory.people["camille"]
    ContactMessage.objects.create(coworker=camille, language="fr")
    ids = [
        str(pk)
        for pk in Coworker.objects.filter(translation_key=camille.translation_key).values_list(
            "pk", flat=True
        )
    ]
    before = traces(camille, ids)
    assert all(
        before[key]
        for key in (
            "rows",
            "revisions",
            "log",
            "index",
            "strings",
            "translations",
            "sources",
            "messages",
            "companies",
            "projects",
        )
    )
    output = io.StringIO()
    call_command("erase_person", str(camille.pk), stdout=output)
    after = traces(camille, ids)
    assert all(count == 0 for count in after.values()), after
    report = output.getvalue()
    assert "Camille Lambert" in report
    for line in (
        "records (fr): 1",
        "records (nl): 1",
        "records (en): 1",
        "revisions",
        "search index entries: 3",
        "contact-form traces: 1",
        "links from companies: 1",
        "project ideas they posted",
    ):
        assert line in report, line
    company = directory.companies["chiffres"]
    for revision in Revision.objects.filter(object_id=str(company.pk)):
        assert camille.pk not in revision.content.get("people", [])
    assert client.get(f"/fr/directory/companies/{company.slug}/").status_code == 200


def test_erase_by_translation_key_and_unknown_person(directory):
    pieter = directory.people["pieter"]
    call_command("erase_person", str(pieter.translation_key), stdout=io.StringIO())
    assert not Coworker.objects.filter(translation_key=pieter.translation_key).exists()
    with pytest.raises(CommandError):
        call_command("erase_person", "nobody-at-all", stdout=io.StringIO())


def test_dry_run_changes_nothing(directory):
    emma = directory.people["emma"]
    output = io.StringIO()
    call_command("erase_person", emma.slug, "--dry-run", stdout=output)
    assert "Would erase Emma Schmidt" in output.getvalue()
    assert Coworker.objects.filter(pk=emma.pk).exists()


def test_erasing_a_person_ends_their_newsletter_subscription(directory):
    camille = directory.people["camille"]
    Subscriber.objects.create(email=camille.email.upper(), language="fr", status="confirmed")
    Subscriber.objects.create(email="someone.else@example.org", language="fr", status="confirmed")
    out = io.StringIO()
    call_command("erase_person", camille.slug, stdout=out)
    assert "newsletter subscriptions: 1" in out.getvalue()
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["someone.else@example.org"]
