"""The demo content: `manage.py load_demo_content` builds a site in fr, translated into nl and en
with wagtail-localize, and running it again changes nothing.

The command runs once for the modules of the session that use the demo (it takes a while), in a
transaction rolled back after them (tests/conftest.py's SharedContent); this module runs it a
second time, and its tests then read what both runs built.
"""

import datetime
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.blog.models import BlogPage
from cms.core.models import Category, Navigation
from cms.demo import content
from cms.demo.directory import records_data
from cms.demo.factories import (
    AuthorFactory,
    BlogPageFactory,
    CategoryFactory,
    DocumentFactory,
    EventPageFactory,
    HomePageFactory,
    ImageFactory,
    PartnerOrganisationFactory,
    SpaceIndexPageFactory,
    SpacePageFactory,
    StandardPageFactory,
    StudyPageFactory,
    get_home_page,
    publish,
)
from cms.demo.translation import translate_page, translate_snippet
from cms.directory.models import Company, Coworker, ProjectIdea
from cms.directory.models.records import make_slug
from cms.events.models import EventPage
from cms.home.models import HomePage
from cms.newsletter.models import NewsletterIssuePage
from cms.pages.models import ContactPage
from cms.registrations.models import Registration, Status
from cms.spaces.models import SpacePage
from cms.studies.models import StudyPage
from cms.subscribers.audience import recipients
from cms.subscribers.models import Interest, Subscriber

pytestmark = pytest.mark.django_db

COUNTED = {
    "Page": Page,
    "Revision": Revision,
    "TranslationSource": TranslationSource,
    "Translation": Translation,
    "StringTranslation": StringTranslation,
    "Category": Category,
    "Navigation": Navigation,
    "Document": get_document_model(),
    "Image": get_image_model(),
    "User": get_user_model(),
    "Coworker": Coworker,
    "Company": Company,
    "ProjectIdea": ProjectIdea,
    "Interest": Interest,
    "Subscriber": Subscriber,
    "Registration": Registration,
}
TARGETS = ["nl", "en"]


def counts() -> dict[str, int]:
    return {name: model.objects.count() for name, model in COUNTED.items()}


@dataclass(frozen=True)
class Demo:
    first_run: dict[str, int]
    second_run: dict[str, int]


@pytest.fixture(scope="module")
def demo(demo_content, django_db_blocker):
    """The demo as the session loaded it (tests/conftest.py's demo_content), then loaded again."""
    with django_db_blocker.unblock():
        first_run = counts()
        call_command("load_demo_content", "--quiet")
        return Demo(first_run=first_run, second_run=counts())


def french_pages():
    home = get_home_page("fr")
    return list(Page.objects.descendant_of(home, inclusive=True).specific().order_by("path"))


def test_running_the_command_twice_changes_nothing(demo):
    assert demo.second_run == demo.first_run
    pages_per_locale = 1 + 4 + len(content.SPACES) + len(content.EVENTS) + len(content.ARTICLES)
    pages_per_locale += len(content.STUDIES) + len(content.STANDARD_PAGES)
    assert demo.first_run["Page"] >= 1 + 3 * pages_per_locale  # the tree root + three locales
    assert demo.first_run["Navigation"] == 3
    assert demo.first_run["Category"] == 3 * len(content.CATEGORIES)
    assert demo.first_run["Document"] >= len(content.STUDIES)
    assert demo.first_run["Image"] >= len(content.IMAGES)


def test_the_directory_has_its_people_translations_and_hidden_records(demo):
    """Every demo record is there once, in its language and the languages it was translated
    into; the people hidden on purpose (draft, no consent, consent withdrawn) are not public."""
    assert demo.first_run["Company"] >= len(records_data.COMPANIES)
    assert demo.first_run["ProjectIdea"] >= len(records_data.PROJECTS)
    public = set(Coworker.objects.public().values_list("slug", flat=True))
    for spec in records_data.COWORKERS:
        slug = make_slug(spec["name"])
        assert (slug in public) == (spec["state"] == "public"), slug
        if spec["state"] != "public":
            continue
        rows = Coworker.objects.filter(slug=slug)
        languages = {spec["language"], *spec.get("translations", {})}
        assert set(rows.values_list("locale__language_code", flat=True)) == languages
        for code, (headline, _bio) in spec.get("translations", {}).items():
            translated = rows.get(locale__language_code=code)
            assert translated.headline == headline
            assert translated.live and not translated.has_unpublished_changes, (slug, code)
    lumen = Company.objects.get(slug="atelier-lumen", locale__language_code="fr")
    assert {person.slug for person in lumen.people.all()} == {"wout-peeters", "sophie-renard"}
    assert lumen.spaces.get().specific.city == "Tournai"


