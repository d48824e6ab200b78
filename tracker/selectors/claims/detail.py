"""One claim: its detail with every nested collection, and the pieces of its admin page."""

from django.db.models import Prefetch, QuerySet

from tracker.models import Claim, Finding, Flag, Source, StatusChange
from tracker.selectors.accounts import accounts_with_summaries
from tracker.selectors.claims._open import open_flags
from tracker.selectors.claims.lists import claim_list_with_conflict_queryset
from tracker.selectors.findings import severity_rank


def claim_detail_queryset() -> QuerySet[Claim]:
    """A claim with ``api_accounts``, ``api_findings``, ``open_flags`` and ``verdicts``."""
    findings = Finding.objects.select_related("acknowledged_by").order_by(
        severity_rank(), "kind", "id"
    )
    flags = open_flags().select_related("raised_by")
    verdicts = StatusChange.objects.select_related("changed_by").order_by("-changed_at", "-id")
    return (
        claim_list_with_conflict_queryset()
        .select_related("created_by", "archived_by")
        .prefetch_related(
            Prefetch("named_parties", queryset=Source.objects.order_by("name")),
            Prefetch("accounts", queryset=accounts_with_summaries(), to_attr="api_accounts"),
            Prefetch("findings", queryset=findings, to_attr="api_findings"),
            Prefetch("flags", queryset=flags.order_by("raised_at", "id"), to_attr="open_flags"),
            Prefetch("status_changes", queryset=verdicts, to_attr="verdicts"),
        )
    )


def claim_open_flags(*, claim_id: int) -> QuerySet[Flag]:
    """Open flags on one claim, oldest first, with who raised them."""
    return (
        open_flags()
        .filter(claim_id=claim_id)
        .select_related("raised_by")
        .order_by("raised_at", "id")
    )


def claim_status_history(*, claim_id: int) -> QuerySet[StatusChange]:
    """Every verdict on a claim, newest first, with who gave it."""
    return (
        StatusChange.objects.filter(claim_id=claim_id)
        .select_related("changed_by")
        .order_by("-changed_at", "-id")
    )


def claims_for_status_change(*, claim_ids: list[int]) -> list[Claim]:
    """The claims an editor is about to give a verdict, each with its history."""
    history = StatusChange.objects.select_related("changed_by").order_by("-changed_at", "-id")
    return list(
        Claim.objects.filter(pk__in=claim_ids)
        .select_related("event")
        .prefetch_related(Prefetch("status_changes", queryset=history, to_attr="verdicts"))
        .order_by("pk")
    )
