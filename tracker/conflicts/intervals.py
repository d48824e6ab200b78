"""Counts as closed integer intervals whose ends may be open.

"at least 35" is ``Interval(35, None)``, "at most 10" ``Interval(None, 10)``,
"between 20 and 25" ``Interval(20, 25)``. An open low end means "no lower
bound given", which for a count is the same as 0; it is kept open rather than
written as 0 so that what a source said is what is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tracker.vocabularies import Unit

# "roughly 2,000" is widened by this many percent each way, rounded outward, so
# it reads as [1,800, 2,200]. Ten percent absorbs rounding to two significant
# figures (at most five percent) with room for a loose "about", yet keeps
# "roughly 2,000" in conflict with a precise "1,500". Rounding outward keeps
# small approximations honest: "about 5" becomes [4, 6], never [5, 5].
APPROXIMATE_TOLERANCE_PERCENT = 10


@dataclass(frozen=True)
class Interval:
    low: int | None = None
    high: int | None = None

    def __post_init__(self) -> None:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"An interval's low end {self.low} exceeds its high end {self.high}.")

    def overlaps(self, other: Interval) -> bool:
        return _ordered(self.low, other.high) and _ordered(other.low, self.high)

    def intersection(self, other: Interval) -> Interval | None:
        low = _max_low(self.low, other.low)
        high = _min_high(self.high, other.high)
        if not _ordered(low, high):
            return None
        return Interval(low, high)

    def hull(self, other: Interval) -> Interval:
        low = None if self.low is None or other.low is None else min(self.low, other.low)
        high = None if self.high is None or other.high is None else max(self.high, other.high)
        return Interval(low, high)

    def contains(self, other: Interval) -> bool:
        low_ok = self.low is None or (other.low is not None and other.low >= self.low)
        high_ok = self.high is None or (other.high is not None and other.high <= self.high)
        return low_ok and high_ok

    def describe(self, unit: str = "") -> str:
        """The interval in a desk's words: "at least 35 people", "20 to 25", "12"."""
        return figure_words(self.low, self.high, unit=unit)

    def best_value(self) -> float | None:
        """The figure one would quote: a point, a range's midpoint, or a bare bound."""
        if self.low is None and self.high is None:
            return None
        if self.high is None:
            return float(self.low)  # type: ignore[arg-type]
        if self.low is None:
            return float(self.high)
        return (self.low + self.high) / 2

    def token(self) -> str:
        """A compact, unambiguous form for keys and signatures."""
        low = "" if self.low is None else str(self.low)
        high = "" if self.high is None else str(self.high)
        return f"[{low},{high}]"


def figure_words(
    low: int | None,
    high: int | None,
    *,
    approximate: bool = False,
    unit: str = "",
    min_exclusive: bool = False,
    max_exclusive: bool = False,
) -> str:
    """A figure as people write it; ``approximate`` is the figure before any tolerance.

    The interval ``[31, open)`` reads "at least 31" unless ``min_exclusive``
    says the source put it as "more than 30"; ``[0, 9]`` with ``max_exclusive``
    reads "fewer than 10". The interval is the same either way.
    """
    about = "about " if approximate else ""
    if low is None and high is None:
        noun = unit_words(unit)
        return f"an unknown number of {noun}" if noun else "an unknown number"
    more_than = min_exclusive and low is not None and low >= 1
    fewer_than = max_exclusive and high is not None
    if more_than and (high is None or fewer_than):
        text = f"more than {about}{low - 1:,}"
        if high is not None:
            text += f" and fewer than {high + 1:,}"
    elif fewer_than and not low:
        text = f"fewer than {about}{high + 1:,}"
    elif high is None:
        text = f"{about}{low:,} or more" if approximate else f"at least {low:,}"
    elif low is None:
        text = f"up to {about}{high:,}" if approximate else f"no more than {high:,}"
    elif low == high:
        text = f"{about}{low:,}"
    else:
        text = f"{about}{low:,} to {high:,}"
    return f"{text} {unit_words(unit, low, high)}".rstrip()


def unit_words(unit: str, low: int | None = None, high: int | None = None) -> str:
    """The unit as a noun; one person is a person."""
    if unit == "people" and low == high == 1:
        return "person"
    if unit == Unit.OTHER:
        return ""
    return str(Unit(unit).label) if unit in Unit.values else unit


def _ordered(low: int | None, high: int | None) -> bool:
    return low is None or high is None or low <= high


def _max_low(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def _min_high(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)


def widen(interval: Interval, percent: int = APPROXIMATE_TOLERANCE_PERCENT) -> Interval:
    """Apply the tolerance for an approximate figure; open ends stay open."""
    # Integer arithmetic: floats would round 2,000 * 0.9 to 1,799.999...
    low = None if interval.low is None else max(0, interval.low * (100 - percent) // 100)
    high = None if interval.high is None else -(-interval.high * (100 + percent) // 100)
    return Interval(low, high)


@dataclass(frozen=True)
class IntervalComparison:
    # Index pairs (i < j) of intervals that do not overlap.
    disjoint_pairs: tuple[tuple[int, int], ...]
    # The intersection of all, when every pair overlaps; None otherwise.
    consensus: Interval | None
    # The lowest low to the highest high; None only for no intervals.
    spread: Interval | None

    @property
    def agree(self) -> bool:
        return not self.disjoint_pairs


def compare_intervals(intervals: Sequence[Interval]) -> IntervalComparison:
    disjoint = tuple(
        (i, j)
        for i in range(len(intervals))
        for j in range(i + 1, len(intervals))
        if not intervals[i].overlaps(intervals[j])
    )
    if not intervals:
        return IntervalComparison(disjoint, None, None)
    spread = intervals[0]
    for interval in intervals[1:]:
        spread = spread.hull(interval)
    consensus: Interval | None = None
    if not disjoint:
        # On a line, intervals that overlap pairwise share a common point
        # (Helly), so the running intersection never comes back empty here.
        consensus = intervals[0]
        for interval in intervals[1:]:
            consensus = consensus.intersection(interval) if consensus else None
    return IntervalComparison(disjoint, consensus, spread)
