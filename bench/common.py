"""What the benchmarks share: where the project and its tools are, a free local port, a child
process's JSON answer, and gunicorn started, watched (its workers' CPU time) and stopped."""

import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
HOST = "127.0.0.1"


def production_env(db: Path, **variables: str) -> dict:
    """The site with production settings on the scratch SQLite database ``db``, for 127.0.0.1
    only; ``variables`` add to or replace these."""
    return (
        dict(os.environ)
        | {
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "DATABASE_URL": f"sqlite:///{db}",
            "SECRET_KEY": "bench-only-not-a-secret",  # noqa: S105 - scratch database, 127.0.0.1
            "DEBUG": "0",
            "ALLOWED_HOSTS": HOST,
            "SECURE_SSL_REDIRECT": "0",
            "PYTHONPATH": str(ROOT),
        }
        | variables
    )


def timed_threads(target, arguments: list[tuple]) -> float:
    """Run ``target`` once per tuple of ``arguments``, each in its own thread, all at once;
    the seconds until the last one ends."""
    threads = [threading.Thread(target=target, args=args) for args in arguments]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.monotonic() - started


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def json_answer(arguments: list, *, env: dict, cwd: Path = ROOT):
    """Run this interpreter with ``arguments``; the JSON its output ends with."""
    output = subprocess.run(  # noqa: S603 - this interpreter, fixed arguments
        [sys.executable, *arguments],
        cwd=cwd,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def status(port: int, path: str, timeout: float = 5) -> int:
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": HOST})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


class Gunicorn:
    """gunicorn serving ``application`` on a free port, ready once constructed: ``ready(self)``
    has answered true (it may raise OSError while the server starts)."""

    def __init__(
        self, application, *, env, ready, workers=2, timeout=60, cwd=ROOT, options=(), wait=60
    ):
        self.port = free_port()
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments, no shell
            [
                str(VENV_BIN / "gunicorn"),
                application,
                *options,
                f"--workers={workers}",
                f"--bind={HOST}:{self.port}",
                "--log-level=warning",
                f"--timeout={timeout}",
            ],
            cwd=cwd,
            env=env,
        )
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            try:
                if ready(self):
                    return
            except OSError:
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError("gunicorn did not start")

    def workers(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def cpu_seconds(self) -> float:
        ticks = 0
        for pid in self.workers():
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
        return ticks / os.sysconf("SC_CLK_TCK")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
