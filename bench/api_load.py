"""Load: 64 concurrent partner-API clients for 60 s on gunicorn, SQLite then PostgreSQL.

    .venv/bin/python bench/api_load.py                       # SQLite scratch DB
    .venv/bin/python bench/api_load.py --database-url postgres://coffee:coffee@127.0.0.1:5432/coffee_bench

Not a test. The database is a scratch one with the demo content (bench/api_http.py's
prepare step: migrate, createcachetable, load_demo_content; a PostgreSQL database is emptied
by nothing: give one of its own). gunicorn with the project's gunicorn.conf.py, production
settings, DEBUG off, 4 sync workers; throttling off (every client is 127.0.0.1), the response
cache as configured by default. Each client is a thread with a keep-alive connection that
walks the URL list below in its own order. An error is any answer >= 500, any answer that is
not 200/304, or any connection failure or timeout (30 s). Prints one Markdown row.
"""

import argparse
import http.client
import random
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.api_http import DEFAULT_DB, bench_env, manage_py, percentile  # noqa: E402
from bench.common import HOST, Gunicorn, status, timed_threads  # noqa: E402

URLS = [
    "/api/v2/pages/?locale=nl",
    "/api/v2/pages/?locale=fr&type=blog.BlogPage&fields=date,summary,hero_image&order=-date",
    "/api/v2/pages/find/?html_path=/nl/blog/",
    "/api/v2/events/?locale=nl&city=Lille",
    "/api/v2/images/",
    "/api/v2/directory/coworkers/?q=boekhouder&locale=nl&page_size=5",
    "/api/v2/search/?q=Lille&locale=nl",
    "/api/v2/changes/?limit=50",
]


def env_for(database_url: str) -> dict:
    env = bench_env(DEFAULT_DB)
    env["DATABASE_URL"] = database_url
    return env


def prepare(database_url: str, reuse: bool) -> None:
    env = env_for(database_url)
    manage_py("migrate", "--no-input", env=env)
    manage_py("createcachetable", env=env)
    if not reuse:
        manage_py("load_demo_content", "--quiet", env=env)


def serve(database_url: str, workers: int) -> Gunicorn:
    return Gunicorn(
        "cms.wsgi",
        env=env_for(database_url),
        ready=lambda server: status(server.port, URLS[0]) == 200,
        workers=workers,
        options=["-c", "gunicorn.conf.py"],
    )


def load(port: int, clients: int, duration: float) -> dict:
    deadline = time.monotonic() + duration
    latencies, errors, statuses = [], [], {}
    lock = threading.Lock()

    def client(seed):
        order = random.Random(seed)  # noqa: S311 - a load mix, not a secret
        mine, failed, seen, connection = [], [], {}, None
        while time.monotonic() < deadline:
            path = order.choice(URLS)
            started = time.perf_counter()
            try:
                if connection is None:
                    connection = http.client.HTTPConnection(HOST, port, timeout=30)
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                status = response.status
                if response.will_close:
                    connection.close()
                    connection = None
            except (OSError, http.client.HTTPException) as exc:
                status = type(exc).__name__
                if connection is not None:
                    connection.close()
                connection = None
            mine.append((time.perf_counter() - started) * 1000)
            seen[status] = seen.get(status, 0) + 1
            if status not in (200, 302, 304):
                failed.append((path, status))
        with lock:
            latencies.extend(mine)
            errors.extend(failed)
            for status, count in seen.items():
                statuses[status] = statuses.get(status, 0) + count

    elapsed = timed_threads(client, [(seed,) for seed in range(clients)])
    latencies.sort()

    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "errors": len(errors),
        "error_sample": errors[:5],
        "statuses": statuses,
        "p50": percentile(latencies, 0.50),
        "p95": percentile(latencies, 0.95),
        "p99": percentile(latencies, 0.99),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=f"sqlite:///{DEFAULT_DB}")
    parser.add_argument("--reuse", action="store_true", help="the database has the demo already")
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--workers", type=int, default=4)
    options = parser.parse_args()
    engine = options.database_url.split(":", 1)[0]
    prepare(options.database_url, options.reuse)
    server = serve(options.database_url, options.workers)
    try:
        load(server.port, options.clients, 3)  # warm-up, not measured
        result = load(server.port, options.clients, options.duration)
    finally:
        server.stop()
    print(
        f"| {engine} | {options.clients} | {options.duration:.0f} s | {result['requests']} | "
        f"{result['rps']:.0f} | {result['errors']} | {result['p50']:.0f} ms | "
        f"{result['p95']:.0f} ms | {result['p99']:.0f} ms |"
    )
    print(f"statuses: {result['statuses']}; errors: {result['error_sample']}", file=sys.stderr)


if __name__ == "__main__":
    main()
