"""The admin as editors meet it: the demo content (pages of every type in fr, nl and en, the
directory, images, documents, Wagtail's moderation workflow), loaded once for the package and
rolled back after it, and editors whose admin language is French, Dutch or English."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.test.utils import override_settings
from wagtail.users.models import UserProfile

from tests.conftest import kept_for_module

ADMIN_LANGUAGES = ["fr", "nl", "en"]


@pytest.fixture(scope="package")
def demo_content(django_db_setup, django_db_blocker, tmp_path_factory):
    media = override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("admin-media")))
    media.enable()
    try:
        with kept_for_module(django_db_blocker):
            call_command("load_demo_content", "--quiet")
            yield
    finally:
        media.disable()


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
