"""Backups: `manage.py backup create PATH` saves the database and the media files in one
archive; `manage.py backup restore PATH` puts both back as they were, search index included.
Runs on the suite's database engine (SQLite, and PostgreSQL in the suite's second pass, which
also restores a SQLite site's archive into PostgreSQL).

Each scenario runs in the test's transaction: the restore replaces every row of the test
database, and the rollback at the end of the test puts the other tests' rows back."""

import io
import json
import os
import subprocess
import sys
import tarfile

import psycopg
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from wagtail.images import get_image_model
from wagtail.models import Page

from cms.core import backup
from cms.demo.factories import CoworkerFactory, ImageFactory, StandardPageFactory, get_home_page
from cms.directory.models import Coworker
from search.pages import search_pages
from tests.conftest import add
from tests.scratch_database import migrated_sqlite

pytestmark = pytest.mark.django_db


@pytest.fixture
def media_root(tmp_path):
    root = tmp_path / "media"
    with override_settings(MEDIA_ROOT=str(root)):
        yield root


@pytest.fixture
def content(media_root):
    """A published page with a unique word, an image (its file under MEDIA_ROOT), a person."""
    home = get_home_page("fr")
    image = ImageFactory(title="Façade de Mutualab")
    page = add(StandardPageFactory, home, title="Quiétude xylophonique", slug="quietude")
    person = CoworkerFactory(name="Ada Lovelace")
    return {"page": page, "image": image, "person": person}


def test_restore_puts_the_database_and_the_media_back(content, media_root, tmp_path):
    """Saved, then edited, deleted, added and a file lost: the restore gives back exactly what
    was saved, and the site search finds the saved page again."""
    archive = tmp_path / "coffee.tar.gz"
    image_file = media_root / content["image"].file.name
    image_bytes = image_file.read_bytes()
    pages_before = Page.objects.count()

    call_command("backup", "create", str(archive))
    Page.objects.filter(pk=content["page"].pk).update(title="Changed")
    StandardPageFactory(parent=get_home_page("fr"), title="Added after the backup")
    Coworker.objects.filter(pk=content["person"].pk).delete()
    image_file.unlink()
    (media_root / "original_images" / "stray.png").write_bytes(b"not in the backup")

    call_command("backup", "restore", str(archive))

    assert Page.objects.count() == pages_before
    assert Page.objects.get(pk=content["page"].pk).title == "Quiétude xylophonique"
    assert not Page.objects.filter(title="Added after the backup").exists()
    assert Coworker.objects.filter(pk=content["person"].pk, name="Ada Lovelace").exists()
    image = get_image_model().objects.get(pk=content["image"].pk)
    assert (media_root / image.file.name).read_bytes() == image_bytes
    assert not (media_root / "original_images" / "stray.png").exists()
    results, _degraded = search_pages(Page.objects.live(), "xylophonique", language="fr")
    assert [page.pk for page in results] == [content["page"].pk]


def test_the_archive_names_what_it_holds(content, tmp_path):
    archive = tmp_path / "coffee.tar.gz"

    manifest = backup.create(archive)

    with tarfile.open(archive) as opened:
        names = opened.getnames()
        stored = json.load(opened.extractfile("manifest.json"))
    assert stored == manifest
    assert {"manifest.json", "database.json"} <= set(names)
    assert f"media/{content['image'].file.name}" in names
    assert manifest["media_files"] >= 1
    assert ["wagtailcore", "0001_initial"] in manifest["migrations"]


def with_manifest(source, target, **changes):
    """A copy of the archive ``source`` whose manifest has ``changes``."""
    with tarfile.open(source) as old, tarfile.open(target, "w:gz") as new:
        for member in old.getmembers():
            data = old.extractfile(member).read()
            if member.name == "manifest.json":
                data = json.dumps(json.loads(data) | changes).encode()
                member.size = len(data)
            new.addfile(member, io.BytesIO(data))


def test_a_backup_from_other_migrations_is_refused_and_nothing_changes(content, tmp_path):
    archive, other = tmp_path / "coffee.tar.gz", tmp_path / "other.tar.gz"
    backup.create(archive)
    migrations = backup.applied_migrations() + [["wagtailcore", "9999_from_the_future"]]
    with_manifest(archive, other, migrations=migrations)
    Page.objects.filter(pk=content["page"].pk).update(title="Kept")

    with pytest.raises(CommandError, match="9999_from_the_future"):
        call_command("backup", "restore", str(other))

    assert Page.objects.get(pk=content["page"].pk).title == "Kept"


