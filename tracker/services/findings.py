"""Keep the stored findings of an event in step with its accounts.

Every service that changes what a comparison reads (accounts, a claim's
interval, aspect, event or named parties, a source's affiliation, an event's
parties) calls ``findings_refresh_for_event`` or ``findings_refresh_for_claim``
inside its own transaction. A refresh reads and rewrites one event, so its
cost follows that event's accounts, not the size of the database.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from tracker.conflicts import EventComparison
from tracker.conflicts import Finding as ConflictFinding
from tracker.conflicts.details import summary_details
from tracker.models import Claim, Event, Finding
from tracker.selectors.comparison import compare_claims, live_claims_of
from tracker.services._common import Actor, clean_text, history_user, require_permission
from tracker.vocabularies import OPEN_SEVERITIES


def _compare(event: Event | None, claims: list[Claim]) -> EventComparison:
    return compare_claims(event=event, claims=claims)


def _describe_acknowledgement(finding: Finding) -> str:
    who = finding.acknowledged_by.get_username() if finding.acknowledged_by else "someone"
    when = finding.acknowledged_at.strftime("%Y-%m-%d %H:%M UTC")
    return f"Acknowledged by {who} on {when}: {finding.acknowledgement_note}"


# What a refresh may change on a finding it keeps; the key stays by definition.
_KEPT_FIELDS = [
    "kind", "severity", "explanation", "signature", "details", "is_open",
    "acknowledged_by", "acknowledged_at", "acknowledgement_note", "reopened_from",
]  # fmt: skip


def _store(event: Event | None, claims: list[Claim], comparison: EventComparison) -> None:
    """Bring the stored findings in line with ``comparison``, one row per key.

    A finding whose key is still found keeps its row and id and is updated in
    place; if its substance (signature) changed after an editor acknowledged
    it, it is reopened with the overturned acknowledgement kept on record. A
    finding whose key is no longer found is deleted, leaving a tombstone.
    """
    if event is not None:
        stored_rows = Finding.objects.filter(event=event)
    else:
        stored_rows = Finding.objects.filter(event__isnull=True, claims__in=claims).distinct()
    computed = {finding.key: finding for finding in comparison.findings}
    kept: dict[str, Finding] = {}
    gone: list[int] = []
    for row in stored_rows.select_related("acknowledged_by").order_by("pk"):
        # A second row with a key already kept could only be left from before
        # keys were unique; it goes with the findings no longer found.
        if row.key in computed and row.key not in kept:
            kept[row.key] = row
        else:
            gone.append(row.pk)
    Finding.objects.filter(pk__in=gone).delete()

    updated, relinked = _update_kept(kept, computed)
    Finding.objects.bulk_update(updated, _KEPT_FIELDS)
    new_rows = [
        Finding(
            event=event,
            kind=fresh.kind,
            key=key,
            severity=fresh.severity,
            explanation=fresh.explanation,
            signature=fresh.signature,
            details=dict(fresh.details),
            is_open=fresh.severity in OPEN_SEVERITIES,
        )
        for key, fresh in computed.items()
        if key not in kept
    ]
    # Both SQLite (3.35+) and PostgreSQL return the new primary keys.
    Finding.objects.bulk_create(new_rows)
    _link(relinked, new_rows, computed)
    _store_summary(event, comparison)


def _update_kept(
    kept: dict[str, Finding], computed: dict[str, ConflictFinding]
) -> tuple[list[Finding], list[Finding]]:
    """Rows whose stored values changed, and among them those whose links must be redone."""
    updated, relinked = [], []
    for key, row in kept.items():
        fresh = computed[key]
        details = dict(fresh.details)
        if row.signature != fresh.signature:
            if row.acknowledged_at is not None:
                overturned = _describe_acknowledgement(row)
                row.reopened_from = "\n".join(filter(None, [row.reopened_from, overturned]))
                row.acknowledged_by = row.acknowledged_at = None
                row.acknowledgement_note = ""
            row.is_open = fresh.severity in OPEN_SEVERITIES
            relinked.append(row)
        elif (row.kind, row.severity, row.explanation, row.details) == (
            fresh.kind,
            fresh.severity,
            fresh.explanation,
            details,
        ):
            continue
        row.kind, row.severity, row.signature = fresh.kind, fresh.severity, fresh.signature
        row.explanation, row.details = fresh.explanation, details
        updated.append(row)
    return updated, relinked


def _link(
    relinked: list[Finding], new_rows: list[Finding], computed: dict[str, ConflictFinding]
) -> None:
    """Point changed and new findings at the claims and accounts they now involve."""
    stale = [row.pk for row in relinked]
    Finding.claims.through.objects.filter(finding_id__in=stale).delete()
    Finding.accounts.through.objects.filter(finding_id__in=stale).delete()
    claim_links, account_links = [], []
    for row in relinked + new_rows:
        fresh = computed[row.key]
        claim_links += [
            Finding.claims.through(finding_id=row.pk, claim_id=claim_id)
            for claim_id in fresh.claim_ids
        ]
        account_links += [
            Finding.accounts.through(finding_id=row.pk, account_id=account_id)
            for account_id in fresh.account_ids
        ]
    Finding.claims.through.objects.bulk_create(claim_links)
    Finding.accounts.through.objects.bulk_create(account_links)


def _store_summary(event: Event | None, comparison: EventComparison) -> None:
    # An update, not a save: the summary is derived, so it makes no history entry.
    if event is None:
        return
    event.summary = summary_details(comparison.summary)
    Event.objects.filter(pk=event.pk).update(summary=event.summary)


def _store_suggestions(claims: list[Claim], comparison: EventComparison) -> None:
    summaries = {summary.claim_id: summary for summary in comparison.claims}
    changed = []
    for claim in claims:
        summary = summaries.get(claim.pk)
        if summary is None:
            continue
        values = (
            summary.suggestion.status,
            summary.suggestion.basis,
            list(summary.suggestion.reasons),
            summary.independent_sources,
        )
        current = (
            claim.suggested_status,
            claim.suggestion_basis,
            claim.suggestion_reasons,
            claim.independent_sources,
        )
        if values != current:
            (
                claim.suggested_status,
                claim.suggestion_basis,
                claim.suggestion_reasons,
                claim.independent_sources,
            ) = values
            changed.append(claim)
    Claim.objects.bulk_update(
        changed,
        ["suggested_status", "suggestion_basis", "suggestion_reasons", "independent_sources"],
    )


@transaction.atomic
def findings_refresh_for_event(*, event: Event) -> EventComparison:
    claims = live_claims_of(event)
    comparison = _compare(event, claims)
    _store(event, claims, comparison)
    _store_suggestions(claims, comparison)
    return comparison


@transaction.atomic
def findings_refresh_for_claim(*, claim: Claim) -> None:
    """Refresh wherever ``claim`` is compared: its event, or on its own without one."""
    claim = Claim.objects.select_related("event").get(pk=claim.pk)
    if claim.event is not None:
        # It may have had findings of its own before it joined the event.
        Finding.objects.filter(event__isnull=True, claims=claim).delete()
        findings_refresh_for_event(event=claim.event)
        return
    claims = [] if claim.archived_at else [claim]
    comparison = _compare(None, claims)
    stale = Finding.objects.filter(event__isnull=True, claims=claim)
    if not claims:
        stale.delete()
        return
    _store(None, claims, comparison)
    _store_suggestions(claims, comparison)


def findings_refresh_for_events(*, event_ids: Iterable[int | None]) -> None:
    for event in Event.objects.filter(pk__in={pk for pk in event_ids if pk is not None}):
        findings_refresh_for_event(event=event)


def findings_refresh_for_sources(*, source_ids: Iterable[int]) -> None:
    """Sources' affiliations moved: refresh everything they take part in."""
    source_ids = set(source_ids)
    claims = Claim.objects.filter(
        Q(accounts__source__in=source_ids)
        | Q(accounts__intermediary__in=source_ids)
        | Q(named_parties__in=source_ids)
    )
    event_ids = set(claims.values_list("event_id", flat=True))
    event_ids |= set(Event.objects.filter(parties__in=source_ids).values_list("pk", flat=True))
    findings_refresh_for_events(event_ids=event_ids)
    for claim in claims.filter(event__isnull=True).distinct():
        findings_refresh_for_claim(claim=claim)


@transaction.atomic
def finding_acknowledge(*, actor: Actor, finding: Finding, note: str) -> Finding:
    """An editor has seen a conflict and says why it may stand."""
    require_permission(actor, "tracker.acknowledge_finding", action="acknowledge conflicts")
    if history_user(actor) is None:
        raise ValidationError({"finding": "A conflict must be acknowledged by a person."})
    note = clean_text("note", note or "", required=True, max_length=5000).strip()
    finding = Finding.objects.select_for_update().get(pk=finding.pk)
    if finding.severity not in OPEN_SEVERITIES:
        raise ValidationError({"finding": "Only conflicts and tensions are acknowledged."})
    if finding.acknowledged_at is not None:
        raise ValidationError({"finding": "This conflict is already acknowledged."})
    finding.acknowledged_by = history_user(actor)
    finding.acknowledged_at = timezone.now()
    finding.acknowledgement_note = note
    finding.is_open = False
    finding.save(
        update_fields=["acknowledged_by", "acknowledged_at", "acknowledgement_note", "is_open"]
    )
    return finding
