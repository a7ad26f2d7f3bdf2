"""factory_boy / wagtail-factories factories for every page type, snippet, image and document.

Shared by the tests and by ``manage.py load_demo_content``. Pages need a parent: pass
``parent=...``; when omitted, index pages and standard pages go under the French home page (the
site root) and detail pages under the first index of their type (created if missing).

    article = BlogPageFactory(title="Hello", article_categories=[category])
    event = EventPageFactory(venue_space=SpacePageFactory())

Pages are created live without revision (enough for most tests and fast); ``publish(page)`` saves
a revision and publishes it, as an editor would. Inline relations take plain instances through
parameters: ``BlogPageFactory(categories=[...], authors=[...], tags=[...])``,
``StudyPageFactory(themes=[...], partners=[...], attached_documents=[...])``,
``SpacePageFactory(gallery=[image, ...])``.

Directory records are saved the way an editor saves them: a draft first, then published through
a revision (``published=False`` keeps the draft). Their relations are plain lists of rows:
``CoworkerFactory(skills=[skill], home_space=space, spaces_visited=[...])``.
"""

from __future__ import annotations

import datetime
import json

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.coreutils import find_available_slug
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page
from wagtail.rich_text import RichText
from wagtail.users.models import UserProfile

from cms.blog.models import Author, BlogIndexPage, BlogPage, BlogPageAuthor, BlogPageCategory
from cms.core.models import Category, Navigation
from cms.directory.choices import CompanyKind
from cms.directory.models import Company, Coworker, ProjectIdea
from cms.directory.models.records import make_slug
from cms.events.models import EventIndexPage, EventPage
from cms.home.models import HomePage
from cms.pages.models import ContactPage, StandardPage
from cms.spaces.models import SpaceGalleryImage, SpaceIndexPage, SpacePage
from cms.studies.models import (
    PartnerOrganisation,
    StudyDocument,
    StudyIndexPage,
    StudyPage,
    StudyPartner,
    StudyTheme,
)

from .media import PALETTE, make_image_bytes, make_pdf_bytes

__all__ = [
    "AuthorFactory",
    "BlogIndexPageFactory",
    "BlogPageFactory",
    "CategoryFactory",
    "CompanyFactory",
    "ContactPageFactory",
    "CoworkerFactory",
    "DocumentFactory",
    "EventIndexPageFactory",
    "EventPageFactory",
    "HomePageFactory",
    "ImageFactory",
    "NavigationFactory",
    "PartnerOrganisationFactory",
    "ProjectIdeaFactory",
    "SpaceIndexPageFactory",
    "SpacePageFactory",
    "StandardPageFactory",
    "StudyIndexPageFactory",
    "StudyPageFactory",
    "UserFactory",
    "get_home_page",
    "paragraphs",
    "publish",
    "stream",
]


# --------------------------------------------------------------------------------------------
# Small helpers for field values
# --------------------------------------------------------------------------------------------


def paragraphs(*texts: str) -> str:
    """Rich text made of one <p> per text (the texts are inserted as they are: HTML allowed)."""
    return "".join(f"<p>{text}</p>" for text in texts)


def stream(*blocks: tuple[str, object]) -> str:
    """Raw StreamField data from (block type, value) pairs; rich text values as HTML strings.

    ``stream(("paragraph", "<p>Bonjour</p>"), ("quote", {"quote": "...", "attribution": ""}))``
    """
    return json.dumps(
        [
            {"type": block_type, "value": value.source if isinstance(value, RichText) else value}
            for block_type, value in blocks
        ]
    )


def get_home_page(locale: Locale | str | None = None) -> HomePage:
    """The home page of a locale (French by default): the root of the site."""
    if locale is None:
        locale = Locale.get_default()
    elif isinstance(locale, str):
        locale = Locale.objects.get(language_code=locale)
    home = HomePage.objects.filter(locale=locale, depth=2).first()
    if home is None:
        raise HomePage.DoesNotExist(f"No home page in locale {locale}: run the migrations.")
    return home


def _root_collection():
    return Collection.get_first_root_node()


def _default_parent(index_model, index_factory):
    def parent():
        index = index_model.objects.filter(locale=Locale.get_default()).first()
        return index if index is not None else index_factory()

    return parent


def inline_rows(model, field: str, param: str):
    """Inline rows of ``model`` (a page's orderable), one per object passed as the factory
    parameter ``param``, each in its ``field``."""
    return factory.LazyAttribute(lambda o: [model(**{field: obj}) for obj in getattr(o, param)])


def publish(page, user=None):
    """Save a revision of ``page`` and publish it (what the admin's "Publish" button does)."""
    revision = page.save_revision(user=user, log_action=True)
    revision.publish(user=user)
    page.refresh_from_db()
    return page


# --------------------------------------------------------------------------------------------
# Images and documents
# --------------------------------------------------------------------------------------------


