"""Organisations (the network's spaces and competence centres) and who edits for them."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cms.core import fields
from cms.core.models.field_lists import synchronised

from .access import OrganisationPermissionTester
from .forms import OrganisationPageForm


def spaces_in_default_language():
    """An organisation is picked in the default language; all its translations count."""
    return Q(locale__language_code=settings.LANGUAGE_CODE)


class OrganisationGroup(models.Model):
    """A group whose members edit for one organisation, identified by the translation key
    of its space page (so the French, Dutch and English pages are one organisation)."""

    group = models.OneToOneField(
        Group, on_delete=models.CASCADE, related_name="organisation", verbose_name=_("group")
    )
    organisation_key = models.UUIDField(_("organisation (translation key of its space)"))

    class Meta:
        verbose_name = _("organisation group")
        verbose_name_plural = _("organisation groups")

    def __str__(self):
        return self.group.name


class OrganisationSectionPage:
    """A section (the agenda, the blog, the studies) under which organisation editors add
    pages: they may add children here, never edit the section itself. (Owned pages below
    use the same tester, which keeps their permissions on their own organisation's pages.)"""

    def permissions_for_user(self, user):
        return OrganisationPermissionTester(user, self)


class OrganisationOwnedPage(OrganisationSectionPage, models.Model):
    """A page that belongs to one organisation: its editors write it, others cannot touch it.

    Mix into a Page model before the page class; add ``organisation_synchronised`` to its
    ``override_translatable_fields`` and give it ``organisation_panel()``."""

    base_form_class = OrganisationPageForm
    #: Every translation belongs to the source's organisation: a translator cannot change it.
    organisation_synchronised = synchronised("organisation", overridable=False)

    organisation = fields.optional_link(
        "spaces.SpacePage",
        _("organisation"),
        limit_choices_to=spaces_in_default_language,
        help_text=_("The space or competence centre whose editors look after this page."),
    )

    class Meta:
        abstract = True

    @property
    def organisation_key(self):
        return self.organisation.translation_key if self.organisation_id else None
