"""What an editor reads on an admin page, and which of it is English left untranslated."""

import re
from functools import cache
from pathlib import Path

import polib
from bs4 import BeautifulSoup, Comment
from django.conf import settings
from django.utils import translation

# Attributes whose text the editor reads (tooltips, labels read aloud, placeholders).
READ_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "data-w-tooltip-content-value")
# Brand and proper names, the same in every language.
PROPER_NOUNS = {"COFFEE Hub", "Wagtail", "COFFEE", "Slug", "OK"}
# The languages' own names in the language chooser (each written in itself).
AUTONYMS = {"English", "Nederlands", "français", "Français"}
# English the catalogs cannot catch: values printed as Python writes them, words of data
# that stands for interface (workflow and group names), Wagtail's placeholders.
ENGLISH = [
    r"\bNone\b",
    r"\bTrue\b",
    r"\bFalse\b",
    r"\bMore actions\b",
    r"\bModerators\b",
    r"\bapproval\b",
    r"\bRoot\b",
    r"\bAny\b",
    r"\bAdd\b",
    r"\btranslation\b",
    r"\b(January|February|March|April|June|July|August|September|October|November|December)\b",
]
# Words that are English in French (Dutch spells "Status" the same).
ENGLISH_IN = {"fr": [r"\bStatus\b", r"\bStatus actuel\b"], "nl": []}


def visible_texts(html: bytes) -> list[str]:
    """Each text node and read attribute of the page, whitespace folded; form values (data
    being edited) and what only scripts read are left out."""
    soup = BeautifulSoup(html, "lxml")
    for element in soup(["script", "style", "template", "textarea", "noscript", "head"]):
        element.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    texts = [" ".join(s.split()) for s in soup.find_all(string=True)]
    for attribute in READ_ATTRIBUTES:
        texts += [" ".join(e[attribute].split()) for e in soup.find_all(attrs={attribute: True})]
    return [t for t in dict.fromkeys(texts) if t]


@cache
def our_msgids(language: str) -> frozenset[str]:
    """The msgids of our own catalog (locale/) that are still untranslated in `language`."""
    path = Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"
    untranslated = set()
    for entry in polib.pofile(str(path)):
        if entry.msgid_plural:
            if not all(entry.msgstr_plural.values()):
                untranslated |= {entry.msgid, entry.msgid_plural}
        elif not entry.msgstr or entry.fuzzy:
            untranslated.add(entry.msgid)
    return frozenset(untranslated)


def english_strings(texts: list[str], language: str, data: set[str]) -> list[str]:
    """The texts that are English: a msgid that has a translation in `language` shown as is,
    one of our msgids not translated yet, or a known English word. `data` is what editors
    wrote (titles, names), which is never interface."""
    patterns = [re.compile(p) for p in ENGLISH + ENGLISH_IN.get(language, [])]
    found = []
    with translation.override(language):
        for text in texts:
            if text in data or text in PROPER_NOUNS or text in AUTONYMS:
                continue
            if not any(c.isalpha() for c in text):
                continue
            bare = text.rstrip(" :*")
            if (
                translation.gettext(text) != text
                or (bare and translation.gettext(bare) != bare)
                or text in our_msgids(language)
                or any(p.search(text) for p in patterns)
            ):
                found.append(text)
    return found
