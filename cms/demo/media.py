"""Files for the demo content, generated in memory: no download, no binary file in the repository.

- ``make_image_bytes`` draws a colourful JPEG/PNG with Pillow (a gradient, a few shapes, a label),
  in DejaVu Sans (Debian's fonts-dejavu-core, DEMO_FONT to choose another file) so that every
  accent of the three languages has its glyph; without it, Pillow's default font, with a warning;
- ``make_pdf_bytes`` writes a small, valid multi-page PDF by hand (PDF 1.4, Helvetica with
  WinAnsiEncoding so that French accents, the euro sign and typographic quotes come out right).
"""

from __future__ import annotations

import io
import os
import textwrap
import warnings
from collections.abc import Iterable, Sequence

from PIL import Image, ImageDraw, ImageFont

PALETTE = [
    "#6f4e37",  # coffee
    "#2a9d8f",
    "#e76f51",
    "#264653",
    "#e9c46a",
    "#8e5572",
    "#3d5a80",
    "#588157",
]


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


#: Where Debian's fonts-dejavu-core puts its bold face (ops/e2e/install.sh installs it).
DEMO_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
_warned = []


def font_path() -> str | None:
    """The TrueType file used for the pictures' labels, or None when it is missing."""
    path = os.environ.get("DEMO_FONT") or DEMO_FONT
    return path if os.path.isfile(path) else None


def _font(size: int):
    path = font_path()
    if path is not None:
        try:
            return ImageFont.truetype(path, size)
        except OSError:  # not a font file, or Pillow without FreeType
            pass
    if not _warned:
        _warned.append(True)
        warnings.warn(
            f"Demo pictures: no usable font at {path or DEMO_FONT} (apt-get install "
            "fonts-dejavu-core, or set DEMO_FONT to a .ttf file): Pillow's default font is used "
            "and some accented letters may show as boxes.",
            stacklevel=2,
        )
    try:
        return ImageFont.load_default(size=size)
    except (TypeError, OSError):  # Pillow without FreeType: fixed-size bitmap font
        return ImageFont.load_default()


