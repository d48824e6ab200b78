"""Figures that overlap yet differ widely: a tension, or a toll that rose.

Two voices' figures that overlap agree, but when their best values (a point
itself, a range its midpoint, a bare bound the bound) differ by a factor of
``DIFFER_FACTOR`` or more, the agreement rests on one count being partial:
"at least 12" and "27" agree only if the 12 was counted early or in part.
When both are dated and the lower figure is the earlier one, the toll rose
between the dates: that is said, and no tension opened. When the lower is
the later one, the tension stands and says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from tracker.conflicts.findings import make_finding
from tracker.conflicts.values import CountBar, Finding
from tracker.vocabularies import FindingKind, FindingSeverity

DIFFER_FACTOR = 1.5


def differ_widely(first: float | None, second: float | None) -> bool:
    if first is None or second is None:
        return False
    low, high = sorted((first, second))
    if low <= 0:
        return high > 0
    return high / low >= DIFFER_FACTOR


def figures_differ(
    bars: Sequence[CountBar], *, scope: str, claim_ids_of: dict[str, list[int]]
) -> list[Finding]:
    findings = []
    for i, first in enumerate(bars):
        for second in bars[i + 1 :]:
            if not first.interval.overlaps(second.interval):
                continue
            first_value, second_value = first.interval.best_value(), second.interval.best_value()
            if not differ_widely(first_value, second_value):
                continue
            lower, higher = (first, second) if first_value <= second_value else (second, first)  # type: ignore[operator]
            severity, explanation = _judge(lower, higher)
            findings.append(
                make_finding(
                    kind=FindingKind.FIGURES_DIFFER,
                    severity=severity,
                    key=f"figures_differ:{scope}:{first.voice.key}|{second.voice.key}",
                    claim_ids=claim_ids_of[first.voice.key] + claim_ids_of[second.voice.key],
                    account_ids=first.account_ids + second.account_ids,
                    explanation=explanation,
                    values=[
                        f"{bar.voice.key}={bar.interval.token()}@{bar.said_on or ''}"
                        for bar in (first, second)
                    ],
                )
            )
    return findings


def _judge(lower: CountBar, higher: CountBar) -> tuple[str, str]:
    low_name, high_name = lower.voice.label, higher.voice.label
    if lower.said_on is not None and higher.said_on is not None:
        if lower.said_on < higher.said_on:
            return FindingSeverity.INFO, (
                f"{low_name} said {lower.words} on {_day(lower.said_on)} and {high_name} said "
                f"{higher.words} on {_day(higher.said_on)}: the toll rose between those dates."
            )
        if lower.said_on > higher.said_on:
            return FindingSeverity.TENSION, (
                f"{high_name} said {higher.words} on {_day(higher.said_on)}, yet {low_name} said "
                f"only {lower.words} later, on {_day(lower.said_on)}: the lower figure is the "
                "later one, so the difference is not a rising toll."
            )
    if lower.interval.high is None:
        condition = f"{_possessive(low_name)} count is partial"
    else:
        condition = "each is read at the edge of its range"
    return FindingSeverity.TENSION, (
        f"{low_name} says {lower.words}, {high_name} says {higher.words}: these agree only if "
        f"{condition}."
    )


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"
