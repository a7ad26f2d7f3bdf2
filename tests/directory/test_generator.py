"""`manage.py generate_directory` builds the same directory for the same seed."""

import io

import pytest
from django.core.management import call_command
from wagtail.search.models import IndexEntry

from cms.directory.models import Company, Coworker, ProjectIdea
from cms.directory.search import DirectoryQuery, search

pytestmark = pytest.mark.django_db


def snapshot():
    def rows(model, *fields):
        return list(
            model.objects.order_by("pk").values_list(
                *fields, "slug", "locale__language_code", "shown_in", "live"
            )
        )

    return {
        "coworkers": rows(
            Coworker,
            "name",
            "headline",
            "bio",
            "city",
            "languages",
            "open_to",
            "consent_given_at",
            "translation_key",
        ),
        "skills": sorted(
            Coworker.skills.through.objects.values_list("coworker__slug", "skill__slug")
        ),
        "companies": rows(Company, "name", "description", "kind", "size"),
        "people": sorted(
            Company.people.through.objects.values_list("company__slug", "coworker__slug")
        ),
        "projects": rows(ProjectIdea, "title", "description", "status", "deadline"),
    }


def generate(seed, coworkers=40):
    call_command(
        "generate_directory",
        "--coworkers",
        str(coworkers),
        "--companies",
        "6",
        "--seed",
        str(seed),
        "--no-progress",
        "--batch-size",
        "15",
        stdout=io.StringIO(),
    )


def wipe():
    for model in (ProjectIdea, Company, Coworker):
        model.objects.all().delete()


def test_same_seed_same_directory(db):
    generate(seed=42)
    first = snapshot()
    assert len(first["coworkers"]) >= 40 and first["companies"] and first["projects"]
    wipe()
    generate(seed=42)
    assert snapshot() == first
    wipe()
    generate(seed=43)
    assert snapshot()["coworkers"] != first["coworkers"]


def test_generated_records_are_indexed_listed_and_consistent(db):
    generate(seed=7, coworkers=60)
    assert IndexEntry.objects.filter(content_type__model="coworker").count() == (
        Coworker.objects.count()
    )
    for lang in ("fr", "nl", "en"):
        stored = set(Coworker.objects.in_locale(lang).values_list("pk", flat=True))
        computed = set(Coworker.objects.in_locale_computed(lang).values_list("pk", flat=True))
        assert stored == computed
        assert search(DirectoryQuery(locale=lang)).total == len(stored)
    hidden = Coworker.objects.exclude(pk__in=Coworker.objects.public().values("pk"))
    assert hidden.exists()  # drafts and missing consents are generated too…
    visible = {hit.pk for hit in search(DirectoryQuery(locale="fr", page_size=100)).hits}
    assert not visible & set(hidden.values_list("pk", flat=True))  # …and never shown
    assert (
        search(DirectoryQuery(text="boekhouder", locale="en")).total
        == search(DirectoryQuery(text="comptable", locale="fr")).total
    )


def test_refresh_directory_recomputes_the_languages_each_row_stands_for(db):
    generate(seed=3, coworkers=30)
    expected = {
        lang: set(Coworker.objects.in_locale(lang).values_list("pk", flat=True))
        for lang in ("fr", "nl", "en")
    }
    Coworker.objects.update(shown_in=[])
    assert not Coworker.objects.in_locale("fr").exists()
    output = io.StringIO()
    call_command("refresh_directory", stdout=output)
    assert "row(s) updated" in output.getvalue()
    for lang, pks in expected.items():
        assert set(Coworker.objects.in_locale(lang).values_list("pk", flat=True)) == pks
