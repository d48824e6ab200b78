"""Sources' track records on a demo archive: the selector, the admin page, the API.

    .venv/bin/python bench/track_record.py \
        --database-url postgres://postgres@127.0.0.1:5432/record_1m

Migrates the database (a demo archive made by ``generate_demo_data``; it
refuses anything else), then times the track record of the busiest sources
(most accounts), of the busiest root affiliation (most accounts among all
who speak for it) and of a typical source (the median account count among
sources with any): the selector alone, the admin source page and
``GET /api/sources/{id}/track-record/`` as a signed-in editor. Prints the
median and 95th percentile of the runs, the query count, and the floor
(``bench/floor.py``: the same statements through the driver) with the ratio.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import warnings
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.floor import measure
from bench.run import setup_django, signed_in_client

warnings.filterwarnings("ignore", "No directory at")

BENCH_USER = "bench-track-record"


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--runs", type=int, default=20, help="Timed runs per figure.")
    parser.add_argument("--warmup", type=int, default=2, help="Untimed runs first.")
    parser.add_argument("--busiest", type=int, default=3, help="How many of the busiest sources.")
    parser.add_argument("--json", type=Path, help="Also write the figures here.")
    arguments = parser.parse_args(argv)
    if arguments.runs <= 0 or arguments.warmup < 0 or arguments.busiest <= 0:
        parser.error("--runs and --busiest must be positive, --warmup not negative")
    return arguments


def subjects(busiest: int):
    """(label, source, affiliation?) for each record timed; three queries."""
    from django.db.models import Count

    from tracker.models import Account, Source

    counts = list(
        Account.objects.values("source_id").annotate(n=Count("pk")).order_by("-n", "source_id")
    )
    if not counts:
        sys.exit("bench: the archive has no accounts")
    by_root = (
        Account.objects.values("source__root_id")
        .annotate(n=Count("pk"))
        .order_by("-n", "source__root_id")
        .first()
    )
    typical = counts[len(counts) // 2]
    sources = Source.objects.in_bulk(
        [row["source_id"] for row in counts[:busiest]]
        + [typical["source_id"], by_root["source__root_id"]]
    )
    chosen = [
        (f"busiest source #{rank + 1} ({row['n']:,} accounts)", sources[row["source_id"]], False)
        for rank, row in enumerate(counts[:busiest])
    ]
    chosen.append(
        (
            f"busiest affiliation ({by_root['n']:,} accounts)",
            sources[by_root["source__root_id"]],
            True,
        )
    )
    chosen.append(
        (f"typical source ({typical['n']:,} accounts)", sources[typical["source_id"]], False)
    )
    return chosen


def main(argv: list[str] | None = None) -> None:
    arguments = parse_arguments(argv)
    setup_django(arguments.database_url)
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection

    from tracker.demo import marker
    from tracker.selectors.track_record import source_track_record

    call_command("migrate", verbosity=0)
    dataset = marker.demo_dataset()
    if dataset is None:
        sys.exit("bench: this database holds no demo archive (generate_demo_data); refusing")
    editor, _ = get_user_model().objects.get_or_create(
        username=BENCH_USER, defaults={"is_staff": True, "is_superuser": True}
    )
    client = signed_in_client(editor)

    def get(url: str):
        def run() -> None:
            response = client.get(url)
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered {response.status_code}")
            response.content  # noqa: B018 (render it all)

        return run

    print(f"{connection.vendor} {connection.settings_dict['NAME']}: {dataset}", flush=True)
    figures = []
    for label, source, affiliation in subjects(arguments.busiest):
        operations = {
            "selector": lambda s=source, a=affiliation: source_track_record(s, affiliation=a),
            "admin source page": get(f"/admin/tracker/source/{source.pk}/change/"),
            "api track-record": get(f"/api/sources/{source.pk}/track-record/"),
        }
        for kind, operation in operations.items():
            name = f"{kind}, {label}: {source}"
            figure = measure(name, operation, runs=arguments.runs, warmup=arguments.warmup)
            figures.append(figure)
            print(
                f"{name}\n    median {figure.median_ms:7.1f} ms  p95 {figure.p95_ms:7.1f} ms  "
                f"queries {figure.queries}  floor {figure.floor_median_ms:7.1f} ms  "
                f"ratio {figure.ratio:.2f}",
                flush=True,
            )
    worst = max(f.p95_ms for f in figures)
    print(f"worst p95 {worst:.1f} ms; median of medians "
          f"{statistics.median(f.median_ms for f in figures):.1f} ms")  # fmt: skip
    if arguments.json:
        arguments.json.write_text(json.dumps([asdict(f) for f in figures], indent=2) + "\n")


if __name__ == "__main__":
    main()
