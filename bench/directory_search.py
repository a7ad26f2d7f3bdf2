"""Directory search latency on SQLite: p50 and p95 over a fixed mix of queries, per language.

    .venv/bin/python bench/directory_search.py                      # 10,000 people
    .venv/bin/python bench/directory_search.py --coworkers 100000 --db /tmp/bench-100k.sqlite3
    .venv/bin/python bench/directory_search.py --reuse --rounds 5 --pages
    .venv/bin/python bench/directory_search.py --reuse --cache   # answers kept (DIRECTORY_CACHE)

Builds a scratch database (never the site's own): migrations, the demo content (spaces and
the demo directory), then ``generate_directory`` with a fixed seed; ``--reuse`` skips all that
when the file exists. Each query goes through ``cms.directory.search`` exactly as the pages and
the API call it (parameters parsed and checked, vocabulary loaded, facets counted, records loaded);
``--pages`` also times the whole HTML page through Django's test client. Not a test: it prints
Markdown tables for bench/RESULTS.md. Without ``--cache`` nothing is kept between searches
(DIRECTORY_CACHE empty): every search asks the engine; with it, the rounds after the first
are answered from the cache, as repeated searches are while the content stays the same.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("fr", "nl", "en")

# The fixed mix. Facet values are taxonomy keys (resolved to each language's token) or codes.
MIX = [
    ("landing", {}),
    ("text", {"q": "comptable"}),
    ("text", {"q": "boekhouder"}),
    ("text", {"q": "web developer"}),
    ("text", {"q": "graphiste Lille"}),
    ("text", {"q": "vertaler"}),
    ("text", {"q": "compta"}),  # no whole word: prefix fallback
    ("text", {"q": "coach Tournai"}),
    ("text+2 facets", {"q": "comptable", "country": "BE", "language": "nl"}),
    ("text+2 facets", {"q": "design", "space": "Lille", "open_to": "freelance"}),
    ("text+2 facets", {"q": "data", "skill": "donnees", "sector": "agroalimentaire"}),
    ("facets", {"skill": "comptabilite", "language": "nl"}),
    ("facets", {"space": "Tournai", "sector": "industries-creatives"}),
    ("facets", {"country": "FR", "open_to": "hiring", "skill": "developpement-web"}),
    ("facets", {"skill": "traduction", "page": "3"}),
    ("companies", {"kind": "companies"}),
    ("companies", {"kind": "companies", "q": "boekhouding", "country": "BE"}),
    ("projects", {"kind": "projects", "status": "open"}),
]


def percentile(values, share):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def manage_py(*arguments, env, quiet=False):
    """Run a management command on the scratch database (fixed arguments, no shell)."""
    output = subprocess.DEVNULL if quiet else None
    subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "manage.py"), *arguments],
        env=env,
        check=True,
        stdout=output,
        stderr=output,
    )


def prepare_database(args):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{args.db}", "LOG_LEVEL": "WARNING"}
    if args.reuse and Path(args.db).exists():
        return {}
    for suffix in ("", "-wal", "-shm"):
        Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    manage_py("migrate", "-v0", env=env)
    manage_py("createcachetable", env=env)
    manage_py("load_demo_content", "--quiet", env=env, quiet=True)
    started = time.perf_counter()
    manage_py(
        "generate_directory",
        f"--coworkers={args.coworkers}",
        f"--companies={args.companies}",
        f"--seed={args.seed}",
        "--no-progress",
        env=env,
    )
    seconds = time.perf_counter() - started
    return {"generate_seconds": seconds, "per_second": args.coworkers / seconds}


def queries_for(language, vocabulary, mix=MIX):
    """``mix`` with facet values written the way a visitor reading ``language`` sends them."""
    from cms.demo.directory.taxonomy import term_key
    from cms.directory.models import Sector, Skill
    from cms.spaces.models import SpacePage

    spaces = {}
    for city, key in SpacePage.objects.values_list("city", "translation_key"):
        option = vocabulary.by_key("space", str(key))
        if option is not None:
            spaces.setdefault(city, option.token)
    queries = []
    for category, params in mix:
        resolved = {}
        for name, value in params.items():
            if name in ("skill", "sector"):
                model = Skill if name == "skill" else Sector
                option = vocabulary.by_key(name, str(term_key(model, value)))
                value = option.token if option else value
            elif name == "space":
                value = spaces.get(value, value)
            resolved[name] = value
        queries.append((category, resolved))
    return queries


def run(args):
    os.environ["DATABASE_URL"] = f"sqlite:///{args.db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    os.environ["DEBUG"] = "0"
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ["DIRECTORY_CACHE"] = "directory" if args.cache else ""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from cms.directory.models import Company, Coworker, ProjectIdea
    from cms.directory.search import parse_directory_query, search
    from cms.directory.vocabulary import Vocabulary
    from search.engines import get_engine

    counts = {
        "coworkers (public, per language)": Coworker.objects.in_locale("fr").count(),
        "coworker rows (all languages and states)": Coworker.objects.count(),
        "companies (public)": Company.objects.in_locale("fr").count(),
        "project ideas (public)": ProjectIdea.objects.in_locale("fr").count(),
    }
    client = Client() if args.pages else None
    timings = {}  # (language, category) -> [ms]
    page_timings = {}
    max_queries = 0
    for language in LANGUAGES:
        with translation.override(language):
            mix = queries_for(language, Vocabulary.load(language))
            for round_number in range(args.rounds + 1):  # round 0 warms the caches
                for category, params in mix:
                    started = time.perf_counter()
                    with CaptureQueriesContext(connection) as queries:
                        query, errors, vocabulary = parse_directory_query(params, locale=language)
                        results = search(query, vocabulary=vocabulary)
                    elapsed = (time.perf_counter() - started) * 1000
                    assert not errors, (params, errors)
                    assert results.total >= 0
                    max_queries = max(max_queries, len(queries))
                    if round_number:
                        timings.setdefault((language, category), []).append(elapsed)
                    if client is not None and round_number:
                        started = time.perf_counter()
                        response = client.get(f"/{language}/directory/", params)
                        page_ms = (time.perf_counter() - started) * 1000
                        assert response.status_code == 200, (params, response.status_code)
                        page_timings.setdefault(language, []).append(page_ms)
    return counts, timings, page_timings, max_queries, get_engine().name


def report(args, build, counts, timings, page_timings, max_queries, engine):
    import platform

    import django

    lines = []
    out = lines.append
    out(
        f"engine: {engine}, cache {'on' if args.cache else 'off'} "
        f"(SQLite {__import__('sqlite3').sqlite_version}, "
        f"Django {django.get_version()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs)"
    )
    for label, value in counts.items():
        out(f"{label}: {value:,}")
    if build:
        out(
            f"generate_directory: {args.coworkers:,} people + {args.companies:,} companies in "
            f"{build['generate_seconds']:.1f} s ({build['per_second']:,.0f} people/s)"
        )
    out(
        f"rounds: {args.rounds} x {len(MIX)} queries x {len(LANGUAGES)} languages; "
        f"at most {max_queries} SQL queries per search"
    )
    out("")
    out("| language | queries | p50 (ms) | p95 (ms) | max (ms) |")
    out("|---|---|---|---|---|")
    everything = []
    for language in LANGUAGES:
        values = [v for (lang, _c), vs in timings.items() if lang == language for v in vs]
        everything += values
        out(
            f"| {language} | {len(values)} | {percentile(values, 0.5):.0f} | "
            f"{percentile(values, 0.95):.0f} | {max(values):.0f} |"
        )
    out(
        f"| all | {len(everything)} | {percentile(everything, 0.5):.0f} | "
        f"{percentile(everything, 0.95):.0f} | {max(everything):.0f} |"
    )
    out("")
    out("| kind of query | p50 (ms) | p95 (ms) |")
    out("|---|---|---|")
    for category in dict.fromkeys(category for category, _params in MIX):
        values = [v for (_l, c), vs in timings.items() if c == category for v in vs]
        out(f"| {category} | {percentile(values, 0.5):.0f} | {percentile(values, 0.95):.0f} |")
    if page_timings:
        out("")
        out("| whole HTML page | p50 (ms) | p95 (ms) |")
        out("|---|---|---|")
        for language, values in page_timings.items():
            out(f"| {language} | {percentile(values, 0.5):.0f} | {percentile(values, 0.95):.0f} |")
    mean = statistics.fmean(everything)
    out("")
    out(f"mean {mean:.0f} ms over {len(everything)} searches")
    print("\n".join(lines))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--coworkers", type=int, default=10_000)
    parser.add_argument("--companies", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--db", default=str(Path(tempfile.gettempdir()) / "coffee-bench-directory.sqlite3")
    )
    parser.add_argument("--reuse", action="store_true", help="Keep an existing scratch database.")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pages", action="store_true", help="Also time the HTML pages.")
    parser.add_argument("--cache", action="store_true", help="Keep answers (DIRECTORY_CACHE).")
    args = parser.parse_args()
    build = prepare_database(args)
    report(args, build, *run(args))


if __name__ == "__main__":
    main()
