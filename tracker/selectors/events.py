"""Reads of events: the list, one event's claims, and one event compared.

The comparison (``event_comparison``) is computed live rather than read from
the stored findings: the chart and the API need each source's bar, the
consensus and the spread, which are not stored, and the per-account columns
need how each account was read. The stored findings come along too, since
only they carry acknowledgements.

Its queries do not grow with the accounts: one for the live claims and one
for their named parties, the comparison's own reads (accounts, parties, and
one per level of the deepest affiliation chain), the accounts to display,
and the findings with their links.
"""

from dataclasses import dataclass

from django.db.models import Count, OuterRef, Prefetch, QuerySet

from tracker.conflicts import EventComparison
from tracker.models import Account, Claim, Event, Finding, Source
from tracker.models.source import SOURCE_LABEL
from tracker.selectors._counts import subquery_count
from tracker.selectors.comparison_inputs import compare_claims, live_claims_of
from tracker.selectors.findings import findings_with_claim_texts, severity_rank


def event_list_queryset() -> QuerySet[Event]:
    """Events with their parties loaded, how many claims are about them
    (``claim_count``) and how many conflicts and tensions no editor has
    acknowledged yet (``open_conflict_count``)."""
    return Event.objects.prefetch_related(
        Prefetch(
            "parties",
            queryset=Source.objects.only(*SOURCE_LABEL, "kind", "reliability").order_by("name"),
        )
    ).annotate(
        claim_count=subquery_count(
            Claim.objects.filter(event=OuterRef("pk")), outer="event", aggregate=Count("pk")
        ),
        open_conflict_count=subquery_count(
            Finding.objects.filter(event=OuterRef("pk"), is_open=True),
            outer="event",
            aggregate=Count("pk"),
        ),
    )


def event_detail_queryset() -> QuerySet[Event]:
    """Events with ``event_claims``: the claims about each, in aspect order."""
    claims = Claim.objects.only(
        "pk", "text", "aspect", "status", "archived_at", "event_id"
    ).order_by("aspect", "pk")
    return event_list_queryset().prefetch_related(
        Prefetch("claims", queryset=claims, to_attr="event_claims")
    )


def event_claims(*, event_id: int) -> QuerySet[Claim]:
    """The claims about one event in aspect order, with what a list of them shows."""
    return (
        Claim.objects.filter(event_id=event_id)
        .only("pk", "text", "aspect", "status", "archived_at", "event_id")
        .order_by("aspect", "pk")
    )


def event_with_parties(*, event_id: int) -> Event | None:
    """One event with its parties' names (two queries), or None if there is no such event."""
    return (
        Event.objects.prefetch_related(
            Prefetch("parties", queryset=Source.objects.only(*SOURCE_LABEL).order_by("name"))
        )
        .filter(pk=event_id)
        .first()
    )


@dataclass(frozen=True)
class EventComparisonData:
    event: Event
    claims: list[Claim]
    # In claim order, then in the order they were added.
    accounts: list[Account]
    comparison: EventComparison
    # Conflicts first (``severity_rank``), then by kind.
    findings: list[Finding]


def event_comparison(
    *, event: Event, findings: QuerySet[Finding] | None = None
) -> EventComparisonData:
    """Compare the live claims of ``event`` now, and load their accounts and stored findings.

    ``findings`` is how the stored findings are read, with the links the
    caller shows: by default ``findings_with_claim_texts`` (the admin links
    each to its claims by their text); the API passes ``findings_with_links``
    (ids of claims and accounts). Only the event's are kept, conflicts first.
    """
    claims = live_claims_of(event)
    comparison = compare_claims(event=event, claims=claims)
    accounts = list(
        Account.objects.filter(claim__in=[claim.pk for claim in claims])
        .select_related("source", "intermediary", "document")
        .defer("document__text")
        .order_by("claim_id", "pk")
    )
    if findings is None:
        findings = findings_with_claim_texts()
    return EventComparisonData(
        event=event,
        claims=claims,
        accounts=accounts,
        comparison=comparison,
        findings=list(findings.filter(event=event).order_by(severity_rank(), "kind", "pk")),
    )
