"""Partner API over HTTP: requests/s, p50/p99 latency, worker CPU and SQL queries per request.

    .venv/bin/python bench/api_http.py                  # scratch DB, 10 s per scenario
    .venv/bin/python bench/api_http.py --reuse --duration 5

Not a test. Builds a scratch SQLite database with the demo content (never the site's own:
/tmp/bench-api.sqlite3 by default; --reuse keeps it when it exists), then serves it with
gunicorn, 2 sync workers, on 127.0.0.1 (a free port), production settings with DEBUG off,
and a local load generator: `wrk` when it is installed (apt-get install wrk), else Python
threads with http.client. Every request goes to 127.0.0.1 only, for a bounded time.

Scenarios, anonymous, each URL three times:
- cold: a plain GET, the whole view runs (throttling off: API_THROTTLE_RATE="");
- conditional: GET with the If-None-Match of the previous answer, answered 304;
- response cache: the same GET repeated with the response cache on (API_RESPONSE_CACHE=api);
and beside them, in the same run, /api/bench/ceiling/ (bench/ceiling_wsgi.py): a Django view
returning fixed JSON through the same process and middleware, the ceiling of a Django process
on this machine. Two more rows show the default throttling (DRF's SimpleRateThrottle counting in
the shared cache, the database's cache table here, written by each worker at most once a second
per client: cms/api/throttling.py), without and with the response cache.

- worker CPU ms/request: utime+stime of the gunicorn workers (/proc/<pid>/stat) before and
  after each measured run, divided by the requests served;
- SQL queries/request: counted in a separate pass, Django's test client and
  CaptureQueriesContext in one process on the same database, second request of each URL
  (per-process caches warm, as in a running worker).
Prints a Markdown table for bench/RESULTS.md.
"""

import argparse
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    HOST,
    ROOT,
    Gunicorn,
    json_answer,
    production_env,
    timed_threads,
)

CEILING = "/api/bench/ceiling/"
DEFAULT_DB = Path(tempfile.gettempdir()) / "bench-api.sqlite3"

#: (label, path); "{detail}" is resolved to a Dutch article during the query pass.
URLS = [
    ("pages ?locale=nl (20 items)", "/api/v2/pages/?locale=nl"),
    ("pages ?locale=nl&fields=*", "/api/v2/pages/?locale=nl&fields=*"),
    ("page detail (nl article)", "{detail}"),
    ("events", "/api/v2/events/"),
    ("directory coworkers + facets", "/api/v2/directory/coworkers/?locale=nl"),
]


# Setup ---------------------------------------------------------------------------------------
def bench_env(db: Path, throttle_rate: str = "", response_cache: str = "") -> dict:
    return production_env(
        db,
        SEARCH_ENGINE="database",
        API_THROTTLE_RATE=throttle_rate,  # "" turns throttling off
        API_RESPONSE_CACHE=response_cache,  # "" turns the response cache off
        LOG_LEVEL="WARNING",
    )


def manage_py(*arguments, env):
    subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [sys.executable, str(ROOT / "manage.py"), *arguments],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def prepare_database(db: Path, reuse: bool) -> None:
    if reuse and db.exists():
        print(f"Reusing {db}", file=sys.stderr)
        manage_py("migrate", "--no-input", env=bench_env(db))  # new tables since it was built
        return
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    env = bench_env(db)
    started = time.monotonic()
    manage_py("migrate", "--no-input", env=env)
    manage_py("createcachetable", env=env)
    manage_py("load_demo_content", "--quiet", env=env)
    print(f"Scratch database {db} ready in {time.monotonic() - started:.0f} s", file=sys.stderr)


