"""Keep the stored findings of an event in step with its accounts.

Every service that changes what a comparison reads (accounts, a claim's
interval, aspect, event or named parties, a source's affiliation, an event's
parties) calls ``findings_refresh_for_event`` or ``findings_refresh_for_claim``.
Those only note the event or claim; the write boundary (``_boundary``)
refreshes each noted event once, with its row locked, just before the
outermost transaction commits. A refresh reads and rewrites one event, so its
cost follows that event's accounts, not the size of the database.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone

from tracker.conflicts import EventComparison
from tracker.conflicts import Finding as ConflictFinding
from tracker.conflicts.details import outlier_account_ids, summary_details
from tracker.models import Claim, Event, Finding, FindingOutlier
from tracker.selectors.comparison_inputs import compare_claims, live_claims_of
from tracker.services._boundary import service, touched, write_transaction
from tracker.services._common import Actor, clean_text, history_user, require_permission
from tracker.services.track_record import claims_of_events, track_record_sync
from tracker.vocabularies import OPEN_SEVERITIES, FindingKind


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
    _link_outliers(updated + new_rows)
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


def _link_outliers(rows: list[Finding]) -> None:
    """Keep the outlier rows of changed and new best-supported findings as their details say.

    Rebuilt whenever the details change, not only the signature: an account
    can move between voices (a new parent) while the voices' keys stay.
    """
    FindingOutlier.objects.filter(finding_id__in=[row.pk for row in rows]).delete()
    FindingOutlier.objects.bulk_create(
        FindingOutlier(finding_id=row.pk, account_id=account_id)
        for row in rows
        if row.kind == FindingKind.BEST_SUPPORTED
        for account_id in outlier_account_ids(row.details)
    )


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


def _refresh_event(event: Event) -> None:
    claims = live_claims_of(event)
    comparison = _compare(event, claims)
    _store(event, claims, comparison)
    _store_suggestions(claims, comparison)


def _refresh_alone(claim: Claim) -> None:
    """A claim about no event is compared on its own (an archived one with nothing)."""
    claims = [] if claim.archived_at else [claim]
    if not claims:
        Finding.objects.filter(event__isnull=True, claims=claim).delete()
        return
    comparison = _compare(None, claims)
    _store(None, claims, comparison)
    _store_suggestions(claims, comparison)


def refresh_touched(*, event_ids: Iterable[int], claim_ids: Iterable[int]) -> set[int]:
    """Refresh each touched event once, and each touched claim that has no event.

    Called by the write boundary just before its transaction commits. The rows
    are locked first, events then event-less claims, each in primary-key order,
    so concurrent refreshes of one event queue instead of deadlocking or both
    inserting the same finding. ``no_key``: other writers' new claims and
    accounts only hold key-share locks on these rows, which this lock lets be.

    Then rewrites the track record rows of every claim touched or compared
    (their outliers may have come or gone), and returns those claims' ids.
    """
    claim_ids = set(claim_ids)
    events, loose = _lock(set(event_ids), claim_ids)
    joined = [claim.pk for claim in Claim.objects.filter(pk__in=claim_ids, event__isnull=False)]
    if joined:
        # They may have had findings of their own before they joined an event.
        Finding.objects.filter(event__isnull=True, claims__in=joined).delete()
    for event in events:
        _refresh_event(event)
    for claim in loose:
        _refresh_alone(claim)
    rewritten = claim_ids | claims_of_events(event.pk for event in events)
    track_record_sync(claim_ids=rewritten)
    return rewritten


def _lock(event_ids: set[int], claim_ids: set[int]) -> tuple[list[Event], list[Claim]]:
    """Lock events, then event-less claims, each in key order: every writer takes them alike."""
    events_of = dict(Claim.objects.filter(pk__in=claim_ids).values_list("pk", "event_id"))
    event_ids = event_ids | {event_id for event_id in events_of.values() if event_id is not None}
    loose = {pk for pk, event_id in events_of.items() if event_id is None}
    events = Event.objects.select_for_update(no_key=True).filter(pk__in=event_ids).order_by("pk")
    claims = (
        Claim.objects.select_for_update(no_key=True)
        .filter(pk__in=loose, event__isnull=True)
        .order_by("pk")
    )
    return list(events), list(claims)


def lock_for_refresh(*, event=None, claim=None, account=None) -> None:
    """Lock ahead what a service's refresh will lock (see ``_boundary._lock_ahead``)."""
    event_ids, claim_ids = set(), set()
    if isinstance(event, Event) and event.pk:
        event_ids.add(event.pk)
    if isinstance(claim, Claim) and claim.pk:
        claim_ids.add(claim.pk)
    if account is not None and getattr(account, "claim_id", None):
        claim_ids.add(account.claim_id)
    _lock(event_ids, claim_ids)


def _note(*, event_ids: Iterable[int] = (), claim_ids: Iterable[int] = ()) -> None:
    with write_transaction():
        record = touched()
        record.event_ids.update(event_ids)
        record.claim_ids.update(claim_ids)


def findings_refresh_for_event(*, event: Event) -> None:
    """The event's findings are refreshed when the write around this call commits."""
    _note(event_ids=[event.pk])


def findings_refresh_for_claim(*, claim: Claim) -> None:
    """Refresh wherever ``claim`` is compared (its event, or on its own), at commit."""
    _note(claim_ids=[claim.pk])


def findings_refresh_for_events(*, event_ids: Iterable[int | None]) -> None:
    _note(event_ids=[pk for pk in event_ids if pk is not None])


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
    loose = claims.filter(event__isnull=True).values_list("pk", flat=True).distinct()
    _note(event_ids=[pk for pk in event_ids if pk is not None], claim_ids=list(loose))


@service
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