def test_newsletter_interests_and_subscribers_in_three_languages(demo):
    """Each space, trainings and cross-border projects can be chosen in fr, nl and en, a
    space's interest links to its page in that language; each edition has readers."""
    assert demo.first_run["Interest"] == 3 * (len(content.SPACES) + 2)
    for language in ("fr", "nl", "en"):
        rows = Interest.objects.filter(locale__language_code=language)
        assert {"trainings", "cross-border-projects"} <= set(rows.values_list("slug", flat=True))
        for row in rows.exclude(space=None):
            assert row.space.locale.language_code == language
            assert row.name == row.space.title
        assert recipients(language).exists()
    trainings = Interest.objects.get(slug="trainings", locale__language_code="en")
    assert [s.email for s in recipients("fr", [trainings])] == [
        "camille.lecteur@example.org",
        "julien.formation@example.org",
    ]


@pytest.mark.parametrize("language", TARGETS)
def test_every_page_is_a_live_translation_with_its_own_text(demo, language):
    """Each French page has a real (non-alias) translation: same translation key, target locale,
    live, and a translated title (spaces keep their proper names: their introduction differs)."""
    locale = Locale.objects.get(language_code=language)
    pages = french_pages()
    assert len(pages) > 30
    for page in pages:
        translated = page.get_translation(locale).specific
        assert translated.translation_key == page.translation_key
        assert translated.locale == locale
        assert translated.live and not translated.has_unpublished_changes
        assert translated.alias_of_id is None
        if isinstance(page, SpacePage):
            assert translated.title == page.title
            assert translated.intro != page.intro
        else:
            assert translated.title != page.title, page.url_path


def test_titles_are_distinct_across_the_three_languages(demo):
    target_locales = Locale.objects.filter(language_code__in=TARGETS)
    for page in french_pages():
        if isinstance(page, SpacePage):
            continue
        titles = {page.title} | {page.get_translation(locale).title for locale in target_locales}
        assert len(titles) == 3, titles


def test_translations_go_through_wagtail_localize(demo):
    for page in french_pages():
        source = TranslationSource.objects.get_for_instance(page)
        targets = set(
            Translation.objects.filter(source=source).values_list(
                "target_locale__language_code", flat=True
            )
        )
        assert targets == set(TARGETS)
    # The Dutch title of the agenda is a StringTranslation in the translation memory.
    assert StringTranslation.objects.filter(locale__language_code="nl", data="Evenementen").exists()


def test_the_site_root_is_the_french_home_and_nl_en_homes_translate_it(demo):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.locale.language_code == "fr"
    expected = {"fr": "Bienvenue au COFFEE Hub", "nl": "Welkom bij COFFEE Hub"}
    expected["en"] = "Welcome to COFFEE Hub"
    for language, title in expected.items():
        translated = home.get_translation(Locale.objects.get(language_code=language))
        assert translated.title == title
        assert translated.depth == 2
        assert translated.url == f"/{language}/"


def test_slugs_are_translated(demo):
    assert Page.objects.get(locale__language_code="nl", slug="ruimtes").url == "/nl/ruimtes/"
    assert Page.objects.get(locale__language_code="en", slug="studies").url == "/en/studies/"
    assert Page.objects.get(locale__language_code="fr", slug="etudes").url == "/fr/etudes/"


@pytest.mark.parametrize("language", TARGETS)
def test_navigation_and_categories_are_translated(demo, language):
    navigation = Navigation.objects.get(locale__language_code=language)
    labels = [block.value["label"] for block in navigation.primary_menu]
    expected = [getattr(label, language) for label, _key in content.NAVIGATION["primary_menu"]]
    assert labels == expected
    # Menu links point at the pages of the same language.
    assert {block.value["page"].locale.language_code for block in navigation.primary_menu} == {
        language
    }
    names = set(
        Category.objects.filter(locale__language_code=language).values_list("name", flat=True)
    )
    assert names == {getattr(spec["name"], language) for spec in content.CATEGORIES.values()}


