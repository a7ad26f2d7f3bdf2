from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.core.blocks import BodyBlock
from cms.core.models import BasePage

from .contact import handle_contact_form


class StandardPage(BasePage):
    """About, partners, contact and other free-form pages."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    description_field = "intro"
    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class ContactPage(BasePage):
    """The network's contact page: a form whose messages are relayed by e-mail to the team's
    address, never shown to visitors (the directory's relay: cms/directory/contact.py)."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    recipient_email = models.EmailField(
        _("recipient address"),
        help_text=_("Messages written on this page are sent here. Visitors never see it."),
    )

    description_field = "intro"
    max_count_per_parent = 1
    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("recipient_email"),
    ]
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("recipient_email"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")

    def serve(self, request, *args, **kwargs):
        outcome = handle_contact_form(self, request)
        if outcome.redirect:
            return outcome.redirect
        context = self.get_context(request, *args, **kwargs)
        context.update(outcome.context)
        return TemplateResponse(
            request, self.get_template(request, *args, **kwargs), context, status=outcome.status
        )
