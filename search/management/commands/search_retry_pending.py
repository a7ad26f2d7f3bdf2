"""Send the search engine the updates it missed while it was down."""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Retry the search index updates kept while the engine was unavailable."

    def handle(self, *args, **options):
        from search.engine.indexer import retry_pending_updates

        done, left = retry_pending_updates()
        self.stdout.write(f"{done} updates sent, {left} still pending.")
        if left:
            self.stderr.write("The search engine is still unavailable; run this again later.")
