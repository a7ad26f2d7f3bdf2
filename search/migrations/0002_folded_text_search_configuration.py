from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'coffee_folded') THEN
        CREATE TEXT SEARCH CONFIGURATION coffee_folded (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION coffee_folded
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
    END IF;
END $$;
"""
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS coffee_folded;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    """PostgreSQL only: the accent-folding text-search configuration of search.backends."""

    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
