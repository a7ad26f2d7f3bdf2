"""The site with its search engine frozen: does it stall?

    .venv/bin/python bench/frozen_engine.py            # scratch DB, 200 requests per phase
    .venv/bin/python bench/frozen_engine.py --reuse --requests 100

Not a test. Builds a scratch SQLite database with the demo content (/tmp/bench-frozen.sqlite3,
--reuse keeps it), starts an OpenSearch node of its own with ops/opensearch/opensearch.sh (port
9272, data under var/opensearch-bench/, never the shared node), loads it with
rebuild_search_index, then serves the site with gunicorn (3 sync workers, WEB_CONCURRENCY's
default, production settings, SEARCH_TIMEOUT=2, the breaker's state in the database cache the
workers share) and measures, one client at a time on 127.0.0.1:

1. healthy: /fr/blog/ (a page that does not search), p50/p95, alone, then while 8 clients
   keep searching as in 2 (the same load on a healthy engine: what "unaffected" compares with);
2. frozen (SIGSTOP of the node's JVM): /fr/blog/ again while 8 clients keep searching
   (/api/v2/search/?q=coworking, which asks the engine for pages and each directory kind), each
   one search after another with --pause seconds between them (1 by default);
3. the searches' own p95 once the breaker is open (sequential, after phase 2);
4. publishing a page (save_revision().publish(), Wagtail's index update included) in a child
   process with the engine still frozen: the first publish (the breaker as phase 2 left it:
   open) and the next ones.

Prints a Markdown table for bench/RESULTS.md. The node is resumed (SIGCONT) and stopped at the
end, whatever happens.
"""

import argparse
import http.client
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import HOST, ROOT, Gunicorn, json_answer, production_env  # noqa: E402

NODE_PORT = int(os.environ.get("BENCH_OPENSEARCH_PORT", "9272"))
NODE_VAR = ROOT / "var" / "opensearch-bench"
DEFAULT_DB = Path(tempfile.gettempdir()) / "bench-frozen.sqlite3"
STATIC_ROOT = Path(tempfile.gettempdir()) / "bench-frozen-static"
PAGE = "/fr/blog/"
SEARCH = "/api/v2/search/?q=coworking"
IN_FLIGHT = 8


def node_env() -> dict:
    return os.environ | {
        "OPENSEARCH_PORT": str(NODE_PORT),
        "OPENSEARCH_VAR_DIR": str(NODE_VAR),
        "OPENSEARCH_CLUSTER_NAME": "coffee-hub-bench",
        "OPENSEARCH_JAVA_OPTS": "-Xms512m -Xmx512m",
    }


def node(command: str) -> None:
    subprocess.run(  # noqa: S603 - our ops script, fixed arguments
        ["bash", str(ROOT / "ops/opensearch/opensearch.sh"), command],  # noqa: S607
        env=node_env(),
        check=True,
    )


def node_pid() -> int:
    return int((NODE_VAR / "opensearch.pid").read_text().strip())


def site_env(db: Path) -> dict:
    return production_env(
        db,
        STATIC_ROOT=str(STATIC_ROOT),
        EMAIL_URL=os.environ.get("EMAIL_URL", "smtp://127.0.0.1:2525"),
        SEARCH_ENGINE="opensearch",
        SEARCH_URL=f"http://{HOST}:{NODE_PORT}",
        SEARCH_INDEX_PREFIX="bench-",
        SEARCH_TIMEOUT="2",
        API_THROTTLE_RATE="",
        API_RESPONSE_CACHE="",
        DIRECTORY_CACHE="",
        LOG_LEVEL="ERROR",
    )


def manage_py(*arguments, env) -> str:
    return subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [sys.executable, str(ROOT / "manage.py"), *arguments],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def prepare(db: Path, reuse: bool) -> None:
    env = site_env(db)
    if not (reuse and db.exists()):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        manage_py("migrate", "--no-input", env=env)
        manage_py("createcachetable", env=env)
        manage_py("load_demo_content", "--quiet", env=env)
    else:
        manage_py("migrate", "--no-input", env=env)
    manage_py("collectstatic", "--no-input", env=env)
    manage_py("rebuild_search_index", "--no-progress", env=env)


def get(port: int, path: str) -> tuple[int, float, bytes]:
    started = time.perf_counter()
    connection = http.client.HTTPConnection(HOST, port, timeout=120)
    try:
        connection.request("GET", path, headers={"Host": HOST})
        response = connection.getresponse()
        body = response.read()
        return response.status, (time.perf_counter() - started) * 1000, body
    finally:
        connection.close()