class ImageFactory(wagtail_factories.ImageFactory):
    """A picture drawn with Pillow; ``label``, ``colour``, ``subtitle`` and ``size`` change how it
    looks (the label defaults to the title)."""

    class Meta:
        model = get_image_model()

    class Params:
        label = factory.LazyAttribute(lambda o: o.title)
        colour = factory.Sequence(lambda n: PALETTE[n % len(PALETTE)])
        subtitle = ""
        size = (1200, 800)

    title = factory.Sequence(lambda n: f"Image {n}")
    collection = factory.LazyFunction(_root_collection)
    file = factory.LazyAttribute(
        lambda o: ContentFile(
            make_image_bytes(o.label, o.colour, size=o.size, subtitle=o.subtitle),
            name=f"{slugify(o.title) or 'image'}.jpg",
        )
    )


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A small real PDF whose pages carry ``paragraphs`` (headings start with "# ")."""

    class Meta:
        model = get_document_model()

    class Params:
        paragraphs = ("Document de démonstration du réseau COFFEE.",)
        footer = "COFFEE Hub"

    title = factory.Sequence(lambda n: f"Document {n}")
    collection = factory.LazyFunction(_root_collection)
    file = factory.LazyAttribute(
        lambda o: ContentFile(
            make_pdf_bytes(o.title, o.paragraphs, footer=o.footer),
            name=f"{slugify(o.title) or 'document'}.pdf",
        )
    )


# --------------------------------------------------------------------------------------------
# Accounts
# --------------------------------------------------------------------------------------------


class UserFactory(DjangoModelFactory):
    """An account: ``superuser=True`` may do everything in the admin, ``admin_language="en"``
    sets the language of the admin's interface."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    class Params:
        superuser = factory.Trait(is_superuser=True, is_staff=True)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("coffee-test")

    @factory.post_generation
    def admin_language(obj, create, extracted, **kwargs):
        if create and extracted:
            profile = UserProfile.get_for_user(obj)
            profile.preferred_language = extracted
            profile.save()


# --------------------------------------------------------------------------------------------
# Snippets and plain models
# --------------------------------------------------------------------------------------------


