"""Wagtail's PostgreSQL search backend with French, Dutch and English analysis.

Each object is indexed with the text-search configuration of its locale (search/migrations/0003):
accents folded with unaccent, then words stemmed, stop words kept, so that "comptable" finds
"comptables" and "developpeur" finds "Développeurs". Objects without a locale (images,
documents) and languages without a configuration use ``coffee_folded`` (0002: accents folded,
no stemming). Searches compile the query with the configuration of the language they search::

    get_search_backend().for_language("fr").search("comptables", queryset)

Without a language (Wagtail's admin, the pages API, the directory, whose locales also show
untranslated records of the other languages) the query is built with every configuration
and a record matches when its words match in any of them. Autocomplete indexes and queries
with ``coffee_folded`` only: a prefix must not be stemmed ("developp" is not a stem of
"développeurs").

Wagtail has no hook for a configuration per object or per query: the index groups objects by
configuration and indexes each group with a copy of the backend set to it, and the query
compiler joins one tsquery per configuration when the backend has none.
"""

import copy
import operator
from collections import defaultdict
from functools import reduce

from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)

FOLDED_CONFIG = "coffee_folded"
LANGUAGE_CONFIGS = {"fr": "coffee_french", "nl": "coffee_dutch", "en": "coffee_english"}
ALL_CONFIGS = (*LANGUAGE_CONFIGS.values(), FOLDED_CONFIG)


def config_for(language_code: str | None) -> str:
    """The text-search configuration of a language code ("fr", "fr-be", "nl"...)."""
    language = (language_code or "").split("-")[0].lower()
    return LANGUAGE_CONFIGS.get(language, FOLDED_CONFIG)


def _language_codes(objs) -> dict[int, str]:
    """Language code per locale id of ``objs``, without a query per object."""
    from wagtail.models import Locale

    codes, missing = {}, set()
    for obj in objs:
        locale_id = getattr(obj, "locale_id", None)
        if locale_id is None or locale_id in codes:
            continue
        if type(obj).locale.is_cached(obj):
            codes[locale_id] = obj.locale.language_code
        else:
            missing.add(locale_id)
    if missing:
        codes.update(Locale.objects.filter(pk__in=missing).values_list("pk", "language_code"))
    return codes


class LanguageIndex(PostgresIndex):
    def add_items(self, model, objs):
        codes = _language_codes(objs)
        groups = defaultdict(list)
        for obj in objs:
            groups[config_for(codes.get(getattr(obj, "locale_id", None)))].append(obj)
        for config, group in groups.items():
            # Wagtail's indexer reads the configuration from the index's backend.
            PostgresIndex(self.backend.with_config(config)).add_items(model, group)


class LanguageQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsquery(self, query, config=None):
        build = super().build_tsquery
        if config is not None:
            return build(query, config=config)
        queries = [build(query, config=each) for each in ALL_CONFIGS]
        queries = [each for each in queries if each is not None]
        return reduce(operator.or_, queries) if queries else None


class LanguagePostgresSearchBackend(PostgresSearchBackend):
    index_class = LanguageIndex
    query_compiler_class = LanguageQueryCompiler

    def __init__(self, params):
        super().__init__(params)  # config: SEARCH_CONFIG, None (any language) unless set
        self.autocomplete_config = FOLDED_CONFIG  # the stock backend hard-codes "simple"

    def with_config(self, config: str | None) -> "LanguagePostgresSearchBackend":
        backend = copy.copy(self)
        backend.config = config
        return backend

    def for_language(self, language_code: str | None) -> "LanguagePostgresSearchBackend":
        """This backend, searching with the configuration of ``language_code``."""
        return self.with_config(config_for(language_code) if language_code else None)


SearchBackend = LanguagePostgresSearchBackend
