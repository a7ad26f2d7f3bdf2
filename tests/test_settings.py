"""Settings: production refuses to start without its secret or its host names, and its
deployment checks fail until the static files are collected; `make run` runs without DEBUG;
SQLite is set up so that several workers never hit "database is locked"."""

import os
import secrets
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
# Environment variables that would change what these scenarios test.
CONTROLLED = {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DEBUG", "COFFEE_VAR_DIR"}


def run_python(code: str, tmp_path, **env) -> subprocess.CompletedProcess:
    """Run `code` in a fresh interpreter from the project root, with a clean environment."""
    environment = {k: v for k, v in os.environ.items() if k not in CONTROLLED}
    environment["COFFEE_VAR_DIR"] = str(tmp_path)
    environment.update(env)
    return subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, *code],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_secret_key(tmp_path):
    """With production settings and no SECRET_KEY, Django does not start, and says why."""
    result = run_python(
        ["-c", "import django; django.setup()"],
        tmp_path,
        DJANGO_SETTINGS_MODULE="cms.settings.production",
    )

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    assert "ImproperlyConfigured" in result.stderr


def test_production_refuses_an_empty_secret_key(tmp_path):
    """An empty SECRET_KEY is no better than none."""
    result = run_python(
        ["-c", "import django; django.setup()"],
        tmp_path,
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="",
    )

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts(tmp_path):
    """Production answers only to the host names it is given: none given, it does not start."""
    result = run_python(
        ["-c", "import django; django.setup()"],
        tmp_path,
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
    )

    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_deployment_checks_fail_until_static_files_are_collected(tmp_path):
    """Without `collectstatic`, every HTML page of production would answer 500: `check --deploy`
    fails and says what to run. (tests/test_production.py runs the whole path, where
    ops/production.sh collects them and the checks pass with --fail-level WARNING.)"""
    result = run_python(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        tmp_path,
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="coffee-hub.example",
        EMAIL_URL="smtp://mailer:secret@mail.coffee-hub.eu:587",
        DEFAULT_FROM_EMAIL="COFFEE Hub <no-reply@coffee-hub.eu>",
        WAGTAILADMIN_BASE_URL="https://coffee-hub.eu",
    )

    assert result.returncode != 0
    assert "coffee.E001" in result.stderr
    assert "collectstatic" in result.stderr
    assert "identified 1 issue" in result.stderr  # the only one, with a mail server and so on


DEV_SERVER = textwrap.dedent(
    """
    import django
    from django.conf import settings
    from django.test import Client

    django.setup()
    print("DEBUG", settings.DEBUG)
    response = Client().get("/static/css/site.css")
    print("static", response.status_code)
    """
)


@pytest.mark.parametrize(("debug", "expected"), [(None, "False"), ("1", "True")])
def test_make_run_is_without_debug_unless_asked_and_still_serves_static_files(
    tmp_path, debug, expected
):
    """`make run` (dev settings): DEBUG is off unless DEBUG=1, so visitors see the site's own
    404 and 500 pages; static files are served from the apps either way, without collectstatic."""
    env = {"DJANGO_SETTINGS_MODULE": "cms.settings.dev"} | ({"DEBUG": debug} if debug else {})

    result = run_python(["-c", DEV_SERVER], tmp_path, **env)

    assert result.returncode == 0, result.stderr
    assert f"DEBUG {expected}" in result.stdout
    assert "static 200" in result.stdout


def test_sqlite_is_configured_for_concurrent_workers():
    """SQLite uses immediate transactions and a busy timeout, and switches to WAL on connect."""
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("not running on SQLite")
    options = database["OPTIONS"]

    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5
    assert "journal_mode=wal" in options["init_command"].lower().replace(" ", "")


WORKER = textwrap.dedent(
    """
    import sys
    import warnings

    # The project's settings, but no app loading: only the database layer is exercised.
    warnings.simplefilter("ignore", RuntimeWarning)
    from django.db import connection, transaction

    worker, rounds = sys.argv[1], int(sys.argv[2])
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        print("journal_mode", cursor.fetchone()[0])
    failures = 0
    for i in range(rounds):
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    # Read, then write: the pattern that fails with deferred transactions.
                    cursor.execute("SELECT COUNT(*) FROM counter")
                    count = cursor.fetchone()[0]
                    cursor.execute(
                        "INSERT INTO counter (worker, seen) VALUES (%s, %s)", [worker, count]
                    )
        except Exception as error:  # noqa: BLE001 - count every failure
            failures += 1
            print("failure", type(error).__name__, error, file=sys.stderr)
    print("failures", failures)
    """
)


def test_sqlite_file_runs_in_wal_mode_and_survives_concurrent_writers(tmp_path):
    """On a real SQLite file, PRAGMA journal_mode answers wal, and four processes writing
    concurrently (read-then-write transactions) never hit "database is locked"."""
    database = tmp_path / "concurrent.sqlite3"
    env = {
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "SECRET_KEY": "test-only",
    }
    with sqlite3.connect(database) as db:
        db.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, worker TEXT, seen INTEGER)")
    script = tmp_path / "worker.py"
    script.write_text(WORKER)
    environment = {k: v for k, v in os.environ.items() if k not in CONTROLLED}
    environment.update(env, COFFEE_VAR_DIR=str(tmp_path), PYTHONPATH=str(BASE_DIR))
    rounds, workers = 30, 4

    processes = [
        subprocess.Popen(  # noqa: S603 - our own interpreter, fixed arguments
            [sys.executable, str(script), str(n), str(rounds)],
            cwd=BASE_DIR,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(workers)
    ]
    outputs = [process.communicate(timeout=120) for process in processes]

    for process, (stdout, stderr) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, stderr
        assert "journal_mode wal" in stdout
        assert "failures 0" in stdout, stderr
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT COUNT(*) FROM counter").fetchone()[0] == rounds * workers
