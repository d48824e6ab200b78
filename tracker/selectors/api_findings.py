"""Reads of stored findings (the API's "conflicts")."""

from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When

from tracker.models import Account, Claim, Finding
from tracker.vocabularies import FindingSeverity


def severity_rank() -> Case:
    """Conflicts first, then tensions, then information: the order an editor reads them."""
    return Case(
        When(severity=FindingSeverity.CONFLICT, then=Value(0)),
        When(severity=FindingSeverity.TENSION, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )


def findings_with_links() -> QuerySet[Finding]:
    """Findings with the ids of their claims and accounts, their event and who acknowledged them."""
    return Finding.objects.select_related("acknowledged_by", "event").prefetch_related(
        Prefetch("claims", queryset=Claim.objects.only("pk").order_by("pk")),
        Prefetch("accounts", queryset=Account.objects.only("pk").order_by("pk")),
    )
