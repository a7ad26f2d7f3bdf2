"""The directory scenario, built once per test module (and rolled back after it).

Four public people write in three languages, all accountants but one: Camille (French,
translated into Dutch and English with wagtail-localize), Pieter (Dutch, not translated),
Emma (English, not translated) and Julien (French web developer). Five more accountants are
hidden, each in one way a record can be (draft, unpublished, no consent, consent withdrawn,
expired); their names carry HIDDEN_WORD so that any leak is easy to spot.
"""

import datetime
from dataclasses import dataclass, field

import pytest
from django.utils import timezone

from cms.demo.directory.taxonomy import ensure_taxonomy, terms_by_key
from cms.demo.factories import (
    CompanyFactory,
    CoworkerFactory,
    ProjectIdeaFactory,
    SpaceIndexPageFactory,
    SpacePageFactory,
    get_home_page,
    publish,
)
from cms.demo.translation import translate_page, translate_record
from cms.directory.models import Sector, Skill
from tests.conftest import LANGUAGES, kept_for_module
from tests.mail import smtp_server  # noqa: F401 - a fixture for this package's tests

HIDDEN_WORD = "Zwartemarkt"
HIDDEN_KINDS = ["draft", "unpublished", "unconsented", "withdrawn", "expired"]
PUBLIC_PEOPLE = ["camille", "pieter", "emma", "julien"]
ACCOUNTANTS = ["camille", "pieter", "emma"]
CONSENT = datetime.datetime(2026, 1, 5, 9, 0, tzinfo=datetime.UTC)
ACCOUNTING = {"fr": "comptabilite", "nl": "boekhouding", "en": "accounting"}
ACCOUNTING_LABEL = {"fr": "Comptabilité", "nl": "Boekhouding", "en": "Accounting"}


@dataclass
class Directory:
    skills: dict = field(default_factory=dict)
    sectors: dict = field(default_factory=dict)
    spaces: dict = field(default_factory=dict)
    people: dict = field(default_factory=dict)  # role -> source row
    hidden: dict = field(default_factory=dict)  # kind -> source row
    companies: dict = field(default_factory=dict)
    projects: dict = field(default_factory=dict)

    def person(self, role):
        return self.people.get(role) or self.hidden[role]


def make_person(
    directory, *, name, skills, state="public", translations=None, home=None, visited=(), **fields
):
    """A coworker, published (then hidden in the way ``state`` says), with its translations:
    ``translations={"nl": {"headline": ..., "bio": ...}}``."""
    fields.setdefault("headline", f"{name}, {skills[0]}")
    fields.setdefault("email", f"{name.split()[0].lower()}@example.org")
    person = CoworkerFactory(
        name=name,
        consent_given_at=None if state == "unconsented" else CONSENT,
        skills=[directory.skills[key] for key in skills],
        home_space=directory.spaces.get(home),
        spaces_visited=[directory.spaces[name] for name in visited],
        published=state != "draft",
        **fields,
    )
    if state == "draft":
        return person
    for code, texts in (translations or {}).items():
        translate_record(person, code, texts)
    if state == "unpublished":
        person.unpublish()
    elif state == "withdrawn":
        person.consent_withdrawn_at = CONSENT + datetime.timedelta(days=10)
        person.save()
    elif state == "expired":
        person.expire_at = timezone.now() - datetime.timedelta(days=1)
        person.save()
    person.refresh_from_db()
    return person


def build_spaces(directory):
    home = get_home_page()
    index = publish(SpaceIndexPageFactory(parent=home, title="Espaces", intro=""))
    for title, city, country in (("ESCO", "Tournai", "BE"), ("Mutualab", "Lille", "FR")):
        directory.spaces[title] = publish(
            SpacePageFactory(
                parent=index, title=title, intro=f"{title} à {city}", city=city, country=country
            )
        )
    for page in (home, index, *directory.spaces.values()):
        translate_page(page, ["nl", "en"], translations={})


