"""Fixtures of the partner API tests: an anonymous client, an editor's session, media in a public
and a private collection, and an article whose body points to all of them."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.test import Client, override_settings
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

from cms.demo.factories import (
    BlogPageFactory,
    DocumentFactory,
    ImageFactory,
    UserFactory,
    paragraphs,
    stream,
)
from tests.conftest import (
    HIDDEN_WORD,
    SHARED_SITE_TREE,
    add,
    build_hidden_pages,
    kept_for_module,
)


@pytest.fixture(scope="session", autouse=True)
def _media_root(tmp_path_factory):
    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("api-media"))):
        yield


@pytest.fixture(scope="package")
def site_tree(shared_contents, django_db_blocker):
    """The shared site tree, held for all the API tests (tests/conftest.py's SharedContent)."""
    with SHARED_SITE_TREE.kept(django_db_blocker) as tree:
        yield tree


@pytest.fixture(scope="package")
def hidden_pages(site_tree, django_db_blocker):
    with kept_for_module(django_db_blocker):
        yield build_hidden_pages(site_tree)


@pytest.fixture(autouse=True)
def _api_settings(settings):
    from cms.api import throttling

    # Tests make many requests from one address, and count queries: throttling (a write to the
    # shared cache per process and client per second, cms.api.throttling) has its own tests.
    settings.COFFEE_API_THROTTLE_RATE = ""
    throttling.reset()  # this process's unwritten counts
    throttling.shared_cache().clear()


@pytest.fixture
def clock(monkeypatch):
    """The throttle's clock, 10 s into a minute (so a test's requests share one window)."""
    from cms.api.throttling import PublicApiThrottle

    now = [1_800_000_010.0]
    monkeypatch.setattr(PublicApiThrottle, "timer", staticmethod(lambda: now[0]))
    return now


@pytest.fixture
def api():
    return Client()


@pytest.fixture
def editor_client(db):
    """A superuser's browser session: it must not change what the public API shows."""
    user = UserFactory(username="editor", email="editor@example.com", password="pw", superuser=True)
    client = Client()
    client.force_login(user)
    return client


class Media:
    """Images and documents in a public and in a private collection."""

    def __init__(self):
        root = Collection.get_first_root_node()
        self.private_collection = root.add_child(name="Board only")
        CollectionViewRestriction.objects.create(
            collection=self.private_collection,
            restriction_type=CollectionViewRestriction.LOGIN,
        )
        # A collection inside the private one is private too.
        self.private_child = self.private_collection.add_child(name="Board minutes")
        self.image = ImageFactory(
            title="Coworkers at breakfast",
            description="Six people around a table with coffee",
            size=(1600, 1000),
        )
        self.private_image = ImageFactory(
            title=f"{HIDDEN_WORD} image",
            collection=self.private_child,
            file=get_test_image_file("secret.png"),
        )
        self.document = DocumentFactory(
            title="Annual report", file=ContentFile(b"%PDF-1.4 report", name="report.pdf")
        )
        self.private_document = DocumentFactory(
            title=f"{HIDDEN_WORD} document",
            collection=self.private_collection,
            file=ContentFile(b"%PDF-1.4 secret", name="secret.pdf"),
        )


def build_rich_article(tree, media):
    """A French article whose body has every kind of block that points elsewhere."""
    about = tree.page("standard", "fr")
    links = (
        f'Read <a linktype="page" id="{about.pk}">about us</a> and '
        f'<a linktype="document" id="{media.document.pk}">the report</a>.'
    )
    body = stream(
        ("paragraph", paragraphs(links)),
        ("image", {"image": media.image.pk, "alt_text": "Breakfast", "caption": "Lille"}),
        ("image", {"image": media.private_image.pk, "alt_text": "", "caption": ""}),
        ("document", {"document": media.document.pk, "label": "Download"}),
        ("document", {"document": media.private_document.pk, "label": ""}),
        (
            "call_to_action",
            {"title": "Join", "text": "", "link": {"label": "About", "page": about.pk, "url": ""}},
        ),
    )
    return add(
        BlogPageFactory,
        tree.page("blog_index", "fr"),
        title="Un article riche",
        slug="article-riche",
        date=datetime.date(2026, 1, 15),
        summary="Tout ce qu'un corps d'article peut contenir.",
        hero_image=media.image,
        body=body,
    )


@pytest.fixture(scope="package")
def api_content(site_tree, django_db_blocker):
    """Media and a rich article, on top of the module's site tree."""
    with kept_for_module(django_db_blocker):
        media = Media()
        media.article = build_rich_article(site_tree, media)
        yield media
