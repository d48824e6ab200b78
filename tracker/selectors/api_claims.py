"""Reads of claims for the API: the compact list, the detail, and the exports.

Built on ``claim_list_queryset`` so the API and the admin count accounts and
flags the same way. Every nested collection is one prefetch, so a page costs
the same number of queries whatever its length.
"""

from django.db.models import (
    BooleanField,
    ExpressionWrapper,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)

from tracker.models import Account, Claim, Finding, Flag, Source, StatusChange
from tracker.selectors.api_findings import severity_rank
from tracker.selectors.claims import claim_list_queryset, claims_with_open_conflicts
from tracker.vocabularies import VerificationStatus

# Statuses that are not (yet) a verdict: nothing to publish about them.
NO_VERDICT = (VerificationStatus.UNVERIFIED, VerificationStatus.IN_REVIEW)


def claims_with_open_conflict(queryset: QuerySet[Claim], *, has_open: bool) -> QuerySet[Claim]:
    # The admin's filter, whose docstring says why it counts rather than EXISTS.
    return claims_with_open_conflicts(queryset, has_open=has_open)


def claim_api_list_queryset() -> QuerySet[Claim]:
    """Claims with ``account_count``, ``open_flag_count`` and ``has_open_conflict``.

    ``has_open_conflict`` is read off the per-claim counts of open conflicts and
    tensions (the only findings that can be open), not from an EXISTS of its
    own: PostgreSQL may run an EXISTS in the select list as one hash of every
    open finding in the archive, which at a million claims costs seconds a page.
    """
    return claim_list_queryset().annotate(
        has_open_conflict=ExpressionWrapper(
            Q(open_conflict_count__gt=0) | Q(open_tension_count__gt=0),
            output_field=BooleanField(),
        )
    )


# What a row of the claims list shows; the rest (the suggestion's reasons, who
# archived it, the event's other fields) stays in the database.
PAGE_COLUMNS = (
    "text", "event__name", "aspect", "count_min", "count_max", "count_approximate",
    "count_min_exclusive", "count_max_exclusive", "unit",
    "status", "suggested_status", "independent_sources", "archived_at", "created_at",
    "updated_at",
)  # fmt: skip


def claim_api_page_queryset() -> QuerySet[Claim]:
    """The claims list's rows: ``claim_api_list_queryset`` with only the columns it shows."""
    return claim_api_list_queryset().only(*PAGE_COLUMNS)


def accounts_with_summaries() -> QuerySet[Account]:
    """Accounts with their source (and its root), intermediary and document, text deferred."""
    return (
        Account.objects.select_related(
            "source", "source__root", "intermediary", "document", "document__outlet"
        )
        .defer("document__text")
        .order_by("pk")
    )


def claim_api_detail_queryset() -> QuerySet[Claim]:
    """A claim with ``api_accounts``, ``api_findings``, ``open_flags`` and ``verdicts``."""
    findings = Finding.objects.select_related("acknowledged_by").order_by(
        severity_rank(), "kind", "id"
    )
    open_flags = Flag.objects.filter(resolved_at__isnull=True).select_related("raised_by")
    verdicts = StatusChange.objects.select_related("changed_by").order_by("-changed_at", "-id")
    return (
        claim_api_list_queryset()
        .select_related("created_by", "archived_by")
        .prefetch_related(
            Prefetch("named_parties", queryset=Source.objects.order_by("name")),
            Prefetch("accounts", queryset=accounts_with_summaries(), to_attr="api_accounts"),
            Prefetch("findings", queryset=findings, to_attr="api_findings"),
            Prefetch(
                "flags", queryset=open_flags.order_by("raised_at", "id"), to_attr="open_flags"
            ),
            Prefetch("status_changes", queryset=verdicts, to_attr="verdicts"),
        )
    )


def claim_export_queryset() -> QuerySet[Claim]:
    """Claims for the CSV export, each with ``api_accounts``."""
    return claim_api_list_queryset().prefetch_related(
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
