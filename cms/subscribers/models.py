"""Who receives the newsletter: the interests a subscriber can choose and the subscribers.

A subscriber is one row per address (unique whatever its case), in one edition language, with
the interests they chose (none chosen: everything). Only "confirmed" subscribers receive
anything (cms.subscribers.audience); "pending" ones have been sent the confirmation e-mail and
nothing else.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import PageChooserPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from cms.core import fields
from cms.core.models.field_lists import searched_as_typed
from cms.core.models.taxonomy import TRANSLATION_FILTER_FIELDS, NamedTerm


class Interest(TranslatableMixin, index.Indexed, NamedTerm):
    """Something a subscriber can choose to hear about: a space, trainings, cross-border
    projects… Translated by editors like the other snippets; a subscriber's choice holds for
    every translation of it (matched by translation key)."""

    # Any page (a space's page in practice): a foreign key to a specific page type breaks
    # wagtail-localize's synchronisation (wagtail-localize#430).
    space = fields.optional_link(
        "wagtailcore.Page", _("space"), help_text=_("Optional: the space this interest is about.")
    )

    panels = [*NamedTerm.panels, PageChooserPanel("space", "spaces.SpacePage")]
    search_fields = [*searched_as_typed("name"), *TRANSLATION_FILTER_FIELDS]

    class Meta(NamedTerm.Meta):
        verbose_name = _("newsletter interest")
        verbose_name_plural = _("newsletter interests")


class SubscriberQuerySet(models.QuerySet):
    def with_email(self, email: str):
        """The subscriber with this address, whatever its case."""
        return self.filter(email__iexact=email.strip())

    def confirmed(self):
        return self.filter(status=Subscriber.Status.CONFIRMED)


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")
        BOUNCED = "bounced", _("bounced")

    email = models.EmailField(_("e-mail address"), max_length=254)
    language = models.CharField(_("edition language"), max_length=2, choices=settings.LANGUAGES)
    interests = models.ManyToManyField(
        Interest,
        verbose_name=_("interests"),
        blank=True,
        related_name="subscribers",
        help_text=_("None chosen: everything."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    consent_text = models.TextField(_("consent wording"), blank=True)
    consented_at = fields.optional_moment(_("consented at"))
    confirmed_at = fields.optional_moment(_("confirmed at"))
    unsubscribed_at = fields.optional_moment(_("unsubscribed at"))
    bounced_at = fields.optional_moment(_("bounced at"))
    soft_bounces = models.PositiveIntegerField(_("temporary failures"), default=0)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="subscriber_email_unique_ci"),
        ]
        indexes = [models.Index(fields=["language", "status"])]

    def __str__(self):
        return self.email

    def confirm(self):
        self.status = self.Status.CONFIRMED
        self.confirmed_at = timezone.now()
        self.save(update_fields=["status", "confirmed_at"])

    def unsubscribe(self):
        self.status = self.Status.UNSUBSCRIBED
        self.unsubscribed_at = timezone.now()
        self.save(update_fields=["status", "unsubscribed_at"])
