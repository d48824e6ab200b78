"""A finding's ``details``: the same finding as plain JSON values for an integrator.

Every finding names its ``sides``: one per source, claim and stance among its
accounts, with the source and its root affiliation, whether it is a party to
the event, and the figure as the source gave it (the numbers and the words).
A finding about a count also carries that count's ``reported_range``, its
``consensus`` when every voice agrees, else its ``best_supported`` groups and
the ``outliers`` standing apart from them.

Only ints, strings, booleans, lists and dicts, so the mapping can be stored as
JSON and compared with ``==``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from tracker.conflicts.independence import Affiliations
from tracker.conflicts.intervals import Interval, figure_words
from tracker.conflicts.values import (
    AccountInfo,
    ClaimInfo,
    CountSummary,
    EventSummary,
    Finding,
    Voice,
)
from tracker.vocabularies import COUNT_ASPECTS, EXCLUSIVE_ASPECTS

Details = dict[str, Any]


def interval_details(interval: Interval | None, unit: str = "") -> Details | None:
    """A computed range (reported, best-supported): exact ends, in numbers and words."""
    if interval is None:
        return None
    return _figure(interval.low, interval.high, approximate=False, unit=unit)


def claim_figure(claim: ClaimInfo) -> Details | None:
    """The figure as the source gave it, before any tolerance for "about"."""
    if claim.aspect not in COUNT_ASPECTS or (claim.count_min is None and claim.count_max is None):
        return None
    return _figure(
        claim.count_min,
        claim.count_max,
        approximate=claim.approximate,
        unit=claim.unit,
        min_exclusive=claim.min_exclusive,
        max_exclusive=claim.max_exclusive,
    )


def _figure(
    low: int | None,
    high: int | None,
    *,
    approximate: bool,
    unit: str,
    min_exclusive: bool = False,
    max_exclusive: bool = False,
) -> Details:
    return {
        "min": low,
        "max": high,
        "open_low": low is None,
        "open_high": high is None,
        "approximate": approximate,
        "unit": unit,
        "words": figure_words(
            low,
            high,
            approximate=approximate,
            unit=unit,
            min_exclusive=min_exclusive,
            max_exclusive=max_exclusive,
        ),
    }


def sides(
    accounts: Iterable[AccountInfo], claims: Mapping[int, ClaimInfo], names: Affiliations
) -> list[Details]:
    """One side per source, claim and stance, in that order."""
    grouped: dict[tuple[int, int, str], list[int]] = {}
    for account in accounts:
        key = (account.source_id, account.claim_id, account.stance)
        grouped.setdefault(key, []).append(account.id)
    result = []
    for (source_id, claim_id, stance), account_ids in sorted(grouped.items()):
        root = names.root(source_id)
        claim = claims.get(claim_id)
        side: Details = {
            "source": {"id": source_id, "name": names.name(source_id)},
            "root": {"id": root, "name": names.name(root)},
            "interested": names.interested(source_id),
            "stance": stance,
            "claim_id": claim_id,
            "interval": claim_figure(claim) if claim is not None else None,
            "account_ids": sorted(account_ids),
        }
        if claim is not None and claim.aspect in EXCLUSIVE_ASPECTS:
            side["parties"] = [
                {"id": p, "name": names.name(p)} for p in sorted(claim.named_party_ids)
            ]
        result.append(side)
    return result


def with_sides(
    findings: Iterable[Finding],
    accounts: Mapping[int, AccountInfo],
    claims: Mapping[int, ClaimInfo],
    names: Affiliations,
) -> list[Finding]:
    return [
        replace(
            finding,
            details={
                "sides": sides([accounts[i] for i in finding.account_ids], claims, names),
                **finding.details,
            },
        )
        for finding in findings
    ]


def count_details(summary: CountSummary) -> Details:
    """What a count finding should carry about its whole count."""
    unit = summary.unit

    def voice(v: Voice) -> Details:
        bar = summary.bar(v.key)
        return {
            "key": v.key,
            "label": v.label,
            "root_ids": list(v.root_ids),
            "interested": v.interested,
            "interval": interval_details(bar.interval, unit),
            "words": bar.words,
            "account_ids": list(bar.account_ids),
        }

    return {
        "aspect": summary.aspect,
        "unit": unit,
        "reported_range": _reported_range(summary),
        "consensus": interval_details(summary.consensus, unit),
        "best_supported": [
            {
                "interval": interval_details(group.interval, unit),
                "voices": [voice(summary.bar(key).voice) for key in group.voice_keys],
            }
            for group in summary.best_supported
        ],
        "outliers": [voice(summary.bar(key).voice) for key in summary.outliers],
    }


def summary_details(summary: EventSummary) -> Details:
    """An event's summary lines and suggested grade, as the API shows and the events store it."""
    return {
        "lines": [
            {"aspect": line.aspect, "unit": line.unit, "text": line.text} for line in summary.lines
        ],
        "grade": summary.grade,
        "grade_reasons": list(summary.grade_reasons),
    }


def _reported_range(summary: CountSummary) -> Details | None:
    details = interval_details(summary.spread, summary.unit)
    return None if details is None else {**details, "words": summary.spread_words}


def outlier_account_ids(details: Mapping[str, Any]) -> list[int]:
    """The accounts of every voice a count finding names as standing apart, sorted, once each."""
    outliers = details.get("outliers") or []
    return sorted({int(i) for voice in outliers for i in voice.get("account_ids") or []})
