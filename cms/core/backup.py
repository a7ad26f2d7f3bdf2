"""Backups: the whole database (every row, through Django's serializers, so that SQLite and
PostgreSQL read each other's archives) and the media files, in one .tar.gz.

The archive holds ``manifest.json`` (format, date, database engine, applied migrations),
``database.json`` (dumpdata of every model, the search index and sessions aside) and
``media/`` (MEDIA_ROOT). Restoring needs a database at the same migrations: it replaces every
row in one transaction (nothing changes if loading fails), then MEDIA_ROOT, then rebuilds the
search index from the restored content.
"""

import datetime
import io
import json
import shutil
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.recorder import MigrationRecorder

from search import indexing
from search.clients import remote_engine_configured

FORMAT = 1
# Rebuilt from the content after a restore (and engine-specific: SQLite's FTS table exists
# on SQLite only), or worthless on another server.
EXCLUDED = [
    "wagtailsearch.IndexEntry",
    "wagtailsearch.SQLiteFTSIndexEntry",
    "search.PendingIndexUpdate",
    "sessions.Session",
]


def excluded_models() -> list[str]:
    """EXCLUDED, as far as this database engine has them."""
    present = {model._meta.label for model in apps.get_models()}
    return [label for label in EXCLUDED if label in present]


class BackupError(Exception):
    """An archive that cannot be restored here; the message says why."""


def applied_migrations(using=DEFAULT_DB_ALIAS) -> list[list[str]]:
    recorder = MigrationRecorder(connections[using])
    return sorted([app, name] for app, name in recorder.applied_migrations())


def create(path: Path, using=DEFAULT_DB_ALIAS) -> dict:
    """Write the archive to ``path``; returns its manifest."""
    path = Path(path)
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as scratch:
        dump = Path(scratch) / "database.json"
        # Content types and permissions first: loading a row can look a content type up, which
        # creates it when it is not there yet (and the archive's own row then collides).
        labels = [config.label for config in apps.get_app_configs() if config.models_module]
        first = ["contenttypes", "auth"]
        call_command(
            "dumpdata",
            *first,
            *[label for label in labels if label not in first],
            exclude=excluded_models(),
            use_base_manager=True,  # every row, whatever a model's default manager hides
            database=using,
            output=str(dump),
            verbosity=0,
        )
        media = (
            [p for p in sorted(media_root.rglob("*")) if p.is_file()] if media_root.exists() else []
        )
        manifest = {
            "format": FORMAT,
            "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "engine": connections[using].vendor,
            "migrations": applied_migrations(using),
            "media_files": len(media),
        }
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            archive.add(dump, arcname="database.json")
            for file in media:
                archive.add(file, arcname=f"media/{file.relative_to(media_root).as_posix()}")
        partial.replace(path)  # never a half-written archive under the final name
    return manifest


def read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(archive.extractfile("manifest.json"))
    except (KeyError, ValueError) as error:
        raise BackupError("This is not a COFFEE Hub backup (no manifest.json).") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def restore(path: Path, using=DEFAULT_DB_ALIAS, rebuild_index=True) -> dict:
    """Replace the database's rows and MEDIA_ROOT with the archive's; returns its manifest."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"No such file: {path}")
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    with (
        tarfile.open(path, "r:gz") as archive,
        tempfile.TemporaryDirectory(dir=media_root.parent, prefix=".restore-") as scratch,
    ):
        manifest = read_manifest(archive)
        here = applied_migrations(using)
        theirs = manifest["migrations"]
        if theirs != here:
            missing = sorted({tuple(m) for m in theirs} - {tuple(m) for m in here})
            extra = sorted({tuple(m) for m in here} - {tuple(m) for m in theirs})
            raise BackupError(
                "The backup was made at other migrations than this database's: restore it with "
                "the code version that made it (then upgrade and migrate). "
                f"Not applied here: {missing[:5]}; not in the backup: {extra[:5]}."
            )
        try:  # the "data" filter refuses absolute paths, "..", links outside, devices
            archive.extractall(scratch, filter="data")
        except tarfile.FilterError as error:
            raise BackupError(f"The archive holds an unsafe path: {error}") from error
        scratch = Path(scratch)
        call_command("createcachetable", database=using)  # loading rows clears cache entries
        ContentType.objects.clear_cache()  # this database's ids, about to change
        with transaction.atomic(using=using), indexing.paused():
            # Deferred foreign-key checks still pending in this transaction run now: PostgreSQL
            # refuses to empty a table that has some.
            connections[using].check_constraints()
            call_command(
                "flush", database=using, interactive=False, inhibit_post_migrate=True, verbosity=0
            )
            call_command("loaddata", str(scratch / "database.json"), database=using, verbosity=0)
        ContentType.objects.clear_cache()
        replace_media(scratch / "media", media_root)
    for alias in settings.CACHES:
        caches[alias].clear()
    if rebuild_index:
        rebuild_search_indexes()
    return manifest


def rebuild_search_indexes() -> None:
    """Wagtail's index (pages, images, documents, the directory's database index), then the
    engine's directory indexes when an engine is configured."""
    call_command("update_index", verbosity=0)
    if remote_engine_configured():
        call_command("rebuild_search_index", no_progress=True, verbosity=0)


def replace_media(new: Path, media_root: Path) -> None:
    """MEDIA_ROOT becomes ``new`` (moved within one file system, old copy removed after)."""
    new.mkdir(exist_ok=True)
    old = media_root.with_name(media_root.name + ".before-restore")
    if old.exists():
        shutil.rmtree(old)
    if media_root.exists():
        media_root.rename(old)
    new.rename(media_root)
    if old.exists():
        shutil.rmtree(old)
