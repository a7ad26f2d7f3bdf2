import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from .search.query import clean_text

HONEYPOT_FIELD = "homepage"


class ContactForm(forms.Form):
    """A visitor writes to a person; the person's address is never shown to them."""

    name = forms.CharField(label=_("Your name"), max_length=100)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("The person answers you at this address: it is sent to them, nowhere else."),
    )
    message = forms.CharField(
        label=_("Your message"),
        widget=forms.Textarea(attrs={"rows": 6}),
        min_length=10,
        max_length=4000,
    )
    # Humans never see this field (it is hidden); robots fill in every field they find.
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_name(self):
        return clean_text(self.cleaned_data["name"])

    def clean_message(self):
        """The message as typed, its lines kept, without the control characters (a bell, a
        terminal's escape) that the person's mail program would show or act on."""
        message = self.cleaned_data["message"]
        return "".join(c for c in message if c in "\r\n\t" or unicodedata.category(c) != "Cc")

    @property
    def is_trapped(self) -> bool:
        """The honeypot was filled in: a robot."""
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())
