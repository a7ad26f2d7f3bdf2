import datetime
import re
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField

from cms.core import fields
from cms.core.blocks import BodyBlock
from cms.core.fallback import listed
from cms.core.kept import kept
from cms.core.listing import is_slug, paginate
from cms.core.models import BasePage, IndexPage
from cms.core.models.field_lists import filtered_by, searched, shown_in_api, synchronised
from cms.core.panels import TypedPageChooserPanel
from cms.core.queries import visible_pages
from cms.editorial.forms import organisation_panel
from cms.editorial.models import OrganisationOwnedPage, OrganisationSectionPage
from cms.registrations import services as registrations
from cms.registrations.pages import RegistrationSettings
from cms.spaces.models import SpacePage

from .calendar import calendar_response, events_calendar
from .recurrence import (
    BRUSSELS,
    FREQUENCIES,
    MAX_OCCURRENCES,
    PARIS,
    SCHEDULE_COLUMNS,
    Occurrence,
    Schedule,
    attendance_mode_of,
    occurrence_key,
    parse_exceptions,
    schedule_of,
)

EVENT_LANGUAGES = [
    ("fr", _("French")),
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("multi", _("Several languages")),
]


def parse_month(value: str) -> datetime.date | None:
    """'2026-11' -> 1 November 2026; anything else -> None."""
    try:
        return datetime.datetime.strptime(value, "%Y-%m").date()
    except ValueError:
        return None


