from django import forms
from django.utils.translation import gettext_lazy as _


class RegistrationForm(forms.Form):
    """A visitor's registration; the optional questions are those the event asks."""

    name = forms.CharField(label=_("Your name"), max_length=160)
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    dietary_needs = forms.CharField(
        label=_("Dietary needs (optional)"), max_length=300, required=False
    )
    company = forms.CharField(label=_("Company (optional)"), max_length=160, required=False)

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["company"].widget.attrs["autocomplete"] = "organization"
        if not page.ask_dietary_needs:
            del self.fields["dietary_needs"]
        if not page.ask_company:
            del self.fields["company"]

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if any(ord(character) < 32 for character in name):
            raise forms.ValidationError(_("The name may not contain control characters."))
        return name