def build_directory() -> Directory:
    directory = Directory()
    ensure_taxonomy()
    directory.skills = terms_by_key(Skill)
    directory.sectors = terms_by_key(Sector)
    build_spaces(directory)
    people = directory.people
    people["camille"] = make_person(
        directory,
        name="Camille Lambert",
        language="fr",
        skills=["comptabilite", "financement"],
        headline="Comptable indépendante à Tournai",
        bio="J'aide les indépendants des deux côtés de la frontière.",
        home="ESCO",
        city="Tournai",
        country="BE",
        languages=["fr", "nl"],
        open_to=["freelance", "cross-border"],
        translations={
            "nl": {
                "headline": "Zelfstandige boekhouder in Doornik",
                "bio": "Ik help zelfstandigen aan beide kanten van de grens.",
            },
            "en": {
                "headline": "Freelance accountant in Tournai",
                "bio": "I help freelancers on both sides of the border.",
            },
        },
    )
    people["pieter"] = make_person(
        directory,
        name="Pieter Vandenberghe",
        language="nl",
        skills=["comptabilite"],
        headline="Boekhouder voor grensarbeiders",
        bio="Twintig jaar ervaring in fiscaliteit.",
        home="ESCO",
        city="Kortrijk",
        country="BE",
        languages=["nl", "fr", "en"],
        open_to=["freelance"],
    )
    people["emma"] = make_person(
        directory,
        name="Emma Schmidt",
        language="en",
        skills=["comptabilite", "strategie"],
        headline="Chartered accountant for international start-ups",
        bio="Moved from Hamburg to Lille.",
        home="Mutualab",
        city="Lille",
        country="FR",
        languages=["en", "de"],
        open_to=["collaboration"],
        email="emma.schmidt@example.org",
        show_email=True,
    )
    people["julien"] = make_person(
        directory,
        name="Julien Dubois",
        language="fr",
        skills=["developpement-web"],
        headline="Développeur web Django",
        bio="Des sites multilingues pour les associations.",
        home="Mutualab",
        visited=["ESCO"],
        city="Lille",
        country="FR",
        languages=["fr"],
        open_to=["freelance", "internships"],
    )
    for kind in HIDDEN_KINDS:
        directory.hidden[kind] = make_person(
            directory,
            name=f"{HIDDEN_WORD} {kind.capitalize()}",
            language="fr",
            skills=["comptabilite"],
            headline=f"Comptable {HIDDEN_WORD}",
            state=kind,
            home="ESCO",
            city="Tournai",
            country="BE",
            languages=["fr", "de"],
            open_to=["mentoring"],
            email=f"{kind}.{HIDDEN_WORD.lower()}@example.org",
        )
    directory.companies["chiffres"] = CompanyFactory(
        name="Chiffres Lambert",
        description="Cabinet comptable à Tournai.",
        kind="sme",
        city="Tournai",
        country="BE",
        skills=[directory.skills["comptabilite"]],
        spaces=[directory.spaces["ESCO"]],
        people=[people["camille"], directory.hidden["draft"]],
    )
    for role, poster in (("guide", people["camille"]), ("hidden", directory.hidden["unconsented"])):
        directory.projects[role] = ProjectIdeaFactory(
            title=f"Guide bilingue {role}" if role == "guide" else f"Projet {HIDDEN_WORD}",
            description="Un guide pour créer son entreprise de l'autre côté de la frontière.",
            posted_by_coworker=poster,
            skills=[directory.skills["traduction"]],
        )
    return directory


@pytest.fixture(scope="module")
def directory(django_db_setup, django_db_blocker) -> Directory:
    with kept_for_module(django_db_blocker):
        yield build_directory()


@pytest.fixture
def url():
    def make(lang, path=""):
        return f"/{lang}/directory/{path}"

    return make


__all__ = ["ACCOUNTANTS", "HIDDEN_KINDS", "HIDDEN_WORD", "LANGUAGES", "PUBLIC_PEOPLE"]
