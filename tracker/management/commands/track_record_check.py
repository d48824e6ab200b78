"""Compare every source's kept track record rows with a fresh computation.

    manage.py track_record_check            # report; exit status 1 if any differ
    manage.py track_record_check --rebuild  # rewrite them all from the stored rows

The kept rows (``TrackRecordEntry``) are copies the services rewrite with
every write that changes them; this recomputes them all from the accounts,
claims, documents, sources and outliers (one query, the same one the
services use for a claim) and names the claims whose rows differ.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from tracker.selectors.track_record import entry_differences
from tracker.services.track_record import track_record_rebuild

SHOWN = 20


class Command(BaseCommand):
    help = "Compare the track records' kept rows with a fresh computation (--rebuild rewrites)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--rebuild", action="store_true", help="Rewrite every kept row from the stored rows."
        )

    def handle(self, *args, rebuild: bool, **options):
        if rebuild:
            written = track_record_rebuild()
            self.stdout.write(f"Rewrote the track records' kept rows: {written:,}.")
            return
        missing, extra = entry_differences()
        if not (missing or extra):
            self.stdout.write("The track records' kept rows match a fresh computation.")
            return
        claims = sorted({row[0] for row in missing | extra})
        shown = ", ".join(str(pk) for pk in claims[:SHOWN])
        more = f" and {len(claims) - SHOWN:,} more" if len(claims) > SHOWN else ""
        raise CommandError(
            f"The track records' kept rows differ from a fresh computation for "
            f"{len(claims):,} claims ({len(missing):,} rows missing or wrong, "
            f"{len(extra):,} rows extra or wrong): claims {shown}{more}. "
            "Run with --rebuild to rewrite them."
        )
