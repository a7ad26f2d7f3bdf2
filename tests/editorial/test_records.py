"""An organisation editor attaches directory records to their own organisation's spaces only:
a coworker's home space, a company's spaces and a project idea's poster (issue 11)."""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.directory.models import Company, Coworker, ProjectIdea

from .conftest import login

pytestmark = pytest.mark.django_db


def add_url(model):
    return reverse(f"wagtailsnippets_directory_{model}:add")


def edit_url(model, pk):
    return reverse(f"wagtailsnippets_directory_{model}:edit", args=[pk])


def coworker_form(name, home_space=None):
    return nested_form_data(
        {
            "name": name,
            "slug": "",
            "headline": "Développeuse web",
            "bio": "",
            "home_space": home_space.pk if home_space else "",
            "city": "Mons",
            "country": "BE",
            "website": "",
            "social_links": streamfield([]),
            "email": "",
            "phone": "",
            "consent_note": "",
            "accepts_messages": "on",
        }
    )


def company_form(name, spaces):
    data = nested_form_data(
        {
            "name": name,
            "slug": "",
            "description": "",
            "kind": "sme",
            "size": "",
            "year_founded": "",
            "city": "Mons",
            "country": "BE",
            "website": "",
            "social_links": streamfield([]),
        }
    )
    data["spaces"] = [space.pk for space in spaces]
    return data


def idea_form(title, coworker=None, company=None):
    return nested_form_data(
        {
            "title": title,
            "slug": "",
            "description": "Cherche partenaires pour un atelier vidéo.",
            "deadline": "",
            "status": "open",
            "posted_by_coworker": coworker or "",
            "posted_by_company": company or "",
        }
    )


def translations(space):
    return list(space.get_translations(inclusive=True).order_by("locale_id"))


@pytest.fixture
def louise(client, organisations):
    return login(client, organisations, "louise")


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_editor_creates_a_coworker_in_her_space_in_any_of_its_languages(
    louise, organisations, lang
):
    space = organisations.spaces["ruche"].get_translation(Locale.objects.get(language_code=lang))
    response = louise.post(add_url("coworker"), coworker_form(f"Nina {lang}", space))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Coworker.objects.get(name=f"Nina {lang}").home_space_id == space.pk


def test_editor_cannot_put_a_new_coworker_in_another_space(louise, organisations):
    response = louise.post(
        add_url("coworker"), coworker_form("Intrus", organisations.spaces["phare"])
    )
    assert response.status_code == 200
    assert "home_space" in response.context["form"].errors
    assert not Coworker.objects.filter(name="Intrus").exists()


def test_editor_must_give_a_new_coworker_a_space(louise):
    response = louise.post(add_url("coworker"), coworker_form("Sans espace"))
    assert response.status_code == 200
    assert "home_space" in response.context["form"].errors
    assert not Coworker.objects.filter(name="Sans espace").exists()


def test_editor_cannot_move_her_coworker_to_another_space(louise, organisations):
    pk = organisations.coworkers["ruche"]
    form = coworker_form("Anaïs Lefebvre", organisations.spaces["phare"])
    response = louise.post(edit_url("coworker", pk), form)
    assert response.status_code == 200
    assert "home_space" in response.context["form"].errors
    home = Coworker.objects.get(pk=pk).home_space
    assert home.translation_key == organisations.spaces["ruche"].translation_key


def test_the_space_choices_are_her_organisations_in_three_languages(louise, organisations):
    response = louise.get(add_url("coworker"))
    choices = response.context["form"].fields["home_space"].queryset
    assert sorted(page.pk for page in choices) == sorted(
        page.pk for page in translations(organisations.spaces["ruche"])
    )
    options = response.context["form"]["home_space"].as_widget()
    assert "La Ruche (fr)" in options and "Le Phare" not in options


def test_coordinator_puts_a_coworker_in_any_space(client, organisations):
    login(client, organisations, "coralie")
    response = client.post(
        add_url("coworker"), coworker_form("Libre", organisations.spaces["phare"])
    )
    assert response.status_code == 302
    assert Coworker.objects.get(name="Libre").home_space_id == organisations.spaces["phare"].pk
    response = client.post(add_url("coworker"), coworker_form("Nulle part"))
    assert response.status_code == 302


def test_editor_cannot_add_a_company_to_another_space(louise, organisations):
    ruche, phare = organisations.spaces["ruche"], organisations.spaces["phare"]
    response = louise.post(add_url("company"), company_form("Atelier Mixte", [ruche, phare]))
    assert response.status_code == 200
    assert "spaces" in response.context["form"].errors
    assert not Company.objects.filter(name="Atelier Mixte").exists()
    response = louise.post(add_url("company"), company_form("Sans Lieu", []))
    assert response.status_code == 200
    assert not Company.objects.filter(name="Sans Lieu").exists()
    response = louise.post(add_url("company"), company_form("Atelier Ruche", [ruche]))
    assert response.status_code == 302, response.context["form"].errors
    assert [s.pk for s in Company.objects.get(name="Atelier Ruche").spaces.all()] == [ruche.pk]


def test_editing_a_shared_company_keeps_the_other_organisations_space(louise, organisations):
    ruche, phare = organisations.spaces["ruche"], organisations.spaces["phare"]
    company = Company(
        locale=ruche.locale, name="Passerelle", description="", live=True, city="Mons"
    )
    company.save()
    company.spaces.set([ruche, phare])
    company.save()
    response = louise.post(
        edit_url("company", company.pk), company_form("Passerelle SA", [ruche, phare])
    )
    assert response.status_code == 302, response.context["form"].errors
    draft = Company.objects.get(pk=company.pk).get_latest_revision_as_object()
    assert draft.name == "Passerelle SA"
    assert {s.pk for s in draft.spaces.all()} == {ruche.pk, phare.pk}
    # but she cannot leave it attached to the other organisation only
    response = louise.post(edit_url("company", company.pk), company_form("Passerelle", [phare]))
    assert response.status_code == 200
    assert "spaces" in response.context["form"].errors


def test_a_project_idea_is_posted_by_someone_of_her_spaces(louise, organisations):
    mine, theirs = organisations.coworkers["ruche"], organisations.coworkers["phare"]
    response = louise.post(add_url("projectidea"), idea_form("Idée volée", coworker=theirs))
    assert response.status_code == 200
    assert "posted_by_coworker" in response.context["form"].errors
    response = louise.post(add_url("projectidea"), idea_form("Idée orpheline"))
    assert response.status_code == 200
    assert not ProjectIdea.objects.filter(title__startswith="Idée").exists()
    response = louise.post(add_url("projectidea"), idea_form("Idée de la Ruche", coworker=mine))
    assert response.status_code == 302
    assert ProjectIdea.objects.get(title="Idée de la Ruche").posted_by_coworker_id == mine
