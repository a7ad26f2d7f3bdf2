"""Highlighted excerpts for engines that do not make their own (the database engine)."""

import functools
import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

EXCERPT_LENGTH = 220


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    base = unicodedata.normalize("NFKD", char)[:1] or char
    lower = base.lower()
    return lower if len(lower) == 1 else base


def fold(text: str) -> str:
    """Lower case without accents, one character for one character (positions are kept)."""
    if text.isascii():
        return text.lower()
    return "".join(map(_fold_char, text))


def highlight(text: str, terms, length: int = EXCERPT_LENGTH) -> SafeString | None:
    """An escaped excerpt of ``text`` around the first matching word, words wrapped in <mark>.

    Matching ignores case and accents ("developpeur" marks "Développeur"). None when no term
    appears in the text.
    """
    if not text or not terms:
        return None
    folded = fold(text)
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(fold(term)) for term in terms if term) + r")\w*",
        re.UNICODE,
    )
    matches = list(pattern.finditer(folded))
    if not matches:
        return None
    first = matches[0].start()
    start = max(0, first - length // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + length)
    pieces, cursor = [], start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        pieces.append(escape(text[cursor : match.start()]))
        pieces.append(f"<mark>{escape(text[match.start() : match.end()])}</mark>")
        cursor = match.end()
    pieces.append(escape(text[cursor:end]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 (every piece is escaped)
