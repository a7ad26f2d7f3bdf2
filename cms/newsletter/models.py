"""A newsletter issue is a page (translated like any page, reviewed by the coordinators); its
sending is a Dispatch with one Delivery per recipient."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField

from cms.core import fields
from cms.core.fallback import listed
from cms.core.listing import paginate
from cms.core.models import BasePage, IndexPage, publication_date_today
from cms.core.models.field_lists import filtered_by, searched, shown_in_api, synchronised
from cms.editorial.models import OrganisationSectionPage

from .blocks import NewsletterBlock
from .feeds import NewsletterRssFeed
from .forms import NewsletterIssueForm
from .rendering import render_issue, sections


class NewsletterIndexPage(OrganisationSectionPage, RoutablePageMixin, IndexPage):
    """The archive of the issues sent in this language, with an RSS feed."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["newsletter.NewsletterIssuePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("newsletter archive")
        verbose_name_plural = _("newsletter archives")

    def issues(self):
        """Issues of this archive already sent (visible_pages() holds the others back: see
        cms/newsletter/signals.py), the latest first; an issue not sent in this language is
        listed in the first fallback language it was sent in (cms.core.fallback)."""
        return (
            listed(NewsletterIssuePage.objects.all(), self.locale.language_code, under=self)
            .select_related("dispatch", "locale")
            .order_by("-dispatch__started_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["issues"] = paginate(request, self.issues())
        return context

    @path("", name="archive")
    def archive_route(self, request):
        return self.render(request)

    @path("feed/", name="feed")
    def rss_feed(self, request):
        return NewsletterRssFeed(self)(request)


class NewsletterIssuePage(OrganisationSectionPage, BasePage):
    """One issue in one language: composed, translated and approved like a page, then sent to
    the confirmed subscribers of its language (and of its interests) by a coordinator."""

    date = models.DateField(_("issue date"), default=publication_date_today)
    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("A few words at the top of the e-mail, also its preview text."),
    )
    body = StreamField(NewsletterBlock(), verbose_name=_("body"))
    interests = fields.optional_links(
        "subscribers.Interest",
        _("interests"),
        help_text=_("Only subscribers of these interests (or of none) receive it; empty: all."),
    )

    description_field = "intro"
    parent_page_types = ["newsletter.NewsletterIndexPage"]
    subpage_types: list[str] = []
    override_translatable_fields = BasePage.override_translatable_fields + synchronised(
        "date", "interests"
    )
    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("interests"),
    ]
    search_fields = BasePage.search_fields + searched("intro", "body") + filtered_by("date")
    api_fields = shown_in_api("date", "intro", "body", "sent_at")
    preview_modes = [("", _("Web page")), ("email", _("E-mail"))]
    base_form_class = NewsletterIssueForm

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")

    @property
    def sent_at(self):
        """When sending began (None while the issue was never sent)."""
        try:
            return self.dispatch.started_at
        except Dispatch.DoesNotExist:
            return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = sections(self, request)
        return context

    def serve_preview(self, request, mode_name):
        if mode_name == "email":
            return HttpResponse(render_issue(self).html)
        return super().serve_preview(request, mode_name)


class Dispatch(models.Model):
    """The sending of one issue (one language) to its recipients."""

    class Status(models.TextChoices):
        SENDING = "sending", _("Sending")
        PAUSED = "paused", _("Paused")
        DONE = "done", _("Sent")

    issue = models.OneToOneField(
        NewsletterIssuePage,
        on_delete=models.CASCADE,
        related_name="dispatch",
        verbose_name=_("issue"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SENDING
    )
    started_by = fields.optional_link(settings.AUTH_USER_MODEL, _("started by"))
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    finished_at = fields.optional_moment(_("finished at"))

    class Meta:
        verbose_name = _("newsletter sending")
        verbose_name_plural = _("newsletter sendings")

    def __str__(self):
        return str(self.issue)

    def progress(self) -> dict:
        """Deliveries by state: sent, failed, remaining (pending or being sent), total."""
        counts = self.deliveries.aggregate(
            sent=Count("pk", filter=Q(status=Delivery.Status.SENT)),
            failed=Count("pk", filter=Q(status=Delivery.Status.FAILED)),
            remaining=Count(
                "pk", filter=Q(status__in=[Delivery.Status.PENDING, Delivery.Status.SENDING])
            ),
            total=Count("pk"),
        )
        return counts


class Delivery(models.Model):
    """One recipient of one issue: created before anything is sent, claimed before its message
    goes out, so that nobody receives an issue twice."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    dispatch = models.ForeignKey(
        Dispatch, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("sending")
    )
    subscriber = models.ForeignKey(
        "subscribers.Subscriber",
        on_delete=models.CASCADE,
        related_name="newsletter_deliveries",
        verbose_name=_("subscriber"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = fields.optional_moment(_("next attempt"))
    claim = models.UUIDField(null=True, blank=True, editable=False)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Set just before the message goes to the SMTP server, cleared with the result.
    in_flight_since = models.DateTimeField(null=True, blank=True, editable=False)
    sent_at = fields.optional_moment(_("sent at"))
    error = models.CharField(_("error"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            # One dispatch per issue: each subscriber receives an issue at most once.
            models.UniqueConstraint(
                fields=["dispatch", "subscriber"], name="newsletter_one_delivery_per_recipient"
            )
        ]
        indexes = [models.Index(fields=["dispatch", "status"])]

    def __str__(self):
        return f"{self.dispatch} → {self.subscriber}"
