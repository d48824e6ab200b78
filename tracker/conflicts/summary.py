"""An event in a few lines: one per aspect, and a suggested Airwars grade.

A count's line gives the reported range (lowest minimum to highest maximum)
and then what the sources agree on: the consensus, the best-supported range
with who stands apart, or that they disagree. Other aspects say whether they
are contested or how well their claims are supported.

The grade is suggested, never applied, on Airwars' scale, the first that holds:

==========  ==========================================================
Confirmed   a party named as perpetrator itself asserts it
Contested   perpetrator claims name parties that contest each other
Fair        some claim has two or more disinterested voices asserting it
Weak        anything less, as long as someone said something
==========  ==========================================================

Discounted is an editor's call only. No accounts, no grade.
"""

from __future__ import annotations

from collections.abc import Sequence

from tracker.conflicts.counts import best_supported_sentence
from tracker.conflicts.prepared import Prepared
from tracker.conflicts.values import (
    AspectLine,
    ClaimSummary,
    CountSummary,
    EventSummary,
    Finding,
)
from tracker.conflicts.wording import join_names
from tracker.vocabularies import (
    AIRWARS_MEANING,
    COUNT_ASPECTS,
    AirwarsGrade,
    Aspect,
    FindingKind,
    FindingSeverity,
    Stance,
    SuggestionBasis,
    label_of,
)


def summarize(
    prep: Prepared,
    counts: Sequence[CountSummary],
    claims: Sequence[ClaimSummary],
    findings: Sequence[Finding],
) -> EventSummary:
    lines = [AspectLine(c.aspect, c.unit, count_line(c)) for c in counts]
    for aspect in Aspect.values:
        if aspect in COUNT_ASPECTS:
            continue
        text = _other_line(prep, aspect, claims, findings)
        if text:
            lines.append(AspectLine(aspect, "", text))
    grade, reasons = _grade(prep, claims, findings)
    return EventSummary(lines=tuple(lines), grade=grade, grade_reasons=reasons)


def count_line(summary: CountSummary) -> str:
    head = f"{label_of(Aspect, summary.aspect)}: reported "
    head += summary.spread_words if summary.spread else "no figure"
    head += "."
    bars = summary.bars
    if summary.consensus is not None and len(bars) >= 2:
        everyone = "Both sources" if len(bars) == 2 else f"All {len(bars)} sources"
        return f"{head} {everyone} agree on {summary.consensus.describe(summary.unit)}."
    if len(bars) == 1:
        (bar,) = bars
        return f"{head} Only {bar.voice.label} gives a figure."
    if summary.best_supported:
        return f"{head} {best_supported_sentence(summary)}"
    said = "; ".join(f"{bar.voice.label} says {bar.words}" for bar in bars)
    return f"{head} The sources disagree: {said}."


def _other_line(
    prep: Prepared, aspect: str, claims: Sequence[ClaimSummary], findings: Sequence[Finding]
) -> str:
    ids = [c for c, info in prep.claims.items() if info.aspect == aspect and prep.by_claim.get(c)]
    if not ids:
        return ""
    label = label_of(Aspect, aspect)
    contested = [
        f
        for f in findings
        if f.is_open_conflict
        and set(f.claim_ids) & set(ids)
        and f.kind != FindingKind.FIGURES_DIFFER
    ]
    if contested:
        state = (
            "contested"
            if any(f.severity == FindingSeverity.CONFLICT for f in contested)
            else "unsettled"
        )
        return f"{label}: {state}. {contested[0].explanation}"
    by_id = {c.claim_id: c for c in claims}
    parts = [
        f"{prep.claim_label(c)}: {label_of(SuggestionBasis, by_id[c].suggestion.basis)}"
        for c in ids
        if c in by_id
    ]
    return f"{label}: " + "; ".join(parts) + "."


def _grade(
    prep: Prepared, claims: Sequence[ClaimSummary], findings: Sequence[Finding]
) -> tuple[str, tuple[str, ...]]:
    if not prep.accounts:
        return "", ("No source has said anything about this event yet.",)
    names = prep.affiliations
    for claim_id, parties in sorted(prep.party_roots.items()):
        admitting = [
            a
            for a in prep.effective(claim_id)
            if a.stance == Stance.ASSERTS and names.root(a.source_id) in parties
        ]
        if admitting:
            return _explained(
                AirwarsGrade.CONFIRMED,
                f"{names.speakers(admitting)} asserts {prep.claim_label(claim_id)}.",
            )
    contested = [f for f in findings if f.kind == FindingKind.PERPETRATOR_CONTESTED]
    if contested:
        return _explained(AirwarsGrade.CONTESTED, contested[0].explanation)
    for summary in claims:
        disinterested = [v for v in summary.supporting_voices if not v.interested]
        if summary.suggestion.basis == SuggestionBasis.CORROBORATED and len(disinterested) >= 2:
            who = join_names([v.label for v in disinterested])
            return _explained(
                AirwarsGrade.FAIR, f"{who} assert {prep.claim_label(summary.claim_id)}."
            )
    return _explained(
        AirwarsGrade.WEAK, "No claim has two independent, disinterested sources asserting it."
    )


def _explained(grade: AirwarsGrade, detail: str) -> tuple[str, tuple[str, ...]]:
    return grade.value, (f"Suggested {grade.label}: {AIRWARS_MEANING[grade]}.", detail)
