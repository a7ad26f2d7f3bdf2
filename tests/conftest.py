"""Shared fixtures: a small editorial site in French, translated into Dutch and English.

The French home page (created by cms/home migration 0002) is the site root; every other page is
created in French, then translated with wagtail-localize, the way an editor does it in the admin.
"""

import copy
import datetime
import os
import tempfile
import zoneinfo
from collections.abc import Callable
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from cms.core import content_version
from cms.demo.factories import (
    AuthorFactory,
    BlogIndexPageFactory,
    BlogPageFactory,
    CategoryFactory,
    EventIndexPageFactory,
    EventPageFactory,
    SpaceIndexPageFactory,
    SpacePageFactory,
    StandardPageFactory,
    StudyIndexPageFactory,
    StudyPageFactory,
    get_home_page,
    paragraphs,
    publish,
    stream,
)
from cms.demo.translation import translate_page

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
LANGUAGES = ["fr", "nl", "en"]

# What the hidden pages are called: one word no visible page uses, so a search for it must
# come back empty and a listing must never show it.
HIDDEN_WORD = "Zwartemarkt"
HIDDEN_KINDS = ["draft", "password", "login", "groups", "expired"]

# Titles of the translated pages, per locale: the French ones are the source.
TITLES = {
    "standard": {"fr": "À propos", "nl": "Over ons", "en": "About us"},
    "blog_index": {"fr": "Blog", "nl": "Blog", "en": "Blog"},
    "article": {
        "fr": "Travailler ensemble à Lille",
        "nl": "Samenwerken in Rijsel",
        "en": "Working together in Lille",
    },
    "article_old": {
        "fr": "Un an de coworking",
        "nl": "Een jaar coworking",
        "en": "One year of coworking",
    },
    "study_index": {"fr": "Études", "nl": "Studies", "en": "Studies"},
    "study": {
        "fr": "Bonnes pratiques d'accueil",
        "nl": "Goede praktijken voor onthaal",
        "en": "Good hosting practices",
    },
    "agenda": {"fr": "Agenda", "nl": "Agenda", "en": "Events"},
    "event_upcoming": {
        "fr": "Petit-déjeuner des coworkers",
        "nl": "Ontbijt van de coworkers",
        "en": "Coworkers' breakfast",
    },
    "event_past": {
        "fr": "Atelier passé",
        "nl": "Voorbije workshop",
        "en": "Past workshop",
    },
    "space_index": {"fr": "Espaces", "nl": "Ruimtes", "en": "Spaces"},
    "space": {"fr": "La Ruche", "nl": "De Bijenkorf", "en": "The Hive"},
}


def _at_brussels(days_from_now: int, hour: int, minute: int) -> datetime.datetime:
    day = (timezone.now().astimezone(BRUSSELS) + datetime.timedelta(days=days_from_now)).date()
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=BRUSSELS)


# The upcoming event starts at 08:30 Brussels time, the past one took place at 14:00.
UPCOMING_START = _at_brussels(40, 8, 30)
PAST_START = _at_brussels(-40, 14, 0)
HOME_DESCRIPTIONS = {
    "fr": "Le réseau COFFEE des espaces de coworking.",
    "nl": "Het COFFEE-netwerk van coworkingruimtes.",
    "en": "The COFFEE network of coworking spaces.",
}


def body(text: str) -> str:
    """StreamField data: one paragraph."""
    return stream(("paragraph", paragraphs(text)))


def add_page(parent, page, *, live=True):
    """Add `page` under `parent` and publish it (or keep it as a draft)."""
    page.live = False
    parent.add_child(instance=page)
    if live:
        publish(page)
    else:
        page.save_revision()
    return page


def glossary() -> dict[str, dict[str, str]]:
    """French source text -> its Dutch and English translations (wagtail-localize strings)."""
    texts = {titles["fr"]: titles for titles in TITLES.values()}
    texts[HOME_DESCRIPTIONS["fr"]] = HOME_DESCRIPTIONS
    return {
        fr: {"nl": t["nl"], "en": t["en"]}
        for fr, t in texts.items()
        if fr != t["nl"] or fr != t["en"]
    }


def translate(page) -> dict:
    """Translate `page` into Dutch and English with wagtail-localize, as an editor does in the
    admin (strings translated, translation published); returns {lang: translated page}."""
    return translate_page(page, ["nl", "en"], translations=glossary())


@dataclass
class SiteTree:
    """The pages of one site: primary keys and URLs by role, then by language code.

    `page()` reads a fresh instance from the database, so no test sees another's cached state.
    """

    pks: dict = field(default_factory=dict)
    urls: dict = field(default_factory=dict)

    def add(self, role, page):
        self.pks.setdefault(role, {})[page.locale.language_code] = page.pk
        self.urls.setdefault(role, {})[page.locale.language_code] = page.url

    def page(self, role, lang):
        return Page.objects.get(pk=self.pks[role][lang]).specific

    def url(self, role, lang):
        return self.urls[role][lang]

    def title(self, role, lang):
        return TITLES[role][lang] if role in TITLES else "COFFEE Hub"

    @property
    def roles(self):
        return list(self.pks)


