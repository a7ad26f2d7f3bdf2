from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from cms.core.page_buttons import register_page_buttons

from . import admin_views


@hooks.register("register_admin_urls")
def register_registration_urls():
    return [
        path(
            "registrations/<int:page_id>/",
            admin_views.IndexView.as_view(),
            name="registrations_admin_index",
        ),
        path(
            "registrations/<int:page_id>/csv/",
            admin_views.export_csv,
            name="registrations_admin_csv",
        ),
        path(
            "registrations/<int:page_id>/write/",
            admin_views.WriteView.as_view(),
            name="registrations_admin_write",
        ),
    ]


@register_page_buttons
def registrations_button(page, user):
    specific = page.specific_deferred
    if getattr(specific, "registration_enabled", False) and admin_views.may_see_registrations(
        user, specific
    ):
        yield Button(
            _("Registrations"),
            reverse("registrations_admin_index", args=[page.pk]),
            icon_name="group",
            priority=70,
        )
