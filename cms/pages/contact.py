"""The contact page's form: relayed to the team's address with the directory's relay and flood
limits (per sender address and per page, cms/directory/contact.py)."""

from dataclasses import dataclass, field

from django import forms
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

from cms.directory import contact
from cms.directory.forms import ContactForm


class TeamContactForm(ContactForm):
    """The directory's contact form, written to the team rather than to a person."""

    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We answer you at this address: it is used for nothing else."),
    )


@dataclass
class Outcome:
    context: dict = field(default_factory=dict)
    status: int = 200
    redirect: HttpResponseRedirect | None = None


def handle_contact_form(page, request) -> Outcome:
    """A GET shows the empty form; a valid POST is relayed (unless a robot filled the trap, who
    sees the same thing) then redirected; too many messages from one address or to this page
    within the relay's windows give 429; an invalid form 400."""
    sent = request.method == "GET" and request.GET.get("sent") == "1"
    if request.method != "POST":
        return Outcome({"contact_form": TeamContactForm(), "contact_sent": sent})
    form = TeamContactForm(request.POST)
    if contact.is_flooding(request, page):
        return Outcome({"contact_form": form, "contact_flooded": True}, status=429)
    if not form.is_valid():
        return Outcome({"contact_form": form}, status=400)
    contact.count_attempt(request, page)
    if not form.is_trapped:
        contact.relay_to_team(
            page.recipient_email,
            page_title=page.title,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            message=form.cleaned_data["message"],
            language=page.locale.language_code,
        )
    return Outcome(redirect=HttpResponseRedirect(f"{page.get_url(request)}?sent=1#contact"))
