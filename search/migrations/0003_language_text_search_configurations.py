from django.db import migrations

# (configuration, PostgreSQL's configuration and Snowball stemmer it copies)
LANGUAGES = [
    ("coffee_french", "french"),
    ("coffee_dutch", "dutch"),
    ("coffee_english", "english"),
]
# The parser's word tokens (ASCII or not, whole or parts of hyphenated words).
WORD_TOKENS = "asciiword, asciihword, hword_asciipart, word, hword, hword_part"

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = '{config}_stem') THEN
        -- No StopWords: every word stays searchable, as with SQLite ("it", "van", "de").
        CREATE TEXT SEARCH DICTIONARY {config}_stem (TEMPLATE = snowball, Language = {language});
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{config}') THEN
        CREATE TEXT SEARCH CONFIGURATION {config} (COPY = {language});
        ALTER TEXT SEARCH CONFIGURATION {config}
            ALTER MAPPING FOR {tokens} WITH unaccent, {config}_stem;
    END IF;
END $$;
"""
DROP = """
DROP TEXT SEARCH CONFIGURATION IF EXISTS {config};
DROP TEXT SEARCH DICTIONARY IF EXISTS {config}_stem;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for config, language in LANGUAGES:
            schema_editor.execute(
                CREATE.format(config=config, language=language, tokens=WORD_TOKENS)
            )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for config, _language in LANGUAGES:
            schema_editor.execute(DROP.format(config=config))


class Migration(migrations.Migration):
    """PostgreSQL only: one text-search configuration per content language (search.backends),
    accents folded then words stemmed. Rows indexed before it keep their unstemmed words until
    ``manage.py update_index`` rewrites them."""

    dependencies = [("search", "0002_folded_text_search_configuration")]

    operations = [migrations.RunPython(create, drop)]
