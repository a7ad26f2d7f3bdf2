"""The page form of organisation-owned pages: an organisation editor's pages are theirs."""

from django import forms
from wagtail.admin.panels import FieldPanel

from cms.core.forms import BasePageForm

from .access import organisation_keys


def organisation_panel():
    return FieldPanel("organisation", widget=forms.Select)


class OrganisationPageForm(BasePageForm):
    """An organisation editor can only choose their own organisation (preselected, and fixed
    when they have one); coordinators choose any space or none."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("organisation")
        keys = organisation_keys(self.for_user) if self.for_user else None
        if field is None or keys is None:
            return
        field.queryset = field.queryset.filter(translation_key__in=keys)
        field.required = True
        field.empty_label = None
        own = list(field.queryset)
        if self.instance.organisation_id is None and own:
            self.initial["organisation"] = own[0].pk
        if len(own) == 1:
            field.disabled = True