# SQL queries (separate pass, in a child process configured like the workers) ------------------
def count_queries_main() -> None:
    """Child process: print {label: {...}} as JSON."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    import bench.ceiling_wsgi  # noqa: F401 - Django set up, with the ceiling route

    client = Client(HTTP_HOST=HOST)
    articles = client.get("/api/v2/pages/?locale=nl&type=blog.BlogPage&limit=1").json()
    detail = f"/api/v2/pages/{articles['items'][0]['id']}/"
    result = {"detail": detail, "urls": {}}
    passes = {
        "queries": ("", ""),
        "queries_throttled": ("1000000/min", ""),
        "queries_cached": ("", "api"),
        "queries_cached_throttled": ("1000000/min", "api"),
    }
    for name, (throttle, response_cache) in passes.items():
        settings.COFFEE_API_THROTTLE_RATE = throttle
        settings.COFFEE_API_RESPONSE_CACHE = response_cache
        for label, url in [*URLS, ("ceiling", CEILING)]:
            url = url.format(detail=detail)
            client.get(url)  # first request: per-process caches (and the response cache)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            data = response.json() if response.status_code == 200 else {}
            entry = result["urls"].setdefault(label, {"url": url})
            entry[name] = len(queries)
            if name == "queries":
                entry["status"] = response.status_code
                entry["bytes"] = len(response.content)
                entry["items"] = len(data.get("items", [])) if isinstance(data, dict) else None
                entry["etag"] = response.get("ETag")
    print(json.dumps(result))


def count_queries(db: Path) -> dict:
    return json_answer([__file__, "--count-queries"], env=bench_env(db))


def percentile(ordered: list[float], share: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


# gunicorn ------------------------------------------------------------------------------------
class Server(Gunicorn):
    """gunicorn, 2 sync workers, serving bench.ceiling_wsgi (the site and the ceiling route)."""

    def __init__(self, db: Path, throttle_rate: str = "", response_cache: str = ""):
        super().__init__(
            "bench.ceiling_wsgi:application",
            env=bench_env(db, throttle_rate, response_cache),
            ready=lambda server: server.get(CEILING)[0] == 200 and len(server.workers()) == 2,
        )

    def get(self, path, headers=None):
        connection = http.client.HTTPConnection(HOST, self.port, timeout=30)
        try:
            connection.request("GET", path, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.getheader("ETag"), response.read()
        finally:
            connection.close()


# Load generators -----------------------------------------------------------------------------
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def run_wrk(url, duration, connections, headers):
    command = ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--latency", url]
    for name, value in headers.items():
        command[1:1] = ["-H", f"{name}: {value}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    percentiles = {
        int(share): float(value) * _UNITS[unit]
        for share, value, unit in re.findall(r"^\s+(\d+)%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
    }
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    return {
        "requests": requests,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": percentiles.get(50),
        "p99": percentiles.get(99),
        "bad": int(bad.group(1)) if bad else 0,
        "socket_errors": errors.group(1).strip() if errors else "",
    }


def run_threads(url, duration, connections, headers):
    """Fallback without wrk: one thread per connection, keep-alive when the server allows."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    deadline = time.monotonic() + duration
    latencies, bad = [], [0]
    lock = threading.Lock()

    def worker():
        mine, connection = [], None
        while time.monotonic() < deadline:
            if connection is None:
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            started = time.perf_counter()
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            mine.append((time.perf_counter() - started) * 1000)
            if response.status >= 400:
                with lock:
                    bad[0] += 1
            if response.will_close:
                connection.close()
                connection = None
        with lock:
            latencies.extend(mine)

    elapsed = timed_threads(worker, [()] * connections)
    latencies.sort()

    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50": percentile(latencies, 0.50),
        "p99": percentile(latencies, 0.99),
        "bad": bad[0],
        "socket_errors": "",
    }


def measure(server, path, *, duration, connections, headers=None, client):
    url = f"http://{HOST}:{server.port}{path}"
    load = run_wrk if client == "wrk" else run_threads
    load(url, min(2, duration), connections, headers or {})  # warm-up, not measured
    cpu_before = server.cpu_seconds()
    result = load(url, duration, connections, headers or {})
    cpu = server.cpu_seconds() - cpu_before
    result["cpu_ms"] = cpu * 1000 / max(result["requests"], 1)
    return result


