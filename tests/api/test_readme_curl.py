"""The README's partner-API examples, run as written with curl against gunicorn on a free port.

The served database is a copy of the migrated scratch database (tests/scratch_database.py), to
which the test site and the demo directory are added. Only the port of the examples is changed
(8000 → a free one); links in the answers must lead back to that port, and `curl -sL` must follow
the find/ redirect to a page's JSON.
"""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.scratch_database import migrated_sqlite

ROOT = Path(__file__).resolve().parents[2]
README_HOST = "http://127.0.0.1:8000"

BUILD_CONTENT = """
import logging
import django
django.setup()
logging.disable(logging.INFO)
from cms.demo.directory.records import load_directory_demo
from tests.conftest import build_site_tree
build_site_tree()
load_directory_demo()
"""


def readme_curl_commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    section = text.split("## Partner API", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    return [line for line in section.splitlines() if line.startswith("curl ")]


def run_django(env, *args, timeout=300):
    subprocess.run(  # noqa: S603 - this interpreter, our own arguments
        [sys.executable, *args], cwd=ROOT, env=env, check=True, timeout=timeout, capture_output=True
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """gunicorn (the project's gunicorn.conf.py, two workers) over a scratch database."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "COFFEE_VAR_DIR": str(tmp_path_factory.mktemp("served-var")),
        "API_THROTTLE_RATE": "",
    }
    database = migrated_sqlite(tmp_path_factory.mktemp("served-db") / "coffee.sqlite3")
    env["DATABASE_URL"] = f"sqlite:///{database}"
    run_django(env, "-c", BUILD_CONTENT)
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 - this interpreter, fixed arguments
        [sys.executable, "-m", "gunicorn", "cms.wsgi", "-c", "gunicorn.conf.py"]
        + ["--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _attempt in range(300):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()[-2000:]
                time.sleep(0.1)
        yield base
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def curl(command: str, base: str) -> str:
    """Run one README line in a shell, the address moved to the served port."""
    line = command.replace(README_HOST, base)
    result = subprocess.run(  # noqa: S603 - a line of our own README
        ["bash", "-c", line],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, (line, result.stderr)
    return result.stdout


def test_readme_has_the_examples():
    commands = readme_curl_commands()
    assert len(commands) >= 7
    assert all(README_HOST in command for command in commands)


@pytest.mark.own_sqlite
@pytest.mark.parametrize("command", readme_curl_commands())
def test_readme_example_works_as_written(served, command):
    output = curl(command, served)
    if "-w '%{http_code}" in command:
        assert output.strip() == "200", output  # the ETag placeholder matches nothing
        return
    body = json.loads(output)
    assert "error" not in body, body
    links = re.findall(r"https?://(?:localhost|127\.0\.0\.1)[^\"\s]*", output)
    elsewhere = [link for link in links if not link.startswith(served + "/")]
    assert links and not elsewhere, elsewhere
    if "find/?html_path=/nl/blog/" in command:
        assert body["meta"]["html_url"] == f"{served}/nl/blog/"
        assert body["meta"]["detail_url"].startswith(f"{served}/api/v2/pages/")
    elif command.endswith("/api/v2/'"):
        assert body["endpoints"]["pages"] == f"{served}/api/v2/pages/"
    elif "/changes/" in command:
        assert body["meta"]["next_url"].startswith(served + "/api/v2/changes/")
    else:
        assert body.get("items") or body.get("results"), body


def test_long_query_string_gets_the_api_json_error_through_gunicorn(served):
    """Over 4 kB of query string: the API's JSON 414, not gunicorn's HTML page."""
    query = "search=" + "a" * 5000
    result = subprocess.run(  # noqa: S603 - fixed arguments
        ["curl", "-s", "-w", "\n%{http_code}", f"{served}/api/v2/pages/?{query}"],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    body, status = result.stdout.rsplit("\n", 1)
    assert status == "414"
    error = json.loads(body)["error"]
    assert (error["code"], error["parameter"]) == ("query_string_too_long", "search")
