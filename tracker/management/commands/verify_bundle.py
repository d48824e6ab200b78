from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from tracker.bundle_format import check_bundle
from tracker.selectors.bundle_exports import recorded_export


class Command(BaseCommand):
    help = (
        "Check an event's evidence bundle: every file against the SHA-256 its manifest "
        "lists, naming any file altered, missing or added. Offline; when the database can "
        "be reached, the manifest is also compared with the one recorded at export, which "
        "tells a bundle whose manifest was rewritten with its files from the one exported."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="The bundle (.zip).")
        parser.add_argument(
            "--offline", action="store_true", help="Do not compare with the export's record."
        )

    def handle(self, *args, file: str, offline: bool, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        check = check_bundle(path)
        for problem in check.problems:
            self.stdout.write(str(problem))
        if check.manifest:
            self.stdout.write(
                f"{check.files_checked} of {len(check.manifest['files'])} file(s) checked "
                f"against manifest.json (SHA-256 {check.manifest_sha256})."
            )
        record_problem = None if offline or not check.manifest else self._against_record(check)
        if check.problems or record_problem:
            count = len(check.problems) + bool(record_problem)
            raise CommandError(f"The bundle does not hold up: {count} problem(s).")
        self.stdout.write(self.style.SUCCESS("The bundle is intact."))

    def _against_record(self, check) -> str | None:
        bundle_id = str(check.manifest.get("bundle_id", ""))
        try:
            record = recorded_export(bundle_id)
        except DatabaseError as error:
            self.stdout.write(
                f"The database cannot be reached ({type(error).__name__}); "
                "checked offline only, against the bundle's own manifest."
            )
            return None
        if record is None:
            problem = (
                f"RECORD: no export with bundle id {bundle_id!r} is recorded in this "
                "database; the manifest cannot be vouched for."
            )
        elif record.manifest_sha256 != check.manifest_sha256:
            problem = (
                f"RECORD: manifest.json is not the one exported on "
                f"{record.exported_at:%Y-%m-%d %H:%M} UTC by {record.exporter}: its "
                f"SHA-256 was {record.manifest_sha256}, it is now {check.manifest_sha256}. "
                "The manifest was rewritten."
            )
        else:
            self.stdout.write(
                f"manifest.json is the one exported on {record.exported_at:%Y-%m-%d %H:%M} "
                f"UTC by {record.exporter} (export #{record.pk} of event {record.event_id})."
            )
            return None
        self.stdout.write(problem)
        return problem