def percentile(values, share) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(share * (len(values) - 1))))]


def summary(times) -> str:
    return f"p50 {statistics.median(times):.0f} ms, p95 {percentile(times, 0.95):.0f} ms"


class Server(Gunicorn):
    def __init__(self, db: Path):
        super().__init__(
            "cms.wsgi:application",
            env=site_env(db),
            ready=lambda server: get(server.port, PAGE)[0] == 200,
            workers=3,
            timeout=120,
        )


def measure(port: int, path: str, count: int) -> list[float]:
    times = []
    for _ in range(count):
        status, ms, _body = get(port, path)
        if status != 200:
            raise RuntimeError(f"{path} answered {status}")
        times.append(ms)
    return times


def while_searching(port: int, options) -> tuple[list, list, list]:
    """The page's times while IN_FLIGHT clients keep searching; the searches' times and
    statuses."""
    stop, searches, statuses = threading.Event(), [], []

    def searching():
        while not stop.is_set():
            status, ms, _body = get(port, SEARCH)
            statuses.append(status)
            searches.append(ms)
            stop.wait(options.pause)

    clients = [threading.Thread(target=searching) for _ in range(IN_FLIGHT)]
    for client in clients:
        client.start()
    try:
        return measure(port, PAGE, options.requests), searches, statuses
    finally:
        stop.set()
        for client in clients:
            client.join()


PUBLISH = """
import json, time
import django
django.setup()
from cms.blog.models import BlogPage
page = BlogPage.objects.live().filter(locale__language_code="fr").first()
times = []
for n in range({count}):
    page.title = f"{{page.title.split(' #')[0]}} #{{n}}"
    started = time.perf_counter()
    page.save_revision().publish()
    times.append((time.perf_counter() - started) * 1000)
print(json.dumps(times))
"""


def publish_times(db: Path, count: int) -> list[float]:
    return json_answer(["-c", PUBLISH.format(count=count)], env=site_env(db))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument(
        "--pause",
        type=float,
        default=1.0,
        help="seconds each of the 8 searching clients waits between its searches (0: back to "
        "back, which measures a saturated server rather than a stuck engine)",
    )
    options = parser.parse_args()

    node("start")
    pid = node_pid()
    try:
        prepare(options.db, options.reuse)
        server = Server(options.db)
        try:
            measure(server.port, PAGE, 20)  # warm every worker
            healthy = measure(server.port, PAGE, options.requests)
            healthy_search = measure(server.port, SEARCH, 50)

            loaded, healthy_searches, _statuses = while_searching(server.port, options)
            os.kill(pid, signal.SIGSTOP)
            frozen, searches, statuses = while_searching(server.port, options)
            open_searches = measure(server.port, SEARCH, options.requests)
            degraded = json.loads(get(server.port, SEARCH)[2])["results"]["pages"]["degraded"]
            publishes = publish_times(options.db, 5)
        finally:
            os.kill(pid, signal.SIGCONT)
            server.stop()
    finally:
        node("stop")

    errors = sum(1 for status in statuses if status != 200)
    print("\nfrozen engine (SIGSTOP), gunicorn 3 sync workers, SEARCH_TIMEOUT=2 s\n")
    print("| measure | result |")
    print("| --- | --- |")
    print(f"| {PAGE}, engine healthy ({options.requests} requests) | {summary(healthy)} |")
    print(f"| {SEARCH}, engine healthy (50) | {summary(healthy_search)} |")
    print(
        f"| {PAGE} with {IN_FLIGHT} clients searching (pause {options.pause:g} s), engine healthy "
        f"({options.requests}) | {summary(loaded)}; {len(healthy_searches)} searches meanwhile |"
    )
    print(
        f"| {PAGE} with {IN_FLIGHT} clients searching (pause {options.pause:g} s), engine frozen "
        f"({options.requests}) "
        f"| {summary(frozen)}; {len(searches)} searches meanwhile, {errors} errors, "
        f"slowest {max(searches):.0f} ms |"
    )
    print(
        f"| {SEARCH} once the breaker is open ({options.requests}) | {summary(open_searches)}"
        f" (degraded: {str(degraded).lower()}) |"
    )
    print(
        f"| publish, engine frozen (5 publishes) | first {publishes[0]:.0f} ms, "
        f"then {summary(publishes[1:])} |"
    )


if __name__ == "__main__":
    main()
