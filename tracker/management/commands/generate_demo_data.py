import argparse

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tracker.demo.generate import MAX_BATCH, MAX_CLAIMS, Refused, generate


def whole_number(value: str) -> int:
    """argparse type: a whole number, with a message that says so."""
    try:
        return int(value.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None


class Command(BaseCommand):
    help = (
        "Fill an EMPTY database with a deterministic, fictional demo archive: sources with "
        "affiliations and aliases, events told by 1 to 50 accounts in documents with full "
        "text (each with a capture marked as reconstructed demo data, its bytes written to "
        "the captures storage), flags, verdicts and the conflict findings. For trying "
        "tracker out and for the benchmarks in bench/. Refuses a database that already "
        "holds tracker data."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--claims",
            type=whole_number,
            required=True,
            help=f"How many claims (1 to {MAX_CLAIMS:,}); about three accounts each.",
        )
        parser.add_argument(
            "--seed", type=whole_number, default=1, help="The same seed gives the same data."
        )
        parser.add_argument(
            "--batch",
            type=whole_number,
            default=10_000,
            help=f"Claims written per transaction (1 to {MAX_BATCH:,}; default 10,000).",
        )
        parser.add_argument("--database", default="default", help="Database alias.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, claims, seed, batch, database, no_progress, **options):
        try:
            result = generate(
                claims=claims,
                seed=seed,
                batch=batch,
                using=database,
                # The raw stream: Django's wrapper would end every redraw with a newline.
                progress=None if no_progress else getattr(self.stderr, "_out", self.stderr),
            )
        except Refused as refusal:
            raise CommandError(str(refusal)) from refusal
        seconds = max(result.seconds, 1e-9)
        self.stdout.write(
            f"Generated {result.claims:,} claims, {result.accounts:,} accounts, "
            f"{result.events:,} events, {result.documents:,} documents "
            f"({result.captures:,} captures), "
            f"{result.findings:,} findings and {result.sources:,} sources "
            f"in {result.seconds:,.1f} s ({result.claims / seconds:,.0f} claims/s, "
            f"{result.accounts / seconds:,.0f} accounts/s)."
        )
