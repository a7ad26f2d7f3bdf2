"""What the network shares, looked after without the superuser: every organisation editor adds
the partners of their studies; the coordinators translate and publish the categories, skills
and sectors, edit the menus, and delete partners no longer needed."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from cms.api.models import ContentChange
from cms.core.models import Category, Navigation
from cms.demo.factories import NavigationFactory
from cms.directory.models import Skill
from cms.studies.models import PartnerOrganisation, StudyPartner

from .conftest import login

pytestmark = pytest.mark.django_db

UMONS = {"name": "Université de Mons", "city": "Mons", "country": "BE", "website": ""}


def snippet_url(model, action, *args):
    meta = model._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:{action}", args=args)


def refused(response) -> bool:
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def test_editor_adds_a_partner_and_chooses_it_on_the_study(client, organisations, site_tree):
    """Pieter (Dutch admin) records a university his study worked with, then finds it in the
    study's partner chooser."""
    pieter = login(client, organisations, "pieter")
    since = timezone.now()
    response = pieter.post(snippet_url(PartnerOrganisation, "add"), UMONS)
    assert response.status_code == 302
    partner = PartnerOrganisation.objects.get(name=UMONS["name"])
    assert ContentChange.objects.filter(
        kind="partner_organisation", object_id=str(partner.pk), timestamp__gte=since
    ).exists()

    study = site_tree.page("study", "fr")  # Le Phare's
    editor = pieter.get(reverse("wagtailadmin_pages:edit", args=[study.pk])).content.decode()
    chooser = reverse("wagtailsnippetchoosers_studies_partnerorganisation:choose")
    assert chooser in editor
    assert UMONS["name"] in pieter.get(chooser).json()["html"]


def test_a_partners_new_name_reaches_the_study(client, organisations, site_tree):
    study = site_tree.page("study", "fr")
    partner = PartnerOrganisation.objects.create(name="Technocité", city="Mons")
    StudyPartner.objects.create(page=study, organisation=partner)
    louise = login(client, organisations, "louise")

    response = louise.post(
        snippet_url(PartnerOrganisation, "edit", partner.pk), {**UMONS, "name": "Technocité asbl"}
    )
    assert response.status_code == 302
    assert "Technocité asbl" in client.get(site_tree.url("study", "fr")).content.decode()


def test_only_coordinators_delete_a_partner(client, organisations):
    partner = PartnerOrganisation.objects.create(name="Ancien partenaire")
    delete = snippet_url(PartnerOrganisation, "delete", partner.pk)
    assert refused(login(client, organisations, "louise").post(delete))
    assert PartnerOrganisation.objects.filter(pk=partner.pk).exists()
    assert login(client, organisations, "coralie").post(delete).status_code == 302
    assert not PartnerOrganisation.objects.filter(pk=partner.pk).exists()


@pytest.mark.parametrize("model", [Category, Skill])
def test_coordinator_translates_a_vocabulary_term_an_editor_cannot_touch(
    client, organisations, model
):
    """Coralie (Dutch admin) has a French term translated into Dutch with wagtail-localize's
    Translate action and publishes it; Louise may neither edit nor translate it."""
    french = Locale.objects.get(language_code="fr")
    dutch = Locale.objects.get(language_code="nl")
    term = model.objects.filter(locale=french).exclude(
        translation_key__in=model.objects.filter(locale=dutch).values("translation_key")
    )
    term = term.first() or _new_term(model, french)
    translate = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[model._meta.app_label, model._meta.model_name, term.pk],
    )

    louise = login(client, organisations, "louise")
    assert refused(louise.get(snippet_url(model, "edit", term.pk)))
    assert refused(louise.post(translate, {"locales": [dutch.pk]}))
    assert not model.objects.filter(translation_key=term.translation_key, locale=dutch).exists()

    coralie = login(client, organisations, "coralie")
    assert coralie.get(snippet_url(model, "edit", term.pk)).status_code == 200
    assert coralie.post(translate, {"locales": [dutch.pk]}).status_code == 302
    translated = model.objects.get(translation_key=term.translation_key, locale=dutch)
    # The translation editor (wagtail-localize's, at the snippet's edit address) publishes it.
    publish = coralie.post(snippet_url(model, "edit", translated.pk), {"action": "publish"})
    assert publish.status_code == 302
    translated.refresh_from_db()
    assert translated.live


def _new_term(model, locale):
    if model is Skill:
        term = Skill(label="Comptabilité", slug="comptabilite-test", locale=locale)
    else:
        term = Category(name="Entraide", slug="entraide-test", locale=locale)
    term.save()
    term.save_revision().publish()
    return term


def test_coordinator_edits_the_menu_an_editor_cannot(client, organisations, site_tree):
    menu = Navigation.objects.filter(locale__language_code="fr").first() or NavigationFactory()
    edit = snippet_url(Navigation, "edit", menu.pk)
    assert refused(login(client, organisations, "louise").get(edit))
    assert login(client, organisations, "coralie").get(edit).status_code == 200


def test_groups_made_before_this_release_get_the_new_permissions(organisations):
    """The data migration gives groups that already exist what the roles now give."""
    migration = importlib.import_module(
        "cms.editorial.migrations.0003_grant_shared_content_permissions"
    )
    louise, coralie = organisations.user("louise"), organisations.user("coralie")
    for user in (louise, coralie):
        for group in user.groups.all():
            group.permissions.remove(
                *group.permissions.filter(
                    content_type__app_label__in=["core", "directory", "studies"],
                    content_type__model__in=[
                        "category",
                        "navigation",
                        "skill",
                        "partnerorganisation",
                    ],
                )
            )

    assert not organisations.user("coralie").has_perm("directory.change_skill")
    assert not organisations.user("louise").has_perm("studies.add_partnerorganisation")

    migration.grant(django_apps, None)

    louise, coralie = organisations.user("louise"), organisations.user("coralie")
    assert louise.has_perm("studies.add_partnerorganisation")
    assert not louise.has_perm("core.change_category")
    assert not louise.has_perm("studies.delete_partnerorganisation")
    for codename in (
        "studies.delete_partnerorganisation",
        "core.publish_category",
        "directory.change_skill",
        "core.change_navigation",
    ):
        assert coralie.has_perm(codename), codename
    assert not coralie.has_perm("core.delete_navigation")
