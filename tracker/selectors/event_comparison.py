"""Everything the event comparison page shows, read at a fixed number of queries.

The comparison is computed live rather than read from the stored findings:
the chart needs each source's bar, the consensus and the spread, which are
not stored, and the per-account columns need how each account was read. The
stored findings come along too, since only they carry acknowledgements.

The queries do not grow with the accounts: one for the event and its
parties, one each for the live claims and their named parties, the
comparison's own reads (accounts, parties, and one per level of the deepest
affiliation chain), the accounts to display, and the findings with their
claims.
"""

from dataclasses import dataclass

from django.db.models import Prefetch

from tracker.conflicts import EventComparison
from tracker.models import Account, Claim, Event, Finding, Source
from tracker.models.source import SOURCE_LABEL
from tracker.selectors.comparison import compare_claims, live_claims_of
from tracker.selectors.conflicts import event_findings


@dataclass(frozen=True)
class EventComparisonData:
    event: Event
    claims: list[Claim]
    # In claim order, then in the order they were added.
    accounts: list[Account]
    comparison: EventComparison
    findings: list[Finding]


def event_comparison(*, event_id: int) -> EventComparisonData | None:
    """The event ``event_id`` compared, or None if there is no such event."""
    event = (
        Event.objects.prefetch_related(
            Prefetch("parties", queryset=Source.objects.only(*SOURCE_LABEL).order_by("name"))
        )
        .filter(pk=event_id)
        .first()
    )
    if event is None:
        return None
    claims = live_claims_of(event)
    comparison = compare_claims(event=event, claims=claims)
    accounts = list(
        Account.objects.filter(claim__in=[claim.pk for claim in claims])
        .select_related("source", "intermediary", "document")
        .defer("document__text")
        .order_by("claim_id", "pk")
    )
    return EventComparisonData(
        event=event,
        claims=claims,
        accounts=accounts,
        comparison=comparison,
        findings=event_findings(event_id=event.pk),
    )
