"""Reads of claims for the admin and anything else that lists them."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from tracker.models import Account, Claim, Finding, Flag, ReviewQueueClaim, StatusChange
from tracker.selectors._counts import subquery_count
from tracker.selectors.search import claim_full_text_search, is_full_text
from tracker.vocabularies import FindingSeverity


def _open_flags() -> QuerySet[Flag]:
    return Flag.objects.filter(resolved_at__isnull=True)


def _open_conflict_links() -> QuerySet:
    """Rows of the finding-claim link table whose finding is an open conflict or tension.

    ``is_open`` is only ever true for those two severities (a database
    constraint holds it), and an acknowledged finding is no longer open.
    """
    return Finding.claims.through.objects.filter(finding__is_open=True)


def claim_list_queryset(*, model: type[Claim] = Claim) -> QuerySet[Claim]:
    """Claims with what a list row shows, at a fixed number of queries.

    ``account_count``: accounts of the claim. ``open_flag_count``: unresolved
    flags. ``open_conflict_count`` and ``open_tension_count``: stored findings
    of those severities involving the claim that no editor has acknowledged.
    How many independent sources stand behind a claim is not counted here but
    stored on it (``Claim.independent_sources``) by the conflict refresh, which
    alone knows that "could not verify" supports nothing and a relay counts for
    its speaker. ``model`` lets a proxy (the review queue) read the same rows.
    """
    conflicts = _open_conflict_links().filter(claim=OuterRef("pk"))
    # The search vector is for the index only; no list shows it.
    return (
        model.objects.select_related("event")
        .defer("search_vector")
        .annotate(
            account_count=subquery_count(
                Account.objects.filter(claim=OuterRef("pk")), outer="claim", aggregate=Count("pk")
            ),
            open_flag_count=subquery_count(
                _open_flags().filter(claim=OuterRef("pk")), outer="claim", aggregate=Count("pk")
            ),
            open_conflict_count=subquery_count(
                conflicts.filter(finding__severity=FindingSeverity.CONFLICT),
                outer="claim",
                aggregate=Count("pk"),
            ),
            open_tension_count=subquery_count(
                conflicts.filter(finding__severity=FindingSeverity.TENSION),
                outer="claim",
                aggregate=Count("pk"),
            ),
        )
    )


def claim_search(queryset: QuerySet[Claim], term: str) -> QuerySet[Claim]:
    """Claims whose text, or one of whose accounts' quote, source or alias, matches.

    Every word must match somewhere. Matches on accounts are EXISTS subqueries
    rather than joins, so a claim with many matching accounts still appears once
    and the counts annotated on the queryset are untouched.

    On PostgreSQL the same document is one stored vector with a GIN index
    (see ``selectors.search``); this substring form is SQLite's.
    """
    if is_full_text(queryset):
        return claim_full_text_search(queryset, term)
    for word in term.split():
        matching_accounts = Account.objects.filter(claim=OuterRef("pk")).filter(
            Q(quote__icontains=word)
            | Q(source__name__icontains=word)
            | Q(source__aliases__name__icontains=word)
            | Q(intermediary__name__icontains=word)
        )
        queryset = queryset.filter(Q(text__icontains=word) | Exists(matching_accounts))
    return queryset


def claims_with_account_by(queryset: QuerySet[Claim], source_id: int) -> QuerySet[Claim]:
    return queryset.filter(
        Exists(Account.objects.filter(claim=OuterRef("pk"), source_id=source_id))
    )


def claims_with_open_conflicts(queryset: QuerySet[Claim], *, has_open: bool) -> QuerySet[Claim]:
    """Claims that an unacknowledged conflict or tension involves, or none does.

    A per-claim count, not EXISTS: PostgreSQL turns an EXISTS filter into a
    semi-join it prices over the whole archive, and at a million claims then
    plans parallel workers and JIT compilation (each costing more than the page).
    A count is checked row by row as the list is walked newest first, stopping
    at the page's end. ``< 1`` rather than ``= 0``: the planner's default guess
    for an inequality keeps its cost estimate, and so the plan, small.
    """
    links = subquery_count(
        _open_conflict_links().filter(claim=OuterRef("pk")), outer="claim", aggregate=Count("pk")
    )
    queryset = queryset.alias(open_conflict_links=links)
    if has_open:
        return queryset.filter(open_conflict_links__gt=0)
    return queryset.filter(open_conflict_links__lt=1)


def claims_with_open_flags(queryset: QuerySet[Claim], *, has_open: bool) -> QuerySet[Claim]:
    flagged = Exists(_open_flags().filter(claim=OuterRef("pk")))
    return queryset.filter(flagged if has_open else ~flagged)


def claim_open_flags(*, claim_id: int) -> QuerySet[Flag]:
    """Open flags on one claim, oldest first, with who raised them."""
    return (
        _open_flags()
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


def review_queue_queryset() -> QuerySet[ReviewQueueClaim]:
    """Claims that are not archived and have open flags, to be read oldest open flag first.

    Each claim carries ``open_flags`` (prefetched, oldest first, with who raised
    them). ``Claim.oldest_open_flag_at``, kept by the flag services, selects and
    orders them through a partial index of just the queue.
    """
    open_flags = _open_flags().select_related("raised_by").order_by("raised_at", "id")
    return (
        claim_list_queryset(model=ReviewQueueClaim)
        .filter(archived_at__isnull=True, oldest_open_flag_at__isnull=False)
        .prefetch_related(Prefetch("flags", queryset=open_flags, to_attr="open_flags"))
    )
