import json

from django.core.management.base import BaseCommand, CommandError

from cms.subscribers.erase import erase_subscriber, export_subscriber
from cms.subscribers.models import Subscriber


class Command(BaseCommand):
    help = (
        "A newsletter subscriber's data on request: 'export' prints everything held about an "
        "address as JSON; 'erase' deletes it (irreversible). Erasing a directory person "
        "(erase_person) also erases their subscription."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("email", help="The subscriber's address (any case).")

    def handle(self, action, email, **options):
        subscriber = Subscriber.objects.with_email(email).first()
        if subscriber is None:
            raise CommandError(f"No newsletter subscriber has the address {email!r}.")
        if action == "export":
            self.stdout.write(
                json.dumps(export_subscriber(subscriber), indent=2, ensure_ascii=False)
            )
            return
        report = erase_subscriber(email)
        for what, count in sorted(report.items()):
            self.stdout.write(f"  - {what}: {count}")
        self.stdout.write(self.style.SUCCESS(f"Erased the subscription of {email}."))
