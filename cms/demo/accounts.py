"""Demo accounts: one editor per organisation of the network and one coordinator, so that
anyone can try the review workflow. Passwords from DEMO_EDITOR_PASSWORD (default
``coffee-editor``). Idempotent: existing accounts are kept as they are."""

import os
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from cms.blog.models import BlogPage
from cms.editorial import roles
from cms.events.models import EventPage
from cms.spaces.models import SpacePage
from cms.studies.models import StudyPage

from .content import LANGUAGES, SPACES

DEFAULT_EDITOR_PASSWORD = "coffee-editor"  # noqa: S105 - demo accounts, overridable by env

#: space key -> (username, first name, last name, admin language)
EDITORS = {
    "esco": ("editor-esco", "Sophie", "Lambert", "fr"),
    "switch": ("editor-switch", "Nicolas", "Renard", "fr"),
    "cowork-factory": ("editor-cowork-factory", "Élise", "Dupuis", "fr"),
    "co-nnexion": ("editor-co-nnexion", "Lotte", "Peeters", "nl"),
    "mutualab": ("editor-mutualab", "Camille", "Leroy", "fr"),
    "technocite": ("editor-technocite", "Julie", "Marchal", "fr"),
    "pop": ("editor-pop", "Thomas", "Duhamel", "fr"),
}
COORDINATOR = ("coordinator", "Hanne", "Verstraete", "nl")

#: pages whose organisation is not their venue: slug -> space key
ORGANISATION_OF = {
    "webinaire-travailler-des-deux-cotes-de-la-frontiere": "switch",
    "soiree-reseau-flandre-wallonie": "co-nnexion",
    "cinq-espaces-deux-centres-une-frontiere": "esco",
    "hold-up-creatif-trente-cerveaux": "esco",
    "travailler-avec-la-flandre-depuis-la-wallonie": "switch",
    "entreprise-liberee-petites-equipes": "mutualab",
    "retour-sur-la-formation-e-branding": "technocite",
    "universite-et-coworking-un-pont-a-construire": "pop",
    "le-coworking-en-zone-frontaliere": "co-nnexion",
    "guide-pratique-du-coworker-transfrontalier": "cowork-factory",
    "animer-une-communaute-de-coworkers": "mutualab",
}


@dataclass
class Account:
    username: str
    name: str
    role: str
    language: str
    password: str | None  # None: an existing account whose password was changed


def ensure_user(username, first_name, last_name, language, group, password) -> Account:
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    if user is None:
        user = user_model.objects.create_user(
            username,
            email=f"{username}@coffee-hub.example",
            password=password,
            first_name=first_name,
            last_name=last_name,
        )
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    user.groups.add(group)
    return Account(
        username=username,
        name=f"{first_name} {last_name}",
        role=group.name,
        language=language,
        password=password if user.check_password(password) else None,
    )


def assign_demo_organisations(spaces: dict) -> int:
    """Give every demo event, article and study without one an organisation; returns how many."""
    assigned = 0
    for model in (EventPage, BlogPage, StudyPage):
        for page in model.objects.filter(
            locale__language_code=LANGUAGES[0], organisation__isnull=True
        ):
            key = ORGANISATION_OF.get(page.slug)
            space = spaces.get(key) if key else None
            if space is None and getattr(page, "venue_space_id", None):
                space = SpacePage.objects.filter(pk=page.venue_space_id).first()
            if space is not None:
                roles.assign_organisation(page, space)
                assigned += 1
    return assigned


def demo_editor_password() -> str:
    return os.environ.get("DEMO_EDITOR_PASSWORD") or DEFAULT_EDITOR_PASSWORD


def load_demo_accounts() -> list[Account]:
    """The groups, the review workflow, the demo accounts; returns the accounts."""
    password = demo_editor_password()
    slugs = {spec["key"]: spec["slug"] for spec in SPACES}
    spaces = {
        key: SpacePage.objects.get(slug=slug, locale__language_code=LANGUAGES[0])
        for key, slug in slugs.items()
    }
    coordinators = roles.ensure_coordinators()
    roles.ensure_review_workflow(coordinators)
    accounts = [ensure_user(*COORDINATOR, coordinators, password)]
    for key, (username, first, last, language) in EDITORS.items():
        group = roles.ensure_organisation_group(spaces[key])
        accounts.append(ensure_user(username, first, last, language, group, password))
    assign_demo_organisations(spaces)
    return accounts
