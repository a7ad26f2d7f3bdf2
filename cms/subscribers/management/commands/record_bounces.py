import email
import email.policy
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.subscribers.bounces import record_report


class Command(BaseCommand):
    help = (
        "Read bounce reports (delivery status notifications, RFC 3464) and complaints "
        "(feedback reports, RFC 5965) and record them: a permanent failure or a complaint "
        "stops the newsletter to that address. Give message files, or directories of them "
        "(a Maildir's new/ and cur/), or pipe one message on standard input."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="Message files or directories.")
        parser.add_argument(
            "--delete", action="store_true", help="Delete each file once it is recorded."
        )

    def handle(self, paths, delete=False, **options):
        if not paths:
            self.record(sys.stdin.buffer.read(), "standard input")
            return
        for name in paths:
            path = Path(name)
            if not path.exists():
                raise CommandError(f"No such file or directory: {name}")
            files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
            for file in files:
                self.record(file.read_bytes(), str(file))
                if delete:
                    file.unlink()

    def record(self, raw: bytes, origin: str):
        message = email.message_from_bytes(raw, policy=email.policy.default)
        failures = record_report(message)
        if not failures:
            self.stdout.write(f"{origin}: no bounce or complaint")
        for address, permanent in failures:
            kind = "permanent" if permanent else "temporary"
            self.stdout.write(f"{origin}: {address} ({kind})")
