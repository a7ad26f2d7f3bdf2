import datetime
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.core import fields
from cms.core.blocks import BodyBlock
from cms.core.listing import paginate
from cms.core.models import BasePage, IndexPage
from cms.core.panels import TypedPageChooserPanel
from cms.core.queries import visible_pages
from cms.editorial.forms import organisation_panel
from cms.editorial.models import OrganisationOwnedPage, OrganisationSectionPage
from cms.registrations.pages import RegistrationSettings
from cms.spaces.models import SpacePage

from .calendar import calendar_response, events_calendar

EVENT_LANGUAGES = [
    ("fr", _("French")),
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("multi", _("Several languages")),
]


def parse_month(value: str | None) -> datetime.date | None:
    """'2026-11' -> 1 November 2026; anything else -> None."""
    if not value:
        return None
    try:
        month = datetime.datetime.strptime(value, "%Y-%m").date()
    except ValueError:
        return None
    # The last month of year 9999 has no "next month" to bound the filter with.
    return month if month.year < datetime.MAXYEAR else None


def parse_price(value: str | None) -> str | None:
    """'12,50 €' -> '12.50'; '' (a free event) -> '0'; text without a number -> None."""
    if not value or not value.strip():
        return "0"
    match = re.search(r"\d+(?:[.,]\d{1,2})?", value)
    return match.group(0).replace(",", ".") if match else None


class EventIndexPage(OrganisationSectionPage, RoutablePageMixin, IndexPage):
    """The agenda: upcoming events first, past ones in an archive."""

    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("agenda")

    def events(self):
        return visible_pages(EventPage.objects.descendant_of(self)).select_related(
            "venue_space", "locale"
        )

    def filtered(self, request, events):
        """Apply the space and month filters; returns (events, filters, errors)."""
        filters, errors = {}, []
        space_slug = request.GET.get("space")
        if space_slug:
            space = SpacePage.objects.filter(slug=space_slug, locale=self.locale).first()
            if space is None:
                errors.append(_("Unknown space: the filter was ignored."))
            else:
                events = events.filter(venue_space__translation_key=space.translation_key)
                filters["space"] = space
        month_value = request.GET.get("month")
        if month_value:
            month = parse_month(month_value)
            if month is None:
                errors.append(_("The month must look like 2026-11: the filter was ignored."))
            else:
                start = timezone.make_aware(datetime.datetime.combine(month, datetime.time()))
                next_month = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
                end = timezone.make_aware(datetime.datetime.combine(next_month, datetime.time()))
                events = events.filter(start__lt=end, end__gte=start)
                filters["month"] = month
        return events, filters, errors

    def render_listing(self, request, *, archive: bool):
        now = timezone.now()
        events = self.events()
        events = (
            events.filter(end__lt=now).order_by("-start")
            if archive
            else events.filter(end__gte=now).order_by("start")
        )
        events, filters, errors = self.filtered(request, events)
        page_of_events = paginate(request, events)
        page_of_events.object_list = EventPage.with_spaces(page_of_events.object_list)
        return self.render(
            request,
            context_overrides={
                "events": page_of_events,
                "archive": archive,
                "filters": filters,
                "filter_errors": errors,
                "spaces": SpacePage.all_in_locale(self.locale),
            },
        )

    @path("", name="upcoming")
    def upcoming_route(self, request):
        return self.render_listing(request, archive=False)

    @path("archive/", name="archive")
    def archive_route(self, request):
        return self.render_listing(request, archive=True)

    @path("ical/", name="ical")
    def ical_feed(self, request):
        events = self.events().filter(end__gte=timezone.now() - datetime.timedelta(days=365))
        calendar = events_calendar(request, events.order_by("start"), self)
        return calendar_response(calendar, f"coffee-agenda-{self.locale.language_code}.ics")


