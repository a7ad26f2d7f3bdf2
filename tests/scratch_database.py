"""Migrated SQLite databases for the tests that serve the site from a process of its own
(gunicorn, ops/production.sh, manage.py in a subprocess).

Running every migration takes about half a minute, so the migrated database is built once per
set of migration files and kept under var/test-templates/ (keyed by a digest of the files: a new
or changed migration builds a new one); each test gets a copy. The schema and the rows the
migrations write (locales, the root page, the default site) do not depend on the settings."""

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from django.apps import apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
TEMPLATES = ROOT / "var" / "test-templates"


def migrations_digest() -> str:
    digest = hashlib.sha256()
    for config in sorted(apps.get_app_configs(), key=lambda config: config.label):
        folder = Path(config.path) / "migrations"
        for path in sorted(folder.glob("*.py")) if folder.is_dir() else []:
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def build_template(template: Path) -> None:
    building = template.with_suffix(f".{os.getpid()}.tmp")
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}
    }
    subprocess.run(  # noqa: S603 - this interpreter, fixed arguments
        [sys.executable, "manage.py", "migrate", "--no-input", "-v0"],
        cwd=ROOT,
        env=environment
        | {"DJANGO_SETTINGS_MODULE": "cms.settings.test", "DATABASE_URL": f"sqlite:///{building}"},
        check=True,
        capture_output=True,
        timeout=600,
    )
    building.replace(template)


def migrated_sqlite(destination: Path) -> Path:
    """Copies a database holding every migration to ``destination`` (a file path) and returns
    it. The two halves of `make test` may ask at once: the first builds, the other waits."""
    TEMPLATES.mkdir(parents=True, exist_ok=True)
    template = TEMPLATES / f"migrated-{migrations_digest()}.sqlite3"
    with (TEMPLATES / "build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not template.exists():
            build_template(template)
    destination.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, destination)
    return destination
