"""Shared fixtures: a small editorial site in French, translated into Dutch and English.

The French home page (created by cms/home migration 0002) is the site root; every other page is
created in French, then translated with wagtail-localize, the way an editor does it in the admin.
"""

import datetime
import os
import zoneinfo
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache
from django.db import transaction
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


class SharedSiteTree:
    """The site tree, built once for the modules that run one after another and use it.

    It is kept in a transaction left open across those modules; each module works in a
    savepoint of its own inside it (kept_for_module), so what a module adds is gone before the
    next one starts. The first test that does not use the tree, outside a module or package that
    holds it, rolls that transaction back: it finds the database as the migrations left it.
    Building the tree translates a dozen pages, which takes seconds; tests/conftest.py's
    pytest_collection_modifyitems puts the modules of a package that use it first, together.
    The tree's transaction must end before any transaction opened around it: a package-scoped
    fixture of a package whose modules use the tree may not open one (kept_for_module) itself.
    """

    def __init__(self):
        self.kept_open = None  # the open kept_for_module of the tree, once built
        self.tree = None
        self.holders = 0  # module or package fixtures that hold the tree now

    @contextmanager
    def kept(self, django_db_blocker):
        if self.tree is None:
            with ExitStack() as building:  # a failed build is rolled back here
                building.enter_context(kept_for_module(django_db_blocker))
                self.tree = build_site_tree()
                self.kept_open = building.pop_all()
        self.holders += 1
        try:
            with kept_for_module(django_db_blocker):
                yield self.tree
        finally:
            self.holders -= 1

    def release(self):
        """Roll the tree back, unless a module or package still holds it."""
        if self.kept_open is None or self.holders:
            return
        self.kept_open.close()
        self.kept_open = self.tree = None


SHARED_SITE_TREE = SharedSiteTree()


def uses_site_tree(item) -> bool:
    return "site_tree" in getattr(item, "fixturenames", ())


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if not uses_site_tree(item):
        SHARED_SITE_TREE.release()


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(items):
    """Within each folder, the modules that use the site tree run first, in their order, so
    that one build of the tree serves them all (SharedSiteTree); folders keep their order.
    Before pytest-django's own ordering (database tests first, tests that commit after them),
    which a stable sort then keeps."""
    group_site_tree_modules(items)
    return (yield)


def group_site_tree_modules(items):
    folders, modules_with_tree = {}, set()
    for item in items:
        folders.setdefault(item.path.parent, len(folders))
        if uses_site_tree(item):
            modules_with_tree.add(item.path)
    items.sort(key=lambda item: (folders[item.path.parent], item.path not in modules_with_tree))


@pytest.fixture(scope="session")
def shared_site_tree(django_db_setup):
    yield SHARED_SITE_TREE
    SHARED_SITE_TREE.release()


@pytest.fixture(scope="module")
def site_tree(shared_site_tree, django_db_blocker) -> SiteTree:
    """The site in three locales (shared by consecutive modules, see SharedSiteTree); what a
    module adds to it is rolled back after the module."""
    with shared_site_tree.kept(django_db_blocker) as tree:
        yield tree


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
