"""Filters over any queryset of claims: by words, by a source's account, by what is open.

Each narrows with EXISTS or a per-claim count rather than a join, so the
counts annotated on the queryset stay right and a claim appears once.
"""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from tracker.models import Account, Claim
from tracker.selectors._counts import subquery_count
from tracker.selectors.claims._open import open_conflict_links, open_flags
from tracker.selectors.search import claim_full_text_search, is_full_text


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
        open_conflict_links().filter(claim=OuterRef("pk")), outer="claim", aggregate=Count("pk")
    )
    queryset = queryset.alias(open_conflict_links=links)
    if has_open:
        return queryset.filter(open_conflict_links__gt=0)
    return queryset.filter(open_conflict_links__lt=1)


def claims_with_open_flags(queryset: QuerySet[Claim], *, has_open: bool) -> QuerySet[Claim]:
    flagged = Exists(open_flags().filter(claim=OuterRef("pk")))
    return queryset.filter(flagged if has_open else ~flagged)
