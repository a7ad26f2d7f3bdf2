"""The demo's generated pictures print every accented letter of the three languages with a
real glyph (DejaVu Sans from Debian's fonts-dejavu-core), not a missing-glyph box."""

import io

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont

from cms.demo import media

ACCENTED = "éèêëàâäçîïôöûüùÿœæÉÈÊÀÇÔŒ"
# A code point no font has: what a missing glyph looks like in the same font.
MISSING = "\U000f0000"


def drawn(font, text):
    image = Image.new("L", (200, 200), 0)
    ImageDraw.Draw(image).text((10, 10), text, font=font, fill=255)
    return image


def test_the_demo_font_is_found():
    assert media.font_path() is not None, "apt-get install fonts-dejavu-core"


@pytest.mark.parametrize("letter", list(ACCENTED))
def test_every_accented_letter_has_its_own_glyph(letter):
    font = media._font(40)
    assert isinstance(font, ImageFont.FreeTypeFont)
    box = drawn(font, MISSING)
    glyph = drawn(font, letter)
    assert ImageChops.difference(box, glyph).getbbox() is not None, letter
    assert glyph.getbbox() is not None, letter


def test_a_picture_with_accents_is_a_valid_jpeg():
    data = media.make_image_bytes("Technocité", subtitle="Hold-up créatif")
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG"
    assert image.size == (1200, 800)


def test_without_the_font_the_default_is_used_with_a_warning(monkeypatch, tmp_path):
    monkeypatch.setenv("DEMO_FONT", str(tmp_path / "absent.ttf"))
    monkeypatch.setattr(media, "DEMO_FONT", str(tmp_path / "absent.ttf"))
    monkeypatch.setattr(media, "_warned", [])
    with pytest.warns(UserWarning, match="fonts-dejavu-core"):
        font = media._font(30)
    assert font is not None
