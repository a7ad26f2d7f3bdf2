from django.core.management.base import BaseCommand, CommandError

from cms.directory.erase import PersonNotFound, erase_person, find_person
from cms.directory.models import Coworker


class Command(BaseCommand):
    help = (
        "Erase a person from the directory and from everything that remembers them: every "
        "translation of their record, revisions, audit log, wagtail-localize strings, search "
        "index, contact-form traces, links from companies and project ideas. Irreversible."
    )

    def add_arguments(self, parser):
        parser.add_argument("person", help="Record id, slug or translation key of the person.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Say who would be erased, change nothing."
        )

    def handle(self, person, dry_run=False, **options):
        try:
            translation_key = find_person(person)
        except PersonNotFound as error:
            raise CommandError(f"No person matches {person!r}.") from error
        rows = list(
            Coworker.objects.filter(translation_key=translation_key).select_related("locale")
        )
        name = rows[0].name
        languages = ", ".join(row.locale.language_code for row in rows)
        if dry_run:
            self.stdout.write(f"Would erase {name} ({len(rows)} record(s): {languages}).")
            return
        report = erase_person(translation_key)
        self.stdout.write(f"Erased {name} (translation key {translation_key}):")
        for what, count in sorted(report.items()):
            self.stdout.write(f"  - {what}: {count}")
        self.stdout.write(self.style.SUCCESS("Done. Nothing of this person is left."))
