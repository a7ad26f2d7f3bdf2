"""Registrations for events: one row per person and occurrence, confirmed or on the waiting
list (or cancelled), and one lock row per occurrence that serialises seat allocation."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    CONFIRMED = "confirmed", _("confirmed")
    WAITING = "waiting", _("on the waiting list")
    CANCELLED = "cancelled", _("cancelled")


class RegistrationQuerySet(models.QuerySet):
    def of(self, event_key, occurrence):
        return self.filter(event_key=event_key, occurrence=occurrence)

    def active(self):
        return self.exclude(status=Status.CANCELLED)

    def confirmed(self):
        return self.filter(status=Status.CONFIRMED)

    def waiting(self):
        return self.filter(status=Status.WAITING).order_by("pk")


class Registration(models.Model):
    """A person registered for one occurrence of an event (for a single event: its start).

    The seats of an event are shared by its translations: they are counted by ``event_key``
    (the translation key of the event page); ``event`` is the page registered on, in the
    registrant's language."""

    event = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    event_key = models.UUIDField(_("event (translation key)"), db_index=True)
    occurrence = models.DateTimeField(_("occurrence"))
    ends_at = models.DateTimeField(_("end of the occurrence"))
    language = models.CharField(_("language"), max_length=8)
    name = models.CharField(_("name"), max_length=160)
    email = models.EmailField(_("e-mail address"))
    dietary_needs = models.CharField(_("dietary needs"), max_length=300, blank=True)
    company = models.CharField(_("company"), max_length=160, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    promoted_at = models.DateTimeField(_("promoted from the waiting list at"), null=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True)
    reminded_at = models.DateTimeField(_("reminder sent at"), null=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event_key", "occurrence", "email"],
                condition=~Q(status="cancelled"),
                name="one_active_registration_per_email",
            )
        ]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    @property
    def waiting_position(self) -> int | None:
        """1 for the first on the waiting list; None when not waiting."""
        if self.status != Status.WAITING:
            return None
        return (
            Registration.objects.of(self.event_key, self.occurrence)
            .waiting()
            .filter(pk__lte=self.pk)
            .count()
        )


class OccurrenceLock(models.Model):
    """One row per occurrence, locked (SELECT ... FOR UPDATE) while its seats are allocated."""

    event_key = models.UUIDField()
    occurrence = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["event_key", "occurrence"], name="one_lock_per_occurrence"
            )
        ]

    def __str__(self):
        return f"{self.event_key} {self.occurrence:%Y-%m-%d %H:%M}"
