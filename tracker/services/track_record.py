"""Keep ``TrackRecordEntry`` equal to what the accounts, claims and findings say.

The kept rows are copies (a claim's status, figure and outlier flag, an
account's date, a source's root), so every write that changes one of those
rewrites the rows of the claims it touched, in its own transaction:

- accounts added, edited (source, stance, document, claim) or removed, a
  claim created, edited (its figure, its event), archived or restored: the
  claim is noted for the findings refresh, and the refresh rewrites the rows
  of every claim it compared (``findings.refresh_touched``), which also
  covers outliers that came or went;
- a status set (``verdicts.status_change_record``) and a document's
  publication date changed (``document_update``): the claims are noted here;
- a source given a new parent: the findings refresh is asked for every claim
  its subtree gave an account of (``findings_refresh_for_sources``), so those
  claims' rows are rewritten with the new root.

A claim's rows are always rewritten whole from the stored rows
(``selectors.track_record.entry_rows``), never adjusted by a difference, so a
rewrite cannot drift. ``manage.py track_record_check`` compares every kept row
with a fresh computation, and ``--rebuild`` rewrites them all.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, connections, transaction
from django.db.models import QuerySet

from tracker.models import Account, Claim, TrackRecordEntry
from tracker.selectors.track_record import ENTRY_COLUMNS, entry_key, entry_rows
from tracker.services._boundary import touched, write_transaction

# Claims rewritten per statement, under every database's parameter limit.
BATCH = 500


def track_record_refresh_for_claims(*, claim_ids: Iterable[int]) -> None:
    """Rewrite these claims' rows when the write around this call commits (at once outside one)."""
    with write_transaction():
        record = touched()
        record.record_claim_ids.update(pk for pk in claim_ids if pk is not None)


def track_record_sync(*, claim_ids: Iterable[int]) -> None:
    """Make the kept rows of these claims what the stored rows say.

    Per batch of claims: two reads (the rows afresh, the rows kept), then a
    DELETE of the kept rows no longer right and an INSERT of the missing ones,
    each only when there are any: a refresh that changed nothing writes nothing.

    Where the database has row locks the claims are locked first, in key
    order: two writers rewriting one claim's rows (a document's date and the
    claim's status changed at once) then take turns, and the second reads
    what the first committed instead of writing rows from its own stale view.
    """
    ids = sorted(set(claim_ids))
    # Joins the write's transaction (no savepoint); alone, the locks need one.
    with transaction.atomic(savepoint=False):
        for start in range(0, len(ids), BATCH):
            _sync(ids[start : start + BATCH])


def _sync(chunk: list[int]) -> None:
    if connection.features.has_select_for_update:
        list(
            Claim.objects.select_for_update(no_key=True)
            .filter(pk__in=chunk)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
    fresh = {entry_key(row) for row in entry_rows(Account.objects.filter(claim_id__in=chunk))}
    kept = {
        entry_key(row): row["pk"]
        for row in TrackRecordEntry.objects.filter(claim_id__in=chunk).values("pk", *ENTRY_COLUMNS)
    }
    wrong = [pk for key, pk in kept.items() if key not in fresh]
    if wrong:
        TrackRecordEntry.objects.filter(pk__in=wrong).delete()
    missing = [key for key in fresh if key not in kept]
    if missing:
        TrackRecordEntry.objects.bulk_create(
            TrackRecordEntry(**dict(zip(ENTRY_COLUMNS, key, strict=True)))
            for key in sorted(missing, key=repr)
        )


def claims_of_events(event_ids: Iterable[int]) -> set[int]:
    return set(Claim.objects.filter(event_id__in=list(event_ids)).values_list("pk", flat=True))


def rebuild_entries(entries: QuerySet, accounts: QuerySet) -> int:
    """Replace every kept row with a fresh computation: one DELETE, one INSERT ... SELECT.

    ``entries`` and ``accounts`` are the ``TrackRecordEntry`` and ``Account``
    querysets to use (a migration passes its historical models). Returns the
    number of rows written.
    """
    using = entries.db
    entries.all()._raw_delete(using)
    rows = entry_rows(accounts.using(using))
    query = rows.query
    columns = [*query.values_select, *query.annotation_select]
    select_sql, params = query.get_compiler(using).as_sql()
    connection = connections[using]
    table = connection.ops.quote_name(entries.model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(name) for name in columns)
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({names}) {select_sql}", params)
        return cursor.rowcount


def track_record_rebuild(*, using: str = "default") -> int:
    """Rewrite every kept row (after a bulk load that bypassed the services)."""
    with write_transaction():
        return rebuild_entries(TrackRecordEntry.objects.using(using), Account.objects.using(using))
