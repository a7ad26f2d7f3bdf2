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
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from cms.core import fields


class Interest(TranslatableMixin, index.Indexed, models.Model):
    """Something a subscriber can choose to hear about: a space, trainings, cross-border
    projects… Translated by editors like the other snippets; a subscriber's choice holds for
    every translation of it (matched by translation key)."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=True)
    # Any page (a space's page in practice): a foreign key to a specific page type breaks
    # wagtail-localize's synchronisation (wagtail-localize#430).
    space = fields.optional_link(
        "wagtailcore.Page", _("space"), help_text=_("Optional: the space this interest is about.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), PageChooserPanel("space", "spaces.SpacePage")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
        index.FilterField("translation_key"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("newsletter interest")
        verbose_name_plural = _("newsletter interests")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


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
    consented_at = models.DateTimeField(_("consented at"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)
    bounced_at = models.DateTimeField(_("bounced at"), null=True, blank=True)
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
