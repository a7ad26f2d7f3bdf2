"""Wagtail's PostgreSQL search backend with accents folded, like SQLite's FTS5 backend.

The text-search configuration ``coffee_folded`` (created by search/migrations/0002) is
PostgreSQL's "simple" one with unaccent in front: "developpeur" finds "Développeur" on both
databases. Autocomplete uses the same configuration (the stock backend hard-codes "simple").
"""

from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

FOLDED_CONFIG = "coffee_folded"


class FoldedPostgresSearchBackend(PostgresSearchBackend):
    def __init__(self, params):
        super().__init__({"SEARCH_CONFIG": FOLDED_CONFIG, **params})
        self.autocomplete_config = self.config


SearchBackend = FoldedPostgresSearchBackend
