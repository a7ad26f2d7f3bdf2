from django.core.management.base import BaseCommand

from cms.directory.kinds import KINDS
from cms.directory.listing import refresh_all


class Command(BaseCommand):
    help = (
        "Recompute which translation of each directory record every language shows (after a "
        "bulk import, a restore, a change of LANGUAGES, or from cron for records that expired). "
        "The search index is rebuilt separately with `manage.py update_index`."
    )

    def handle(self, *args, **options):
        for kind in KINDS.values():
            changed = refresh_all(kind.model)
            self.stdout.write(f"{kind.model._meta.verbose_name_plural}: {changed} row(s) updated")