class CategoryFactory(DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Catégorie {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    locale = factory.LazyFunction(Locale.get_default)


class NavigationFactory(DjangoModelFactory):
    """The menus of one locale (empty by default; pass StreamField data built with ``stream``)."""

    class Meta:
        model = Navigation

    locale = factory.LazyFunction(Locale.get_default)
    footer_text = ""


class AuthorFactory(DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Faker("name", locale="fr_FR")
    role = "Coworker"
    photo = None


class PartnerOrganisationFactory(DjangoModelFactory):
    class Meta:
        model = PartnerOrganisation

    name = factory.Sequence(lambda n: f"Organisation partenaire {n}")
    city = "Mons"
    country = "BE"
    website = ""


# --------------------------------------------------------------------------------------------
# Pages
# --------------------------------------------------------------------------------------------


def _available_slug(o) -> str:
    slug = slugify(o.title) or "page"
    return find_available_slug(o.parent, slug) if o.parent is not None else slug


class BasePageFactory(wagtail_factories.PageFactory):
    """Slugs come from the title, made unique among the parent's children."""

    class Meta:
        abstract = True

    slug = factory.LazyAttribute(_available_slug)


class IndexPageFactory(BasePageFactory):
    """Index pages (blog, agenda, studies, spaces) go under the French home page."""

    class Meta:
        abstract = True

    parent = factory.LazyFunction(get_home_page)


def index_page_factory(model, title: str, intro: str):
    """The factory of the index page type ``model``: its title and one-paragraph intro."""
    return factory.make_factory(
        model, FACTORY_CLASS=IndexPageFactory, title=title, intro=paragraphs(intro)
    )


SpaceIndexPageFactory = index_page_factory(
    SpaceIndexPage, "Espaces", "Les espaces de coworking et centres de compétences du réseau."
)
EventIndexPageFactory = index_page_factory(EventIndexPage, "Agenda", "Les événements du réseau.")
BlogIndexPageFactory = index_page_factory(BlogIndexPage, "Blog", "Nouvelles et récits du réseau.")
StudyIndexPageFactory = index_page_factory(
    StudyIndexPage, "Études", "Études et guides produits par le réseau."
)


class HomePageFactory(BasePageFactory):
    """A new home page under the tree root (the migrations already create the French one:
    use ``get_home_page()`` to get it)."""

    class Meta:
        model = HomePage

    parent = factory.LazyFunction(Page.get_first_root_node)
    title = factory.Sequence(lambda n: f"Accueil {n}")
    intro = paragraphs("Un réseau transfrontalier d'espaces de coworking.")
    body = "[]"


class StandardPageFactory(BasePageFactory):
    class Meta:
        model = StandardPage

    parent = factory.LazyFunction(get_home_page)
    title = factory.Sequence(lambda n: f"Page {n}")
    intro = paragraphs("Une page d'information du réseau.")
    body = factory.LazyFunction(
        lambda: stream(("paragraph", paragraphs("Un paragraphe de contenu.")))
    )


class ContactPageFactory(BasePageFactory):
    class Meta:
        model = ContactPage

    parent = factory.LazyFunction(get_home_page)
    title = "Contact"
    intro = paragraphs("Écrivez-nous.")
    recipient_email = "contact@example.org"


class SpacePageFactory(BasePageFactory):
    class Meta:
        model = SpacePage

    class Params:
        gallery = ()

    parent = factory.LazyFunction(_default_parent(SpaceIndexPage, SpaceIndexPageFactory))
    title = factory.Sequence(lambda n: f"Espace {n}")
    kind = SpacePage.Kind.COWORKING
    intro = "Un espace de travail partagé pour indépendants et petites entreprises."
    description = paragraphs("Bureaux flexibles, salle de réunion et café.")
    city = "Mons"
    postcode = "7000"
    country = "BE"
    latitude = "50.454200"
    longitude = "3.952300"
    opening_hours = "Du lundi au vendredi : 9h - 18h"
    facilities = factory.LazyFunction(lambda: json.dumps([{"type": "facility", "value": "Wi-Fi"}]))
    gallery_images = factory.LazyAttribute(
        lambda o: [SpaceGalleryImage(image=image, alt_text=image.title) for image in o.gallery]
    )


class EventPageFactory(BasePageFactory):
    """An event one week from now lasting two hours; ``start``/``end`` may be overridden."""

    class Meta:
        model = EventPage

    parent = factory.LazyFunction(_default_parent(EventIndexPage, EventIndexPageFactory))
    title = factory.Sequence(lambda n: f"Événement {n}")
    start = factory.LazyFunction(
        lambda: (timezone.now() + datetime.timedelta(days=7)).replace(
            minute=0, second=0, microsecond=0
        )
    )
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    summary = "Une rencontre entre coworkers du réseau."
    body = factory.LazyFunction(lambda: stream(("paragraph", paragraphs("Au programme."))))
    venue_space = None
    venue_text = ""
    registration_url = "https://example.org/inscription"
    organiser = "Réseau COFFEE"
    price = ""
    event_language = "fr"


class BlogPageFactory(BasePageFactory):
    class Meta:
        model = BlogPage
        skip_postgeneration_save = True

    class Params:
        categories = ()
        authors = ()

    parent = factory.LazyFunction(_default_parent(BlogIndexPage, BlogIndexPageFactory))
    title = factory.Sequence(lambda n: f"Article {n}")
    date = factory.LazyFunction(timezone.localdate)
    summary = "Un article du blog du réseau."
    hero_image = None
    body = factory.LazyFunction(lambda: stream(("paragraph", paragraphs("Le corps de l'article."))))
    article_categories = inline_rows(BlogPageCategory, "category", "categories")
    article_authors = inline_rows(BlogPageAuthor, "author", "authors")

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        """``tags=["coworking", "interreg"]``"""
        if extracted:
            obj.tags.add(*extracted)
            if create:
                obj.save()


class StudyPageFactory(BasePageFactory):
    class Meta:
        model = StudyPage

    class Params:
        themes = ()
        partners = ()
        attached_documents = ()

    parent = factory.LazyFunction(_default_parent(StudyIndexPage, StudyIndexPageFactory))
    title = factory.Sequence(lambda n: f"Étude {n}")
    date = factory.LazyFunction(timezone.localdate)
    summary = "Une étude sur le coworking transfrontalier."
    body = factory.LazyFunction(lambda: stream(("paragraph", paragraphs("Les résultats."))))
    study_themes = inline_rows(StudyTheme, "category", "themes")
    study_partners = inline_rows(StudyPartner, "organisation", "partners")
    documents = inline_rows(StudyDocument, "document", "attached_documents")


# --------------------------------------------------------------------------------------------
# Directory records
# --------------------------------------------------------------------------------------------

CONSENT_DATE = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC)


class DirectoryRecordFactory(DjangoModelFactory):
    """``language="nl"`` is a shorthand for ``locale=<the Dutch locale>``."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    class Params:
        language = None

    locale = factory.LazyAttribute(
        lambda o: (
            Locale.objects.get(language_code=o.language) if o.language else Locale.get_default()
        )
    )
    live = False

    @factory.post_generation
    def published(obj, create, extracted, **kwargs):
        """Published through a revision unless ``published=False`` (a draft)."""
        if not create:
            return
        if extracted is False:
            obj.save_revision()
        else:
            publish(obj)


class CoworkerFactory(DirectoryRecordFactory):
    """A person who consented to be listed (``consent_given_at=None``: not listed)."""

    class Meta:
        model = Coworker

    name = factory.Sequence(lambda n: f"Coworker {n}")
    headline = factory.LazyAttribute(lambda o: f"{o.name}, coworker")
    email = factory.LazyAttribute(lambda o: f"{make_slug(o.name)}@example.org")
    city = "Mons"
    consent_given_at = CONSENT_DATE


class CompanyFactory(DirectoryRecordFactory):
    class Meta:
        model = Company

    name = factory.Sequence(lambda n: f"Entreprise {n}")
    description = "Une entreprise du réseau."
    kind = CompanyKind.SME
    city = "Mons"


class ProjectIdeaFactory(DirectoryRecordFactory):
    class Meta:
        model = ProjectIdea

    title = factory.Sequence(lambda n: f"Projet {n}")
    description = "Un projet à mener ensemble."
