"""Which figures are best supported, and who stands apart.

Among the voices whose own figures agree (an inconsistent voice joins no
group), a group agrees when its intervals share a common part. On a line such
a group is exactly the voices whose interval holds some point, and every
largest group is the set holding the highest low end among its members, so
trying each voice's low end finds them all.

The largest group wins; between groups of equal size, the one with more
voices that are not parties to the event; groups still tied are all
reported. A single voice is no group: a best-supported range needs two voices
that agree, and a voice is never an outlier of itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from tracker.conflicts.intervals import Interval
from tracker.conflicts.values import CountBar, SupportedRange

# Fewer voices than this agreeing is one source's word against another's.
MIN_GROUP = 2


def best_supported(
    bars: Sequence[CountBar],
) -> tuple[tuple[SupportedRange, ...], tuple[str, ...]]:
    """The winning group (or every tied group) and the voices outside them, by voice key."""
    candidates = [bar for bar in bars if bar.consistent]
    groups: set[frozenset[int]] = set()
    for anchor in candidates:
        point = anchor.interval.low
        members = frozenset(i for i, bar in enumerate(candidates) if _holds(bar.interval, point))
        if len(members) >= MIN_GROUP:
            groups.add(members)
    if not groups:
        return (), ()

    def strength(group: frozenset[int]) -> tuple[int, int]:
        independent = sum(1 for i in group if not candidates[i].voice.interested)
        return len(group), independent

    best = max(strength(group) for group in groups)
    winners = sorted(
        sorted(candidates[i].voice.key for i in group)
        for group in groups
        if strength(group) == best
    )
    by_key = {bar.voice.key: bar for bar in candidates}
    ranges = tuple(
        SupportedRange(interval=_common(by_key[k].interval for k in keys), voice_keys=tuple(keys))
        for keys in winners
    )
    inside = {key for keys in winners for key in keys}
    outliers = tuple(sorted(bar.voice.key for bar in bars if bar.voice.key not in inside))
    return ranges, outliers


def _holds(interval: Interval, point: int | None) -> bool:
    # ``None`` is below every figure: only intervals open below hold it.
    if point is None:
        return interval.low is None
    low_ok = interval.low is None or interval.low <= point
    high_ok = interval.high is None or point <= interval.high
    return low_ok and high_ok


def _common(intervals) -> Interval:
    common: Interval | None = None
    for interval in intervals:
        common = interval if common is None else common.intersection(interval)
    # The members share a point by construction, so the intersection exists.
    assert common is not None
    return common
