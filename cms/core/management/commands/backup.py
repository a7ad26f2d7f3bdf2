"""`manage.py backup create PATH` and `manage.py backup restore PATH` (cms/core/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.core import backup


class Command(BaseCommand):
    help = "Save the database and the media files to one archive, or restore them from one."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Write a backup archive (.tar.gz)")
        create.add_argument("path", type=Path)
        restore = actions.add_parser(
            "restore",
            help="Replace every row of the database and MEDIA_ROOT with the archive's "
            "(stop the site first)",
        )
        restore.add_argument("path", type=Path)
        restore.add_argument(
            "--no-index", action="store_true", help="Do not rebuild the search index afterwards"
        )

    def handle(self, *args, action, path, **options):
        try:
            if action == "create":
                manifest = backup.create(path)
                self.stdout.write(
                    f"Saved the database ({manifest['engine']}) and {manifest['media_files']} "
                    f"media files to {path}"
                )
            else:
                manifest = backup.restore(path, rebuild_index=not options["no_index"])
                self.stdout.write(
                    f"Restored the database and {manifest['media_files']} media files "
                    f"from {path} (made {manifest['created']} on {manifest['engine']})"
                )
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
