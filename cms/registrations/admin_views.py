"""Organisers' view of an event's registrations: the list (seats, waiting list, answers), a
CSV export and a message to every registrant. Only the event's own organisation's editors and
the coordinators (and superusers) see them."""

import csv

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage, get_connection
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Page

from cms.editorial.access import organisation_keys
from cms.editorial.roles import COORDINATORS

from .models import Registration, Status
from .services import seats


def may_see_registrations(user, page) -> bool:
    """Superusers, coordinators, and the editors of the organisation the event belongs to."""
    if not user.is_active or not user.has_perm("wagtailadmin.access_admin"):
        return False
    if user.is_superuser or user.groups.filter(name=COORDINATORS).exists():
        return True
    keys = organisation_keys(user)
    return bool(keys) and getattr(page, "organisation_key", None) in keys


def event_for(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not hasattr(page, "registration_enabled") or not may_see_registrations(request.user, page):
        raise PermissionDenied
    return page


def registrations_of(page):
    """Every registration of the event, whatever translation it was made on."""
    return Registration.objects.filter(event_key=page.translation_key).order_by(
        "occurrence", "status", "pk"
    )


class EventAdminView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "group"

    def dispatch(self, request, *args, page_id, **kwargs):
        self.page = event_for(request, page_id)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(page=self.page, **kwargs)


class IndexView(EventAdminView):
    template_name = "registrations/admin/index.html"

    def get_page_title(self):
        return _("Registrations: %(title)s") % {"title": self.page.title}

    def get_context_data(self, **kwargs):
        page = self.page
        rows = list(registrations_of(page).exclude(status=Status.CANCELLED))
        positions: dict = {}
        for row in rows:
            if row.status == Status.WAITING:
                positions[row.occurrence] = positions.get(row.occurrence, 0) + 1
                row.position = positions[row.occurrence]
        return super().get_context_data(
            seats=seats(page.translation_key, page.registration_occurrence(), page.capacity),
            confirmed=[row for row in rows if row.status == Status.CONFIRMED],
            waiting=[row for row in rows if row.status == Status.WAITING],
            cancelled=registrations_of(page).filter(status=Status.CANCELLED).count(),
            **kwargs,
        )


CSV_COLUMNS = [
    ("occurrence", gettext_lazy("occurrence")),
    ("status", gettext_lazy("status")),
    ("position", gettext_lazy("position on the waiting list")),
    ("name", gettext_lazy("name")),
    ("email", gettext_lazy("e-mail address")),
    ("language", gettext_lazy("language")),
    ("dietary_needs", gettext_lazy("dietary needs")),
    ("company", gettext_lazy("company")),
    ("created_at", gettext_lazy("registered at")),
]


def csv_cell(value) -> str:
    """A cell a spreadsheet will not run as a formula (CSV injection)."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def export_csv(request, page_id):
    page = event_for(request, page_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="registrations-{page.slug}.csv"'
    response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")  # spreadsheets read UTF-8 with a byte-order mark
    writer = csv.writer(response)
    writer.writerow([str(label) for _key, label in CSV_COLUMNS])
    positions: dict = {}
    for row in registrations_of(page).exclude(status=Status.CANCELLED):
        position = ""
        if row.status == Status.WAITING:
            positions[row.occurrence] = position = positions.get(row.occurrence, 0) + 1
        values = {
            "occurrence": timezone.localtime(row.occurrence).strftime("%Y-%m-%d %H:%M"),
            "status": row.get_status_display(),
            "position": position,
            "created_at": timezone.localtime(row.created_at).strftime("%Y-%m-%d %H:%M"),
        }
        writer.writerow(
            [csv_cell(values.get(key, getattr(row, key, ""))) for key, _label in CSV_COLUMNS]
        )
    return response


class MessageForm(forms.Form):
    RECIPIENTS = [
        ("confirmed", gettext_lazy("Registrants with a seat")),
        ("all", gettext_lazy("Registrants with a seat and the waiting list")),
    ]
    recipients = forms.ChoiceField(
        label=gettext_lazy("To"), choices=RECIPIENTS, widget=forms.RadioSelect, initial="confirmed"
    )
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=200)
    body = forms.CharField(label=gettext_lazy("Message"), widget=forms.Textarea, max_length=10_000)

    def clean_subject(self):
        return " ".join(self.cleaned_data["subject"].split())


class WriteView(EventAdminView):
    """Write to all registrants: one e-mail each (no address is shown to the others)."""

    template_name = "registrations/admin/write.html"
    header_icon = "mail"

    def get_page_title(self):
        return _("Write to the registrants: %(title)s") % {"title": self.page.title}

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=MessageForm()))

    def post(self, request, *args, **kwargs):
        form = MessageForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        return send_message(request, self.page, form)


def send_message(request, page, form):
    rows = registrations_of(page).filter(
        status__in=[Status.CONFIRMED]
        if form.cleaned_data["recipients"] == "confirmed"
        else [Status.CONFIRMED, Status.WAITING]
    )
    reply_to = [request.user.email] if request.user.email else None
    mails = [
        EmailMessage(
            subject=form.cleaned_data["subject"],
            body=form.cleaned_data["body"],
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[row.email],
            reply_to=reply_to,
        )
        for row in rows
    ]
    sent = get_connection().send_messages(mails) or 0
    messages.success(
        request,
        _("Your message was sent to %(count)s registrants.") % {"count": sent},
    )
    return redirect("registrations_admin_index", page_id=page.pk)
