"""Public HTML pages over HTTP: worker CPU and SQL queries per page type, uncached, and the
throughput of the anonymous page cache beside the bare Django ceiling, in one run.

    .venv/bin/python bench/html_pages.py                     # scratch DB, 5 s per row
    .venv/bin/python bench/html_pages.py --reuse --duration 10
    .venv/bin/python bench/html_pages.py --reuse --code /path/to/other/checkout   # "before"

Not a test. Builds (or reuses) the scratch SQLite database of bench/api_http.py with the demo
content, then serves it with gunicorn, 2 sync workers, production settings, on 127.0.0.1:
- uncached: HTML_CACHE="" (every request renders the page); worker CPU ms/request is
  utime+stime of the two workers (/proc/<pid>/stat) over the requests served;
- cached: HTML_CACHE=html (cms/core/html_cache.py), the same URLs repeated anonymously;
- ceiling: /api/bench/ceiling/ (bench/ceiling_wsgi.py), a fixed JSON view through the same
  process and middleware, measured on the same servers as the rows beside it.
SQL queries/request: a separate pass in one process (Django's test client and
CaptureQueriesContext), second request of each URL (per-process caches warm, as in a worker).
``--code`` serves another checkout of the project (an older commit, for a before/after table)
with this script's load generator and database.
Prints a Markdown table for bench/RESULTS.md.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.api_http import (  # noqa: E402
    CEILING,
    bench_env,
    load_parser,
    load_settings,
    measure,
    prepare_database,
)
from bench.common import HOST, Gunicorn, json_answer, status  # noqa: E402

#: (label, how to find the URL in the query pass)
PAGE_TYPES = [
    "home",
    "standard page",
    "blog index",
    "article",
    "agenda",
    "event",
    "study index",
    "study",
    "space index",
    "space",
    "search",
    "directory",
    "coworker profile",
]


def html_env(db: Path, code: Path, html_cache: str) -> dict:
    env = bench_env(db)
    env.update(
        {
            "PYTHONPATH": str(code),
            "BENCH_CODE": str(code),
            "HTML_CACHE": html_cache,
            # Production settings serve hashed static names: collected once per checkout.
            "STATIC_ROOT": str(db.parent / f"bench-static-{abs(hash(str(code)))}"),
        }
    )
    return env


def collect_static(db: Path, code: Path) -> None:
    subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [sys.executable, str(code / "manage.py"), "collectstatic", "--no-input", "-v0"],
        cwd=code,
        env=html_env(db, code, ""),
        check=True,
    )


# SQL queries and URLs (child process, configured like the workers) ---------------------------
def count_queries_main() -> None:
    sys.path.insert(0, os.environ["BENCH_CODE"])  # the site of --code, not this checkout's

    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    import bench.ceiling_wsgi  # noqa: F401 - Django set up, with the ceiling route
    from cms.blog.models import BlogIndexPage, BlogPage
    from cms.directory.models import Coworker
    from cms.events.models import EventIndexPage, EventPage
    from cms.pages.models import StandardPage
    from cms.spaces.models import SpaceIndexPage, SpacePage
    from cms.studies.models import StudyIndexPage, StudyPage

    settings.HTML_CACHE = ""

    def first(model):
        return model.objects.live().filter(locale__language_code="fr").order_by("path").first()

    coworker = Coworker.objects.public().filter(locale__language_code="fr").order_by("pk").first()
    urls = {
        "home": "/fr/",
        "standard page": first(StandardPage).url,
        "blog index": first(BlogIndexPage).url,
        "article": first(BlogPage).url,
        "agenda": first(EventIndexPage).url,
        "event": EventPage.upcoming_in_locale(first(EventIndexPage).locale_id).first().url,
        "study index": first(StudyIndexPage).url,
        "study": first(StudyPage).url,
        "space index": first(SpaceIndexPage).url,
        "space": first(SpacePage).url,
        "search": "/fr/search/?q=coworking",
        "directory": "/fr/directory/",
        "coworker profile": f"/fr/directory/coworkers/{coworker.slug}/",
    }
    client = Client(HTTP_HOST=HOST)
    result = {}
    for label in PAGE_TYPES:
        url = urls[label]
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        result[label] = {
            "url": url,
            "status": response.status_code,
            "bytes": len(response.content),
            "queries": len(queries),
        }
    print(json.dumps(result))


def count_queries(db: Path, code: Path) -> dict:
    return json_answer([__file__, "--count-queries"], env=html_env(db, code, ""), cwd=code)


# gunicorn ------------------------------------------------------------------------------------
class Server(Gunicorn):
    """gunicorn, 2 sync workers, serving ``code`` (bench.ceiling_wsgi of this checkout)."""

    def __init__(self, db: Path, code: Path, html_cache: str):
        super().__init__(
            "bench.ceiling_wsgi:application",
            env=html_env(db, code, html_cache),
            ready=lambda server: server.get(CEILING) == 200 and len(server.workers()) == 2,
            cwd=code,
            options=[f"--chdir={code}"],
        )

    def get(self, path):
        return status(self.port, path, timeout=30)


def main() -> None:
    parser = load_parser(__doc__.split("\n")[0], 5, "row")
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout of the site to serve")
    options = parser.parse_args()
    if options.count_queries:
        count_queries_main()
        return
    duration, client = load_settings(options)
    code = options.code.resolve()

    prepare_database(options.db, options.reuse)
    collect_static(options.db, code)
    pages = count_queries(options.db, code)
    for label, info in pages.items():
        print(
            f"{label}: {info['url']} -> {info['status']}, {info['bytes']:,} bytes", file=sys.stderr
        )
        assert info["status"] == 200, (label, info)
    common = {"duration": duration, "connections": options.connections, "client": client}

    uncached, cached = {}, {}
    server = Server(options.db, code, "")
    try:
        ceiling_uncached = measure(server, CEILING, **common)
        for label in PAGE_TYPES:
            uncached[label] = measure(server, pages[label]["url"], **common)
    finally:
        server.stop()
    server = Server(options.db, code, "html")
    try:
        ceiling_cached = measure(server, CEILING, **common)
        for label in PAGE_TYPES:
            server.get(pages[label]["url"])  # kept by the first request
            cached[label] = measure(server, pages[label]["url"], **common)
    finally:
        server.stop()

    print(
        f"\ngunicorn 2 sync workers, {client} ({options.connections} connections, "
        f"{duration} s per row after a warm-up), {os.cpu_count()} CPUs, code: {code}, "
        f"load average: {os.getloadavg()[0]:.1f}\n"
    )
    print(
        "| page (fr) | SQL queries | uncached worker CPU (ms/req) | uncached req/s "
        "| cached req/s | cached, of ceiling |"
    )
    print("|---|---|---|---|---|---|")
    for label in PAGE_TYPES:
        fresh, kept = uncached[label], cached[label]
        errors = fresh["bad"] + kept["bad"]
        share = 100 * kept["rps"] / ceiling_cached["rps"]
        print(
            f"| {label} | {pages[label]['queries']} | {fresh['cpu_ms']:.1f} | "
            f"{fresh['rps']:,.0f} | {kept['rps']:,.0f} | {share:.0f} %"
            f"{f' ({errors} errors)' if errors else ''} |"
        )
    print(
        f"| ceiling: fixed JSON view | 0 | {ceiling_uncached['cpu_ms']:.1f} | "
        f"{ceiling_uncached['rps']:,.0f} | {ceiling_cached['rps']:,.0f} | 100 % |"
    )


if __name__ == "__main__":
    main()
