from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from tracker.seeding import SeedError, load_seed_dir


class Command(BaseCommand):
    help = (
        "Load the hand-checked seed files (DIR/*.json and the texts they name) in one "
        "transaction, through the service functions. Only what is missing is created, "
        "so running it again changes nothing; a bad file leaves the database untouched."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dir",
            dest="directory",
            default=str(settings.BASE_DIR / "seeds"),
            help="Directory holding the seed files (default: the project's seeds/).",
        )

    def handle(self, *args, directory: str, **options) -> None:
        try:
            report = load_seed_dir(Path(directory))
        except SeedError as error:
            raise CommandError(f"Nothing was loaded. {error}") from error
        if not report.files:
            self.stdout.write(self.style.WARNING(f"No seed files (*.json) in {directory}."))
            return
        self.stdout.write(f"Loaded {len(report.files)} seed file(s) from {directory}:")
        for line in report.lines():
            self.stdout.write(f"  {line}")
