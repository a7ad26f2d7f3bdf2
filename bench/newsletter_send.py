"""Sending one newsletter issue to 10,000 subscribers through a local SMTP server (aiosmtpd).

    .venv/bin/python bench/newsletter_send.py                  # scratch DB, 10,000 subscribers
    .venv/bin/python bench/newsletter_send.py --reuse --subscribers 20000

Builds a scratch SQLite database (never the site's own): migrations and the demo content
(``--reuse`` skips that when the file exists). Then, in this process: 10,000 confirmed Dutch
subscribers, an aiosmtpd server on a free loopback port that counts what it receives, and the
sending of the demo's Dutch issue that is ready to send (``sending.start``, as the admin's
"Send to subscribers" does). The real worker, ``manage.py db_worker --backend newsletter
--queue-name newsletter --batch``, runs as a subprocess until the queue is empty; its resident
memory is sampled from /proc every 0.2 s. Prints wall time, messages per second, the worker's
peak memory and its memory at each tenth of the send (flat = no growth with the number sent),
and checks that every subscriber received exactly one message. Not a test: numbers for
bench/RESULTS.md.
"""

import argparse
import os
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


class CountingMailbox:
    """Accepts every message; counts recipients (and keeps nothing else)."""

    def __init__(self):
        self.received = Counter()
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        with self.lock:
            for rcpt in envelope.rcpt_tos:
                self.received[rcpt] += 1
        return "250 Message accepted for delivery"

    def total(self):
        with self.lock:
            return sum(self.received.values())


def manage_py(*arguments, env):
    subprocess.run(  # noqa: S603 - our own fixed arguments
        [sys.executable, str(ROOT / "manage.py"), *arguments],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def rss_kib(pid: int, field: str = "VmRSS") -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except FileNotFoundError:
        return 0
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default="/tmp/bench-newsletter.sqlite3")  # noqa: S108
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--batch-size", type=int, default=200)
    args = parser.parse_args()

    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{args.db}",
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "NEWSLETTER_BATCH_SIZE": str(args.batch_size),
    }
    if not (args.reuse and Path(args.db).exists()):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
        started = time.perf_counter()
        manage_py("migrate", "-v0", env=env)
        manage_py("createcachetable", env=env)
        manage_py("load_demo_content", "--quiet", env=env)
        print(f"scratch database ready in {time.perf_counter() - started:.0f} s")

    from aiosmtpd.controller import Controller

    mailbox = CountingMailbox()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    env["EMAIL_URL"] = f"smtp://127.0.0.1:{port}"
    os.environ.update({key: env[key] for key in ("DATABASE_URL", "LOG_LEVEL", "EMAIL_URL")})
    os.environ["DJANGO_SETTINGS_MODULE"] = env["DJANGO_SETTINGS_MODULE"]

    import django

    django.setup()
    from django_tasks_db.models import DBTaskResult

    from cms.newsletter import sending
    from cms.newsletter.models import Dispatch, NewsletterIssuePage
    from cms.subscribers.models import Subscriber

    # A clean slate: earlier runs' subscribers, sendings and queued batches.
    Subscriber.objects.filter(email__endswith="@bench.example").delete()
    Dispatch.objects.all().delete()
    DBTaskResult.objects.filter(queue_name="newsletter").delete()
    Subscriber.objects.bulk_create(
        [
            Subscriber(
                email=f"reader{n:06d}@bench.example",
                language="nl",
                status=Subscriber.Status.CONFIRMED,
            )
            for n in range(args.subscribers)
        ],
        batch_size=2000,
    )
    issue = (
        NewsletterIssuePage.objects.live()
        .filter(locale__language_code="nl", slug__isnull=False)
        .exclude(pk__in=Dispatch.objects.values("issue_id"))
        .order_by("-pk")
        .first()
    )
    audience = sending.recipients("nl", list(issue.interests.all()) or None).count()

    started = time.perf_counter()
    dispatch = sending.start(issue)
    queued = time.perf_counter() - started
    worker = subprocess.Popen(  # noqa: S603 - our own fixed arguments
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "db_worker",
            "--backend=newsletter",
            "--queue-name=newsletter",
            "--batch",
            "--no-startup-delay",
            "--no-reload",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    samples = []  # (messages received, worker RSS KiB)
    peak = 0
    while worker.poll() is None:
        rss = rss_kib(worker.pid)
        peak = max(peak, rss_kib(worker.pid, "VmHWM"))
        samples.append((mailbox.total(), rss))
        time.sleep(0.2)
    elapsed = time.perf_counter() - started
    stderr = worker.stderr.read().decode(errors="replace")
    controller.stop()

    progress = dispatch.progress()
    total = mailbox.total()
    duplicates = sum(1 for count in mailbox.received.values() if count > 1)
    print(f"issue: {issue.title!r} (nl), audience {audience} confirmed subscribers")
    print(f"creating the {progress['total']} delivery rows and queueing: {queued:.2f} s")
    print(
        f"sent {total} messages in {elapsed:.1f} s ({total / elapsed:.0f} messages/s), "
        f"batch size {args.batch_size}; progress {progress}"
    )
    print(f"duplicates: {duplicates}; missing: {audience - len(mailbox.received)}")
    print(f"worker peak memory (VmHWM): {peak / 1024:.0f} MiB")
    marks = []
    for tenth in range(1, 11):
        goal = audience * tenth // 10
        rss = next((rss for sent, rss in samples if sent >= goal and rss), None)
        if rss:
            marks.append(f"{tenth * 10}%: {rss / 1024:.0f}")
    print("worker memory (MiB) when X% was sent: " + ", ".join(marks))
    if worker.returncode:
        print(stderr[-2000:])
        sys.exit(worker.returncode)


if __name__ == "__main__":
    main()
