"""What an event page needs to take registrations: its settings (the "Registration" tab), its
state (open, closed, past), its seats, and the routes of the form and of a registration."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import path
from wagtail_localize.fields import SynchronizedField

from cms.core import fields

from . import services, views
from .forms import RegistrationForm


class RegistrationSettings(models.Model):
    """Mixed into an event page (before RoutablePageMixin): registration on the site."""

    registration_enabled = models.BooleanField(
        _("take registrations on this site"),
        default=False,
        help_text=_("Visitors register with their name and e-mail address on the event's page."),
    )
    capacity = fields.optional_number(
        _("capacity"),
        help_text=_("Seats available; leave empty for unlimited. Once full, a waiting list."),
    )
    registration_deadline = fields.optional_moment(
        _("registration deadline"),
        help_text=_("Leave empty to take registrations until the event starts."),
    )
    ask_dietary_needs = models.BooleanField(_("ask for dietary needs"), default=False)
    ask_company = models.BooleanField(_("ask for the company"), default=False)

    registration_panels = [
        FieldPanel("registration_enabled"),
        FieldRowPanel(
            [
                FieldPanel(
                    "capacity",
                    help_text=_(
                        "Seats available; leave empty for unlimited. Once full, a waiting list. "
                        "Raising it gives the new seats to the first on the waiting list, who "
                        "are told by e-mail; lowering it never removes anyone already confirmed."
                    ),
                ),
                FieldPanel("registration_deadline"),
            ]
        ),
        FieldRowPanel([FieldPanel("ask_dietary_needs"), FieldPanel("ask_company")]),
    ]
    registration_synchronised_fields = [
        SynchronizedField("registration_enabled"),
        SynchronizedField("capacity"),
        SynchronizedField("registration_deadline"),
        SynchronizedField("ask_dietary_needs"),
        SynchronizedField("ask_company"),
    ]

    class Meta:
        abstract = True

    def registration_occurrence(self) -> datetime.datetime:
        """The occurrence registered for when none is named: the event's start."""
        return self.start

    def chosen_occurrence(self, key: str | None) -> datetime.datetime | None:
        """The start of the occurrence a visitor chose (a page with several dates names them,
        as in ?occurrence=2026-12-08T09:00); None when the key names none."""
        return None

    def requested_occurrence(self, request) -> datetime.datetime:
        """The occurrence the page shows: the one in the link (or in the registration form
        sent, when the page answers it), else the default one."""
        key = None
        if request is not None:
            key = request.GET.get("occurrence") or request.POST.get("occurrence")
        return self.chosen_occurrence(key) or self.registration_occurrence()

    def registration_end(self, occurrence) -> datetime.datetime:
        return occurrence + (self.end - self.start)

    def registration_state(self, occurrence=None, now=None) -> str:
        occurrence = occurrence or self.registration_occurrence()
        now = now or timezone.now()
        if not self.registration_enabled:
            return services.DISABLED
        if occurrence <= now:
            return services.PAST
        if self.registration_deadline and self.registration_deadline < now:
            return services.CLOSED
        return services.OPEN

    def capacity_raised(self, previous: int | None) -> bool:
        """Whether this capacity has more seats than ``previous`` (None: unlimited)."""
        if previous is None:
            return False
        return self.capacity is None or self.capacity > previous

    def registration_seats(self, occurrence=None) -> services.Seats:
        occurrence = occurrence or self.registration_occurrence()
        return services.seats(self.translation_key, occurrence, self.capacity)

    @property
    def registration(self) -> dict:
        """Registration open or not, seats left and waiting-list length (the partner API)."""
        if not self.registration_enabled:
            return {"enabled": False, "open": False}
        seats = self.registration_seats()
        return {
            "enabled": True,
            "open": self.registration_state() == services.OPEN,
            "deadline": self.registration_deadline,
            "capacity": self.capacity,
            "seats_left": seats.left,
            "waiting_list": seats.waiting,
        }

    def registration_context(self, form=None, message=None, occurrence=None) -> dict | None:
        if not self.registration_enabled:
            return None
        occurrence = occurrence or self.registration_occurrence()
        state = self.registration_state(occurrence)
        return {
            "state": state,
            "open": state == services.OPEN,
            "closed_message": services.MESSAGES.get(state),
            "seats": self.registration_seats(occurrence),
            "occurrence": occurrence,
            "form": form or RegistrationForm(page=self, occurrence=occurrence),
            "message": message,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if "signup" not in context:
            context["signup"] = self.registration_context(
                occurrence=self.requested_occurrence(request)
            )
        return context

    @path("register/", name="register")
    def register_route(self, request):
        return views.register(request, self)

    @path("registration/<str:token>/", name="registration")
    def registration_route(self, request, token):
        return views.registration(request, self, token)
