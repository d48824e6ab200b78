"""Reads of stored findings for the admin: the conflicts list and a claim's panel."""

from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When

from tracker.models import Claim, Finding
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


def event_findings(*, event_id: int) -> list[Finding]:
    """The stored findings of one event, conflicts first, each with ``linked_claims``."""
    return list(
        Finding.objects.filter(event_id=event_id)
        .select_related("acknowledged_by")
        .prefetch_related(_linked_claims())
        .order_by(severity_rank(), "kind", "pk")
    )


def claim_findings(*, claim_id: int) -> QuerySet[Finding]:
    """The stored findings that involve one claim, conflicts first, with who acknowledged them."""
    return (
        Finding.objects.filter(claims=claim_id)
        .select_related("acknowledged_by")
        .order_by(severity_rank(), "kind", "pk")
    )
