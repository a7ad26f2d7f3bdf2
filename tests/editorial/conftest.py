"""Two organisations of the network, their editors and a coordinator, on the shared site tree.

La Ruche (the tree's space, in fr/nl/en) and Le Phare (a second space) each have an editors'
group; Louise edits for La Ruche with a French admin, Pieter for Le Phare with a Dutch admin;
Coralie coordinates (Dutch admin). The upcoming event and the recent article belong to La Ruche
in every language, the past event and the study to Le Phare. Each space has one coworker.
"""

from dataclasses import dataclass, field

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from cms.directory.models import Coworker
from cms.editorial import roles
from cms.spaces.models import SpacePage
from tests.conftest import add_page
from tests.mail import smtp_server  # noqa: F401 - a fixture for this package's tests

PASSWORD = "coffee-test-password"


@dataclass
class Organisations:
    spaces: dict = field(default_factory=dict)  # "ruche" / "phare" -> French space page
    users: dict = field(default_factory=dict)  # "louise" / "pieter" / "coralie" -> username
    coworkers: dict = field(default_factory=dict)  # "ruche" / "phare" -> pk

    def user(self, name):
        return get_user_model().objects.get(username=self.users[name])


def make_user(username, first_name, last_name, language, groups):
    user = get_user_model().objects.create_user(
        username,
        email=f"{username}@example.org",
        password=PASSWORD,
        first_name=first_name,
        last_name=last_name,
    )
    user.groups.set(groups)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def assign(page, space):
    """Give the page and all its translations to the organisation of ``space``."""
    type(page).objects.filter(translation_key=page.translation_key).update(organisation=space)


def make_coworker(name, space):
    person = Coworker(
        locale=Locale.objects.get(language_code="fr"),
        name=name,
        headline=f"{name}, graphiste",
        email=f"{name.split()[0].lower()}@example.org",
        home_space=space,
        live=True,
    )
    person.save()
    return person


@pytest.fixture(scope="module")
def organisations(site_tree, django_db_blocker) -> Organisations:
    with django_db_blocker.unblock():
        ruche = site_tree.page("space", "fr")
        phare = add_page(
            site_tree.page("space_index", "fr"),
            SpacePage(title="Le Phare", slug="le-phare", intro="Un espace à Mons.", city="Mons"),
        )
        coordinators = roles.ensure_coordinators()
        roles.ensure_review_workflow(coordinators)
        ruche_editors = roles.ensure_organisation_group(ruche)
        phare_editors = roles.ensure_organisation_group(phare)
        found = Organisations(spaces={"ruche": ruche, "phare": phare})
        for name, first, last, language, group in (
            ("louise", "Louise", "Martin", "fr", ruche_editors),
            ("pieter", "Pieter", "Claes", "nl", phare_editors),
            ("coralie", "Coralie", "Dubois", "nl", coordinators),
        ):
            found.users[name] = make_user(f"test-{name}", first, last, language, [group]).username
        assign(site_tree.page("event_upcoming", "fr"), ruche)
        assign(site_tree.page("article", "fr"), ruche)
        assign(site_tree.page("event_past", "fr"), phare)
        assign(site_tree.page("study", "fr"), phare)
        found.coworkers["ruche"] = make_coworker("Anaïs Lefebvre", ruche).pk
        found.coworkers["phare"] = make_coworker("Bram Wouters", phare).pk
        yield found


def login(client, organisations, name):
    client.force_login(organisations.user(name))
    return client