def make_image_bytes(
    label: str,
    colour: str = PALETTE[0],
    size: tuple[int, int] = (1200, 800),
    image_format: str = "JPEG",
    subtitle: str = "",
) -> bytes:
    """A recognisable placeholder picture: a gradient, circles and the label in the middle."""
    width, height = size
    base = _rgb(colour)
    dark = tuple(max(0, int(c * 0.45)) for c in base)
    image = Image.new("RGB", size, base)
    draw = ImageDraw.Draw(image)
    # Diagonal gradient, drawn as vertical bands (fast enough for a few dozen images).
    steps = 60
    for step in range(steps):
        ratio = step / (steps - 1)
        band = tuple(int(b + (d - b) * ratio) for b, d in zip(base, dark, strict=True))
        x0 = int(width * step / steps)
        draw.rectangle([x0, 0, x0 + width // steps + 1, height], fill=band)
    # A few translucent circles ("coffee stains") to tell the pictures apart.
    overlay = Image.new("RGBA", size, (0, 0, 0, 0))
    odraw = ImageDraw.Draw(overlay)
    seed = sum(ord(char) for char in label)
    for index in range(5):
        radius = height // (3 + (seed + index) % 4)
        cx = (seed * (index + 3) * 37) % width
        cy = (seed * (index + 5) * 53) % height
        odraw.ellipse(
            [cx - radius, cy - radius, cx + radius, cy + radius],
            outline=(255, 255, 255, 90),
            width=max(4, radius // 12),
        )
    image = Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")
    draw = ImageDraw.Draw(image)
    title_font = _font(max(18, height // 10))
    box = draw.textbbox((0, 0), label, font=title_font)
    text_w, text_h = box[2] - box[0], box[3] - box[1]
    position = ((width - text_w) / 2, (height - text_h) / 2 - (height // 14 if subtitle else 0))
    draw.text((position[0] + 3, position[1] + 3), label, font=title_font, fill=(0, 0, 0))
    draw.text(position, label, font=title_font, fill=(255, 255, 255))
    if subtitle:
        sub_font = _font(max(12, height // 22))
        box = draw.textbbox((0, 0), subtitle, font=sub_font)
        sub_pos = ((width - (box[2] - box[0])) / 2, position[1] + text_h + height // 12)
        draw.text(sub_pos, subtitle, font=sub_font, fill=(255, 255, 255))
    output = io.BytesIO()
    if image_format.upper() == "JPEG":
        image.save(output, format="JPEG", quality=82, optimize=True)
    else:
        image.save(output, format=image_format.upper())
    return output.getvalue()


# --------------------------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------------------------

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 64
LINE_CHARS = 88


def _pdf_string(text: str) -> bytes:
    """A PDF literal string in WinAnsiEncoding (cp1252), with the special characters escaped."""
    raw = text.encode("cp1252", errors="replace")
    raw = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + raw + b")"


def _layout(title: str, paragraphs: Iterable[str]) -> list[list[tuple[str, int, str]]]:
    """Split the text into pages of (font, size, line) triples."""
    lines: list[tuple[str, int, str]] = []
    for chunk in textwrap.wrap(title, 48):
        lines.append(("F2", 20, chunk))
    lines.append(("F1", 11, ""))
    for paragraph in paragraphs:
        if paragraph.startswith("# "):
            lines.append(("F1", 11, ""))
            lines.append(("F2", 13, paragraph[2:]))
            continue
        for chunk in textwrap.wrap(paragraph, LINE_CHARS) or [""]:
            lines.append(("F1", 11, chunk))
        lines.append(("F1", 11, ""))
    pages: list[list[tuple[str, int, str]]] = [[]]
    used = 0
    available = PAGE_HEIGHT - 2 * MARGIN - 30
    for line in lines:
        height = line[1] + 6
        if used + height > available and pages[-1]:
            pages.append([])
            used = 0
        pages[-1].append(line)
        used += height
    return pages


def make_pdf_bytes(
    title: str, paragraphs: Sequence[str] = (), footer: str = "", author: str = ""
) -> bytes:
    """Write a valid PDF 1.4 document: one or more A4 pages of text.

    Paragraphs starting with "# " are printed as headings. The cross-reference table is computed
    from the real byte offsets, so PDF readers open the file without having to repair it.
    """
    pages = _layout(title, paragraphs)
    objects: list[bytes] = []  # objects[i] is object number i + 1

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_obj = add(b"")
    font_regular = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    font_bold = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    )
    page_ids = []
    for number, page_lines in enumerate(pages, start=1):
        ops = [b"BT", f"{MARGIN} {PAGE_HEIGHT - MARGIN} Td".encode()]
        previous = 0
        for font, size, text in page_lines:
            leading = size + 6
            ops.append(f"0 -{leading if previous else size} Td".encode())
            ops.append(f"/{font} {size} Tf".encode())
            ops.append(_pdf_string(text) + b" Tj")
            previous = leading
        ops.append(b"ET")
        footer_text = f"{footer}  -  {number}/{len(pages)}" if footer else f"{number}/{len(pages)}"
        ops.append(f"BT /F1 9 Tf {MARGIN} {MARGIN // 2} Td".encode())
        ops.append(_pdf_string(footer_text) + b" Tj ET")
        stream = b"\n".join(ops)
        content = add(
            b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream"
        )
        page_ids.append(
            add(
                f"<< /Type /Page /Parent {pages_obj} 0 R "
                f"/MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
                f"/Resources << /Font << /F1 {font_regular} 0 R /F2 {font_bold} 0 R >> >> "
                f"/Contents {content} 0 R >>".encode()
            )
        )
    kids = " ".join(f"{page_id} 0 R" for page_id in page_ids)
    objects[pages_obj - 1] = f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>".encode()
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_obj} 0 R >>".encode()
    info = add(
        b"<< /Title "
        + _pdf_string(title)
        + b" /Author "
        + _pdf_string(author or "COFFEE Hub")
        + b" /Producer (COFFEE Hub demo content) >>"
    )

    output = io.BytesIO()
    output.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(output.tell())
        output.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = output.tell()
    output.write(f"xref\n0 {len(objects) + 1}\n".encode())
    output.write(b"0000000000 65535 f \n")
    for offset in offsets:
        output.write(f"{offset:010d} 00000 n \n".encode())
    output.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R /Info {info} 0 R >>\n".encode()
    )
    output.write(f"startxref\n{xref}\n%%EOF\n".encode())
    return output.getvalue()
