"""Comparing the figures of one event, per count aspect and unit.

Only assertions and hedges carry a figure; a denial of a count is a stance
and is compared as one. Each independent voice gets one bar: the figure of
its latest dated accounts when it dated any, else all its figures; the bar is
their intersection, or their span when they do not overlap (reported as an
internal inconsistency). Bars that do not overlap conflict; a conflict where
one side only hedges is a tension. When not every voice agrees, ``support``
finds the best-supported range and who stands apart; overlapping figures
that differ widely are left to ``differ``.
"""

from __future__ import annotations

from dataclasses import replace

from tracker.conflicts.details import count_details
from tracker.conflicts.differ import figures_differ
from tracker.conflicts.findings import make_finding
from tracker.conflicts.independence import group_voices
from tracker.conflicts.intervals import Interval, compare_intervals, figure_words, unit_words
from tracker.conflicts.prepared import Prepared
from tracker.conflicts.support import best_supported
from tracker.conflicts.values import AccountInfo, CountBar, CountSummary, Finding, Voice
from tracker.conflicts.wording import aspect_word, join_names
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


def _spoken(own: list[AccountInfo]) -> list[AccountInfo]:
    """The accounts a voice speaks with: its latest dated ones, else all of them."""
    dated = [a for a in own if a.said_on is not None]
    if not dated:
        return own
    latest = max(a.said_on for a in dated)  # type: ignore[type-var]
    return [a for a in dated if a.said_on == latest]


def _bar(prep: Prepared, voice: Voice, own: list[AccountInfo]) -> CountBar:
    spoken = _spoken(own)
    latest = spoken[0].said_on
    figures = compare_intervals([prep.intervals[a.claim_id] for a in spoken])
    consistent = figures.agree
    # Never None: a voice has at least one account.
    interval = (figures.consensus if consistent else figures.spread) or Interval()
    distinct = {prep.intervals[a.claim_id]: prep.words[a.claim_id] for a in spoken}
    words = (
        next(iter(distinct.values()))
        if len(distinct) == 1
        else interval.describe(prep.claims[spoken[0].claim_id].unit)
    )
    return CountBar(
        voice=voice,
        interval=interval,
        account_ids=voice.account_ids,
        hedged_only=all(a.stance == Stance.HEDGES for a in own),
        consistent=consistent,
        words=words,
        said_on=latest,
    )


def _compare_group(
    prep: Prepared, aspect: str, unit: str, claim_ids: list[int]
) -> tuple[CountSummary, list[Finding]]:
    accounts = [a for claim_id in claim_ids for a in prep.supporting(claim_id)]
    by_id = {a.id: a for a in accounts}
    scope = f"{aspect}/{unit}"
    findings: list[Finding] = []

    bars = []
    for voice in group_voices(accounts, prep.affiliations):
        own = [by_id[i] for i in voice.account_ids]
        bar = _bar(prep, voice, own)
        bars.append(bar)
        if not bar.consistent:
            findings.append(_inconsistency(prep, bar, _spoken(own), scope, aspect))

    claim_ids_of = {bar.voice.key: [by_id[i].claim_id for i in bar.account_ids] for bar in bars}
    compared = compare_intervals([bar.interval for bar in bars])
    for i, j in compared.disjoint_pairs:
        first, second = bars[i], bars[j]
        hedged = first.hedged_only or second.hedged_only
        findings.append(
            make_finding(
                kind=FindingKind.COUNT_CONFLICT,
                severity=FindingSeverity.TENSION if hedged else FindingSeverity.CONFLICT,
                key=f"count_conflict:{scope}:{first.voice.key}|{second.voice.key}",
                claim_ids=claim_ids_of[first.voice.key] + claim_ids_of[second.voice.key],
                account_ids=first.account_ids + second.account_ids,
                explanation=(
                    f"{_says(first)} {_passive(first, aspect)}, but {_says(second)} "
                    f"{_were(second)}: the figures do not overlap."
                ),
                values=[_bar_token(first), _bar_token(second)],
            )
        )
    findings.extend(figures_differ(bars, scope=scope, claim_ids_of=claim_ids_of))

    all_consistent = all(bar.consistent for bar in bars)
    consensus = compared.consensus if all_consistent else None
    spread = compare_intervals([prep.intervals[a.claim_id] for a in accounts]).spread
    supported, outliers = ((), ()) if consensus is not None else best_supported(bars)
    spread_words = _range_words(prep, accounts, spread, unit)
    summary = CountSummary(
        aspect=aspect,
        unit=unit,
        claim_ids=tuple(claim_ids),
        bars=tuple(bars),
        consensus=consensus,
        spread=spread,
        best_supported=supported,
        outliers=outliers,
        spread_words=spread_words,
    )
    if consensus is not None and spread is not None and len(bars) >= 2:
        listed = "; ".join(f"{bar.voice.label}: {bar.words}" for bar in bars)
        findings.append(
            make_finding(
                kind=FindingKind.COUNT_AGREEMENT,
                severity=FindingSeverity.INFO,
                key=f"count_agreement:{scope}",
                claim_ids=claim_ids,
                account_ids=[a.id for a in accounts],
                explanation=(
                    f"The figures for {_what(aspect, unit)} agree ({listed}): consensus "
                    f"{consensus.describe(unit)}, reported {spread_words}."
                ),
                values=[_bar_token(bar) for bar in bars],
            )
        )
    if supported:
        findings.append(_best_supported_finding(summary, scope, claim_ids_of))
    context = count_details(summary)
    return summary, [replace(f, details={**f.details, **context}) for f in findings]


