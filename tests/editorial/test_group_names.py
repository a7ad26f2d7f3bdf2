"""An organisation's editors' group keeps one stored name ("Editors · La Ruche") and is
shown through the catalog in the admin's language; a form that sends back the shown name
stores the stable one again."""

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.translation import gettext

from cms.editorial.models import OrganisationGroup

pytestmark = pytest.mark.django_db


def test_an_organisation_group_reads_in_the_admin_language_and_keeps_its_name(organisations):
    ruche = organisations.spaces["ruche"]
    group = OrganisationGroup.objects.get(organisation_key=ruche.translation_key).group
    assert str.__str__(group.name) == "Editors · La Ruche"
    for language in ("fr", "nl", "en"):
        with translation.override(language):
            shown = gettext("Editors · %(name)s") % {"name": "La Ruche"}
            assert str(Group.objects.get(pk=group.pk).name) == shown
            assert f"{group.name}" == shown

            group.name = shown  # what the group form sends back
            group.save()
            assert Group.objects.filter(pk=group.pk, name="Editors · La Ruche").exists()


def test_a_group_of_the_editors_own_keeps_its_name(db):
    group = Group.objects.create(name="Relecteurs externes")
    with translation.override("nl"):
        assert str(Group.objects.get(pk=group.pk).name) == "Relecteurs externes"
