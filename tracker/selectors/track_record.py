"""A source's track record: what became of the claims it asserted, quarter by quarter.

For one source, or for a root affiliation with everyone who speaks for it:
of the claims asserted, how many now stand at each status; how many claims
it retracted; how many of its asserted figures the comparison left outside
the best-supported range (``FindingOutlier``). Everything is read from stored
rows: the claims' current status, the accounts' stances, the findings'
outliers. Nothing is estimated.

The unit is the claim, counted once: a claim asserted in two documents, or
by two members of one affiliation, is one claim. A quarter counts the claims
asserted in it (by the account's date, ``account_date``), so a claim asserted
again in a later quarter is in both quarters but once in the total. Archived
claims are left out, as the comparison leaves them out.

Two queries a record, whatever the archive's size: one GROUP BY quarter,
stance and status, one GROUP BY stance and status for the totals. They read
``TrackRecordEntry``, one row per (source, claim, stance, quarter) holding
copies of the claim's status, figure and outlier flag and the source's root,
which the services rewrite for a claim in the same transaction as any write
that changes them. A record is then one index range, sorted as grouped,
instead of one probe per account into claims, documents and outliers (six
seconds for the busiest affiliation of a million claims; bench/RESULTS.md).

``entry_rows`` computes those rows afresh from accounts, claims, documents,
sources and outliers; ``counted_track_record`` counts a record straight from
them, which the kept rows must always equal (``manage.py track_record_check``
and the tests compare the two).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    DateTimeField,
    Expression,
    ExpressionWrapper,
    F,
    Max,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, ExtractQuarter, ExtractYear

from tracker.models import Account, Source, TrackRecordEntry
from tracker.vocabularies import Stance, VerificationStatus

# The verdicts a track record is about, in the order the table and chart show them.
VERDICTS = (
    VerificationStatus.CONFIRMED,
    VerificationStatus.CORROBORATED,
    VerificationStatus.DISPUTED,
    VerificationStatus.FALSE,
    VerificationStatus.UNVERIFIABLE,
)
# No verdict yet: counted together as "awaiting a verdict".
AWAITING = (VerificationStatus.UNVERIFIED, VerificationStatus.IN_REVIEW)


def capture_date() -> Expression:
    """When the account's document was captured: the one place that says so.

    Documents do not yet keep their captures; until they do, the time the
    document was stored stands in for the time it was captured.
    """
    return F("document__created_at")


def account_date() -> Expression:
    """The date an account counts under: its document's publication, else its capture.

    An account with no document (typed in from a phone call) counts when it was
    recorded.
    """
    return Coalesce(
        "document__published_at", capture_date(), "created_at", output_field=DateTimeField()
    )


@dataclass(frozen=True)
class Tally:
    """Claims counted once each; ``statuses`` holds every status, zero included."""

    asserted: int = 0
    statuses: Mapping[str, int] = field(
        default_factory=lambda: dict.fromkeys(VerificationStatus.values, 0)
    )
    retracted: int = 0
    # Asserted claims that give a figure, and those among them the comparison
    # found outside the best-supported range.
    figures: int = 0
    outliers: int = 0

    @property
    def awaiting(self) -> int:
        return sum(self.statuses[s] for s in AWAITING)

    def verdict_counts(self) -> list[tuple[str, str, int]]:
        """(status, label, count) for each verdict, in the shown order."""
        return [(s.value, s.label, self.statuses[s]) for s in VERDICTS]

    @property
    def is_empty(self) -> bool:
        return not (self.asserted or self.retracted)


@dataclass(frozen=True)
class QuarterTally:
    year: int
    quarter: int
    tally: Tally

    @property
    def label(self) -> str:
        return f"{self.year} Q{self.quarter}"

    @property
    def code(self) -> str:
        return f"{self.year}-Q{self.quarter}"


@dataclass(frozen=True)
class TrackRecord:
    source_id: int
    # True: the source with everyone whose root affiliation it is.
    affiliation: bool
    # From the first quarter with an account to the last, gaps included as empty.
    quarters: tuple[QuarterTally, ...]
    total: Tally

    @property
    def is_empty(self) -> bool:
        return self.total.is_empty


def _scoped_accounts(
    source: Source, *, affiliation: bool, accounts: QuerySet[Account] | None = None
) -> QuerySet[Account]:
    if affiliation:
        members = Source.objects.filter(root_id=source.pk).values("pk")
        scope = Q(source_id__in=members)
    else:
        scope = Q(source_id=source.pk)
    return _counted_accounts(accounts).filter(scope)


def _counted_accounts(accounts: QuerySet[Account] | None = None) -> QuerySet[Account]:
    """Accounts a track record counts: asserting or retracting a live claim."""
    accounts = Account.objects.all() if accounts is None else accounts
    return accounts.filter(
        stance__in=[Stance.ASSERTS, Stance.RETRACTS], claim__archived_at__isnull=True
    )


def _dated(accounts: QuerySet[Account]) -> QuerySet[Account]:
    return accounts.annotate(on=account_date()).annotate(
        year=ExtractYear("on"), quarter=ExtractQuarter("on")
    )


def entry_rows(accounts: QuerySet[Account] | None = None) -> QuerySet:
    """The track record rows ``accounts`` make, computed afresh: one query.

    ``accounts`` is any queryset of accounts (all of them by default; those of
    some claims when the services rewrite them); those a record does not count
    are left out here. Each row is a dict of a ``TrackRecordEntry``'s fields.
    """
    figure = Q(claim__count_min__isnull=False) | Q(claim__count_max__isnull=False)
    # A join: an account standing apart in two findings appears twice, which
    # the grouping absorbs; MAX over 0 and 1 says whether any of the group's
    # accounts stands apart.
    apart = Max(Case(When(outlier_links__isnull=False, then=Value(1)), default=Value(0)))
    return (
        _counted_accounts(accounts)
        .values(
            "claim_id",
            "source_id",
            "stance",
            root_id=F("source__root_id"),
            status=F("claim__status"),
            year=ExtractYear(account_date()),
            quarter=ExtractQuarter(account_date()),
            has_figure=ExpressionWrapper(figure, output_field=BooleanField()),
        )
        .annotate(stands_apart=Cast(apart, BooleanField()))
        .order_by()
    )


def _counted(rows: QuerySet, *group: str, status: str) -> QuerySet:
    asserted = Q(stance=Stance.ASSERTS)
    return (
        rows.values(*group, "stance", status)
        .annotate(
            claims=Count("claim_id", distinct=True),
            figures=Count("claim_id", distinct=True, filter=asserted & Q(has_figure=True)),
            outliers=Count(
                "claim_id",
                distinct=True,
                filter=asserted & Q(has_figure=True, stands_apart=True),
            ),
        )
        .order_by()
    )


def _tally(rows: Iterable[Mapping], *, status: str = "status") -> Tally:
    statuses = dict.fromkeys(VerificationStatus.values, 0)
    asserted = retracted = figures = outliers = 0
    for row in rows:
        if row["stance"] == Stance.RETRACTS:
            retracted += row["claims"]
            continue
        asserted += row["claims"]
        statuses[row[status]] = statuses.get(row[status], 0) + row["claims"]
        figures += row["figures"]
        outliers += row["outliers"]
    return Tally(
        asserted=asserted,
        statuses=statuses,
        retracted=retracted,
        figures=figures,
        outliers=outliers,
    )


def _quarters_between(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    year, quarter = first
    found = []
    while (year, quarter) <= last:
        found.append((year, quarter))
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return found


def _record(
    source: Source,
    affiliation: bool,
    quarter_rows: Iterable[Mapping],
    totals: Tally,
    status: str = "status",
) -> TrackRecord:
    by_quarter: dict[tuple[int, int], list[Mapping]] = {}
    for row in quarter_rows:
        by_quarter.setdefault((row["year"], row["quarter"]), []).append(row)
    quarters: tuple[QuarterTally, ...] = ()
    if by_quarter:
        span = _quarters_between(min(by_quarter), max(by_quarter))
        quarters = tuple(
            QuarterTally(year=y, quarter=q, tally=_tally(by_quarter.get((y, q), ()), status=status))
            for y, q in span
        )
    return TrackRecord(
        source_id=source.pk, affiliation=affiliation, quarters=quarters, total=totals
    )


# Each claim once per (stance, status[, quarter]) within the scope, however
# many of its members gave it, then counted per group: no COUNT(DISTINCT),
# whose sorts were most of a busy affiliation's time. The inner GROUP BY is
# the order of the scope's index, so PostgreSQL walks it without sorting.
_QUARTERS_SQL = """
SELECT year, quarter, stance, status, COUNT(*), SUM(figure), SUM(figure * apart)
FROM (
    SELECT stance, status, claim_id, year, quarter,
           MAX(CASE WHEN has_figure THEN 1 ELSE 0 END) AS figure,
           MAX(CASE WHEN stands_apart THEN 1 ELSE 0 END) AS apart
    FROM {table} WHERE {scope} = %s
    GROUP BY stance, status, claim_id, year, quarter
) claims
GROUP BY year, quarter, stance, status
"""
_TOTALS_SQL = """
SELECT stance, status, COUNT(*), SUM(figure), SUM(figure * apart)
FROM (
    SELECT stance, status, claim_id,
           MAX(CASE WHEN has_figure THEN 1 ELSE 0 END) AS figure,
           MAX(CASE WHEN stands_apart THEN 1 ELSE 0 END) AS apart
    FROM {table} WHERE {scope} = %s
    GROUP BY stance, status, claim_id
) claims
GROUP BY stance, status
"""


def _read(sql: str, scope: str, pk: int, names: tuple[str, ...]) -> list[dict]:
    table = connection.ops.quote_name(TrackRecordEntry._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(sql.format(table=table, scope=connection.ops.quote_name(scope)), [pk])
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def source_track_record(source: Source, *, affiliation: bool = False) -> TrackRecord:
    """The track record of ``source``, or of its whole affiliation when it is a root. Two queries.

    Rows are grouped by (stance, status) within a quarter, and a claim has one
    status, so adding a quarter's rows counts each claim once per stance. Read
    from the kept rows (``TrackRecordEntry``), by hand-written SQL: the ORM
    cannot group a grouped subquery.
    """
    scope = "root_id" if affiliation else "source_id"
    counts = ("stance", "status", "claims", "figures", "outliers")
    quarters = _read(_QUARTERS_SQL, scope, source.pk, ("year", "quarter", *counts))
    totals = _read(_TOTALS_SQL, scope, source.pk, counts)
    return _record(source, affiliation, quarters, _tally(totals))


def counted_track_record(source: Source, *, affiliation: bool = False) -> TrackRecord:
    """The same record counted from the accounts themselves, not the kept rows. Two queries.

    What the kept rows must always agree with; slow for a busy source (one
    probe per account into claims, documents and outliers).
    """
    accounts = _scoped_accounts(source, affiliation=affiliation)
    figure = Q(claim__count_min__isnull=False) | Q(claim__count_max__isnull=False)
    counted = accounts.annotate(
        has_figure=ExpressionWrapper(figure, output_field=BooleanField()),
        stands_apart=ExpressionWrapper(Q(outlier_links__isnull=False), output_field=BooleanField()),
    )
    return _record(
        source,
        affiliation,
        _counted(_dated(counted), "year", "quarter", status="claim__status"),
        _tally(_counted(counted, status="claim__status"), status="claim__status"),
        status="claim__status",
    )


def has_members(source: Source) -> bool:
    """Whether others speak for ``source`` as their root affiliation. One query."""
    return (
        source.root_id == source.pk
        and Source.objects.filter(root_id=source.pk).exclude(pk=source.pk).exists()
    )


EntryRow = tuple

# A kept row's values, in the order ``entry_key`` gives them.
ENTRY_COLUMNS = (
    "claim_id",
    "source_id",
    "stance",
    "root_id",
    "status",
    "year",
    "quarter",
    "has_figure",
    "stands_apart",
)


def entry_key(row: Mapping) -> EntryRow:
    """A row (fresh from ``entry_rows`` or kept) as a comparable tuple, led by the claim's id."""
    return tuple(
        bool(row[c]) if c in ("has_figure", "stands_apart") else row[c] for c in ENTRY_COLUMNS
    )


# Claims compared at a time by ``entry_differences``: memory stays flat.
CHECK_CLAIMS = 50_000


def entry_differences() -> tuple[set[EntryRow], set[EntryRow]]:
    """Rows a fresh computation gives that are not kept, and kept rows it does not give.

    Reads every row, a range of claim ids at a time (two queries a range):
    a check, not a page.
    """
    missing: set[EntryRow] = set()
    extra: set[EntryRow] = set()
    last = Account.objects.aggregate(last=Max("claim_id"))["last"] or 0
    kept_last = TrackRecordEntry.objects.aggregate(last=Max("claim_id"))["last"] or 0
    for low in range(0, max(last, kept_last) + 1, CHECK_CLAIMS):
        claims = Q(claim_id__gte=low, claim_id__lt=low + CHECK_CLAIMS)
        fresh = {entry_key(row) for row in entry_rows(Account.objects.filter(claims))}
        kept = {
            entry_key(row) for row in TrackRecordEntry.objects.filter(claims).values(*ENTRY_COLUMNS)
        }
        missing |= fresh - kept
        extra |= kept - fresh
    return missing, extra
