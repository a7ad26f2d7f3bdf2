from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from cms.core.page_buttons import register_page_buttons

from . import views
from .models import NewsletterIssuePage


@hooks.register("register_admin_urls")
def newsletter_admin_urls():
    return [
        path("newsletter/<int:page_id>/", views.sending_page, name="newsletter_sending"),
        path("newsletter/<int:page_id>/send/", views.send, name="newsletter_send"),
        path("newsletter/<int:page_id>/pause/", views.pause, name="newsletter_pause"),
        path("newsletter/<int:page_id>/resume/", views.resume, name="newsletter_resume"),
        path("newsletter/<int:page_id>/test/", views.send_test, name="newsletter_test"),
    ]


@register_page_buttons
def sending_button(page, user):
    if issubclass(page.specific_class or type(None), NewsletterIssuePage):
        yield Button(
            _("Sending and test e-mail"),
            reverse("newsletter_sending", args=[page.pk]),
            icon_name="mail",
            priority=5,
        )
