"""Status changes record the claim as judged; claims mark accounts changed since.

Existing status changes get the claim's substance as it stood when each was
made, read from the claim's history (the latest historical row at or before
the change; the claim as it is now if its history starts later). This is the
one time status changes are updated: the append-only trigger of migration
0002 is lifted for the backfill and put back at once.
"""

from collections import defaultdict
from contextlib import contextmanager

from django.db import migrations, models
from django.db.models import OuterRef, Subquery

BATCH = 500
TRIGGER = "tracker_statuschange_append_only"
SUBSTANCE = ("text", "aspect", "count_min", "count_max", "count_approximate", "unit", "event_id")


@contextmanager
def append_only_lifted(connection):
    # No try/finally: on an error the migration's transaction rolls back, the
    # trigger's removal with it, and a failed transaction could run nothing more.
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # ALTER TABLE refuses while deferred foreign-key checks are pending.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"ALTER TABLE tracker_statuschange DISABLE TRIGGER {TRIGGER}")
        else:
            cursor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER}")
    yield
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE tracker_statuschange ENABLE TRIGGER {TRIGGER}")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        else:
            cursor.execute(
                f"CREATE TRIGGER {TRIGGER} BEFORE UPDATE ON tracker_statuschange "
                "BEGIN SELECT RAISE(ABORT, 'status changes are append-only'); END;"
            )


def _substance(row: dict, party_ids: list[int], events: dict, sources: dict) -> dict:
    event_id = row["event_id"]
    return {
        "text": row["text"],
        "aspect": row["aspect"],
        "count_min": row["count_min"],
        "count_max": row["count_max"],
        "count_approximate": row["count_approximate"],
        "unit": row["unit"],
        "event": None if event_id is None else {"id": event_id, "name": events.get(event_id)},
        "named_parties": [{"id": pk, "name": sources.get(pk)} for pk in sorted(party_ids)],
    }


def _judged_for_batch(apps, changes: list[tuple[int, int, int | None]]) -> dict[int, dict]:
    """{status change id: substance} for (id, claim id, historical row id or None) rows."""
    HistoricalClaim = apps.get_model("tracker", "HistoricalClaim")
    HistoricalParties = apps.get_model("tracker", "HistoricalClaim_named_parties")
    Claim = apps.get_model("tracker", "Claim")
    Event = apps.get_model("tracker", "Event")
    Source = apps.get_model("tracker", "Source")

    history_ids = {history_id for _, _, history_id in changes if history_id is not None}
    claim_ids = {claim_id for _, claim_id, history_id in changes if history_id is None}
    historical = {
        row["history_id"]: row
        for row in HistoricalClaim.objects.filter(history_id__in=history_ids).values(
            "history_id", *SUBSTANCE
        )
    }
    historical_parties = defaultdict(list)
    for history_id, source_id in HistoricalParties.objects.filter(
        history_id__in=history_ids, source_id__isnull=False
    ).values_list("history_id", "source_id"):
        historical_parties[history_id].append(source_id)
    current = {
        row["id"]: row for row in Claim.objects.filter(pk__in=claim_ids).values("id", *SUBSTANCE)
    }
    current_parties = defaultdict(list)
    for claim_id, source_id in Claim.named_parties.through.objects.filter(
        claim_id__in=claim_ids
    ).values_list("claim_id", "source_id"):
        current_parties[claim_id].append(source_id)

    rows = list(historical.values()) + list(current.values())
    all_parties = [*historical_parties.values(), *current_parties.values()]
    events = dict(
        Event.objects.filter(
            pk__in={row["event_id"] for row in rows if row["event_id"]}
        ).values_list("pk", "name")
    )
    sources = dict(
        Source.objects.filter(pk__in={pk for ids in all_parties for pk in ids}).values_list(
            "pk", "name"
        )
    )
    judged = {}
    for change_id, claim_id, history_id in changes:
        if history_id is not None:
            row, parties = historical[history_id], historical_parties[history_id]
        else:
            row, parties = current[claim_id], current_parties[claim_id]
        judged[change_id] = _substance(row, parties, events, sources)
    return judged


def fill_judged_claims(apps, connection) -> int:
    """Give every status change without one the claim's substance as judged; returns how many."""
    StatusChange = apps.get_model("tracker", "StatusChange")
    HistoricalClaim = apps.get_model("tracker", "HistoricalClaim")
    as_judged = (
        HistoricalClaim.objects.filter(
            id=OuterRef("claim_id"), history_date__lte=OuterRef("changed_at")
        )
        .order_by("-history_date", "-history_id")
        .values("history_id")[:1]
    )
    pending = (
        StatusChange.objects.filter(judged_claim__isnull=True)
        .annotate(history_id=Subquery(as_judged))
        .order_by("pk")
    )
    filled, after = 0, 0
    with append_only_lifted(connection):
        while True:
            changes = list(
                pending.filter(pk__gt=after).values_list("pk", "claim_id", "history_id")[:BATCH]
            )
            if not changes:
                return filled
            judged = _judged_for_batch(apps, changes)
            StatusChange.objects.bulk_update(
                [StatusChange(pk=pk, judged_claim=value) for pk, value in judged.items()],
                ["judged_claim"],
            )
            filled += len(changes)
            after = changes[-1][0]


def backfill(apps, schema_editor):
    fill_judged_claims(apps, schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0012_names_compared_by_a_stored_unicode_key"),
    ]

    operations = [
        migrations.AddField(
            model_name="claim",
            name="accounts_changed_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="statuschange",
            name="judged_claim",
            field=models.JSONField(blank=True, editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(
                condition=models.Q(
                    ("accounts_changed_at__isnull", False), ("archived_at__isnull", True)
                ),
                fields=["accounts_changed_at", "id"],
                name="claim_accounts_changed_idx",
            ),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