def month_bounds(month: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The first instant of this month and of the next one, in the site's time zone."""
    next_month = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return tuple(
        timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
        for day in (month, next_month)
    )


def parse_price(value: str | None) -> str | None:
    """'12,50 €' -> '12.50'; '' (a free event) -> '0'; text without a number -> None."""
    if not value or not value.strip():
        return "0"
    match = re.search(r"\d+(?:[.,]\d{1,2})?", value)
    return match.group(0).replace(",", ".") if match else None


STATUS_SCHEDULED = "scheduled"
STATUS_CANCELLED = "cancelled"
STATUS_RESCHEDULED = "rescheduled"
EVENT_STATUSES = [
    (STATUS_SCHEDULED, _("Takes place as announced")),
    (STATUS_CANCELLED, _("Cancelled")),
    (STATUS_RESCHEDULED, _("Moved to another date")),
]
ATTENDANCE_MODES = {
    "offline": "OfflineEventAttendanceMode",
    "online": "OnlineEventAttendanceMode",
    "mixed": "MixedEventAttendanceMode",
}
WEEK_POSITIONS = [_("first"), _("second"), _("third"), _("fourth"), _("last")]
SCHEMA_ORG_STATUS = {
    STATUS_SCHEDULED: "EventScheduled",
    STATUS_CANCELLED: "EventCancelled",
    STATUS_RESCHEDULED: "EventRescheduled",
}

#: What calendars must hear about again (RFC 5545 SEQUENCE) when it changes.
SCHEDULE_FIELDS = (
    "start",
    "end",
    "status",
    "repeat_frequency",
    "repeat_interval",
    "repeat_until",
    "repeat_exceptions",
    "venue_space_id",
    "venue_text",
)


def ongoing(moment: datetime.datetime) -> Q:
    """Events with an occurrence that may end at or after ``moment`` (series are bounded by
    their last day; the exact occurrences are expanded in Python)."""
    return Q(end__gte=moment) | (
        ~Q(repeat_frequency="") & Q(repeat_until__gte=moment.date() - datetime.timedelta(days=1))
    )


def occurring_between(events, after=None, before=None):
    """``events`` with an occurrence ending at or after ``after`` and starting before
    ``before`` (None: no bound). SQL bounds a series by its first and last days only; the
    dates of the series it lets through are expanded here (one query), so that a series whose
    dates all fall outside the window (a weekly event in a window between two weeks) is not
    listed with none."""
    if after is not None:
        events = events.filter(ongoing(after))
    if before is not None:
        events = events.filter(start__lt=before)
    outside = [
        row["pk"]
        for row in events.exclude(repeat_frequency="").values("pk", *SCHEDULE_COLUMNS)
        if not schedule_of(SimpleNamespace(**row)).occurrences(
            ending_after=after, starting_before=before
        )
    ]
    return events.exclude(pk__in=outside) if outside else events


def occurrences_of(events, *, ending_after=None, starting_before=None) -> list[Occurrence]:
    """Each occurrence of these events within the bounds, in order of start."""
    result = []
    for event in events:
        result.extend(
            event.schedule.occurrences(
                event, ending_after=ending_after, starting_before=starting_before
            )
        )
    result.sort(key=lambda occurrence: (occurrence.start, occurrence.page.pk))
    return result


class EventIndexPage(OrganisationSectionPage, RoutablePageMixin, IndexPage):
    """The agenda: upcoming events first, past ones in an archive."""

    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")

    def events(self):
        """The agenda's events, each in the agenda's language or, when a visitor cannot read
        it in that language, in the first fallback language (cms.core.fallback; the cards
        say so)."""
        return listed(
            EventPage.objects.all(), self.locale.language_code, under=self, descendants=True
        ).select_related("venue_space", "locale")

    def space_named(self, slug):
        """The space this agenda lists under ``slug``; a slug the space has in another language
        (a link kept by the language switcher) names the same space."""
        if not is_slug(slug):
            return None
        in_this_language = listed(SpacePage.objects.all(), self.locale.language_code)
        space = in_this_language.filter(slug=slug).first()
        if space is None:
            other = visible_pages(SpacePage.objects.all()).filter(slug=slug).first()
            if other is not None:
                space = in_this_language.filter(translation_key=other.translation_key).first()
        return space

    def filtered(self, request, events):
        """Apply the space and month filters; returns (events, filters, errors)."""
        filters, errors = {}, []
        space_slugs, months = request.GET.getlist("space"), request.GET.getlist("month")
        if len(space_slugs) > 1:
            errors.append(_("Choose one space at a time: the space filter was ignored."))
        elif space_slugs and space_slugs[0]:
            space = self.space_named(space_slugs[0])
            if space is None:
                errors.append(_("Unknown space: the filter was ignored."))
            else:
                events = events.filter(venue_space__translation_key=space.translation_key)
                filters["space"] = space
        if len(months) > 1:
            errors.append(_("Choose one month at a time: the month filter was ignored."))
        elif months and months[0]:
            month = parse_month(months[0])
            if month is None:
                errors.append(_("The month must look like 2026-11: the filter was ignored."))
            elif month.year == datetime.MAXYEAR:  # its last month has no next one to end on
                errors.append(_("The month must come before 9999: the filter was ignored."))
            else:
                start, end = month_bounds(month)
                events = events.filter(ongoing(start), start__lt=end)
                filters["month"] = month
        return events, filters, errors

    def render_listing(self, request, *, archive: bool):
        now = timezone.now()
        events, filters, errors = self.filtered(request, self.events())
        if archive:
            # Events whose every date has passed; a series still running is upcoming.
            events = events.filter(end__lt=now).exclude(ongoing(now)).order_by("-start")
            page_of_events = paginate(request, events)
            page_of_events.object_list = [
                Occurrence(event, event.start, event.end)
                for event in EventPage.with_spaces(page_of_events.object_list)
            ]
        else:
            after, before = now, None
            if "month" in filters:
                month_start, before = month_bounds(filters["month"])
                after = max(now, month_start)
            events = EventPage.with_spaces(events.filter(ongoing(after)).order_by("start"))
            page_of_events = paginate(
                request, occurrences_of(events, ending_after=after, starting_before=before)
            )
        return self.render(
            request,
            context_overrides={
                "events": page_of_events,
                "archive": archive,
                "filters": filters,
                "filter_errors": errors,
                "spaces": kept(
                    request,
                    f"spaces-in-language:{self.locale.language_code}",
                    lambda: list(SpacePage.all_in_language(self.locale.language_code)),
                ),
            },
        )

    @path("", name="upcoming")
    def upcoming_route(self, request):
        return self.render_listing(request, archive=False)

    @path("archive/", name="archive")
    def archive_route(self, request):
        return self.render_listing(request, archive=True)

    def calendar_events(self):
        """What a calendar to subscribe to holds: events still running or ended within a year
        (a series once, with its rule)."""
        since = timezone.now() - datetime.timedelta(days=365)
        return EventPage.with_spaces(self.events().filter(ongoing(since)).order_by("start"))

    @path("ical/", name="ical")
    def ical_feed(self, request):
        """The whole network's agenda in this language, to subscribe to."""
        name = _("COFFEE Hub agenda")
        calendar = events_calendar(request, self.calendar_events(), self, name=str(name))
        return calendar_response(calendar, f"coffee-agenda-{self.locale.language_code}.ics")

    @path("ical/<slug:space>/", name="space_ical")
    def space_ical_feed(self, request, space):
        """One space's events in this language, to subscribe to."""
        space_page = (
            listed(SpacePage.objects.all(), self.locale.language_code).filter(slug=space).first()
        )
        if space_page is None:
            raise Http404(_("Unknown space."))
        events = [
            event
            for event in self.calendar_events()
            if event.space is not None and event.space.translation_key == space_page.translation_key
        ]
        name = _("COFFEE Hub: %(space)s") % {"space": space_page.title}
        calendar = events_calendar(request, events, self, name=str(name))
        filename = f"coffee-{space_page.slug}-{self.locale.language_code}.ics"
        return calendar_response(calendar, filename)


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
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=EVENT_STATUSES,
        default=STATUS_SCHEDULED,
        blank=True,  # a form that does not send it keeps the event scheduled (clean)
        help_text=_(
            "Mark a cancelled event here rather than deleting it: calendars and registrants "
            'are told. For a moved event, change the dates and choose "Moved to another date".'
        ),
    )
    repeat_frequency = models.CharField(
        _("repeats"), max_length=16, choices=FREQUENCIES, blank=True, default=""
    )
    repeat_interval = models.PositiveSmallIntegerField(
        _("every"),
        default=1,
        blank=True,  # empty means 1 (clean)
        help_text=_("1 for every week (or day, or month), 2 for every other one, and so on."),
    )
    repeat_until = fields.optional_date(
        _("repeats until"), help_text=_("The last day on which the event may take place.")
    )
    repeat_exceptions = models.TextField(
        _("dates without the event"),
        blank=True,
        help_text=_("One date a line, as 2026-12-24: the series skips these days."),
    )
    time_zone = models.CharField(max_length=40, default=BRUSSELS, editable=False)
    previous_start = models.DateTimeField(null=True, blank=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)

    description_field = "summary"
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *synchronised("start", "end", "venue_space", "organiser"),
        *OrganisationOwnedPage.organisation_synchronised,
        *RegistrationSettings.registration_synchronised_fields,
        *synchronised(
            "status",
            "repeat_frequency",
            "repeat_interval",
            "repeat_until",
            "repeat_exceptions",
            "online_url",
        ),
    ]
    content_panels = BasePage.content_panels + [
        organisation_panel(),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("status"),
                FieldRowPanel(
                    [
                        FieldPanel("repeat_frequency"),
                        FieldPanel("repeat_interval"),
                        FieldPanel("repeat_until"),
                    ]
                ),
                FieldPanel("repeat_exceptions"),
            ],
            heading=_("When"),
        ),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                TypedPageChooserPanel("venue_space", page_type="spaces.SpacePage"),
                FieldPanel("venue_text"),
                FieldPanel(
                    "online_url",
                    help_text=_(
                        "The joining link of an online or hybrid event: it is never shown on "
                        "the site, in the API or in calendars, only sent to registrants."
                    ),
                ),
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
    search_fields = [
        *BasePage.search_fields,
        *searched("summary", "body"),
        *filtered_by("start", "end"),
    ]
    api_fields = shown_in_api(
        "start",
        "end",
        "summary",
        "body",
        "venue_space",
        "venue_text",
        "registration_url",
        "organiser",
        "price",
        "event_language",
        "registration",
        "status",
    )

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        self.status = self.status or STATUS_SCHEDULED
        self.repeat_interval = self.repeat_interval or 1
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must come after the start.")})
        errors = {}
        _dates, bad = parse_exceptions(self.repeat_exceptions)
        if bad:
            errors["repeat_exceptions"] = _(
                "Write each date as 2026-12-24, one a line (not understood: %(dates)s)."
            ) % {"dates": ", ".join(bad[:3])}
        if self.repeat_frequency:
            if self.repeat_until is None:
                errors["repeat_until"] = _("A repeating event needs its last day.")
            elif self.start and self.repeat_until < timezone.localtime(self.start).date():
                errors["repeat_until"] = _("The last day must come after the first one.")
            elif self.start and self.end:
                count = len(self.schedule.starts(limit=MAX_OCCURRENCES + 1))
                if count > MAX_OCCURRENCES:
                    errors["repeat_until"] = _(
                        "A series holds at most %(count)d dates: choose an earlier last day."
                    ) % {"count": MAX_OCCURRENCES}
                elif count == 0:
                    errors["repeat_exceptions"] = _(
                        "These dates leave the series without any date."
                    )
        deadline = self.registration_deadline
        if deadline and self.start:
            if not self.repeat_frequency:
                if deadline > self.start:
                    errors["registration_deadline"] = _(
                        "Registrations close when the event starts at the latest: choose an "
                        "earlier deadline, or none."
                    )
            elif self.repeat_until and timezone.localtime(deadline).date() > self.repeat_until:
                errors["registration_deadline"] = _(
                    "The deadline comes after the last date of the series: choose an earlier "
                    "one, or none."
                )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        """Keep the time zone, the previous start of a moved event and the calendar SEQUENCE
        (RFC 5545: incremented when the dates, the place or the status change) up to date."""
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "start" in update_fields:
            self.time_zone = self.venue_time_zone()
            stored = (
                type(self)
                .objects.filter(pk=self.pk)
                .values(*SCHEDULE_FIELDS, "sequence", "capacity")
                .first()
                if self.pk
                else None
            )
            if stored is not None:
                self.sequence = max(self.sequence, stored["sequence"])
                if any(stored[name] != getattr(self, name) for name in SCHEDULE_FIELDS):
                    self.sequence += 1
                if stored["start"] != self.start:
                    self.previous_start = stored["start"]
            if update_fields is not None:
                kwargs["update_fields"] = {
                    *update_fields,
                    "time_zone",
                    "sequence",
                    "previous_start",
                }
        else:
            stored = None
        result = super().save(*args, **kwargs)
        if stored is not None and self.live:
            self.tell_registrants(stored)
        return result

    def tell_registrants(self, stored: dict) -> None:
        """Registrants hear of a cancellation, or follow a single-date event to its new date,
        once the change is saved (each of them once, whichever translation is saved first);
        seats added to the event go to the first on its waiting lists, in order."""
        key, start, end = self.translation_key, self.start, self.end
        if self.is_cancelled and stored["status"] != STATUS_CANCELLED:
            transaction.on_commit(lambda: registrations.event_cancelled(key))
            return
        if not self.is_cancelled and not self.repeats and stored["start"] != start:
            old = stored["start"]
            transaction.on_commit(lambda: registrations.event_moved(key, old, start, end))
        if self.capacity_raised(stored["capacity"]):
            transaction.on_commit(lambda: registrations.promote_after_capacity_change(self))

    def venue_time_zone(self) -> str:
        """Europe/Paris for a space in France (Lille), else Europe/Brussels."""
        if self.venue_space_id:
            country = (
                SpacePage.objects.filter(pk=self.venue_space_id)
                .values_list("country", flat=True)
                .first()
            )
            if country == "FR":
                return PARIS
        return BRUSSELS

    @property
    def schedule(self) -> Schedule:
        return schedule_of(self)

    @property
    def repeats(self) -> bool:
        return self.schedule.repeats

    @property
    def repeat_description(self) -> str:
        """'every week on Tuesday, until 30 June 2027' in the active language."""
        schedule = self.schedule
        if not schedule.repeats:
            return ""
        local = schedule.local_start
        weekday = WEEKDAYS[local.weekday()]
        count = schedule.interval
        if self.repeat_frequency == "daily":
            text = ngettext("every day", "every %(count)d days", count) % {"count": count}
        elif self.repeat_frequency == "weekly":
            text = ngettext(
                "every week on %(weekday)s", "every %(count)d weeks on %(weekday)s", count
            ) % {"count": count, "weekday": weekday}
        elif self.repeat_frequency == "monthly_date":
            text = ngettext(
                "every month on day %(day)d", "every %(count)d months on day %(day)d", count
            ) % {"count": count, "day": local.day}
        else:
            position = (local.day - 1) // 7
            text = ngettext(
                "every month on the %(position)s %(weekday)s",
                "every %(count)d months on the %(position)s %(weekday)s",
                count,
            ) % {
                "count": count,
                "position": WEEK_POSITIONS[min(position, 4)],
                "weekday": weekday,
            }
        until = date_format(self.repeat_until, "j F Y")
        return _("%(rule)s, until %(date)s") % {"rule": text, "date": until}

    @property
    def is_cancelled(self) -> bool:
        return self.status == STATUS_CANCELLED

    @property
    def is_rescheduled(self) -> bool:
        return self.status == STATUS_RESCHEDULED

    @property
    def attendance_mode(self) -> str:
        """offline, online or mixed: whether there is a place, a joining link, or both."""
        return attendance_mode_of(self)

    def upcoming_occurrences(self, limit=None) -> list[Occurrence]:
        found = self.schedule.occurrences(self, ending_after=timezone.now())
        return found[:limit] if limit else found

    def occurrence(self, key: str) -> Occurrence | None:
        """The occurrence starting at this local time (as in ?occurrence=2026-12-08T09:00)."""
        for found in self.schedule.occurrences(self):
            if occurrence_key(found.start, self.time_zone) == key:
                return found
        return None

    @property
    def next_occurrence(self) -> Occurrence:
        """The next date that has not ended, else the last one."""
        upcoming = self.upcoming_occurrences(limit=1)
        if upcoming:
            return upcoming[0]
        every = self.schedule.occurrences(self)
        return every[-1] if every else Occurrence(self, self.start, self.end)

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
        """Every date of the event has ended."""
        return not self.upcoming_occurrences(limit=1)

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
        mode = self.attendance_mode
        if mode != "offline":
            # The joining link is for registrants only: the page is where to get it.
            locations.append({"@type": "VirtualLocation", "url": url})
        occurrence = self.next_occurrence
        zone = ZoneInfo(self.time_zone)

        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.summary,
            "url": url,
            "startDate": occurrence.start.astimezone(zone).isoformat(),
            "endDate": occurrence.end.astimezone(zone).isoformat(),
            "eventStatus": "https://schema.org/"
            + SCHEMA_ORG_STATUS.get(self.status, "EventScheduled"),
            "eventAttendanceMode": f"https://schema.org/{ATTENDANCE_MODES[mode]}",
            "inLanguage": (
                [code for code, _label in EVENT_LANGUAGES if code != "multi"]
                if self.event_language == "multi"
                else self.event_language
            ),
        }
        if self.is_rescheduled and self.previous_start:
            data["previousStartDate"] = self.previous_start.astimezone(zone).isoformat()
        if self.repeats:
            data["eventSchedule"] = self.schedule_json_ld()
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

    def schedule_json_ld(self) -> dict:
        """schema.org Schedule of a series: frequency, last day, days without the event."""
        schedule = self.schedule
        local = schedule.local_start
        rule = schedule.ical_rrule()
        period = {"DAILY": "D", "WEEKLY": "W", "MONTHLY": "M"}[rule["FREQ"]]
        data = {
            "@type": "Schedule",
            "startDate": local.date().isoformat(),
            "endDate": self.repeat_until.isoformat(),
            "startTime": local.strftime("%H:%M:%S"),
            "endTime": (local + schedule.duration).strftime("%H:%M:%S"),
            "repeatFrequency": f"P{schedule.interval}{period}",
            "scheduleTimezone": self.time_zone,
        }
        if rule["FREQ"] == "WEEKLY":
            data["byDay"] = f"https://schema.org/{local.strftime('%A')}"
        elif self.repeat_frequency == "monthly_date":
            data["byMonthDay"] = local.day
        if schedule.exceptions:
            data["exceptDate"] = [day.isoformat() for day in schedule.exceptions]
        return data

    def get_context(self, request, *args, **kwargs):
        """The date shown (and registered for): the occurrence chosen in the link
        (?occurrence=2026-12-08T09:00), else the next one; a series lists its next dates."""
        context = super().get_context(request, *args, **kwargs)
        start = self.requested_occurrence(request)
        context["occurrence"] = Occurrence(self, start, start + self.schedule.duration)
        context["upcoming_dates"] = self.upcoming_occurrences(limit=12) if self.repeats else []
        return context

    # Registration per occurrence (cms.registrations): the seats of each date are its own.
    def registration_occurrence(self) -> datetime.datetime:
        """The date registered for when none is chosen: the next one."""
        return self.next_occurrence.start

    def chosen_occurrence(self, key: str | None) -> datetime.datetime | None:
        found = self.occurrence(key) if key and len(key) <= 20 else None
        return found.start if found is not None else None

    def occurrence_key(self, start: datetime.datetime) -> str:
        return occurrence_key(start, self.time_zone)

    @path("", name="detail")
    def detail_route(self, request):
        return self.render(request)

    def as_calendar(self, request, occurrence=None):
        """This event as an iCalendar (``occurrence``: only that date of a series)."""
        return events_calendar(request, [self], self, occurrence=occurrence)

    @path("ical/", name="ical")
    def ical_route(self, request):
        calendar = self.as_calendar(request)
        return calendar_response(calendar, f"{self.slug}.ics")

    @classmethod
    def upcoming_in_locale(cls, locale):
        """The visible events of this very locale still to come, in order."""
        return cls.upcoming(visible_pages(cls.objects.filter(locale=locale)))

    @classmethod
    def upcoming_in_language(cls, language: str):
        """The events still to come a visitor reading ``language`` finds listed
        (cms.core.fallback), in order."""
        return cls.upcoming(listed(cls.objects.all(), language))

    @classmethod
    def upcoming(cls, events):
        return (
            events.filter(ongoing(timezone.now()))
            .select_related("venue_space", "locale")
            .order_by("start")
        )

    @classmethod
    def next_occurrences(cls, events, limit: int) -> list[Occurrence]:
        """The first ``limit`` upcoming dates of these events (a series counts each date)."""
        return occurrences_of(cls.with_spaces(events), ending_after=timezone.now())[:limit]