def test_the_agenda_has_upcoming_past_and_online_events(demo):
    now = timezone.now()
    events = EventPage.objects.filter(locale__language_code="fr")
    assert events.count() == len(content.EVENTS)
    assert events.filter(start__gt=now).count() >= 6
    assert events.filter(end__lt=now).exists()
    assert events.filter(venue_space__isnull=True).exclude(online_url="").exists()
    assert events.filter(start__lt=now + datetime.timedelta(days=14), start__gt=now).exists()


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_the_agenda_has_a_weekly_series_a_cancelled_and_an_online_event(demo, language):
    """In each language: a weekly breakfast that skips a week, listed date by date; a cancelled
    event; an online event whose joining link the page does not show."""
    events = EventPage.objects.filter(locale__language_code=language).live()
    (series,) = events.exclude(repeat_frequency="")
    dates = series.upcoming_occurrences()
    assert len(dates) >= 10
    gaps = {
        later.start.date() - earlier.start.date()
        for earlier, later in zip(dates, dates[1:], strict=False)
    }
    assert gaps == {datetime.timedelta(weeks=1), datetime.timedelta(weeks=2)}
    assert events.filter(status="cancelled").count() == 1
    online = events.get(venue_space__isnull=True, online_url__startswith="https://")
    assert online.attendance_mode == "online"


def test_each_study_comes_with_a_pdf(demo):
    for study in StudyPage.objects.filter(locale__language_code="fr"):
        documents = [item.document for item in study.documents.all()]
        assert documents
        for document in documents:
            with document.file.open("rb") as handle:
                data = handle.read()
            assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")


def test_the_admin_can_log_in(demo):
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password("coffee-admin")


def test_translate_page_uses_the_given_translations_and_is_idempotent(demo):
    page = StandardPageFactory(title="Une page de test", slug="une-page-de-test")
    translations = {
        "Une page de test": {"nl": "Een testpagina", "en": "A test page"},
        "une-page-de-test": {"nl": "een-testpagina", "en": "a-test-page"},
    }
    result = translate_page(page, TARGETS, translations=translations)
    assert {code: p.title for code, p in result.items()} == {
        "nl": "Een testpagina",
        "en": "A test page",
    }
    assert result["nl"].slug == "een-testpagina" and result["nl"].live
    assert result["en"].get_parent().specific == get_home_page("en")
    before = counts()
    assert translate_page(page, TARGETS, translations=translations) == result
    assert counts() == before


def test_translate_snippet_falls_back_to_the_source_text(demo):
    category = CategoryFactory(name="Sans traduction", slug="sans-traduction")
    result = translate_snippet(category, ["nl"], translations={})
    assert result["nl"].name == "Sans traduction"
    assert result["nl"].translation_key == category.translation_key


def test_the_factories_build_every_page_type_with_its_relations(demo):
    """The factories work next to existing content: slugs stay unique among siblings."""
    index = SpaceIndexPageFactory()
    assert index.slug == "espaces-1"  # the demo already has /espaces/
    space = SpacePageFactory(parent=index, gallery=[ImageFactory(title="Vue de l'espace")])
    event = EventPageFactory(venue_space=space)
    assert event.space == space and event.end > event.start
    article = BlogPageFactory(
        categories=[CategoryFactory()],
        authors=[AuthorFactory()],
        tags=["demo", "test"],
        hero_image=ImageFactory(),
    )
    assert len(article.categories) == 1 and len(article.authors) == 1
    assert sorted(article.tags.names()) == ["demo", "test"]
    study = StudyPageFactory(
        themes=[CategoryFactory()],
        partners=[PartnerOrganisationFactory()],
        attached_documents=[DocumentFactory(title="Rapport")],
    )
    assert study.documents.get().document.file.name.endswith(".pdf")
    assert study.partners and study.themes
    standard = publish(StandardPageFactory(title="À propos"))
    assert standard.slug == "a-propos-1" and standard.live_revision is not None
    assert HomePageFactory().depth == 2
    assert space.gallery_images.get().image.width == 1200


