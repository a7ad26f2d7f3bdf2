"""Directory search on each engine: latency at the interface and through the HTTP API,
indexing throughput, full rebuild time.

    bash ops/opensearch/opensearch.sh start
    .venv/bin/python bench/search_engines.py --coworkers 10000
    .venv/bin/python bench/search_engines.py --coworkers 100000 --companies 10000 --rounds 2

Builds (or ``--reuse``s) a scratch SQLite database with ``generate_directory`` (see
bench/directory_search.py), indexes it into OpenSearch (``SEARCH_URL``, default the node of
ops/opensearch, indexes prefixed ``bench-<N>-``, deleted at the end unless ``--keep``), then
times the same fixed mix (text, text + 2 facets, facets only, autocomplete) in fr, nl and en
on each engine: ``cms.directory.search.search`` (the interface) and GET /api/v2/directory/…
through Django's test client (the API), and the engine's own ``took`` per interface search
(its requests summed). Not a test: it prints Markdown for bench/RESULTS.md.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from directory_search import percentile, prepare_database, queries_for  # noqa: E402

LANGUAGES = ("fr", "nl", "en")
MIX = [
    ("text", {"q": "comptable"}),
    ("text", {"q": "boekhouder"}),
    ("text", {"q": "web developer"}),
    ("text", {"q": "graphiste Lille"}),
    ("text", {"q": "vertaler"}),
    ("text+2 facets", {"q": "comptable", "country": "BE", "language": "nl"}),
    ("text+2 facets", {"q": "design", "country": "FR", "open_to": "freelance"}),
    ("text+2 facets", {"q": "data", "skill": "donnees", "sector": "agroalimentaire"}),
    ("facets only", {"skill": "comptabilite", "language": "nl"}),
    ("facets only", {"country": "FR", "open_to": "hiring", "skill": "developpement-web"}),
    ("facets only", {"skill": "traduction", "page": "3"}),
    ("autocomplete", {"q": "compta"}),
    ("autocomplete", {"q": "boekh"}),
    ("autocomplete", {"q": "graphi"}),
    ("autocomplete", {"q": "Vanden"}),
]


def engine_took(engine, tooks):
    """Record the engine's own ``took`` (ms) of every search request into ``tooks``."""
    from search.clients import REMOTE_ENGINES, get_client

    if engine not in REMOTE_ENGINES:
        return
    engine_client = get_client(engine)
    for method in ("search", "msearch"):  # an msearch's took covers its searches
        send = getattr(type(engine_client), method).__get__(engine_client)

        def timed(index, body, send=send):
            answer = send(index, body)
            tooks.append(answer.get("took", 0))
            return answer

        setattr(engine_client, method, timed)


def time_engine(engine, rounds, client):
    """Every search asks the engine, as a search nobody made since the last change does: the
    kept answers (the directory's, and the API's whole responses) are dropped before it, and the
    vocabulary (skills, sectors, spaces: kept by every process until the content changes) is
    read again outside the timer."""
    from django.conf import settings
    from django.core.cache import caches
    from django.test import override_settings
    from django.utils import translation

    from cms.directory.search import parse_directory_query, search
    from cms.directory.vocabulary import Vocabulary

    def forget_answers(language):
        for alias in (settings.DIRECTORY_CACHE, settings.COFFEE_API_RESPONSE_CACHE):
            if alias:  # API_RESPONSE_CACHE may be turned off
                caches[alias].clear()
        Vocabulary.current(language)

    interface, api, took, degraded = {}, {}, {}, 0
    tooks = []
    with override_settings(SEARCH_ENGINE=engine):
        engine_took(engine, tooks)
        for language in LANGUAGES:
            with translation.override(language):
                mix = queries_for(language, Vocabulary.load(language), MIX)
                for round_number in range(rounds + 1):  # round 0 warms caches
                    for category, params in mix:
                        tooks.clear()
                        forget_answers(language)
                        started = time.perf_counter()
                        query, errors, vocabulary = parse_directory_query(params, locale=language)
                        results = search(query, vocabulary=vocabulary)
                        elapsed = (time.perf_counter() - started) * 1000
                        assert not errors, (params, errors)
                        degraded += results.degraded
                        if round_number:
                            interface.setdefault(category, []).append(elapsed)
                            if tooks:  # every engine request of the search, summed
                                took.setdefault(category, []).append(sum(tooks))
                        forget_answers(language)
                        started = time.perf_counter()
                        response = client.get(
                            "/api/v2/directory/coworkers/", {**params, "locale": language}
                        )
                        elapsed = (time.perf_counter() - started) * 1000
                        assert response.status_code == 200, (params, response.content[:300])
                        if round_number:
                            api.setdefault(category, []).append(elapsed)
    return interface, api, took, degraded


