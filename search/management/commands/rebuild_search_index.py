"""Rebuild the search-engine indexes with no downtime (new index, alias swap)."""

import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search import registry
from search.clients import remote_engine_configured
from search.engines.base import EngineUnavailable
from search.indexer import retry_pending_updates
from search.rebuild import rebuild_all, rebuild_wagtail_indexes


class Command(BaseCommand):
    help = (
        "Build a new index per kind, load every public record, then swap the alias "
        "and delete the old index; then rebuild Wagtail's page, image and document indexes "
        "(all of them unless --kind is given). Searches keep working throughout."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--kind", action="append", choices=sorted(registry.indexes()), help="Only this kind"
        )
        parser.add_argument(
            "--locale",
            action="append",
            choices=[code for code, _name in settings.LANGUAGES],
            help="Only this locale's progress and report (the kind's index, shared by every "
            "locale, is rebuilt whole)",
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bars")

    def handle(self, *args, **options):
        if not remote_engine_configured():
            raise CommandError(
                f"SEARCH_ENGINE={settings.SEARCH_ENGINE!r}: the database engine has no index to "
                "rebuild (Wagtail's own: manage.py update_index)."
            )
        bars = []

        def progress_factory(kind, locale, total):
            bar = tqdm(
                total=total,
                desc=f"{kind} [{locale}]",
                unit="doc",
                disable=options["no_progress"],
                file=sys.stderr,
            )
            bars.append(bar)
            return bar.update

        started = time.perf_counter()
        try:
            reports = rebuild_all(
                options["kind"], options["locale"], progress_factory=progress_factory
            )
            wagtail_counts = {} if options["kind"] else rebuild_wagtail_indexes()
        except EngineUnavailable as error:
            raise CommandError(f"The search engine is unavailable: {error}") from error
        finally:
            for bar in bars:
                bar.close()
        # The new indexes hold every record: whatever was waiting is now in them.
        retry_pending_updates()
        total = sum(report.documents for report in reports)
        seconds = time.perf_counter() - started
        for report in reports:
            self.stdout.write(
                f"{report.kind} [{report.locale}]: {report.documents} documents "
                f"-> {report.index} ({report.kind}: {report.seconds:.1f} s)"
            )
        for name, count in wagtail_counts.items():
            self.stdout.write(f"{name}: {count} documents (pages, images, documents)")
        total += sum(wagtail_counts.values())
        self.stdout.write(self.style.SUCCESS(f"{total} documents indexed in {seconds:.1f} s."))