def test_a_file_that_is_not_a_backup_is_refused(tmp_path):
    stray = tmp_path / "photos.tar.gz"
    with tarfile.open(stray, "w:gz") as archive:
        archive.addfile(tarfile.TarInfo("holiday.jpg"), io.BytesIO(b""))

    with pytest.raises(CommandError, match="not a COFFEE Hub backup"):
        call_command("backup", "restore", str(stray))
    with pytest.raises(CommandError, match="No such file"):
        call_command("backup", "restore", str(tmp_path / "missing.tar.gz"))


def test_an_archive_reaching_outside_media_root_is_refused(content, media_root, tmp_path):
    """A crafted archive cannot write outside the restore's own directory."""
    archive, crafted = tmp_path / "coffee.tar.gz", tmp_path / "crafted.tar.gz"
    backup.create(archive)
    with tarfile.open(archive) as old, tarfile.open(crafted, "w:gz") as new:
        for member in old.getmembers():
            new.addfile(member, old.extractfile(member))
        evil = tarfile.TarInfo("../../escaped.txt")
        evil.size = 4
        new.addfile(evil, io.BytesIO(b"evil"))

    with pytest.raises(CommandError, match="unsafe path"):
        call_command("backup", "restore", str(crafted))

    assert not (tmp_path / "escaped.txt").exists()
    assert not (tmp_path.parent / "escaped.txt").exists()


# --- from one database engine to the other ------------------------------------------------------

SCRATCH_CONTENT = """
import django
django.setup()
from cms.demo.factories import CoworkerFactory, ImageFactory, StandardPageFactory, get_home_page
from tests.conftest import add
ImageFactory(title="Façade de Mutualab")
add(StandardPageFactory, get_home_page("fr"), title="Quiétude xylophonique", slug="quietude")
CoworkerFactory(name="Ada Lovelace")
"""

SCRATCH_CHECK = """
import django
django.setup()
from pathlib import Path
from django.conf import settings
from django.db import connection
from wagtail.images import get_image_model
from wagtail.models import Page
from cms.demo.factories import StandardPageFactory, get_home_page
from cms.directory.models import Coworker
from search.pages import search_pages
image = get_image_model().objects.get(title="Façade de Mutualab")
assert (Path(settings.MEDIA_ROOT) / image.file.name).is_file()
assert Coworker.objects.filter(name="Ada Lovelace").exists()
results, _degraded = search_pages(Page.objects.live(), "xylophonique", language="fr")
assert [page.title for page in results] == ["Quiétude xylophonique"]
StandardPageFactory(parent=get_home_page("fr"), title="After the restore")  # sequences moved on
print("restored on", connection.vendor)
"""


def run_manage(args, environment):
    result = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


@pytest.fixture
def scratch_postgres():
    """An empty PostgreSQL database next to the test database (same server and account)."""
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("the suite runs on SQLite: the PostgreSQL pass of `make test` runs this")
    name = f"{connection.settings_dict['NAME']}_backup"
    server = {
        "host": database["HOST"] or "127.0.0.1",
        "port": database["PORT"] or 5432,
        "user": database["USER"],
        "password": database["PASSWORD"],
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    url = "postgres://{user}:{password}@{host}:{port}/".format(**server) + name
    yield url
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_sqlite_backup_restores_into_postgresql(scratch_postgres, tmp_path):
    """Growing from SQLite to PostgreSQL: the archive of a SQLite site, restored into a migrated
    PostgreSQL database, gives the same content, files and search, and new rows get new ids."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "MEDIA_ROOT", "COFFEE_VAR_DIR"}
    } | {"DJANGO_SETTINGS_MODULE": "cms.settings.test", "PYTHONPATH": str(settings.BASE_DIR)}
    sqlite_site = environment | {"COFFEE_VAR_DIR": str(tmp_path / "sqlite")}
    postgres_site = environment | {
        "COFFEE_VAR_DIR": str(tmp_path / "postgres"),
        "DATABASE_URL": scratch_postgres,
    }
    archive = tmp_path / "coffee.tar.gz"
    migrated_sqlite(tmp_path / "sqlite" / "coffee.sqlite3")
    run_manage(["-c", SCRATCH_CONTENT], sqlite_site)
    run_manage(["manage.py", "backup", "create", str(archive)], sqlite_site)
    run_manage(["manage.py", "migrate", "--no-input", "-v0"], postgres_site)
    output = run_manage(["manage.py", "backup", "restore", str(archive)], postgres_site)

    assert "on sqlite" in output
    assert "restored on postgresql" in run_manage(["-c", SCRATCH_CHECK], postgres_site)