def test_an_agenda_loaded_weeks_ago_is_moved_back_around_today(demo, tmp_path):
    """`make run` loads the demo on every start: an old database must not show an agenda whose
    "upcoming" events all lie in the past."""
    weeks = datetime.timedelta(days=45)
    expected = {page.pk: (page.start, page.end) for page in EventPage.objects.all()}
    for page in EventPage.objects.all():
        page.start, page.end = page.start - weeks, page.end - weeks
        publish(page)
    with override_settings(MEDIA_ROOT=str(tmp_path)):
        call_command("load_demo_content", "--quiet")
    for page in EventPage.objects.all():
        assert (page.start, page.end) == expected[page.pk], page.url_path
        assert page.live and not page.has_unpublished_changes
        revision = page.get_latest_revision_as_object()
        assert (revision.start, revision.end) == expected[page.pk]
    upcoming = EventPage.objects.live().filter(
        start__gte=timezone.now(), locale__language_code="nl"
    )
    assert upcoming.count() == sum(1 for spec in content.EVENTS if spec["days"] > 0)


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_the_newsletter_archive_has_a_sent_issue_and_one_ready_to_send(demo, client, language):
    archive = client.get(f"/{language}/newsletter/")
    assert archive.status_code == 200
    issues = NewsletterIssuePage.objects.filter(locale__language_code=language).live()
    sent = [issue for issue in issues if issue.sent_at]
    ready = [issue for issue in issues if not issue.sent_at]
    assert len(sent) == 1 and len(ready) == 1
    html = archive.content.decode()
    assert sent[0].title in html and ready[0].title not in html
    feed = client.get(f"/{language}/newsletter/feed/").content.decode()
    assert sent[0].title in feed
    # A visitor finds it: every page's footer links to it.
    home = BeautifulSoup(client.get(f"/{language}/").content, "html.parser")
    footer_links = {a["href"] for a in home.select(".site-footer__links a[href]")}
    assert f"/{language}/newsletter/" in footer_links


@pytest.mark.parametrize("language", ["nl", "en"])
def test_pictures_are_described_and_captioned_in_each_language(demo, client, language):
    """The article's hero picture and the space's gallery picture: alt text and caption in the
    page's language, not the French ones."""
    for spec, model in ((content.ARTICLES[0], BlogPage), (content.SPACES[0], SpacePage)):
        slug = getattr(spec["slug"], "fr", spec["slug"])
        source = model.objects.get(locale__language_code="fr", slug=slug)
        page = source.get_translation(Locale.objects.get(language_code=language))
        html = client.get(page.url).content.decode()
        for text in (spec["image_alt"], spec["image_caption"]):
            translated = getattr(text, language)
            assert escape(translated) in html or translated in html, translated
            assert text.fr != translated


def test_the_contact_page_has_a_form_relayed_to_the_team(demo, client):
    for language in ("fr", "nl", "en"):
        page = ContactPage.objects.get(locale__language_code=language)
        html = client.get(page.url).content.decode()
        assert 'method="post"' in html
        assert page.recipient_email not in html


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_upcoming_events_take_registrations_one_full_one_unlimited(demo, client, language):
    """In every language: the creative hold-up is full with its waiting list in use, the
    webinar has no seat limit; both show the form."""
    events = {
        slug: EventPage.objects.get(
            translation_key=EventPage.objects.get(
                slug=slug, locale__language_code="fr"
            ).translation_key,
            locale__language_code=language,
        )
        for slug in content.REGISTRATIONS
    }
    full = events["hold-up-creatif-esco"]
    unlimited = events["webinaire-travailler-des-deux-cotes-de-la-frontiere"]
    assert full.registration == {**full.registration, "open": True, "seats_left": 0}
    assert full.registration["waiting_list"] == 2
    assert unlimited.registration["open"] and unlimited.capacity is None
    assert (
        Registration.objects.filter(event_key=full.translation_key)
        .values_list("language", flat=True)
        .distinct()
        .count()
        == 3
    )
    assert Registration.objects.filter(status=Status.WAITING).exists()
    for page in (full, unlimited):
        assert b'id="register"' in client.get(page.url).content
