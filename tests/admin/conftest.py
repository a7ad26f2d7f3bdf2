"""The admin as editors meet it: the demo content (pages of every type in fr, nl and en, the
directory, images, documents, Wagtail's moderation workflow), loaded once for the session's
modules that use it and rolled back after them, and editors whose admin language is French,
Dutch or English."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.users.models import UserProfile

from tests.conftest import SHARED_DEMO

ADMIN_LANGUAGES = ["fr", "nl", "en"]


@pytest.fixture(scope="package")
def demo_content(shared_contents, django_db_blocker):
    """The shared demo content (tests/conftest.py's SharedContent), held for the whole package."""
    with SHARED_DEMO.kept(django_db_blocker) as media:
        yield media


def make_editor(language: str):
    user, _ = get_user_model().objects.get_or_create(
        username=f"editor-{language}",
        defaults={
            "email": f"editor-{language}@example.org",
            "first_name": "Camille",
            "last_name": "Lemaire",
            "is_staff": True,
            "is_superuser": True,
        },
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def editor_client(demo_content, db):
    """A logged-in client for an editor whose admin language is the given one."""

    def make(language: str) -> Client:
        client = Client(raise_request_exception=True)
        client.force_login(make_editor(language))
        return client

    return make
