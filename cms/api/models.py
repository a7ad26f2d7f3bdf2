"""Change log (for the change feed and webhooks) and partner webhooks."""

import secrets

from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.core import fields
from cms.core.models.named import ListedByName


class ContentChange(models.Model):
    """One public change of a page or directory record, as a partner may see it.

    Written by signal handlers (cms.api.signals) when content is published, unpublished, made
    private or deleted. Only what a visitor could see is ever recorded: a page that becomes
    private is recorded as unpublished, and a draft or a never-public page leaves no trace.
    """

    class Action(models.TextChoices):
        CREATED = "created", _("created")
        UPDATED = "updated", _("updated")
        UNPUBLISHED = "unpublished", _("unpublished")
        DELETED = "deleted", _("deleted")

    timestamp = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    kind = models.CharField(
        _("kind"), max_length=40, help_text=_("page, coworker, company, project, …")
    )
    object_type = models.CharField(_("type"), max_length=100, help_text=_("app_label.Model"))
    object_id = models.CharField(_("object id"), max_length=64)
    locale = models.CharField(_("locale"), max_length=10, blank=True)
    translation_key = models.UUIDField(_("translation key"), null=True, blank=True)

    class Meta:
        verbose_name = _("content change")
        verbose_name_plural = _("content changes")
        ordering = ["id"]
        indexes = [models.Index(fields=["kind", "object_id", "id"])]

    def __str__(self):
        return f"{self.timestamp:%Y-%m-%d %H:%M:%S} {self.action} {self.kind} {self.object_id}"

    @property
    def event(self) -> str:
        return f"{self.kind}.{self.action}"


def generate_secret() -> str:
    return secrets.token_urlsafe(32)


class PartnerWebhook(ListedByName):
    """A partner's address that receives a signed POST when subscribed content changes."""

    name = models.CharField(_("partner"), max_length=120)
    url = models.URLField(
        _("address"),
        max_length=500,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("Receives a POST with a JSON body for every change it subscribes to."),
    )
    secret = models.CharField(
        _("signing secret"),
        max_length=128,
        default=generate_secret,
        help_text=_(
            "Shared with the partner. Each request carries "
            "X-Coffee-Signature: sha256=HMAC-SHA256(secret, body) in hexadecimal."
        ),
    )
    kinds = fields.optional_list(
        _("kinds"),
        help_text=_("Kinds of content to send (page, coworker, company, …); empty means all."),
    )
    actions = fields.optional_list(
        _("actions"),
        help_text=_("created, updated, unpublished, deleted; empty means all."),
    )
    locales = fields.optional_list(
        _("locales"),
        help_text=_("Language codes (fr, nl, en); empty means all."),
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta(ListedByName.Meta):
        verbose_name = _("partner webhook")
        verbose_name_plural = _("partner webhooks")

    def wants(self, change: ContentChange) -> bool:
        return (
            self.active
            and (not self.kinds or change.kind in self.kinds)
            and (not self.actions or change.action in self.actions)
            and (not self.locales or not change.locale or change.locale in self.locales)
        )


class WebhookDelivery(models.Model):
    """One change sent (or to be sent) to one partner, with its attempts."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        RETRYING = "retrying", _("waiting to retry")
        SUCCEEDED = "succeeded", _("delivered")
        FAILED = "failed", _("failed")

    webhook = models.ForeignKey(
        PartnerWebhook,
        verbose_name=_("webhook"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    change = models.ForeignKey(
        ContentChange,
        verbose_name=_("change"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    event = models.CharField(_("event"), max_length=60)
    payload = models.JSONField(_("payload"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    response_code = fields.optional_number(_("response code"))
    error = models.TextField(_("error"), blank=True)
    next_retry_at = fields.optional_moment(_("next retry"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    delivered_at = fields.optional_moment(_("delivered"))

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.event} → {self.webhook}"
