"""Admin forms that keep an organisation editor's pages and directory records theirs."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel

from cms.core.forms import BasePageForm

from .access import RECORD_SPACES, organisation_keys


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


def space_fields(model) -> dict[str, str]:
    """The form fields attaching a record of ``model`` to spaces, each with the lookup (from
    the field's own model) that reaches the translation key of a space."""
    fields = {}
    for lookup in RECORD_SPACES.get(model._meta.label, []):
        name, _sep, rest = lookup.partition("__")
        fields[name] = f"{rest}__translation_key__in" if rest else "translation_key__in"
    return fields


def space_label(page) -> str:
    return f"{page.title} ({page.locale.language_code})"


class OrganisationRecordForm(WagtailAdminModelForm):
    """A directory record's form: an organisation editor attaches it only to their own
    organisation's spaces (a space in any of its languages, or a person or company of those
    spaces), and must attach it to one. Links to other spaces that the record already has are
    kept. Coordinators and superusers choose freely."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation_keys = organisation_keys(self.for_user) if self.for_user else None
        self.own_choices = {}
        if self.organisation_keys is None:
            return
        for name, condition in space_fields(self._meta.model).items():
            field = self.fields.get(name)
            if field is None:
                continue
            own = field.queryset.filter(**{condition: self.organisation_keys})
            self.own_choices[name] = own
            current = self.current_values(name)
            if isinstance(field, forms.ModelMultipleChoiceField):
                field.widget = forms.CheckboxSelectMultiple()
            else:
                field.widget = forms.Select()
            field.queryset = field.queryset.filter(Q(pk__in=own.values("pk")) | Q(pk__in=current))
            if field.queryset.model._meta.label == "wagtailcore.Page":
                field.queryset = field.queryset.select_related("locale")
                field.label_from_instance = space_label

    def current_values(self, name) -> list:
        """The primary keys the saved record has in field ``name``."""
        if self.instance.pk is None:
            return []
        value = self.initial.get(name)
        if value in (None, ""):
            return []
        many = isinstance(self.fields[name], forms.ModelMultipleChoiceField)
        values = value if many else [value]
        return [getattr(item, "pk", item) for item in values]

    def clean(self):
        cleaned = super().clean()
        if not self.own_choices:
            return cleaned
        for name, own in self.own_choices.items():
            value = cleaned.get(name)
            many = isinstance(self.fields[name], forms.ModelMultipleChoiceField)
            chosen = [item.pk for item in ((value or []) if many else [value]) if item is not None]
            if own.filter(pk__in=chosen).exists():
                return cleaned
        first = next(iter(self.own_choices))
        if first in self.fields and not self.has_error(first):
            self.add_error(first, ORGANISATION_REQUIRED)
        return cleaned


ORGANISATION_REQUIRED = _(
    "Attach the record to your organisation: choose one of its spaces, or a person or company "
    "of its spaces."
)
