"""Send the search engine the updates it missed while it was down."""

from django.core.management.base import BaseCommand

from search.indexer import retry_pending_updates


class Command(BaseCommand):
    help = "Retry the search index updates kept while the engine was unavailable."

    def handle(self, *args, **options):
        done, left = retry_pending_updates()
        self.stdout.write(f"{done} updates sent, {left} still pending.")
        if left:
            self.stderr.write("The search engine is still unavailable; run this again later.")
