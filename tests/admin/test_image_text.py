"""One image serves the three translations of an article; what it shows is said in each
page's language (alt text and caption), as editors write it next to the image."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import Locale

from cms.blog.models import BlogPage
from cms.demo.content import ARTICLES

pytestmark = pytest.mark.django_db

SPEC = next(a for a in ARTICLES if a["image"] == "blog-reseau")


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_the_hero_image_is_described_in_the_visitor_language(demo_content, language):
    source = BlogPage.objects.get(locale__language_code="fr", slug=SPEC["slug"])
    article = source.get_translation(Locale.objects.get(language_code=language))
    page = BeautifulSoup(Client().get(article.url).content, "lxml")
    hero = page.select_one("figure.hero-image")
    assert hero.select_one("img")["alt"] == getattr(SPEC["image_alt"], language)
    assert hero.select_one("figcaption").get_text(strip=True) == getattr(
        SPEC["image_caption"], language
    )
    shared = page.select_one("meta[property='og:image:alt']")["content"]
    assert shared == getattr(SPEC["image_alt"], language)


def test_without_a_description_the_image_title_is_read(demo_content):
    article = BlogPage.objects.get(locale__language_code="fr", slug=SPEC["slug"])
    article.hero_image_alt = ""
    assert article.hero_image_text == article.hero_image.title
