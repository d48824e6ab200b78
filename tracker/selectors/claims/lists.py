"""Lists of claims: the rows every list shows, at a fixed number of queries.

The API's list is built on the admin's, so both count accounts and flags the
same way; the review queue reads the same rows through its proxy model.
"""

from django.db.models import BooleanField, Count, ExpressionWrapper, OuterRef, Prefetch, Q, QuerySet

from tracker.models import Account, Claim, ReviewQueueClaim
from tracker.selectors._counts import subquery_count
from tracker.selectors.claims._open import open_conflict_links, open_flags
from tracker.vocabularies import FindingSeverity


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
    conflicts = open_conflict_links().filter(claim=OuterRef("pk"))
    # The search vector is for the index only; no list shows it.
    return (
        model.objects.select_related("event")
        .defer("search_vector")
        .annotate(
            account_count=subquery_count(
                Account.objects.filter(claim=OuterRef("pk")), outer="claim", aggregate=Count("pk")
            ),
            open_flag_count=subquery_count(
                open_flags().filter(claim=OuterRef("pk")), outer="claim", aggregate=Count("pk")
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


def claim_list_with_conflict_queryset() -> QuerySet[Claim]:
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
LIST_PAGE_COLUMNS = (
    "text", "event__name", "aspect", "count_min", "count_max", "count_approximate",
    "count_min_exclusive", "count_max_exclusive", "unit",
    "status", "suggested_status", "independent_sources", "archived_at", "created_at",
    "updated_at",
)  # fmt: skip


def claim_list_page_queryset() -> QuerySet[Claim]:
    """The claims list's rows: ``claim_list_with_conflict_queryset``, only the columns shown."""
    return claim_list_with_conflict_queryset().only(*LIST_PAGE_COLUMNS)


def review_queue_queryset() -> QuerySet[ReviewQueueClaim]:
    """Claims that are not archived and have open flags, to be read oldest open flag first.

    Each claim carries ``open_flags`` (prefetched, oldest first, with who raised
    them). ``Claim.oldest_open_flag_at``, kept by the flag services, selects and
    orders them through a partial index of just the queue.
    """
    queued_flags = open_flags().select_related("raised_by").order_by("raised_at", "id")
    return (
        claim_list_queryset(model=ReviewQueueClaim)
        .filter(archived_at__isnull=True, oldest_open_flag_at__isnull=False)
        .prefetch_related(Prefetch("flags", queryset=queued_flags, to_attr="open_flags"))
    )
