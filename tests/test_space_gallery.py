"""A space's gallery pictures are described in each translation's own language: the same
image on /fr/, /nl/ and /en/, with its alternative text and caption translated with the page
(wagtail-localize), not copied from the French page (issue 11)."""

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from wagtail_localize.models import Translation, TranslationSource

from cms.demo.factories import ImageFactory, SpacePageFactory, publish
from cms.demo.translation import Glossary, fill_strings, translate_page
from cms.spaces.models import SpaceGalleryImage

pytestmark = pytest.mark.django_db

ALT = {
    "fr": "Le plateau de coworking sous la verrière",
    "nl": "De coworkingruimte onder het glazen dak",
    "en": "The coworking floor under the glass roof",
}
CAPTION = {"fr": "Le plateau", "nl": "De werkvloer", "en": "The floor"}
NEW = {"Le coin café": {"nl": "De koffiehoek", "en": "The coffee corner"}}
TITLE = {"fr": "La Verrière", "nl": "De Serre", "en": "The Glasshouse"}


@pytest.fixture
def gallery_space(site_tree, tmp_path):
    with override_settings(MEDIA_ROOT=str(tmp_path)):
        image = ImageFactory(title="verriere.jpg")
        page = SpacePageFactory(
            parent=site_tree.page("space_index", "fr"),
            title=TITLE["fr"],
            slug="la-verriere",
            live=False,
            gallery_images=[
                SpaceGalleryImage(image=image, alt_text=ALT["fr"], caption=CAPTION["fr"])
            ],
        )
        publish(page)
        texts = {
            source["fr"]: {"nl": source["nl"], "en": source["en"]}
            for source in (ALT, CAPTION, TITLE)
        }
        pages = {"fr": page, **translate_page(page, ["nl", "en"], translations=texts)}
        yield image, pages


def figures(client, page):
    html = BeautifulSoup(client.get(page.url).content, "lxml")
    gallery = html.select_one("#space-gallery").find_parent("section")
    return html, [
        (fig.select_one("img")["alt"], fig.select_one("figcaption").get_text(strip=True))
        for fig in gallery.select("figure")
    ]


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_gallery_is_described_in_the_page_language(client, gallery_space, lang):
    image, pages = gallery_space
    html, described = figures(client, pages[lang])
    assert described == [(ALT[lang], CAPTION[lang])]
    assert html.select_one("meta[property='og:image:alt']")["content"] == ALT[lang]
    item = pages[lang].gallery_images.get()
    assert item.image == image  # one image, shared by the translations
    assert item.locale == pages[lang].locale


def test_a_new_picture_on_the_french_page_reaches_the_translations_to_translate(gallery_space):
    """Synchronising (the admin's "Sync translated pages") adds the picture to the English
    page, to be translated there, and keeps the English text of the pictures already
    translated."""
    image, pages = gallery_space
    source = pages["fr"]
    source.gallery_images.add(SpaceGalleryImage(image=image, alt_text="Le coin café"))
    publish(source)
    translation_source, _created = TranslationSource.update_or_create_from_instance(source)
    english_locale = pages["en"].locale
    translation = Translation.objects.get(source=translation_source, target_locale=english_locale)
    fill_strings(translation_source, english_locale, Glossary(NEW), user=None)
    translation.save_target(publish=True)
    english = type(source).objects.get(pk=pages["en"].pk).get_latest_revision_as_object()
    assert sorted(item.alt_text for item in english.gallery_images.all()) == sorted(
        [ALT["en"], NEW["Le coin café"]["en"]]
    )


def test_without_alternative_text_the_image_title_is_read(gallery_space):
    image, pages = gallery_space
    item = pages["en"].gallery_images.get()
    item.alt_text = ""
    assert item.description == image.default_alt_text
