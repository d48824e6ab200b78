"""Claims as they are exported: the CSV with their accounts, and ClaimReview."""

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery

from tracker.models import Claim, StatusChange
from tracker.selectors.accounts import accounts_with_summaries
from tracker.selectors.claims.lists import claim_list_with_conflict_queryset
from tracker.vocabularies import NO_VERDICT

# Statuses that are not (yet) a verdict: nothing to publish about them.


def claim_export_queryset() -> QuerySet[Claim]:
    """Claims for the CSV export, each with ``api_accounts``."""
    return claim_list_with_conflict_queryset().prefetch_related(
        Prefetch("accounts", queryset=accounts_with_summaries(), to_attr="api_accounts")
    )


def claimreview_queryset() -> QuerySet[Claim]:
    """Live claims with a verdict, each with what ClaimReview publishes of it.

    ``verdict_at`` is when the current status was given (the latest status
    change) and ``judged_claim`` the claim as that change judged it;
    ``first_verdict_at`` is when the claim first had a verdict. With
    ``api_accounts``.
    """
    changes = StatusChange.objects.filter(claim=OuterRef("pk"))
    latest = changes.order_by("-changed_at", "-id")
    first_verdict = changes.exclude(to_status__in=NO_VERDICT).order_by("changed_at", "id")
    return (
        Claim.objects.filter(archived_at__isnull=True)
        .exclude(status__in=NO_VERDICT)
        .annotate(
            verdict_at=Subquery(latest.values("changed_at")[:1]),
            judged_claim=Subquery(latest.values("judged_claim")[:1]),
            first_verdict_at=Subquery(first_verdict.values("changed_at")[:1]),
        )
        .prefetch_related(
            Prefetch("accounts", queryset=accounts_with_summaries(), to_attr="api_accounts")
        )
    )