def table(out, title, timings):
    out(f"| {title} | n | p50 (ms) | p95 (ms) | max (ms) |")
    out("|---|---|---|---|---|")
    everything = []
    for category, values in timings.items():
        everything += values
        out(
            f"| {category} | {len(values)} | {percentile(values, 0.5):.1f} | "
            f"{percentile(values, 0.95):.1f} | {max(values):.1f} |"
        )
    out(
        f"| **all** | {len(everything)} | {percentile(everything, 0.5):.1f} | "
        f"{percentile(everything, 0.95):.1f} | {max(everything):.1f} |"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--coworkers", type=int, default=10_000)
    parser.add_argument("--companies", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--db", default="")
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--engine", default="opensearch", choices=["opensearch", "elasticsearch"])
    parser.add_argument("--url", default=os.environ.get("SEARCH_URL", "http://127.0.0.1:9201"))
    parser.add_argument("--keep", action="store_true", help="Keep the bench indexes.")
    parser.add_argument("--incremental", type=int, default=1000, help="Groups synced one task each")
    args = parser.parse_args()
    args.db = args.db or str(
        Path(tempfile.gettempdir()) / f"coffee-bench-engines-{args.coworkers}.sqlite3"
    )
    build = prepare_database(args)

    os.environ.update(
        {
            "DATABASE_URL": f"sqlite:///{args.db}",
            "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "cms.settings.dev"),
            "DEBUG": "0",
            "LOG_LEVEL": "WARNING",
            "SEARCH_ENGINE": args.engine,
            "SEARCH_URL": args.url,
            "SEARCH_INDEX_PREFIX": f"bench-{args.coworkers}-",
            "SEARCH_TIMEOUT": "10",
            "API_THROTTLE_RATE": "1000000/min",
            "API_CACHE_MAX_AGE": "0",
            # Kept as in production; time_engine drops the kept answers before every search.
            "DIRECTORY_CACHE": "directory",
        }
    )
    # time_engine empties the caches before every search: local memory, never a shared Redis.
    os.environ.pop("CACHE_URL", None)
    import django

    django.setup()
    import logging

    logging.getLogger("opensearch").setLevel(logging.ERROR)
    logging.getLogger("elastic_transport").setLevel(logging.WARNING)
    from django.test import Client

    from cms.directory.models import Coworker
    from search.clients import get_client
    from search.indexer import sync_groups
    from search.rebuild import rebuild_all

    lines = []
    out = lines.append
    people = Coworker.objects.in_locale("fr").count()
    out(
        f"### {args.engine} vs database, {people:,} public coworkers "
        f"(SQLite, {os.cpu_count()} CPUs)"
    )
    if build:
        out(f"generate_directory: {build['generate_seconds']:.1f} s")
    out("load average at start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))

    started = time.perf_counter()
    reports = rebuild_all()
    rebuild_seconds = time.perf_counter() - started
    documents = sum(report.documents for report in reports)
    out(
        f"- full rebuild (3 indexes, one per kind, each read through 3 locale aliases; alias "
        f"swap): {documents:,} (locale, record) documents in {rebuild_seconds:.1f} s = "
        f"{documents / rebuild_seconds:,.0f} documents/s"
    )
    keys = list(
        Coworker.objects.in_locale("fr")
        .order_by("pk")
        .values_list("translation_key", flat=True)[: args.incremental]
    )
    started = time.perf_counter()
    for key in keys:
        sync_groups(Coworker, [key])
    seconds = time.perf_counter() - started
    out(
        f"- incremental indexing (one group per call, 3 locales each, as after a save): "
        f"{len(keys)} in {seconds:.1f} s = {len(keys) / seconds:,.0f} groups/s "
        f"({seconds / len(keys) * 1000:.1f} ms each)"
    )
    started = time.perf_counter()
    for start in range(0, len(keys), 500):
        sync_groups(Coworker, keys[start : start + 500])
    seconds = time.perf_counter() - started
    out(f"- batched indexing (500 groups per call): {len(keys) / seconds:,.0f} groups/s")

    client = Client()
    for engine in (args.engine, "database"):
        interface, api, took, degraded = time_engine(engine, args.rounds, client)
        out("")
        out(
            f"**{engine}** ({args.rounds} rounds x {len(MIX)} queries x 3 languages"
            f"{', DEGRADED answers: ' + str(degraded) if degraded else ''})"
        )
        out("")
        table(out, "interface", interface)
        out("")
        table(out, "HTTP API", api)
        if took:
            out("")
            table(out, "engine took", took)
    if not args.keep:
        engine_client = get_client()
        for index in engine_client.indices_matching(f"bench-{args.coworkers}-*"):
            engine_client.delete_index(index)
    out("")
    out("load average at end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
