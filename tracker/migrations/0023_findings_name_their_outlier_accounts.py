"""Findings name the accounts whose figures stand apart, as rows a track record can join.

Each best-supported finding already lists its outliers in ``details`` (the
voices outside the best-supported range, each with its account ids). This
copies them into ``FindingOutlier`` rows for the findings stored so far; from
here on the findings refresh (and the demo generator) keeps them.

On PostgreSQL it also adds three covering indexes, so a track record reads a
source's accounts, their claims' status and their documents' dates from
indexes alone instead of one scattered heap page per row (measured in
bench/RESULTS.md, "Sources' track records"). SQLite has no INCLUDE and its
rows are read by primary key anyway; it gets none.
"""

import django.db.models.deletion
from django.db import migrations, models

BATCH = 2000


def _outlier_ids(details) -> set[int]:
    # Restated here rather than imported: a migration must not change with the code.
    voices = (details or {}).get("outliers") or []
    return {int(i) for voice in voices for i in voice.get("account_ids") or []}


def copy_outliers_from_details(apps, schema_editor):
    Finding = apps.get_model("tracker", "Finding")
    FindingOutlier = apps.get_model("tracker", "FindingOutlier")
    Account = apps.get_model("tracker", "Account")
    findings = (
        Finding.objects.filter(kind="best_supported")
        .order_by("pk")
        .values_list("pk", "details")
        .iterator(chunk_size=BATCH)
    )
    pending: list[tuple[int, int]] = []

    def flush():
        # Details written before an account was removed could name it; only
        # accounts that exist get a row.
        existing = set(
            Account.objects.filter(pk__in={a for _, a in pending}).values_list("pk", flat=True)
        )
        FindingOutlier.objects.bulk_create(
            [FindingOutlier(finding_id=f, account_id=a) for f, a in pending if a in existing],
            ignore_conflicts=True,
        )
        pending.clear()

    for finding_id, details in findings:
        pending.extend((finding_id, account_id) for account_id in sorted(_outlier_ids(details)))
        if len(pending) >= BATCH:
            flush()
    if pending:
        flush()


# name, table, and what follows ON
COVERING_INDEXES = [
    (
        "account_track_record_idx",
        "tracker_account",
        "(source_id, stance) INCLUDE (claim_id, document_id, created_at, id)",
    ),
    (
        "claim_track_record_idx",
        "tracker_claim",
        "(id) INCLUDE (status, archived_at, count_min, count_max)",
    ),
    ("document_dates_idx", "tracker_document", "(id) INCLUDE (published_at, created_at)"),
]


def add_covering_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, columns in COVERING_INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} {columns}")


def drop_covering_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _columns in COVERING_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0022_event_candidates_and_claim_joining"),
    ]

    operations = [
        migrations.CreateModel(
            name="FindingOutlier",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "account",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="outlier_links",
                        to="tracker.account",
                    ),
                ),
                (
                    "finding",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="outlier_links",
                        to="tracker.finding",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("account", "finding"), name="finding_outlier_unique_per_account"
                    )
                ],
            },
        ),
        migrations.RunPython(copy_outliers_from_details, migrations.RunPython.noop),
        migrations.RunPython(add_covering_indexes, drop_covering_indexes),
    ]
