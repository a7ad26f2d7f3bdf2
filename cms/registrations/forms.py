from django import forms
from django.utils.translation import gettext_lazy as _

from . import services


class RegistrationForm(forms.Form):
    """A visitor's registration; the optional questions are those the event asks."""

    name = forms.CharField(label=_("Your name"), max_length=160)
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    dietary_needs = forms.CharField(
        label=_("Dietary needs (optional)"), max_length=300, required=False
    )
    company = forms.CharField(label=_("Company (optional)"), max_length=160, required=False)
    #: The date registered for, among a series' dates (its local start: 2026-12-08T09:00).
    occurrence = forms.CharField(max_length=20, required=False, widget=forms.HiddenInput)

    def __init__(self, *args, page, occurrence=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        if occurrence is not None and getattr(page, "repeats", False):
            self.fields["occurrence"].initial = page.occurrence_key(occurrence)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["company"].widget.attrs["autocomplete"] = "organization"
        if not page.ask_dietary_needs:
            del self.fields["dietary_needs"]
        if not page.ask_company:
            del self.fields["company"]

    def clean_occurrence(self):
        """The start of the chosen date (None: the page's default one)."""
        key = self.cleaned_data.get("occurrence", "")
        if not key:
            return None
        start = self.page.chosen_occurrence(key)
        if start is None:
            raise forms.ValidationError(_("This date is not one of the event's dates."))
        return start

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if any(ord(character) < 32 for character in name):
            raise forms.ValidationError(_("The name may not contain control characters."))
        return name

    def register(self, language: str, request=None):
        """Register the valid form's person for its event (services.register, which raises
        RegistrationRefused for a full, closed or past event, or an address already in)."""
        data = self.cleaned_data
        return services.register(
            self.page,
            name=data["name"],
            email=data["email"],
            dietary_needs=data.get("dietary_needs", ""),
            company=data.get("company", ""),
            occurrence=data.get("occurrence"),
            language=language,
            request=request,
        )
