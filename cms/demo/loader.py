"""Builds the demo site from ``content.py``: French pages and snippets, then their nl/en
translations through wagtail-localize.

Idempotent: every object is looked up by a stable key before it is created (pages by slug under
their parent, categories by slug and locale, images and documents by title, authors and
organisations by name, the navigation by locale, translations by translation key and locale).
Existing objects are kept as they are, so a second run creates nothing.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import logging
import os
import sys
import time
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, ReferenceIndex, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from cms.blog.models import Author
from cms.core.models import Category, Navigation
from cms.events.models import EventPage
from cms.registrations import services as registrations
from cms.spaces.models import SpaceGalleryImage
from cms.studies.models import PartnerOrganisation

from . import content
from .content import UL, CallToAction, Picture, Quote, rich_text, translations_for
from .directory.records import load_directory_demo
from .factories import (
    AuthorFactory,
    BlogIndexPageFactory,
    BlogPageFactory,
    CategoryFactory,
    ContactPageFactory,
    DocumentFactory,
    EventIndexPageFactory,
    EventPageFactory,
    ImageFactory,
    NavigationFactory,
    PartnerOrganisationFactory,
    SpaceIndexPageFactory,
    SpacePageFactory,
    StandardPageFactory,
    StudyIndexPageFactory,
    StudyPageFactory,
    get_home_page,
    publish,
)
from .newsletter import (
    NEWSLETTER_INDEX,
    READY_ISSUE,
    SENT_ISSUE,
    NewsletterIndexPageFactory,
    NewsletterIssuePageFactory,
    issue_fields,
    mark_sent,
)
from .subscribers import load_subscribers_demo
from .translation import sync_page_links, translate_page, translate_snippet

ADMIN_USERNAME = "admin"
DEFAULT_ADMIN_PASSWORD = "coffee-admin"  # noqa: S105 - demo account, overridable by env
QUIET_LOGGERS = ("wagtail", "django_tasks", "modelsearch", "wagtail_localize")


@contextlib.contextmanager
def quiet_logging(loggers=QUIET_LOGGERS, level=logging.WARNING):
    """Wagtail logs every page creation and every search-index task at INFO: hide them."""
    previous = {}
    for name in loggers:
        logger = logging.getLogger(name)
        previous[name] = logger.level
        logger.setLevel(level)
    try:
        yield
    finally:
        for name, old_level in previous.items():
            logging.getLogger(name).setLevel(old_level)


@dataclass
class Report:
    created: dict[str, int] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)
    admin_password: str | None = None
    admin_created: bool = False
    events_moved: int = 0
    seconds: float = 0.0

    def count(self, kind: str, created: bool) -> None:
        bucket = self.created if created else self.kept
        bucket[kind] = bucket.get(kind, 0) + 1


class DemoLoader:
    def __init__(self, stdout=None, quiet: bool = False):
        self.stdout = stdout or sys.stdout
        self.quiet = quiet
        self.report = Report()
        self.images = {}
        self.pages: dict[str, Page] = {}
        # (page or snippet, glossary) in the order they must be translated: parents first.
        self.to_translate: list[tuple[object, dict]] = []

    # -- output --------------------------------------------------------------------------------

    def step(self, message: str) -> None:
        if not self.quiet:
            self.stdout.write(f"- {message}\n")

    # -- entry point ---------------------------------------------------------------------------

    def run(self) -> Report:
        started = time.monotonic()
        # Wagtail refreshes the reference index ("usage" in the admin) on every save: each page
        # is saved several times while it is created, published and translated. Do it once per
        # object at the end instead (about a fifth of the running time).
        with quiet_logging(), disable_reference_index_auto_update():
            self.fr = self.ensure_locales()
            self.user = self.ensure_admin()
            self.home = get_home_page(self.fr)
            self.ensure_site()
            self.load_categories()
            self.load_images()
            self.load_people()
            self.load_spaces()
            self.load_agenda()
            self.load_blog()
            self.load_studies()
            self.load_standard_pages()
            self.load_home()
            self.load_newsletter()
            self.load_navigation()
            self.translate_everything()
            self.mark_newsletter_sent()
            self.load_registrations()
        if self.report.created:
            self.update_reference_index()
        with quiet_logging():
            self.load_directory()
            self.load_subscribers()
        Site.clear_site_root_paths_cache()
        self.report.seconds = time.monotonic() - started
        return self.report

    # -- basics --------------------------------------------------------------------------------

    def ensure_locales(self) -> Locale:
        for code in content.LANGUAGES:
            _, created = Locale.objects.get_or_create(language_code=code)
            self.report.count("locale", created)
        self.step("locales fr, nl, en")
        return Locale.objects.get(language_code="fr")

    def ensure_admin(self):
        user_model = get_user_model()
        password = os.environ.get("DEMO_ADMIN_PASSWORD") or DEFAULT_ADMIN_PASSWORD
        user = user_model.objects.filter(username=ADMIN_USERNAME).first()
        if user is None:
            user = user_model.objects.create_superuser(
                ADMIN_USERNAME,
                email="admin@example.org",
                password=password,
                first_name="Camille",
                last_name="Admin",
            )
            self.report.admin_created = True
            self.report.admin_password = password
        elif user.check_password(password):
            self.report.admin_password = password
        self.report.count("user", self.report.admin_created)
        self.step(
            f"superuser {ADMIN_USERNAME} ({'created' if self.report.admin_created else 'kept'})"
        )
        return user

    def ensure_site(self) -> None:
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=self.home,
                is_default_site=True,
                site_name="COFFEE Hub",
            )
        elif site.root_page_id != self.home.pk:
            site.root_page = self.home
            site.save()

    # -- helpers -------------------------------------------------------------------------------

    def child_page(self, parent: Page, slug: str, factory, report_as: str, **fields) -> Page:
        """The child of ``parent`` with this slug, created (and published) if missing."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            self.report.count(report_as, False)
            return existing.specific
        page = factory(parent=parent, slug=slug, **fields)
        publish(page, self.user)
        self.report.count(report_as, True)
        return page

    def detail_page(self, index: Page, spec, factory, report_as: str, **fields) -> Page:
        """The page of ``spec`` under ``index`` (created if missing), queued for translation."""
        page = self.child_page(index, spec["slug"], factory, report_as, **fields)
        self.queue(page, spec)
        return page

    def first_or_create(self, queryset, factory, report_as: str, **fields):
        """The first object of ``queryset``, created with ``factory(**fields)`` if there is none."""
        obj = queryset.first()
        created = obj is None
        if created:
            obj = factory(**fields)
        self.report.count(report_as, created)
        return obj

    def queue(self, obj, spec) -> None:
        self.to_translate.append((obj, translations_for(spec)))

    def stream(self, blocks) -> str:
        """StreamField JSON from the content's (block type, value) pairs, in French."""
        data = []
        for block_type, value in blocks:
            if block_type == "paragraph":
                data.append({"type": "paragraph", "value": rich_text(*value)})
            elif block_type == "quote":
                assert isinstance(value, Quote)
                data.append(
                    {
                        "type": "quote",
                        "value": {"quote": value.quote.fr, "attribution": value.attribution.fr},
                    }
                )
            elif block_type == "call_to_action":
                assert isinstance(value, CallToAction)
                data.append(
                    {
                        "type": "call_to_action",
                        "value": {
                            "title": value.title.fr,
                            "text": value.text.fr,
                            "link": {
                                "label": value.label.fr,
                                "page": self.pages[value.page].pk,
                                "url": "",
                            },
                        },
                    }
                )
            elif block_type == "image":
                assert isinstance(value, Picture)
                data.append(
                    {
                        "type": "image",
                        "value": {
                            "image": self.images[value.image].pk,
                            "alt_text": value.alt_text.fr,
                            "caption": value.caption.fr,
                        },
                    }
                )
            else:
                raise ValueError(f"Unknown block type {block_type!r}")
        return json.dumps(data)

    # -- snippets and media --------------------------------------------------------------------

    def load_categories(self) -> None:
        self.categories = {}
        for key, spec in content.CATEGORIES.items():
            category = self.first_or_create(
                Category.objects.filter(locale=self.fr, slug=spec["slug"].fr),
                CategoryFactory,
                "category",
                name=spec["name"].fr,
                slug=spec["slug"].fr,
                locale=self.fr,
            )
            self.categories[key] = category
            self.queue(category, spec)
        self.step(f"{len(self.categories)} categories")

    def load_images(self) -> None:
        image_model = get_image_model()
        for key, spec in content.IMAGES.items():
            self.images[key] = self.first_or_create(
                image_model.objects.filter(title=spec["title"]),
                ImageFactory,
                "image",
                title=spec["title"],
                label=spec.get("label", spec["title"]),
                colour=spec["colour"],
                subtitle=spec.get("subtitle", ""),
                size=spec.get("size", (1200, 800)),
            )
        self.step(f"{len(self.images)} images (drawn with Pillow)")

    def load_people(self) -> None:
        self.authors = {}
        for key, spec in content.AUTHORS.items():
            self.authors[key] = self.first_or_create(
                Author.objects.filter(locale=self.fr, name=spec["name"]),
                AuthorFactory,
                "author",
                name=spec["name"],
                role=spec["role"].fr,
                photo=self.images[spec["image"]] if spec["image"] else None,
                locale=self.fr,
            )
            self.queue(self.authors[key], spec)
        self.organisations = {}
        for key, spec in content.PARTNERS.items():
            self.organisations[key] = self.first_or_create(
                PartnerOrganisation.objects.filter(name=spec["name"]),
                PartnerOrganisationFactory,
                "organisation",
                **spec,
            )
        self.step(f"{len(self.authors)} authors, {len(self.organisations)} partner organisations")

    # -- pages ---------------------------------------------------------------------------------

    def load_index(self, spec, factory, report_as) -> Page:
        page = self.child_page(
            self.home,
            spec["slug"].fr,
            factory,
            report_as,
            title=spec["title"].fr,
            intro=rich_text(*spec["intro"]),
        )
        self.pages[spec["key"]] = page
        self.queue(page, spec)
        return page

    def load_spaces(self) -> None:
        index = self.load_index(content.SPACE_INDEX, SpaceIndexPageFactory, "index page")
        self.spaces = {}
        for spec in content.SPACES:
            page = self.detail_page(
                index,
                spec,
                SpacePageFactory,
                "space",
                title=spec["title"].fr,
                kind=spec["kind"],
                intro=spec["intro"].fr,
                description=rich_text(*spec["description"]),
                city=spec["city"],
                postcode=spec["postcode"],
                country=spec["country"],
                latitude=spec["latitude"],
                longitude=spec["longitude"],
                opening_hours=spec["opening_hours"].fr,
                facilities=json.dumps(
                    [{"type": "facility", "value": item.fr} for item in spec["facilities"]]
                ),
                email=spec["email"],
                gallery_images=[
                    SpaceGalleryImage(
                        image=self.images[spec["image"]],
                        alt_text=spec["image_alt"].fr,
                        caption=spec["image_caption"].fr,
                    )
                ],
            )
            self.spaces[spec["key"]] = page
        self.step(f"spaces: {len(self.spaces)} spaces and competence centres")

    def load_agenda(self) -> None:
        index = self.load_index(content.EVENT_INDEX, EventIndexPageFactory, "index page")
        today = timezone.localdate()
        zone = timezone.get_current_timezone()

        def moment(days: int, clock: str) -> datetime.datetime:
            hour, minute = (int(part) for part in clock.split(":"))
            day = today + datetime.timedelta(days=days)
            return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=zone)

        for spec in content.EVENTS:
            venue_text = spec.get("venue_text")
            dates = self.event_dates(spec, today)
            page = self.detail_page(
                index,
                spec,
                EventPageFactory,
                "event",
                title=spec["title"].fr,
                start=moment(spec["days"], spec["start"]),
                end=moment(spec["days"], spec["end"]),
                summary=spec["summary"].fr,
                body=self.stream([("paragraph", spec["body"])]),
                venue_space=self.spaces[spec["venue"]] if spec["venue"] else None,
                venue_text=venue_text.fr if venue_text else "",
                online_url=spec.get("online_url", ""),
                registration_url=f"https://example.org/inscription/{spec['slug']}",
                organiser=spec["organiser"],
                price=spec["price"].fr if spec["price"] else "",
                event_language=spec["language"],
                status=spec.get("status", "scheduled"),
                **dates,
            )
            self.keep_on_date(
                page, moment(spec["days"], spec["start"]), moment(spec["days"], spec["end"]), dates
            )
        self.step(f"agenda: {len(content.EVENTS)} events around {today.isoformat()}")

    @staticmethod
    def event_dates(spec, today) -> dict:
        """A weekly series' rule: its last day and the weeks it skips (none for one date)."""
        weeks = spec.get("repeat_weeks")
        if not weeks:
            return {"repeat_frequency": "", "repeat_until": None, "repeat_exceptions": ""}
        first = today + datetime.timedelta(days=spec["days"])
        skipped = [first + datetime.timedelta(weeks=week) for week in spec.get("skip_weeks", ())]
        return {
            "repeat_frequency": "weekly",
            "repeat_until": first + datetime.timedelta(weeks=weeks - 1),
            "repeat_exceptions": "\n".join(day.isoformat() for day in skipped),
        }

    def keep_on_date(self, event, start, end, dates=None) -> None:
        """Move a demo event loaded on an earlier day back to its place around today, in
        every language, so that a database loaded weeks ago still shows an upcoming agenda."""
        dates = dates or {}
        if (
            event.start == start
            and event.end == end
            and all(getattr(event, name) == value for name, value in dates.items())
        ):
            return
        for page in type(event).objects.filter(translation_key=event.translation_key):
            page.start, page.end = start, end
            for name, value in dates.items():
                setattr(page, name, value)
            publish(page, self.user)
        self.report.events_moved += 1

    def load_blog(self) -> None:
        index = self.load_index(content.BLOG_INDEX, BlogIndexPageFactory, "index page")
        today = timezone.localdate()
        for spec in content.ARTICLES:
            self.detail_page(
                index,
                spec,
                BlogPageFactory,
                "article",
                title=spec["title"].fr,
                date=today - datetime.timedelta(days=spec["days_ago"]),
                summary=spec["summary"].fr,
                hero_image=self.images[spec["image"]],
                hero_image_alt=spec["image_alt"].fr,
                hero_image_caption=spec["image_caption"].fr,
                body=self.stream(spec["body"]),
                categories=[self.categories[key] for key in spec["categories"]],
                authors=[self.authors[key] for key in spec["authors"]],
                tags=[tag.fr for tag in spec["tags"]],
            )
        self.step(f"blog: {len(content.ARTICLES)} articles")

    def study_document(self, spec):
        return self.first_or_create(
            get_document_model().objects.filter(title=spec["document"]),
            DocumentFactory,
            "document",
            title=spec["document"],
            paragraphs=study_document_lines(spec),
            footer="Réseau COFFEE - Interreg France-Wallonie-Vlaanderen",
        )

    def load_studies(self) -> None:
        index = self.load_index(content.STUDY_INDEX, StudyIndexPageFactory, "index page")
        for spec in content.STUDIES:
            document = self.study_document(spec)
            self.detail_page(
                index,
                spec,
                StudyPageFactory,
                "study",
                title=spec["title"].fr,
                date=spec["date"],
                summary=spec["summary"].fr,
                body=self.stream([("paragraph", spec["body"])]),
                themes=[self.categories[key] for key in spec["themes"]],
                partners=[self.organisations[key] for key in spec["partners"]],
                attached_documents=[document],
            )
        self.step(f"studies: {len(content.STUDIES)} studies with their PDF")

    def load_standard_pages(self) -> None:
        for spec in content.STANDARD_PAGES:
            fields = {}
            if spec.get("recipient_email"):  # the contact page: a form relayed to the team
                fields["recipient_email"] = spec["recipient_email"]
            page = self.child_page(
                self.home,
                spec["slug"].fr,
                ContactPageFactory if fields else StandardPageFactory,
                "standard page",
                title=spec["title"].fr,
                intro=rich_text(*spec["intro"]),
                body=self.stream(spec["body"]),
                **fields,
            )
            self.pages[spec["key"]] = page
            self.queue(page, spec)
        self.step("standard pages: about, partners, contact")

    def load_home(self) -> None:
        """The migrations create an empty French home page: give it its content once."""
        home = self.home
        spec = content.HOME
        changed = not home.intro
        if changed:
            home.title = spec["title"].fr
            home.draft_title = home.title
            home.intro = rich_text(*spec["intro"])
            home.body = self.stream(spec["body"])
            publish(home, self.user)
        self.report.count("home page", changed)
        # The home goes first: every other page is translated under its translation.
        self.to_translate.insert(0, (home, translations_for(spec)))
        self.step(f"home page ({'filled in' if changed else 'kept'})")

    def load_navigation(self) -> None:
        spec = content.NAVIGATION
        navigation = Navigation.objects.filter(locale=self.fr).first()
        created = navigation is None
        if created:

            def links(items):
                return json.dumps(
                    [
                        {
                            "type": "link",
                            "value": {"label": label.fr, "page": self.pages[key].pk, "url": ""},
                        }
                        for label, key in items
                    ]
                )

            navigation = NavigationFactory(
                locale=self.fr,
                primary_menu=links(spec["primary_menu"]),
                footer_text=rich_text(spec["footer_text"]),
                footer_links=links(spec["footer_links"]),
                social_links=json.dumps(
                    [
                        {"type": "social", "value": {"network": network, "url": url}}
                        for network, url in spec["social_links"]
                    ]
                ),
            )
        self.report.count("navigation", created)
        self.queue(navigation, spec)
        self.step(f"navigation ({'created' if created else 'kept'})")

    # -- directory -----------------------------------------------------------------------------

    def load_directory(self) -> None:
        """People, companies and project ideas (``directory/``), linked to the spaces above."""
        counts = load_directory_demo()
        self.step(
            "directory: {skills} skills and {sectors} sectors added; {coworkers} coworkers, "
            "{companies} companies, {projects} project ideas and {translations} translations "
            "created".format(**counts)
            + ("" if counts["spaces"] else " (no space page found: records not linked to spaces)")
        )

    def load_newsletter(self) -> None:
        """The archive, an issue marked as sent once translated, and one ready to send."""
        spec = NEWSLETTER_INDEX
        index = self.child_page(
            self.home,
            spec["slug"].fr,
            NewsletterIndexPageFactory,
            "index page",
            title=spec["title"].fr,
            intro=rich_text(spec["intro"]),
        )
        self.pages[spec["key"]] = index
        self.queue(index, spec)
        today = timezone.localdate()
        self.newsletter_sent = self.detail_page(
            index,
            SENT_ISSUE,
            NewsletterIssuePageFactory,
            "newsletter issue",
            **issue_fields(SENT_ISSUE, today=today),
        )
        # Published and translated, not sent: a coordinator can send it right after `make run`.
        self.detail_page(
            index,
            READY_ISSUE,
            NewsletterIssuePageFactory,
            "newsletter issue",
            **issue_fields(READY_ISSUE, today=today),
        )
        self.step("newsletter: the archive, one issue sent in fr/nl/en, one ready to send")

    def mark_newsletter_sent(self) -> None:
        created = mark_sent(self.newsletter_sent, self.user)
        self.report.count("newsletter sending", bool(created))

    def load_subscribers(self) -> None:
        """Newsletter interests (the spaces, trainings, cross-border projects) in three
        languages, and confirmed subscribers of each edition."""
        counts = load_subscribers_demo()
        self.step(
            "newsletter: {interests} interests and {subscribers} subscribers created".format(
                **counts
            )
        )

    # -- translations --------------------------------------------------------------------------

    def load_registrations(self) -> None:
        """Registration on for the events of content.REGISTRATIONS, in every language, and
        their demo registrants (no e-mail is sent); kept as they are on a second run."""
        index = self.pages.get("agenda")
        for slug, spec in content.REGISTRATIONS.items():
            source = index.get_children().filter(slug=slug).first() if index else None
            if source is None:
                continue
            settings = {
                "registration_enabled": True,
                "capacity": spec["capacity"],
                "ask_dietary_needs": spec.get("ask_dietary_needs", False),
                "ask_company": spec.get("ask_company", False),
            }
            pages = {
                page.locale.language_code: page
                for page in EventPage.objects.filter(
                    translation_key=source.translation_key
                ).select_related("locale")
            }
            for page in pages.values():
                if any(getattr(page, name) != value for name, value in settings.items()):
                    for name, value in settings.items():
                        setattr(page, name, value)
                    publish(page, self.user)
            for name, email, language in spec["registrants"]:
                page = pages.get(language) or pages["fr"]
                try:
                    registrations.register(
                        page, name=name, email=email, language=language, notify=False
                    )
                except registrations.RegistrationRefused:
                    self.report.count("registration", False)
                else:
                    self.report.count("registration", True)
        self.step(f"registrations: {len(content.REGISTRATIONS)} events take them")

    def translate_everything(self) -> None:
        targets = [Locale.objects.get(language_code=code) for code in content.TARGET_LANGUAGES]
        # Pages in tree order (parents before children), then snippets; the navigation last so
        # that its page links can point at the translated pages.
        pages = sorted(
            (item for item in self.to_translate if isinstance(item[0], Page)),
            key=lambda item: item[0].path,
        )
        snippets = [item for item in self.to_translate if not isinstance(item[0], Page)]
        snippets.sort(key=lambda item: isinstance(item[0], Navigation))
        items = pages + snippets
        self.step(f"translating {len(items)} pages and snippets into nl and en (wagtail-localize)")
        progress = tqdm(items, disable=self.quiet, unit="object", file=sys.stderr, leave=False)
        for obj, glossary in progress:
            before = self._translation_count(obj, targets)
            if isinstance(obj, Page):
                translate_page(obj, targets, user=self.user, translations=glossary)
            else:
                translate_snippet(obj, targets, user=self.user, translations=glossary)
            after = self._translation_count(obj, targets)
            for _ in range(after - before):
                self.report.count("translation", True)
            for _ in range(len(targets) - (after - before)):
                self.report.count("translation", False)
        # Pages translated before the pages they link to (the home page and its call to action)
        # get their links re-pointed now; a no-op when nothing changed.
        for obj, _glossary in items:
            if sync_page_links(obj, targets, user=self.user):
                self.report.count("translation with re-pointed links", True)

    def update_reference_index(self) -> None:
        objects = [
            *Page.objects.filter(depth__gt=1).specific(),
            *Category.objects.all(),
            *Navigation.objects.all(),
            *Author.objects.all(),
        ]
        with transaction.atomic():
            for obj in objects:
                if ReferenceIndex.is_indexed(type(obj)):
                    ReferenceIndex.create_or_update_for_object(obj)
        self.step(f"reference index updated for {len(objects)} objects")

    @staticmethod
    def _translation_count(obj, targets) -> int:
        model = type(obj) if not isinstance(obj, Page) else Page
        return (
            model.objects.filter(translation_key=obj.translation_key, locale__in=targets)
            .exclude(**({"alias_of__isnull": False} if model is Page else {}))
            .count()
        )


def study_document_lines(spec) -> list[str]:
    """The paragraphs of a study's PDF: its summary and body in French, its summary in Dutch
    and English, and the project's credits."""
    lines = [spec["summary"].fr]
    for part in spec["body"]:
        if isinstance(part, UL):
            lines.extend(f"- {item.fr}" for item in part.items)
        else:
            lines.append(part.fr)
    return [
        *lines,
        "# Samenvatting",
        spec["summary"].nl,
        "# Summary",
        spec["summary"].en,
        "# COFFEE",
        "COworking Frontalier pour Futurs Entrepreneurs Européens - projet Interreg "
        "France-Wallonie-Vlaanderen, cofinancé par le FEDER. Document de démonstration.",
    ]


def describe(report: Report) -> list[str]:
    created = ", ".join(f"{n} {kind}" for kind, n in sorted(report.created.items())) or "nothing"
    kept = ", ".join(f"{n} {kind}" for kind, n in sorted(report.kept.items())) or "nothing"
    lines = [f"Created: {created}.", f"Already there (kept): {kept}."]
    if report.events_moved:
        lines.append(f"Events moved back around today: {report.events_moved}.")
    return lines


__all__ = ["DemoLoader", "Report", "describe"]
