"""``manage.py run_scheduler``: publishes and unpublishes pages and snippets at their go-live
and expiry dates, then runs the SCHEDULER_JOBS (event reminders and erasure, newsletter sends
kept going after a worker stopped), every SCHEDULER_INTERVAL seconds (``make run`` starts it)."""

import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string


def tick() -> None:
    """One pass of Wagtail's ``publish_scheduled``, then of each SCHEDULER_JOBS function: event
    registrations (tomorrow's reminders, the erasure of registrants' data
    REGISTRATION_RETENTION_DAYS after events), newsletter sends kept going, newsletter
    subscriptions never confirmed deleted once their link has expired."""
    call_command("publish_scheduled")
    for job in settings.SCHEDULER_JOBS:
        import_string(job)()


class Command(BaseCommand):
    help = (
        "Run Wagtail's publish_scheduled every SCHEDULER_INTERVAL seconds (default 60) so that "
        "go-live and expiry dates take effect. --once runs a single pass."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="One pass, then exit.")
        parser.add_argument(
            "--interval",
            type=float,
            default=None,
            help="Seconds between passes (default: the SCHEDULER_INTERVAL setting).",
        )

    def handle(self, *args, once=False, interval=None, **options):
        interval = interval or settings.SCHEDULER_INTERVAL
        if not once:
            self.stdout.write(f"Publishing scheduled content every {interval:g} s.")
        while True:
            tick()
            if once:
                return
            time.sleep(interval)
