"""Comparing the figures of one event, per count aspect and unit.

Only assertions and hedges carry a figure; a denial of a count is a stance
and is compared as one. Each independent voice gets one bar: the intersection
of its own figures, or their span when they do not overlap (which is reported
as an internal inconsistency). Bars that do not overlap conflict; a conflict
where one side only hedges is a tension.
"""

from __future__ import annotations

from tracker.conflicts.findings import make_finding
from tracker.conflicts.independence import group_voices
from tracker.conflicts.intervals import Interval, compare_intervals
from tracker.conflicts.prepared import Prepared
from tracker.conflicts.values import CountBar, CountSummary, Finding
from tracker.conflicts.wording import aspect_word
from tracker.vocabularies import FindingKind, FindingSeverity, Stance


def compare_counts(prep: Prepared) -> tuple[tuple[CountSummary, ...], list[Finding]]:
    groups: dict[tuple[str, str], list[int]] = {}
    for claim_id in sorted(prep.intervals):
        claim = prep.claims[claim_id]
        groups.setdefault((claim.aspect, claim.unit), []).append(claim_id)
    summaries = []
    findings: list[Finding] = []
    for (aspect, unit), claim_ids in sorted(groups.items()):
        summary, group_findings = _compare_group(prep, aspect, unit, claim_ids)
        summaries.append(summary)
        findings.extend(group_findings)
    return tuple(summaries), findings


def _compare_group(
    prep: Prepared, aspect: str, unit: str, claim_ids: list[int]
) -> tuple[CountSummary, list[Finding]]:
    accounts = [a for claim_id in claim_ids for a in prep.supporting(claim_id)]
    by_id = {a.id: a for a in accounts}
    scope = f"{aspect}/{unit}"
    what = f"{unit} {aspect_word(aspect)}"
    findings: list[Finding] = []

    bars = []
    for voice in group_voices(accounts, prep.affiliations):
        own = [by_id[i] for i in voice.account_ids]
        figures = compare_intervals([prep.intervals[a.claim_id] for a in own])
        consistent = figures.agree
        # Never None: a voice has at least one account.
        interval = (figures.consensus if consistent else figures.spread) or Interval()
        bars.append(
            CountBar(
                voice=voice,
                interval=interval,
                account_ids=voice.account_ids,
                hedged_only=all(a.stance == Stance.HEDGES for a in own),
                consistent=consistent,
            )
        )
        if not consistent:
            distinct = sorted({prep.intervals[a.claim_id] for a in own}, key=_interval_order)
            listed = " and ".join(i.describe(unit) for i in distinct)
            findings.append(
                make_finding(
                    kind=FindingKind.INTERNAL_INCONSISTENCY,
                    severity=FindingSeverity.TENSION,
                    key=f"internal_inconsistency:{scope}:{voice.key}",
                    claim_ids=[a.claim_id for a in own],
                    account_ids=voice.account_ids,
                    explanation=(
                        f"{prep.affiliations.speakers(own)}, counted as one source "
                        f"({voice.label}), give figures for {what} that do not overlap: {listed}."
                    ),
                    values=[f"{a.id}={prep.intervals[a.claim_id].token()}" for a in own],
                )
            )

    compared = compare_intervals([bar.interval for bar in bars])
    for i, j in compared.disjoint_pairs:
        first, second = bars[i], bars[j]
        hedged = first.hedged_only or second.hedged_only
        own = [by_id[k] for k in first.account_ids + second.account_ids]
        findings.append(
            make_finding(
                kind=FindingKind.COUNT_CONFLICT,
                severity=FindingSeverity.TENSION if hedged else FindingSeverity.CONFLICT,
                key=f"count_conflict:{scope}:{first.voice.key}|{second.voice.key}",
                claim_ids=[a.claim_id for a in own],
                account_ids=[a.id for a in own],
                explanation=(
                    f"{_says(first, unit)} {aspect_word(aspect)} but {_says(second, unit)}: "
                    "the figures do not overlap."
                ),
                values=[_bar_token(first), _bar_token(second)],
            )
        )

    all_consistent = all(bar.consistent for bar in bars)
    consensus = compared.consensus if all_consistent else None
    spread = compare_intervals([prep.intervals[a.claim_id] for a in accounts]).spread
    if consensus is not None and spread is not None and len(bars) >= 2:
        listed = "; ".join(f"{bar.voice.label}: {bar.interval.describe()}" for bar in bars)
        findings.append(
            make_finding(
                kind=FindingKind.COUNT_AGREEMENT,
                severity=FindingSeverity.INFO,
                key=f"count_agreement:{scope}",
                claim_ids=claim_ids,
                account_ids=[a.id for a in accounts],
                explanation=(
                    f"The figures for {what} agree ({listed}): consensus "
                    f"{consensus.describe(unit)}, spread {spread.describe(unit)}."
                ),
                values=[_bar_token(bar) for bar in bars],
            )
        )
    summary = CountSummary(
        aspect=aspect,
        unit=unit,
        claim_ids=tuple(claim_ids),
        bars=tuple(bars),
        consensus=consensus,
        spread=spread,
    )
    return summary, findings


def _says(bar: CountBar, unit: str) -> str:
    verb = "only suggests" if bar.hedged_only else "says"
    return f"{bar.voice.label} {verb} {bar.interval.describe(unit)}"


def _bar_token(bar: CountBar) -> str:
    hedged = "~" if bar.hedged_only else ""
    return f"{bar.voice.key}={hedged}{bar.interval.token()}"


def _interval_order(interval: Interval) -> tuple[int, int, int, int]:
    # Open low ends first, open high ends last.
    low = (0, 0) if interval.low is None else (1, interval.low)
    high = (1, 0) if interval.high is None else (0, interval.high)
    return (*low, *high)
