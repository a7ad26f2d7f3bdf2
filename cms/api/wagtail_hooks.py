"""Partner webhooks and their deliveries in the Wagtail admin (Settings › Partner API)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import ContentChange, PartnerWebhook, WebhookDelivery


class PartnerWebhookViewSet(ModelViewSet):
    model = PartnerWebhook
    icon = "link-external"
    menu_label = _("Partner webhooks")
    add_to_admin_menu = False
    list_display = ["name", "url", "active", "created_at"]
    list_filter = ["active"]
    search_fields = ["name", "url"]
    form_fields = ["name", "url", "secret", "kinds", "actions", "locales", "active"]
    inspect_view_enabled = True


class WebhookDeliveryViewSet(ModelViewSet):
    """Read-only log: status, attempts, response code, error and next retry of each delivery."""

    model = WebhookDelivery
    icon = "list-ul"
    menu_label = _("Webhook deliveries")
    add_to_admin_menu = False
    list_display = [
        "event",
        "webhook",
        "status",
        "attempts",
        "response_code",
        "next_retry_at",
        "created_at",
    ]
    list_filter = ["status", "webhook"]
    search_fields = ["event", "error"]
    form_fields = ["status"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "webhook",
        "event",
        "status",
        "attempts",
        "response_code",
        "error",
        "next_retry_at",
        "created_at",
        "delivered_at",
        "payload",
    ]


class ContentChangeViewSet(ModelViewSet):
    """Read-only view of the change log served by /api/v2/changes/."""

    model = ContentChange
    icon = "history"
    menu_label = _("Content changes")
    add_to_admin_menu = False
    list_display = ["timestamp", "action", "kind", "object_type", "object_id", "locale"]
    list_filter = ["action", "kind", "locale"]
    search_fields = ["object_id", "object_type"]
    form_fields = ["action"]
    inspect_view_enabled = True


class PartnerApiViewSetGroup(ViewSetGroup):
    menu_label = _("Partner API")
    menu_icon = "code"
    menu_order = 900
    items = (PartnerWebhookViewSet, WebhookDeliveryViewSet, ContentChangeViewSet)


@hooks.register("register_admin_viewset")
def register_partner_api_viewsets():
    return PartnerApiViewSetGroup()
