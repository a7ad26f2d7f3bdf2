from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError

from cms.demo.directory.generator import DirectoryGenerator


class Command(BaseCommand):
    help = (
        "Generate a large synthetic directory (people, companies, project ideas) for "
        "benchmarks: names and cities of Wallonia, Flanders and the north of France, skills "
        "from the taxonomy, some records translated. Deterministic for a given --seed on a "
        "database without earlier generated records."
    )

    def add_arguments(self, parser):
        parser.add_argument("--coworkers", type=int, default=1000)
        parser.add_argument("--companies", type=int, default=100)
        parser.add_argument(
            "--projects", type=int, default=None, help="Project ideas (default: companies / 2)."
        )
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--batch-size", type=int, default=2000)
        parser.add_argument(
            "--translated",
            type=float,
            default=0.2,
            help="Share of records that also get a translation (default 0.2).",
        )
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, **options):
        for name in ("coworkers", "companies", "batch_size"):
            if options[name] < 0 or (name == "batch_size" and options[name] == 0):
                raise CommandError(f"--{name.replace('_', '-')} must be positive.")
        projects = options["projects"]
        if projects is None:
            projects = options["companies"] // 2
        generator = DirectoryGenerator(
            options["seed"],
            batch_size=options["batch_size"],
            progress=not options["no_progress"],
            translated_share=options["translated"],
        )
        try:
            report = generator.run(options["coworkers"], options["companies"], projects)
        except IntegrityError as error:
            raise CommandError(
                f"Records from seed {options['seed']} seem to exist already ({error}); "
                "use another --seed or an empty database."
            ) from error
        for label, count in report.rows.items():
            self.stdout.write(f"{label}: {count}")
        for label, seconds in report.seconds.items():
            rate = ""
            if label in report.rows and seconds:
                rate = f" ({report.rows[label] / seconds:,.0f} per second)"
            self.stdout.write(f"{label}: {seconds:.1f} s{rate}")
