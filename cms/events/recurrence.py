"""Occurrences of an event: one date, or a recurrence rule with exceptions, expanded with
python-dateutil's rrule in the event's local time zone (09:00 stays 09:00 across daylight-saving
changes), and written back as an RFC 5545 RRULE for calendars."""

import dataclasses
import datetime
from zoneinfo import ZoneInfo

from dateutil import rrule
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from icalendar import vRecur

BRUSSELS = "Europe/Brussels"
PARIS = "Europe/Paris"

#: Safety bound of one series: a rule that would give more is refused by the form.
MAX_OCCURRENCES = 400

FREQUENCIES = [
    ("", _("Does not repeat")),
    ("daily", _("Every day")),
    ("weekly", _("Every week")),
    ("monthly_date", _("Every month, on the same date")),
    ("monthly_weekday", _("Every month, on the same weekday (for example the first Tuesday)")),
]

RRULE_FREQ = {
    "daily": rrule.DAILY,
    "weekly": rrule.WEEKLY,
    "monthly_date": rrule.MONTHLY,
    "monthly_weekday": rrule.MONTHLY,
}
WEEKDAYS = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)


@dataclasses.dataclass(frozen=True)
class Occurrence:
    """One date of an event: the page (a series or a single event) and this date's times."""

    page: object
    start: datetime.datetime
    end: datetime.datetime

    @property
    def key(self) -> str:
        """The occurrence's local start, as it appears in links (?occurrence=2026-12-08T09:00)."""
        return occurrence_key(self.start, self.page.time_zone)

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()


def occurrence_key(start: datetime.datetime, time_zone: str) -> str:
    return start.astimezone(ZoneInfo(time_zone)).strftime("%Y-%m-%dT%H:%M")


def parse_exceptions(text: str) -> tuple[list[datetime.date], list[str]]:
    """'2026-12-24\\n2026-12-31' -> ([dates], [lines that are not a date])."""
    dates, bad = [], []
    for line in (text or "").replace(",", "\n").splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            dates.append(datetime.date.fromisoformat(line))
        except ValueError:
            bad.append(line)
    return sorted(set(dates)), bad


def weekday_position(day: datetime.date):
    """The rrule weekday of this date within its month: first Tuesday, ..., last Friday."""
    position = (day.day - 1) // 7 + 1
    if position == 5:
        position = -1
    return WEEKDAYS[day.weekday()](position)


@dataclasses.dataclass(frozen=True)
class Schedule:
    """The dates of an event, independent of the page model (easy to test on its own)."""

    start: datetime.datetime  # aware
    end: datetime.datetime  # aware
    time_zone: str = BRUSSELS
    frequency: str = ""
    interval: int = 1
    until: datetime.date | None = None
    exceptions: tuple[datetime.date, ...] = ()

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @property
    def local_start(self) -> datetime.datetime:
        return self.start.astimezone(self.zone)

    @property
    def duration(self) -> datetime.timedelta:
        return self.end - self.start

    @property
    def repeats(self) -> bool:
        return bool(self.frequency in RRULE_FREQ and self.until)

    def rule(self) -> rrule.rrule | None:
        """The rule in naive local time (dateutil expands wall-clock times), or None."""
        if not self.repeats:
            return None
        local = self.local_start
        options = {
            "dtstart": local.replace(tzinfo=None),
            "interval": max(1, self.interval or 1),
            "until": datetime.datetime.combine(self.until, datetime.time.max),
            "count": None,
        }
        if self.frequency == "monthly_weekday":
            options["byweekday"] = weekday_position(local.date())
        return rrule.rrule(RRULE_FREQ[self.frequency], **options)

    def rule_set(self) -> rrule.rruleset | None:
        rule = self.rule()
        if rule is None:
            return None
        rules = rrule.rruleset()
        rules.rrule(rule)
        for naive in self.exception_datetimes(naive=True):
            rules.exdate(naive)
        return rules

    def exception_datetimes(self, naive=False) -> list[datetime.datetime]:
        """The excluded dates at the series' local start time (as EXDATE writes them)."""
        local_time = self.local_start.time().replace(tzinfo=None)
        result = []
        for day in self.exceptions:
            moment = datetime.datetime.combine(day, local_time)
            result.append(moment if naive else moment.replace(tzinfo=self.zone))
        return result

    def starts(self, limit: int = MAX_OCCURRENCES) -> list[datetime.datetime]:
        """Every start of the series (aware, local time zone), at most ``limit``."""
        rules = self.rule_set()
        if rules is None:
            return [self.local_start]
        result = []
        for naive in rules:
            result.append(naive.replace(tzinfo=self.zone))
            if len(result) >= limit:
                break
        return result

    def occurrences(self, page=None, *, ending_after=None, starting_before=None):
        duration = self.duration
        result = []
        for start in self.starts():
            end = start + duration
            if ending_after is not None and end < ending_after:
                continue
            if starting_before is not None and start >= starting_before:
                break
            result.append(Occurrence(page, start, end))
        return result

    def ical_rrule(self) -> dict | None:
        """The RRULE for icalendar: UNTIL in UTC, as RFC 5545 asks when DTSTART has a TZID."""
        rule = self.rule()
        if rule is None:
            return None
        value = {"FREQ": RRULE_FREQ_NAMES[self.frequency]}
        if self.interval and self.interval > 1:
            value["INTERVAL"] = self.interval
        starts = self.starts()
        last = (
            starts[-1]
            if starts
            else datetime.datetime.combine(self.until, datetime.time.max, tzinfo=self.zone)
        )
        value["UNTIL"] = last.astimezone(datetime.UTC).replace(microsecond=0)
        if self.frequency == "monthly_weekday":
            day = weekday_position(self.local_start.date())
            value["BYDAY"] = f"{day.n:+d}{ICAL_DAYS[day.weekday]}".lstrip("+")
        return value


RRULE_FREQ_NAMES = {
    "daily": "DAILY",
    "weekly": "WEEKLY",
    "monthly_date": "MONTHLY",
    "monthly_weekday": "MONTHLY",
}
ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def schedule_of(event) -> Schedule:
    """The Schedule of anything with an event's columns (a page, or an API listing row)."""
    exceptions, _bad = parse_exceptions(event.repeat_exceptions)
    return Schedule(
        start=event.start,
        end=event.end,
        time_zone=event.time_zone or BRUSSELS,
        frequency=event.repeat_frequency,
        interval=event.repeat_interval or 1,
        until=event.repeat_until,
        exceptions=tuple(exceptions),
    )


def rrule_text(schedule: Schedule) -> str:
    """'FREQ=WEEKLY;UNTIL=20270629T070000Z' (RFC 5545), or "" for a single date."""
    rule = schedule.ical_rrule()
    return vRecur(rule).to_ical().decode() if rule else ""


def attendance_mode_of(event) -> str:
    """offline, online or mixed: a place, a joining link, or both (the link itself stays
    private)."""
    if not event.online_url:
        return "offline"
    return "mixed" if (event.venue_space_id or event.venue_text) else "online"


#: Columns schedule_of() and attendance_mode_of() read.
SCHEDULE_COLUMNS = (
    "start",
    "end",
    "time_zone",
    "repeat_frequency",
    "repeat_interval",
    "repeat_until",
    "repeat_exceptions",
)
ATTENDANCE_COLUMNS = ("online_url", "venue_space_id", "venue_text")
