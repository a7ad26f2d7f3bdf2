"""``manage.py load_demo_content``: a realistic COFFEE Hub site in French, Dutch and English.

Safe to run again: what already exists is kept, nothing is duplicated.
"""

import time

from django.core.management.base import BaseCommand

from cms.demo.accounts import load_demo_accounts
from cms.demo.loader import ADMIN_USERNAME, DemoLoader, describe, quiet_logging


class Command(BaseCommand):
    help = (
        "Fill the database with demo content (spaces, agenda, blog, studies, pages, navigation, "
        "directory) in French, translated into Dutch and English with wagtail-localize, and "
        "create the 'admin' superuser (password from DEMO_ADMIN_PASSWORD, default 'coffee-admin'). "
        "Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--quiet", action="store_true", help="Print nothing (for tests and scripts)."
        )

    def handle(self, *args, quiet=False, **options):
        started = time.monotonic()
        if not quiet:
            self.stdout.write("Loading the COFFEE Hub demo content...")
        report = DemoLoader(stdout=self.stdout, quiet=quiet).run()
        with quiet_logging():
            accounts = load_demo_accounts()
        if quiet:
            return
        for line in describe(report):
            self.stdout.write(line)
        seconds = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Demo content ready in {seconds:.1f} s."))
        self.stdout.write("")
        self.stdout.write("Site:  http://127.0.0.1:8000/fr/  (also /nl/ and /en/)")
        self.stdout.write("Admin: http://127.0.0.1:8000/admin/")
        self.stdout.write(f"  username: {ADMIN_USERNAME}")
        if report.admin_password:
            self.stdout.write(f"  password: {report.admin_password}")
        else:
            self.stdout.write(
                "  password: unchanged (the existing account's password does not match "
                "DEMO_ADMIN_PASSWORD; use `manage.py changepassword admin` to reset it)"
            )
        self.stdout.write(
            "Editorial accounts (organisation editors submit, the coordinator approves):"
        )
        for account in accounts:
            password = account.password or "unchanged (not DEMO_EDITOR_PASSWORD)"
            self.stdout.write(
                f"  {account.username:<22} {password:<16} {account.role} "
                f"({account.name}, admin in {account.language})"
            )