class EventPage(OrganisationOwnedPage, RegistrationSettings, RoutablePageMixin, BasePage):
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    summary = models.TextField(_("summary"), max_length=400)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("description"))
    venue_space = fields.optional_link("wagtailcore.Page", _("venue (space of the network)"))
    venue_text = models.CharField(
        _("venue (other place)"),
        max_length=255,
        blank=True,
        help_text=_("Used when the event does not take place in one of the network's spaces."),
    )
    online_url = models.URLField(_("online link"), blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    organiser = models.CharField(_("organiser"), max_length=160, blank=True)
    price = models.CharField(
        _("price"), max_length=80, blank=True, help_text=_("Leave empty for a free event.")
    )
    event_language = models.CharField(
        _("language of the event"), max_length=5, choices=EVENT_LANGUAGES, default="fr"
    )

    description_field = "summary"
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("venue_space"),
        SynchronizedField("organiser"),
        SynchronizedField("organisation"),
        *RegistrationSettings.registration_synchronised_fields,
    ]
    content_panels = BasePage.content_panels + [
        organisation_panel(),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("When")),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                TypedPageChooserPanel("venue_space", page_type="spaces.SpacePage"),
                FieldPanel("venue_text"),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                FieldPanel("price"),
                FieldPanel("event_language"),
                FieldPanel("registration_url"),
            ],
            heading=_("Practical"),
        ),
        FieldPanel("body"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
            ObjectList(RegistrationSettings.registration_panels, heading=_("Registration")),
        ]
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]
    api_fields = [
        APIField("start"),
        APIField("end"),
        APIField("summary"),
        APIField("body"),
        APIField("venue_space"),
        APIField("venue_text"),
        APIField("online_url"),
        APIField("registration_url"),
        APIField("organiser"),
        APIField("price"),
        APIField("event_language"),
        APIField("registration"),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must come after the start.")})

    @cached_property
    def space(self):
        """The venue space, in the locale of this event when it is translated and visible."""
        if self.venue_space_id is None:
            return None
        return self.with_spaces([self])[0].space

    @classmethod
    def with_spaces(cls, events):
        """The events as a list, each with its localised venue space loaded: one query in all."""
        events = list(events)
        wanted = [event for event in events if event.venue_space_id and "space" not in vars(event)]
        if wanted:
            keys = {event.venue_space.translation_key for event in wanted}
            locales = {event.locale_id for event in wanted}
            spaces = {
                (space.translation_key, space.locale_id): space
                for space in visible_pages(
                    SpacePage.objects.filter(translation_key__in=keys, locale_id__in=locales)
                )
            }
            for event in wanted:
                key = (event.venue_space.translation_key, event.locale_id)
                event.__dict__["space"] = spaces.get(key)
        for event in events:
            if event.venue_space_id is None:
                event.__dict__["space"] = None
        return events

    @property
    def venue_name(self) -> str:
        space = self.space
        if space is not None:
            return f"{space.title}, {space.specific.city}"
        return self.venue_text

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()

    def json_ld(self, request=None) -> dict:
        """schema.org Event description of this page, for search engines (JSON-LD)."""
        url = self.get_full_url(request)
        space = self.space
        locations = []
        if space is not None:
            space = space.specific
            address = {
                "@type": "PostalAddress",
                "streetAddress": space.street_address,
                "postalCode": space.postcode,
                "addressLocality": space.city,
                "addressCountry": space.country,
            }
            place = {
                "@type": "Place",
                "name": space.title,
                "address": {key: value for key, value in address.items() if value},
                "url": space.get_full_url(request),
            }
            if space.latitude is not None and space.longitude is not None:
                place["geo"] = {
                    "@type": "GeoCoordinates",
                    "latitude": float(space.latitude),
                    "longitude": float(space.longitude),
                }
            locations.append(place)
        elif self.venue_text:
            locations.append(
                {"@type": "Place", "name": self.venue_text, "address": self.venue_text}
            )
        if self.online_url:
            locations.append({"@type": "VirtualLocation", "url": self.online_url})
        if locations and self.online_url and len(locations) > 1:
            mode = "MixedEventAttendanceMode"
        elif self.online_url:
            mode = "OnlineEventAttendanceMode"
        else:
            mode = "OfflineEventAttendanceMode"

        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.summary,
            "url": url,
            "startDate": timezone.localtime(self.start).isoformat(),
            "endDate": timezone.localtime(self.end).isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": f"https://schema.org/{mode}",
            "inLanguage": (
                [code for code, _label in EVENT_LANGUAGES if code != "multi"]
                if self.event_language == "multi"
                else self.event_language
            ),
        }
        if locations:
            data["location"] = locations[0] if len(locations) == 1 else locations
        if self.organiser:
            data["organizer"] = {"@type": "Organization", "name": self.organiser}
        offer = {
            "@type": "Offer",
            "url": self.registration_url or url,
            "priceCurrency": "EUR",
            "availability": "https://schema.org/InStock",
        }
        price = parse_price(self.price)
        if price is not None:
            offer["price"] = price
        elif self.price:
            offer["description"] = self.price
        data["offers"] = offer
        return data

    @path("", name="detail")
    def detail_route(self, request):
        return self.render(request)

    @path("ical/", name="ical")
    def ical_route(self, request):
        calendar = events_calendar(request, [self], self)
        return calendar_response(calendar, f"{self.slug}.ics")

    @classmethod
    def upcoming_in_locale(cls, locale):
        return (
            visible_pages(cls.objects.filter(locale=locale))
            .filter(end__gte=timezone.now())
            .select_related("venue_space")
            .order_by("start")
        )
