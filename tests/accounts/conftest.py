"""Accounts: an admin user with a known password, a password-protected page, a real SMTP
server (tests/mail.py)."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction

from cms.demo.factories import StandardPageFactory
from tests.conftest import add
from tests.mail import smtp_server  # noqa: F401 - a fixture for this package's tests

PASSWORD = "Correct-Horse-Battery-9"
PAGE_PASSWORD = "coffee-members"


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser(
        "camille", email="camille@coffee-hub.eu", password=PASSWORD
    )


@pytest.fixture
def protected_pages(home_tree):
    """Two pages of the French site behind the same kind of page password."""
    home = home_tree.page("home", "fr")
    pages = []
    for slug in ("membres", "reserve"):
        page = add(StandardPageFactory, home, title=f"Espace {slug}", slug=slug)
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password=PAGE_PASSWORD
        )
        pages.append(page)
    return pages
