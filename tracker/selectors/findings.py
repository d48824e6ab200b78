"""Reads of stored findings: the list (the admin's conflicts, the API's
"conflicts"), one event's or one claim's, and the order an editor reads them in."""

from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When

from tracker.models import Account, Claim, Finding
from tracker.vocabularies import FindingSeverity


def severity_rank() -> Case:
    """Conflicts first, then tensions, then notes: the order an editor reads them.

    The model's own ordering sorts severities alphabetically, which puts
    "info" between the two that matter.
    """
    return Case(
        When(severity=FindingSeverity.CONFLICT, then=Value(0)),
        When(severity=FindingSeverity.TENSION, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )


def _linked_claims() -> Prefetch:
    return Prefetch(
        "claims",
        queryset=Claim.objects.only("pk", "text", "event_id").order_by("pk"),
        to_attr="linked_claims",
    )


def finding_list_queryset() -> QuerySet[Finding]:
    """Findings with their event, who acknowledged them and ``linked_claims``."""
    return (
        Finding.objects.select_related("event", "acknowledged_by")
        .prefetch_related(_linked_claims())
        .annotate(severity_rank=severity_rank())
    )


def findings_with_claim_texts() -> QuerySet[Finding]:
    """Findings with who acknowledged them and ``linked_claims`` (their text, to link to)."""
    return Finding.objects.select_related("acknowledged_by").prefetch_related(_linked_claims())


def findings_with_links() -> QuerySet[Finding]:
    """Findings with the ids of their claims and accounts, their event and who acknowledged them."""
    return Finding.objects.select_related("acknowledged_by", "event").prefetch_related(
        Prefetch("claims", queryset=Claim.objects.only("pk").order_by("pk")),
        Prefetch("accounts", queryset=Account.objects.only("pk").order_by("pk")),
    )


def claim_findings(*, claim_id: int) -> QuerySet[Finding]:
    """The stored findings that involve one claim, conflicts first, with who acknowledged them."""
    return (
        Finding.objects.filter(claims=claim_id)
        .select_related("acknowledged_by")
        .order_by(severity_rank(), "kind", "pk")
    )