def _range_words(
    prep: Prepared, accounts: list[AccountInfo], spread: Interval | None, unit: str
) -> str:
    """The reported range in words, its ends put as the sources that give them put them.

    "More than 30" is stored as a minimum of 31: the range's low end reads
    "more than 30" when every claim giving that end said it so.
    """
    if spread is None:
        return ""
    claims = [prep.claims[account.claim_id] for account in accounts]
    if spread.low is None and spread.high is None:
        return _open_both_ways(claims, unit)
    at_low = [c for c in claims if c.count_min is not None and c.count_min == spread.low]
    at_high = [c for c in claims if c.count_max is not None and c.count_max == spread.high]
    return figure_words(
        spread.low,
        spread.high,
        unit=unit,
        min_exclusive=bool(at_low) and all(c.min_exclusive for c in at_low),
        max_exclusive=bool(at_high) and all(c.max_exclusive for c in at_high),
    )


def _open_both_ways(claims: list, unit: str) -> str:
    """A range open at both ends ("up to 2" beside "at least 19") read from its two extremes.

    Its interval is unbounded, but "an unknown number" would hide what was said:
    the desk headlines the lowest ceiling and the highest floor.
    """
    ceiling = min((c for c in claims if c.count_min is None), key=lambda c: c.count_max)
    floor = max((c for c in claims if c.count_max is None), key=lambda c: c.count_min)
    low = figure_words(ceiling.count_min, ceiling.count_max, max_exclusive=ceiling.max_exclusive)
    high = figure_words(
        floor.count_min, floor.count_max, unit=unit, min_exclusive=floor.min_exclusive
    )
    return f"{low} to {high}"


def _inconsistency(
    prep: Prepared, bar: CountBar, own: list[AccountInfo], scope: str, aspect: str
) -> Finding:
    distinct = {prep.intervals[a.claim_id]: a.claim_id for a in own}
    ordered = sorted(distinct, key=_interval_order)
    listed = " and ".join(prep.words[distinct[interval]] for interval in ordered)
    unit = prep.claims[own[0].claim_id].unit
    return make_finding(
        kind=FindingKind.INTERNAL_INCONSISTENCY,
        severity=FindingSeverity.TENSION,
        key=f"internal_inconsistency:{scope}:{bar.voice.key}",
        claim_ids=[a.claim_id for a in own],
        account_ids=[a.id for a in own],
        explanation=(
            f"{prep.affiliations.speakers(own)}, counted as one source ({bar.voice.label}), "
            f"give figures for {_what(aspect, unit)} that do not overlap: {listed}."
        ),
        values=[f"{a.id}={prep.intervals[a.claim_id].token()}" for a in own],
    )


def _best_supported_finding(
    summary: CountSummary, scope: str, claim_ids_of: dict[str, list[int]]
) -> Finding:
    members = [key for group in summary.best_supported for key in group.voice_keys]
    involved = sorted(set(members) | set(summary.outliers))
    return make_finding(
        kind=FindingKind.BEST_SUPPORTED,
        severity=FindingSeverity.INFO,
        key=f"best_supported:{scope}",
        claim_ids=[c for key in involved for c in claim_ids_of[key]],
        account_ids=[a for key in involved for a in summary.bar(key).account_ids],
        explanation=best_supported_sentence(summary),
        values=[
            f"{'+'.join(group.voice_keys)}={group.interval.token()}"
            for group in summary.best_supported
        ]
        + [f"out:{key}" for key in summary.outliers],
    )


def best_supported_sentence(summary: CountSummary) -> str:
    """ "Independent sources agree on 25 to 30 (A and B); C, a party to the event, says 8." """
    unit = summary.unit
    groups = []
    for group in summary.best_supported:
        voices = [summary.bar(key).voice for key in group.voice_keys]
        who = join_names([v.label for v in voices])
        if not any(v.interested for v in voices):
            who = f"independent sources ({who})"
        groups.append(f"{who} agree on {group.interval.describe(unit)}")
    if len(groups) == 1:
        text = _capital(groups[0])
    else:
        text = f"Sources are split into {len(groups)} equally supported groups: " + "; ".join(
            groups
        )
    apart = [_stands_apart(summary.bar(key)) for key in summary.outliers]
    if apart:
        text += "; " + "; ".join(apart)
    return text + "."


def _stands_apart(bar: CountBar) -> str:
    party = ", a party to the event," if bar.voice.interested else ""
    if not bar.consistent:
        return f"{bar.voice.label}{party} gives figures that disagree with each other"
    return f"{bar.voice.label}{party} {_verb(bar)} {bar.words}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _verb(bar: CountBar) -> str:
    return "only suggests" if bar.hedged_only else "says"


def _says(bar: CountBar) -> str:
    return f"{bar.voice.label} {_verb(bar)} {bar.words}"


def _were(bar: CountBar) -> str:
    return "was" if bar.interval.low == bar.interval.high == 1 else "were"


def _passive(bar: CountBar, aspect: str) -> str:
    return f"{_were(bar)} {aspect_word(aspect)}"


def _what(aspect: str, unit: str) -> str:
    return f"{unit_words(unit)} {aspect_word(aspect)}".strip()


def _bar_token(bar: CountBar) -> str:
    hedged = "~" if bar.hedged_only else ""
    return f"{bar.voice.key}={hedged}{bar.interval.token()}"


def _interval_order(interval: Interval) -> tuple[int, int, int, int]:
    # Open low ends first, open high ends last.
    low = (0, 0) if interval.low is None else (1, interval.low)
    high = (1, 0) if interval.high is None else (0, interval.high)
    return (*low, *high)
