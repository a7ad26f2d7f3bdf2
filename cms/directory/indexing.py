"""What directory records tell the search engines about themselves, beyond their own text.

A record's skills and sectors are indexed with their labels and synonyms in every language,
so that "comptable", "boekhouder" and "accountant" all find the accountants whatever language
the record was written in. The lookup tables are small; they are loaded once per batch and
kept for a minute so that indexing thousands of records does not query them thousands of times.
"""

import time
from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps

from cms.spaces.models import SpacePage

MAX_AGE_SECONDS = 60


@dataclass
class IndexContext:
    terms: dict = field(
        default_factory=dict
    )  # translation_key -> [label, synonyms…] (all languages)
    spaces: dict = field(default_factory=dict)  # translation_key -> [titles in every language]
    loaded_at: float = 0.0

    @classmethod
    def load(cls) -> "IndexContext":
        terms = defaultdict(list)
        # By name: the directory's models read this module (their index texts).
        for model in (apps.get_model("directory", "Skill"), apps.get_model("directory", "Sector")):
            for key, label, synonyms in (
                model.objects.public()
                .values_list("translation_key", "label", "synonyms")
                .order_by("locale_id", "pk")
            ):
                for word in [label, *synonyms.replace("\n", ",").split(",")]:
                    word = word.strip()
                    if word and word not in terms[key]:
                        terms[key].append(word)
        spaces = defaultdict(list)
        for key, title, city in SpacePage.objects.values_list(
            "translation_key", "title", "city"
        ).order_by("locale_id"):
            for word in (title, city):
                if word and word not in spaces[key]:
                    spaces[key].append(word)
        return cls(terms=dict(terms), spaces=dict(spaces), loaded_at=time.monotonic())

    def words_for_terms(self, keys) -> str:
        return " ".join(word for key in keys for word in self.terms.get(key, ()))

    def words_for_spaces(self, keys) -> str:
        return " ".join(word for key in keys for word in self.spaces.get(key, ()))


_current: IndexContext | None = None


def current_context() -> IndexContext:
    global _current
    if _current is None or time.monotonic() - _current.loaded_at > MAX_AGE_SECONDS:
        _current = IndexContext.load()
    return _current


def forget_context():
    """Called when a skill, a sector or a space changes."""
    global _current
    _current = None
