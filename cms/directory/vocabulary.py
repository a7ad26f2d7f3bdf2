"""The values a visitor can filter the directory by, named in the visitor's language.

Skills, sectors and spaces are translated records: a filter value (the token in the query
string) is the slug in the visitor's language, but the slug of any translation is understood,
so a link shared from the Dutch site keeps working on the French one. Records are filed under
the translation key, which every translation shares.
"""

from dataclasses import dataclass, field
from types import MappingProxyType

from django.conf import settings
from django.utils import translation

from cms.core.queries import visible_pages
from cms.spaces.models import SpacePage

from . import cache
from .choices import CompanyKind, CompanySize, Country, OpenTo, ProjectStatus, SpokenLanguage
from .models import Sector, Skill
from .models.records import sort_key_for

CHOICE_VOCABULARIES = {
    "language": SpokenLanguage,
    "country": Country,
    "open_to": OpenTo,
    "type": CompanyKind,
    "size": CompanySize,
    "status": ProjectStatus,
}


NOTHING = MappingProxyType({})


@dataclass(frozen=True)
class Option:
    token: str  # in URLs: ?skill=comptabilite
    key: str  # what records are filed under: a translation key or a choice code
    label: str  # in the visitor's language when it exists
    language: str  # the language of the label
    ids: tuple = field(default=(), compare=False, repr=False)  # rows of every translation


class Vocabulary:
    """Options of every facet for one language; built with three queries."""

    def __init__(self, language: str, lists: dict[str, list[Option]], aliases: dict):
        self.language = language
        self._lists = lists
        self._aliases = aliases  # name -> {token (any language, lower case): Option}
        self._by_key = {name: {o.key: o for o in options} for name, options in lists.items()}
        self._position = {
            name: {option.key: position for position, option in enumerate(options)}
            for name, options in lists.items()
        }

    @classmethod
    def current(cls, language: str) -> "Vocabulary":
        """``load()``, kept while the content stays the same: skills, sectors and spaces all
        write to the change feed when they change (see cms/directory/cache.py)."""
        return cache.kept(("vocabulary", language), lambda: cls.load(language))

    @classmethod
    def load(cls, language: str) -> "Vocabulary":
        lists, aliases = {}, {}
        for name, model in (("skill", Skill), ("sector", Sector)):
            rows = (
                model.objects.public()
                .select_related("locale")
                .only("translation_key", "slug", "label", "locale__language_code")
                .order_by("pk")
            )
            lists[name], aliases[name] = cls._translated_options(
                rows, language, lambda row: (row.slug, row.label)
            )
        spaces = (
            visible_pages(SpacePage.objects.all())
            .select_related("locale")
            .only("translation_key", "slug", "title", "city", "locale__language_code")
            .order_by("pk")
        )
        lists["space"], aliases["space"] = cls._translated_options(
            spaces, language, lambda page: (page.slug, page.title)
        )
        with translation.override(language):
            for name, choices in CHOICE_VOCABULARIES.items():
                options = [
                    Option(token=value, key=value, label=str(label), language=language)
                    for value, label in choices.choices
                ]
                lists[name] = options
                aliases[name] = {option.token.lower(): option for option in options}
        return cls(language, lists, aliases)

    @staticmethod
    def _translated_options(rows, language, token_and_label):
        groups: dict = {}
        for row in rows:
            groups.setdefault(str(row.translation_key), {})[row.locale.language_code] = row
        options, aliases = [], {}
        preferred = [language, settings.LANGUAGE_CODE]
        for key, by_language in groups.items():
            code = next((c for c in preferred if c in by_language), next(iter(by_language)))
            row = by_language[code]
            token, label = token_and_label(row)
            option = Option(
                token=token,
                key=key,
                label=label,
                language=code,
                ids=tuple(sorted(other.pk for other in by_language.values())),
            )
            options.append(option)
            for other in by_language.values():
                aliases.setdefault(token_and_label(other)[0].lower(), option)
        for option in options:  # the visitor's own slugs win over look-alikes
            aliases[option.token.lower()] = option
        options.sort(key=lambda option: sort_key_for(option.label))
        return options, aliases

    def options(self, name: str) -> list[Option]:
        return self._lists.get(name, [])

    def resolve(self, name: str, token: str) -> Option | None:
        """The option a query-string value names, in any language; None if unknown."""
        return self._aliases.get(name, {}).get(str(token).strip().lower())

    def by_key(self, name: str, key) -> Option | None:
        return self._by_key.get(name, NOTHING).get(key if type(key) is str else str(key))

    def labels(self, name: str, keys, *, keep_order: bool = False) -> list[Option]:
        """Options for these keys (skills of a record…), in the vocabulary's order, or in the
        order of ``keys`` (a home space before the spaces visited)."""
        keys = list(dict.fromkeys(str(key) for key in keys))
        if keep_order:
            found = (self.by_key(name, key) for key in keys)
            return [option for option in found if option is not None]
        position = self._position.get(name, NOTHING)
        by_key = self._by_key.get(name, NOTHING)
        return [by_key[key] for key in sorted(set(keys) & position.keys(), key=position.get)]
