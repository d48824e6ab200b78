"""One event's accounts side by side, with what the comparison makes of them."""

from dataclasses import dataclass

from django.db.models import QuerySet

from tracker.conflicts import EventComparison
from tracker.models import Account, Claim, Event, Finding
from tracker.selectors.api_findings import findings_with_links, severity_rank
from tracker.selectors.comparison import compare_claims, live_claims_of
from tracker.selectors.events import event_list_queryset


@dataclass(frozen=True)
class EventSideBySide:
    claims: list[Claim]
    accounts: list[Account]
    comparison: EventComparison
    findings: list[Finding]


def event_api_detail_queryset() -> QuerySet[Event]:
    return event_list_queryset()


def event_side_by_side(*, event: Event) -> EventSideBySide:
    """Compare the live claims of ``event`` now, and load their accounts for display.

    The comparison is computed rather than read from the stored findings so the
    consensus and spread per aspect (which are not stored) come with it; the
    stored findings are returned too, since only they can be acknowledged.
    """
    claims = live_claims_of(event)
    comparison = compare_claims(event=event, claims=claims)
    accounts = list(
        Account.objects.filter(claim__in=claims)
        .select_related("source", "intermediary", "document")
        .defer("document__text")
        .order_by("claim_id", "pk")
    )
    findings = list(
        findings_with_links().filter(event=event).order_by(severity_rank(), "kind", "id")
    )
    return EventSideBySide(
        claims=claims, accounts=accounts, comparison=comparison, findings=findings
    )
