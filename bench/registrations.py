"""Registrations under load: 200 concurrent registrations for 50 seats on gunicorn.

    .venv/bin/python bench/registrations.py                      # SQLite scratch database
    .venv/bin/python bench/registrations.py --database-url postgres://…/coffee_bench

Not a test. A scratch database (never the site's own: /tmp/bench-registrations.sqlite3 by
default), migrated, with one event taking registrations (capacity 50) made by a child process;
gunicorn with the project's gunicorn.conf.py (4 sync workers), production settings, throttling
off, e-mail kept in memory (locmem backend: the seat allocation is measured, not an SMTP
server). 200 Python threads, released together by a barrier, each POST one registration to
/api/v2/events/{id}/registrations/ (the partner API, which runs the same service as the form).
Checks: every answer is 201, exactly 50 "confirmed" and 150 "waiting" with waiting-list
positions 1..150 each once, and the database agrees. Prints the numbers and a Markdown row for
bench/RESULTS.md.
"""

import argparse
import http.client
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.api_http import bench_env, manage_py  # noqa: E402
from bench.common import HOST, ROOT, Gunicorn, status  # noqa: E402

DEFAULT_DB = Path("/tmp/bench-registrations.sqlite3")  # noqa: S108 - a scratch database
SEATS = 50
REGISTRANTS = 200


def env_for(database_url: str) -> dict:
    env = bench_env(DEFAULT_DB)
    env.update(
        {
            "DATABASE_URL": database_url,
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "REGISTRATIONS_API_THROTTLE_RATE": "",
        }
    )
    return env


def make_event_main() -> None:
    """Child process: a published event with 50 seats; prints its id (a fresh event each run,
    so a reused database starts with no registration)."""
    import django

    django.setup()
    import datetime

    from django.utils import timezone

    from cms.demo.factories import EventIndexPageFactory, EventPageFactory, get_home_page, publish

    home = get_home_page("fr")
    agenda = home.get_children().type(EventIndexPageFactory._meta.model).first()
    if agenda is None:
        agenda = publish(EventIndexPageFactory(parent=home, live=False, title="Agenda"))
    start = timezone.now() + datetime.timedelta(days=20)
    event = publish(
        EventPageFactory(
            parent=agenda.specific,
            live=False,
            title="Bench",
            slug=f"bench-{int(time.time() * 1000)}",
            start=start,
            end=start + datetime.timedelta(hours=2),
            registration_enabled=True,
            capacity=SEATS,
        )
    )
    print(event.pk)


def count_main(event_id: int) -> None:
    """Child process: the statuses stored for the event, as JSON."""
    import django

    django.setup()
    from django.db.models import Count
    from wagtail.models import Page

    from cms.registrations.models import Registration

    key = Page.objects.get(pk=event_id).translation_key
    rows = Registration.objects.filter(event_key=key).values("status").annotate(n=Count("pk"))
    print(json.dumps({row["status"]: row["n"] for row in rows}))


def child(*arguments, env) -> str:
    return subprocess.run(  # noqa: S603 - this very script, fixed arguments
        [sys.executable, __file__, *arguments],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "cms.settings.production"},
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def serve(env: dict, workers: int) -> Gunicorn:
    return Gunicorn(
        "cms.wsgi",
        env=env,
        ready=lambda server: status(server.port, "/api/v2/events/") == 200,
        workers=workers,
        options=["-c", "gunicorn.conf.py"],
    )


def register_all(port: int, event_id: int) -> tuple[list, float]:
    barrier = threading.Barrier(REGISTRANTS)
    answers: list = [None] * REGISTRANTS

    def register(i):
        body = json.dumps({"name": f"Person {i}", "email": f"p{i}@example.org", "language": "nl"})
        connection = http.client.HTTPConnection(HOST, port, timeout=120)
        barrier.wait()
        started = time.perf_counter()
        try:
            connection.request(
                "POST",
                f"/api/v2/events/{event_id}/registrations/",
                body=body,
                headers={"Content-Type": "application/json"},
            )
            response = connection.getresponse()
            answers[i] = (response.status, json.loads(response.read() or b"{}"))
        except (OSError, http.client.HTTPException, ValueError) as error:
            answers[i] = (type(error).__name__, {})
        finally:
            answers[i] = (*answers[i], (time.perf_counter() - started) * 1000)
            connection.close()

    threads = [threading.Thread(target=register, args=(i,)) for i in range(REGISTRANTS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=f"sqlite:///{DEFAULT_DB}")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--make-event", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.make_event:
        make_event_main()
        return 0
    if options.count:
        count_main(options.count)
        return 0

    env = env_for(options.database_url)
    manage_py("migrate", "--no-input", env=env)
    manage_py("createcachetable", env=env)
    event_id = int(child("--make-event", env=env).splitlines()[-1])
    server = serve(env, options.workers)
    try:
        answers, seconds = register_all(server.port, event_id)
    finally:
        server.stop()
    stored = json.loads(child("--count", str(event_id), env=env).splitlines()[-1])

    statuses = [answer[1].get("status") for answer in answers]
    errors = [answer[0] for answer in answers if answer[0] != 201]
    positions = sorted(a[1]["waiting_position"] for a in answers if a[1].get("status") == "waiting")
    latencies = sorted(answer[2] for answer in answers)
    confirmed, waiting = statuses.count("confirmed"), statuses.count("waiting")
    database = "PostgreSQL" if options.database_url.startswith("postgres") else "SQLite"
    ok = (
        not errors
        and (confirmed, waiting) == (SEATS, REGISTRANTS - SEATS)
        and positions == list(range(1, REGISTRANTS - SEATS + 1))
        and stored == {"confirmed": SEATS, "waiting": REGISTRANTS - SEATS}
    )
    print(f"database: {database}, gunicorn workers: {options.workers}")
    print(f"registrations: {REGISTRANTS} concurrent for {SEATS} seats in {seconds:.2f} s")
    print(f"answers: {confirmed} confirmed, {waiting} waiting, {len(errors)} errors {errors[:5]}")
    print(
        f"waiting positions 1..{REGISTRANTS - SEATS} each once: {positions == list(range(1, 151))}"
    )
    print(f"stored: {stored}")
    print(f"latency: p50 {latencies[len(latencies) // 2]:.0f} ms, max {latencies[-1]:.0f} ms")
    print(
        f"| {database} | {options.workers} | {REGISTRANTS} | {SEATS} | {confirmed} | {waiting} | "
        f"{len(errors)} | {seconds:.2f} s | {latencies[len(latencies) // 2]:.0f} ms | "
        f"{latencies[-1]:.0f} ms |"
    )
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