@contextmanager
def steady_version():
    """The content version read once, not once a second, while queries are counted: a slow
    machine can otherwise cross that second inside a counted request and count one query more.
    Saving a change still retires the version at once."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(content_version, "VERSION_TTL", 3600)
        yield


@pytest.fixture
def steady_content_version():
    with steady_version():
        yield


@contextmanager
def kept_for_module(django_db_blocker):
    """Open a transaction that lasts for a whole test module and is rolled back at its end.

    Each test still runs in its own savepoint (pytest-django's `django_db`), so what a test
    adds disappears after it, and what the module fixture built stays for the next test.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()


@pytest.fixture(autouse=True)
def _clean_cache():
    """Wagtail caches the site root paths: no test may see another's."""
    cache.clear()
    yield
    cache.clear()


def add(factory, parent, **fields):
    """A page made by ``factory`` under ``parent``, published as an editor does."""
    return publish(factory(parent=parent, live=False, **fields))


def build_site_tree() -> SiteTree:
    """The French site with one page of every type, translated into Dutch and English."""
    today = timezone.now().date()
    home_fr = get_home_page("fr")
    home_fr.intro = paragraphs("Le réseau des espaces de coworking transfrontaliers.")
    home_fr.search_description = HOME_DESCRIPTIONS["fr"]
    publish(home_fr)

    category = CategoryFactory(name="Coworking", slug="coworking")
    author = AuthorFactory(name="Camille Dupont", role="Animatrice")

    fr = {"home": home_fr}
    fr["standard"] = add(
        StandardPageFactory,
        home_fr,
        title=TITLES["standard"]["fr"],
        intro=paragraphs("Qui sommes-nous ?"),
        body=body("Un réseau d'espaces de travail partagés."),
    )
    fr["blog_index"] = add(
        BlogIndexPageFactory, home_fr, title="Blog", intro=paragraphs("Nos articles.")
    )
    for role, age in (("article", 0), ("article_old", 30)):
        fr[role] = add(
            BlogPageFactory,
            fr["blog_index"],
            title=TITLES[role]["fr"],
            slug=role.replace("_", "-"),
            date=today - datetime.timedelta(days=age),
            summary=f"Résumé : {TITLES[role]['fr']}.",
            body=body("Le coworking rapproche les indépendants des deux côtés de la frontière."),
            categories=[category],
            authors=[author],
        )
    fr["study_index"] = add(
        StudyIndexPageFactory,
        home_fr,
        title=TITLES["study_index"]["fr"],
        intro=paragraphs("Les bonnes pratiques du réseau."),
    )
    fr["study"] = add(
        StudyPageFactory,
        fr["study_index"],
        title=TITLES["study"]["fr"],
        slug="bonnes-pratiques",
        date=today,
        summary="Comment accueillir les nouveaux coworkers.",
        body=body("Une étude menée dans cinq espaces."),
    )
    fr["space_index"] = add(
        SpaceIndexPageFactory,
        home_fr,
        title=TITLES["space_index"]["fr"],
        intro=paragraphs("Les espaces du réseau."),
    )
    fr["space"] = add(
        SpacePageFactory,
        fr["space_index"],
        title=TITLES["space"]["fr"],
        intro="Un espace de coworking au centre de Lille.",
        city="Lille",
        country="FR",
        street_address="1 rue de la Paix",
        postcode="59000",
    )
    fr["agenda"] = add(
        EventIndexPageFactory,
        home_fr,
        title=TITLES["agenda"]["fr"],
        intro=paragraphs("Les rencontres du réseau."),
    )
    fr["event_upcoming"] = add(
        EventPageFactory,
        fr["agenda"],
        title=TITLES["event_upcoming"]["fr"],
        slug="petit-dejeuner",
        start=UPCOMING_START,
        end=UPCOMING_START + datetime.timedelta(minutes=90),
        summary="Un café et des rencontres.",
        venue_space=fr["space"],
        organiser="COFFEE",
    )
    fr["event_past"] = add(
        EventPageFactory,
        fr["agenda"],
        title=TITLES["event_past"]["fr"],
        start=PAST_START,
        end=PAST_START + datetime.timedelta(hours=3),
        summary="Un atelier qui a déjà eu lieu.",
        venue_text="Mons, Belgique",
    )

    tree = SiteTree()
    for role, page in fr.items():
        tree.add(role, page)
    # Translate top-down: a page can only be translated once its parent is.
    for role, page in fr.items():
        for translated in translate(page).values():
            tree.add(role, translated)
    return tree


@pytest.fixture(scope="module")
def home_tree(django_db_setup, django_db_blocker) -> SiteTree:
    """Only the home page, in French, Dutch and English (for tests that need no other page)."""
    with kept_for_module(django_db_blocker):
        tree = SiteTree()
        home_fr = get_home_page("fr")
        tree.add("home", home_fr)
        for translated in translate(home_fr).values():
            tree.add("home", translated)
        yield tree


class SharedContent:
    """Content that takes seconds to build (the site tree, the demo), built once for all the
    modules that use it: the test session runs those modules one after another.

    It is kept in a transaction left open across them; each module works in a savepoint of its
    own inside it (kept_for_module), so what a module adds is gone before the next one starts.
    The first test of a module that does not use it rolls that transaction back: it finds the
    database as the migrations left it. A module that uses it holds it from its first test to
    its last (_shared_content_of_module), so that it is built before, and outlives, any
    transaction of the module's own fixtures; a package-scoped fixture that opens one must
    depend on the content's fixture. A module uses one shared content at most.
    pytest_collection_modifyitems below brings the modules that use one content together.
    """

    def __init__(self, fixture: str, build: Callable[[ExitStack], object]):
        self.fixture = fixture  # the fixture through which tests use it
        self.build = build  # builds it; what it enters in the stack ends with the content
        self.kept_open = None  # the ExitStack of the built content, while it lives
        self.content = None
        self.holders = 0  # module or package fixtures that hold the content now

    def used_by(self, item) -> bool:
        return self.fixture in getattr(item, "fixturenames", ())

    @contextmanager
    def held(self, django_db_blocker):
        """The content, built if it is not, and not rolled back while held."""
        if self.kept_open is None:
            with ExitStack() as building:  # a failed build is rolled back here
                building.enter_context(kept_for_module(django_db_blocker))
                self.content = self.build(building)
                self.kept_open = building.pop_all()
        self.holders += 1
        try:
            yield self.content
        finally:
            self.holders -= 1

    @contextmanager
    def kept(self, django_db_blocker):
        """The content for one module or package, which works in a savepoint of its own and
        gets its own copy of the content's description (a SiteTree it may add pages to)."""
        with self.held(django_db_blocker) as content, kept_for_module(django_db_blocker):
            yield copy.deepcopy(content)

    def release(self):
        """Roll the content back, unless a module or package still holds it."""
        if self.kept_open is None or self.holders:
            return
        self.kept_open.close()
        self.kept_open = self.content = None


def load_demo(stack: ExitStack) -> Path:
    """`manage.py load_demo_content`, its images and documents in a folder of their own; returns
    that folder (MEDIA_ROOT while the demo lives)."""
    media = stack.enter_context(tempfile.TemporaryDirectory(prefix="coffee-demo-media-"))
    stack.enter_context(override_settings(MEDIA_ROOT=media))
    call_command("load_demo_content", "--quiet")
    return Path(media)


SHARED_DEMO = SharedContent("demo_content", load_demo)
SHARED_SITE_TREE = SharedContent("site_tree", lambda _stack: build_site_tree())
SHARED_CONTENTS = (SHARED_DEMO, SHARED_SITE_TREE)
#: test module path -> the shared content its tests use (filled at collection)
MODULE_CONTENT: dict[Path, SharedContent] = {}


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    for shared in SHARED_CONTENTS:
        if MODULE_CONTENT.get(item.path) is not shared:
            shared.release()


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(items):
    """The modules that use one shared content run one after another, so that one build serves
    them all (SharedContent): where the first folder with such a module stood, before that
    folder's other modules; folders and modules otherwise keep their order.
    Before pytest-django's own ordering (database tests first, tests that commit after them),
    which a stable sort then keeps."""
    group_shared_content_modules(items)
    return (yield)


def group_shared_content_modules(items):
    folders, anchors = {}, {}
    MODULE_CONTENT.clear()
    for item in items:
        folder = folders.setdefault(item.path.parent, len(folders))
        for shared in SHARED_CONTENTS:
            if shared.used_by(item):
                anchors.setdefault(shared, folder)
                MODULE_CONTENT.setdefault(item.path, shared)

    def place(item):
        shared = MODULE_CONTENT.get(item.path)
        if shared is None:
            return (folders[item.path.parent], len(SHARED_CONTENTS))
        return (anchors[shared], SHARED_CONTENTS.index(shared))

    items.sort(key=place)


@pytest.fixture(scope="module", autouse=True)
def _shared_content_of_module(request, django_db_blocker):
    """The shared content of the module, held from its first test to its last. Autouse: pytest
    sets it up before the module's other fixtures, which may open transactions of their own."""
    shared = MODULE_CONTENT.get(request.path)
    if shared is None:
        yield
        return
    request.getfixturevalue("shared_contents")
    with shared.held(django_db_blocker):
        yield


@pytest.fixture(scope="session")
def shared_contents(django_db_setup):
    """Rolls the shared contents back at the end of the session, before the test database goes."""
    yield
    for shared in SHARED_CONTENTS:
        shared.release()


@pytest.fixture(scope="module")
def site_tree(shared_contents, django_db_blocker) -> SiteTree:
    """The site in three locales (shared by the modules that use it, see SharedContent); what a
    module adds to it is rolled back after the module."""
    with SHARED_SITE_TREE.kept(django_db_blocker) as tree:
        yield tree


@pytest.fixture(scope="module")
def demo_content(shared_contents, django_db_blocker) -> Path:
    """The demo content of `manage.py load_demo_content` (shared by the modules that use it, see
    SharedContent); gives its MEDIA_ROOT. What a module adds is rolled back after the module."""
    with SHARED_DEMO.kept(django_db_blocker) as media:
        yield media


@dataclass(frozen=True)
class HiddenPage:
    kind: str  # draft, password, login, groups, expired
    role: str  # article, event, study, standard
    lang: str
    pk: int
    url: str
    title: str


def make_hidden_page(kind: str, factory, parent, **fields):
    """A page made by ``factory`` under ``parent``, hidden from visitors in the way ``kind``
    says. No revision is published (it makes no difference to visibility and keeps the
    fixture fast)."""
    if kind == "expired":
        # A live page whose expiry date has passed, before `publish_scheduled` unpublished it.
        fields["expire_at"] = timezone.now() - datetime.timedelta(days=1)
    page = factory(parent=parent, live=kind != "draft", **fields)
    if kind == "draft":
        page.save_revision()
    elif kind == "password":
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
    elif kind == "login":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    elif kind == "groups":
        group, _ = Group.objects.get_or_create(name="Members")
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set([group])
    return page


def build_hidden_pages(tree: SiteTree) -> list[HiddenPage]:
    """In every locale, an article, an event, a study and a standard page of each hidden kind."""
    soon = timezone.now() + datetime.timedelta(days=10)
    summary, text = f"{HIDDEN_WORD} summary", body(f"{HIDDEN_WORD} body")
    tags = [HIDDEN_WORD.lower()]
    end = soon + datetime.timedelta(hours=2)
    roles = {  # role: (factory, parent's role, fields)
        "article": (
            BlogPageFactory,
            "blog_index",
            {"summary": summary, "body": text, "tags": tags},
        ),
        "event": (
            EventPageFactory,
            "agenda",
            {"start": soon, "end": end, "summary": summary, "venue_text": "Tournai"},
        ),
        "study": (StudyPageFactory, "study_index", {"summary": summary}),
        "standard": (StandardPageFactory, "home", {"body": text, "show_in_menus": True}),
    }
    hidden = []
    for lang in LANGUAGES:
        for kind in HIDDEN_KINDS:
            title = f"{HIDDEN_WORD} {kind} {lang}"
            for role, (factory, parent, fields) in roles.items():
                slug = f"{role}-{kind}-{lang}"
                page = make_hidden_page(
                    kind, factory, tree.page(parent, lang), title=title, slug=slug, **fields
                )
                hidden.append(HiddenPage(kind, role, lang, page.pk, page.url, title))
    return hidden


@pytest.fixture(scope="module")
def hidden_pages(site_tree, django_db_blocker) -> list[HiddenPage]:
    """Pages no visitor may see (draft, private three ways, expired), in every locale."""
    with kept_for_module(django_db_blocker):
        yield build_hidden_pages(site_tree)


def parse(response) -> BeautifulSoup:
    """The HTML of a response, parsed."""
    return BeautifulSoup(response.content, "lxml")


REDIS_REQUIRED = os.environ.get("CI", "").lower() == "true" or bool(os.environ.get("REQUIRE_REDIS"))


@pytest.fixture(params=["file", "redis"])
def shared_cache_location(request, tmp_path):
    """(BACKEND, LOCATION) of a cache several processes share: a file-based cache, and a real
    Redis server (REDIS_URL, started by ops/redis/redis.sh in `make test`) as CACHE_URL=redis://
    configures it. Without REDIS_URL the Redis case is skipped, except in CI where it fails."""
    if request.param == "file":
        yield "django.core.cache.backends.filebased.FileBasedCache", str(tmp_path / "shared")
        return
    url = os.environ.get("REDIS_URL", "")
    if not url:
        reason = "no REDIS_URL: start one with `bash ops/redis/redis.sh start`"
        if REDIS_REQUIRED:
            pytest.fail(f"CI/REQUIRE_REDIS: {reason}", pytrace=False)
        pytest.skip(reason)
    server = RedisCache(url, {})
    server.clear()
    yield "django.core.cache.backends.redis.RedisCache", url
    server.clear()
