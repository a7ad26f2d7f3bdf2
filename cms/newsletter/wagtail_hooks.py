from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

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


def sending_button(page, priority):
    return Button(
        _("Sending and test e-mail"),
        reverse("newsletter_sending", args=[page.pk]),
        icon_name="mail",
        priority=priority,
    )


@hooks.register("register_page_header_buttons")
def newsletter_header_button(page, user, view_name=None, next_url=None):
    if issubclass(page.specific_class or type(None), NewsletterIssuePage):
        yield sending_button(page, 5)


@hooks.register("register_page_listing_more_buttons")
def newsletter_listing_button(page, user, next_url=None):
    if issubclass(page.specific_class or type(None), NewsletterIssuePage):
        yield sending_button(page, 5)