# Report --------------------------------------------------------------------------------------
def row(label, result, ceiling_rps, queries):
    share = 100 * result["rps"] / ceiling_rps if ceiling_rps else 0
    problems = result["bad"] + (1 if result["socket_errors"] else 0)
    return (
        f"| {label} | {result['rps']:,.0f} | {share:.0f} % | {result['p50']:.1f} | "
        f"{result['p99']:.1f} | {result['cpu_ms']:.1f} | {queries} | {problems or ''} |"
    )


def load_parser(description: str, duration: int, per: str) -> argparse.ArgumentParser:
    """The options of a load benchmark on the scratch database (see load_settings)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--reuse", action="store_true", help="keep an existing scratch database")
    parser.add_argument("--duration", type=int, default=duration, help=f"seconds per {per} (≤ 60)")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--client", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument("--count-queries", action="store_true", help=argparse.SUPPRESS)
    return parser


def load_settings(options) -> tuple[int, str]:
    """The duration (1 to 60 s) and the load generator (wrk when installed) the options ask."""
    client = options.client
    if client == "auto":
        client = "wrk" if shutil.which("wrk") else "python"
    return max(1, min(options.duration, 60)), client


def main() -> None:
    options = load_parser(__doc__.split("\n")[0], 10, "scenario").parse_args()
    if options.count_queries:
        count_queries_main()
        return
    duration, client = load_settings(options)

    prepare_database(options.db, options.reuse)
    counted = count_queries(options.db)
    urls = counted["urls"]
    for label, info in urls.items():
        print(
            f"{label}: {info['url']} -> {info['status']}, {info['bytes']:,} bytes, "
            f"{info['items']} items, {info['queries']} queries "
            f"({info['queries_throttled']} with throttling; response cache hit: "
            f"{info['queries_cached']}, {info['queries_cached_throttled']} with throttling)",
            file=sys.stderr,
        )

    common = {"duration": duration, "connections": options.connections, "client": client}
    results = []
    server = Server(options.db)
    try:
        ceiling = measure(server, CEILING, **common)
        results.append(("ceiling: fixed JSON view", ceiling, urls["ceiling"]["queries"]))
        for label, _path in URLS:
            path = urls[label]["url"]
            status, etag, _body = server.get(path)
            assert status == 200 and etag, (path, status, etag)
            cold = measure(server, path, **common)
            results.append((f"{label}, cold", cold, urls[label]["queries"]))
            conditional = measure(server, path, headers={"If-None-Match": etag}, **common)
            results.append((f"{label}, If-None-Match → 304", conditional, urls[label]["queries"]))
    finally:
        server.stop()

    # The response cache (cms/api/response_cache.py): repeated anonymous GETs of each URL.
    server = Server(options.db, response_cache="api")
    try:
        for label, _path in URLS:
            path = urls[label]["url"]
            server.get(path)
            cached = measure(server, path, **common)
            results.append((f"{label}, response cache", cached, urls[label]["queries_cached"]))
    finally:
        server.stop()

    # The response cache with the default throttling.
    label, _path = URLS[0]
    server = Server(options.db, throttle_rate="1000000/min", response_cache="api")
    try:
        server.get(urls[label]["url"])
        cached = measure(server, urls[label]["url"], **common)
        results.append(
            (
                f"{label}, response cache, throttling on",
                cached,
                urls[label]["queries_cached_throttled"],
            )
        )
    finally:
        server.stop()

    # The default throttling (per client, counted in the database cache), on the first URL.
    label, _path = URLS[0]
    server = Server(options.db, throttle_rate="1000000/min")
    try:
        throttled = measure(server, urls[label]["url"], **common)
        results.append(
            (f"{label}, cold, throttling on", throttled, urls[label]["queries_throttled"])
        )
    finally:
        server.stop()

    print(
        f"\ngunicorn 2 sync workers, {client} ({options.connections} connections, "
        f"{duration} s per row after a warm-up), {os.cpu_count()} CPUs, "
        f"load average before: {os.getloadavg()[0]:.1f}\n"
    )
    print(
        "| scenario | req/s | of ceiling | p50 (ms) | p99 (ms) | worker CPU (ms/req) "
        "| SQL queries/req | errors |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for label, result, queries in results:
        print(row(label, result, ceiling["rps"], queries))


if __name__ == "__main__":
    main()
