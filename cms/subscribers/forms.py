from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .models import Interest

HONEYPOT_FIELD = "website"

#: The wording a subscriber agrees to, recorded as shown (in the language of the form).
CONSENT_TEXT = _(
    "I agree to receive the COFFEE Hub newsletter by e-mail in the language I chose. "
    "I can unsubscribe at any time with the link in every e-mail."
)


def interests_in(language: str):
    """The interests a subscriber can choose, as translated in ``language``."""
    return Interest.objects.filter(locale__language_code=language).order_by("name")


def language_choices():
    return [(code, name) for code, name in settings.LANGUAGES]


class InterestsField(forms.ModelMultipleChoiceField):
    """Interests by id; a value that is no id of any row ("abc", 10**30) is a choice error,
    refused before it reaches the database."""

    def clean(self, value):
        for item in value or ():
            text = str(item).strip()
            if not text.isdigit() or int(text) > 2**63 - 1:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": text[:40]},
                )
        return super().clean(value)


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of your edition"),
        choices=language_choices,
        widget=forms.RadioSelect,
    )
    interests = InterestsField(
        label=_("Your interests"),
        help_text=_("Choose none to receive everything."),
        queryset=Interest.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interests"].queryset = interests_in(language or get_language())


class SubscribeForm(PreferencesForm):
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    consent = forms.BooleanField(label=CONSENT_TEXT, required=True)
    # Humans never see this field (it is hidden); robots fill in every field they find.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    consent_text = CONSENT_TEXT
    field_order = ["email", "language", "interests", "consent", "website"]

    def __init__(self, *args, prefix_id="subscribe", **kwargs):
        super().__init__(*args, **kwargs)
        self.auto_id = f"{prefix_id}-%s"
        self.fields["consent"].error_messages["required"] = _(
            "Please tick the box to agree to receive the newsletter."
        )
        self.fields["email"].error_messages["invalid"] = _(
            "This e-mail address does not look right: check it, for example name@example.org."
        )
        if not self.is_bound:
            self.initial.setdefault("language", get_language())

    @property
    def is_trapped(self) -> bool:
        """The honeypot was filled in: a robot."""
        return bool(str(self.data.get(HONEYPOT_FIELD, "")).strip())
