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
stance and status, one GROUP BY stance and status for the totals. The
database does the counting.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.db.models import (
    Count,
    DateTimeField,
    Expression,
    F,
    Q,
    QuerySet,
)
from django.db.models.functions import Coalesce, ExtractQuarter, ExtractYear

from tracker.models import Account, Source
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


def _scoped_accounts(source: Source, *, affiliation: bool) -> QuerySet[Account]:
    if affiliation:
        members = Source.objects.filter(root_id=source.pk).values("pk")
        scope = Q(source_id__in=members)
    else:
        scope = Q(source_id=source.pk)
    return Account.objects.filter(
        scope,
        stance__in=[Stance.ASSERTS, Stance.RETRACTS],
        claim__archived_at__isnull=True,
    )


def _counted(accounts: QuerySet[Account], *group: str) -> QuerySet:
    asserted = Q(stance=Stance.ASSERTS)
    has_figure = asserted & (Q(claim__count_min__isnull=False) | Q(claim__count_max__isnull=False))
    # A join, not EXISTS: PostgreSQL would hash the whole outlier table for
    # EXISTS inside an aggregate's filter. An account standing apart in two
    # findings appears twice, which the distinct counts absorb.
    stands_apart = Q(outlier_links__isnull=False)
    return (
        accounts.values(*group, "stance", "claim__status")
        .annotate(
            claims=Count("claim_id", distinct=True),
            figures=Count("claim_id", distinct=True, filter=has_figure),
            outliers=Count("claim_id", distinct=True, filter=has_figure & stands_apart),
        )
        .order_by()
    )


def _tally(rows: Iterable[Mapping]) -> Tally:
    statuses = dict.fromkeys(VerificationStatus.values, 0)
    asserted = retracted = figures = outliers = 0
    for row in rows:
        if row["stance"] == Stance.RETRACTS:
            retracted += row["claims"]
            continue
        asserted += row["claims"]
        statuses[row["claim__status"]] = statuses.get(row["claim__status"], 0) + row["claims"]
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


def source_track_record(source: Source, *, affiliation: bool = False) -> TrackRecord:
    """The track record of ``source``, or of its whole affiliation when it is a root. Two queries.

    Rows are grouped by (stance, status) within a quarter, and a claim has one
    status, so adding a quarter's rows counts each claim once per stance.
    """
    accounts = _scoped_accounts(source, affiliation=affiliation)
    dated = accounts.annotate(on=account_date()).annotate(
        year=ExtractYear("on"), quarter=ExtractQuarter("on")
    )
    by_quarter: dict[tuple[int, int], list[Mapping]] = {}
    for row in _counted(dated, "year", "quarter"):
        by_quarter.setdefault((row["year"], row["quarter"]), []).append(row)
    quarters: tuple[QuarterTally, ...] = ()
    if by_quarter:
        span = _quarters_between(min(by_quarter), max(by_quarter))
        quarters = tuple(
            QuarterTally(year=y, quarter=q, tally=_tally(by_quarter.get((y, q), ())))
            for y, q in span
        )
    return TrackRecord(
        source_id=source.pk,
        affiliation=affiliation,
        quarters=quarters,
        total=_tally(_counted(accounts)),
    )


def has_members(source: Source) -> bool:
    """Whether others speak for ``source`` as their root affiliation. One query."""
    return (
        source.root_id == source.pk
        and Source.objects.filter(root_id=source.pk).exclude(pk=source.pk).exists()
    )
