"""The one entry point: compare everything said about one event."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from tracker.conflicts.counts import compare_counts
from tracker.conflicts.details import with_sides
from tracker.conflicts.exclusive import compare_exclusive
from tracker.conflicts.findings import finding_order
from tracker.conflicts.prepared import prepare
from tracker.conflicts.sourcing import explain_sourcing
from tracker.conflicts.stances import compare_stances
from tracker.conflicts.status import suggest_statuses
from tracker.conflicts.summary import summarize
from tracker.conflicts.values import (
    AccountInfo,
    ClaimInfo,
    EventComparison,
    EventInfo,
    Finding,
    SourceInfo,
)


def compare_event(
    event: EventInfo,
    claims: Iterable[ClaimInfo],
    accounts: Iterable[AccountInfo],
    sources: Mapping[int, SourceInfo],
    *,
    known_units: frozenset[str] | None = None,
) -> EventComparison:
    """Compare the accounts of one event; never raises on bad data.

    ``sources`` must hold every source an account, intermediary, named party or
    event party refers to, and all their ancestors; one missing is named
    "source #<id>" and treated as a root of its own. ``known_units``, when
    given, is the list of units a figure may be in; any other unit is reported
    as not comparable. The result depends only on the values passed, not on
    their order.
    """
    claims, accounts = list(claims), list(accounts)
    prep, findings, account_summaries = prepare(
        event=event, claims=claims, accounts=accounts, sources=sources, known_units=known_units
    )
    counts, count_findings = compare_counts(prep)
    findings.extend(count_findings)
    findings.extend(compare_stances(prep))
    findings.extend(compare_exclusive(prep))
    findings.extend(explain_sourcing(prep))
    claim_summaries, status_findings = suggest_statuses(prep, findings)
    findings.extend(status_findings)
    unique = _unique(
        with_sides(
            findings,
            accounts={a.id: a for a in accounts},
            claims={c.id: c for c in claims},
            names=prep.affiliations,
        )
    )
    return EventComparison(
        event_id=event.id,
        findings=unique,
        counts=counts,
        claims=claim_summaries,
        accounts=account_summaries,
        summary=summarize(prep, counts, claim_summaries, unique),
    )


def _unique(findings: list[Finding]) -> tuple[Finding, ...]:
    # Keys are unique by construction; this guards the caller's storage, which
    # keeps one row per key, should two rules ever describe the same thing.
    by_key: dict[str, Finding] = {}
    for finding in findings:
        by_key.setdefault(finding.key, finding)
    return tuple(sorted(by_key.values(), key=finding_order))
