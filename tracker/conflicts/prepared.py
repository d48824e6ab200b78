"""Checking the input once, before anything is compared.

What cannot be compared is set aside with a ``not_comparable`` finding, never
dropped in silence and never raised: a page that shows the comparison must
render whatever the data holds. Retractions are applied here too, so every
rule after this sees only accounts that still count.

A retraction (``retracts``) by a source takes back that source's assertions
and hedges on the same claim: they stop carrying a number, a stance or a
party. Its denials and its "could not verify" stay, since retracting is
consistent with them. Accounts carry no reliable order in time, so a
retraction applies to all of that source's assertions on the claim.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tracker.conflicts.findings import make_finding
from tracker.conflicts.independence import Affiliations
from tracker.conflicts.intervals import Interval, figure_words, widen
from tracker.conflicts.values import (
    AccountInfo,
    AccountSummary,
    ClaimInfo,
    EventInfo,
    Finding,
    SourceInfo,
)
from tracker.conflicts.wording import join_names, plural, quoted
from tracker.vocabularies import (
    COUNT_ASPECTS,
    EXCLUSIVE_ASPECTS,
    Aspect,
    FindingKind,
    FindingSeverity,
    Stance,
)

SUPPORTING_STANCES = frozenset({Stance.ASSERTS, Stance.HEDGES})
UNCONFIRMED_STANCES = frozenset({Stance.CANNOT_VERIFY, Stance.INVESTIGATING})
# A figure with no unit, or in "other", does not say what it counts: two such
# figures may count different things, so neither is compared.
UNCOMPARABLE_UNITS = frozenset({"", "other"})


@dataclass(frozen=True)
class Prepared:
    affiliations: Affiliations
    claims: Mapping[int, ClaimInfo]
    # Accounts with a known stance on a known claim, in id order.
    accounts: tuple[AccountInfo, ...]
    # Supporting accounts taken back by a retraction of the same source.
    retracted: frozenset[int]
    # Count claims that can be compared, with the tolerance applied.
    intervals: Mapping[int, Interval]
    # The same figures in words, as their sources gave them ("about 2,000").
    words: Mapping[int, str]
    # Exclusive claims that can be compared: the roots of the parties they name.
    party_roots: Mapping[int, frozenset[int]]
    # Per claim, the accounts not taken back; looked up often, so built once.
    by_claim: Mapping[int, tuple[AccountInfo, ...]]

    def effective(self, claim_id: int) -> list[AccountInfo]:
        return list(self.by_claim.get(claim_id, ()))

    def supporting(self, claim_id: int) -> list[AccountInfo]:
        return [a for a in self.effective(claim_id) if a.stance in SUPPORTING_STANCES]

    def claim_label(self, claim_id: int) -> str:
        claim = self.claims.get(claim_id)
        return quoted(claim.text) if claim is not None else f"claim #{claim_id}"


def prepare(
    *,
    event: EventInfo,
    claims: Iterable[ClaimInfo],
    accounts: Iterable[AccountInfo],
    sources: Mapping[int, SourceInfo],
    known_units: frozenset[str] | None,
) -> tuple[Prepared, list[Finding], tuple[AccountSummary, ...]]:
    affiliations = Affiliations.build(sources, event.party_ids)
    claim_map = {c.id: c for c in sorted(claims, key=lambda c: c.id)}
    all_accounts = sorted({a.id: a for a in accounts}.values(), key=lambda a: a.id)
    findings: list[Finding] = []

    comparable: list[AccountInfo] = []
    for account in all_accounts:
        problems = _account_problems(account, claim_map)
        if problems:
            findings.append(_account_not_comparable(account, problems, claim_map, affiliations))
        else:
            comparable.append(account)

    intervals: dict[int, Interval] = {}
    words: dict[int, str] = {}
    party_roots: dict[int, frozenset[int]] = {}
    for claim in claim_map.values():
        problems = _claim_problems(claim, known_units)
        if problems:
            on_claim = [a.id for a in all_accounts if a.claim_id == claim.id]
            findings.append(
                make_finding(
                    kind=FindingKind.NOT_COMPARABLE,
                    severity=FindingSeverity.INFO,
                    key=f"not_comparable:claim={claim.id}",
                    claim_ids=[claim.id],
                    account_ids=on_claim,
                    explanation=f"{quoted(claim.text)} cannot be compared: {'; '.join(problems)}.",
                    values=problems,
                )
            )
        elif claim.aspect in COUNT_ASPECTS:
            interval = Interval(claim.count_min, claim.count_max)
            intervals[claim.id] = widen(interval) if claim.approximate else interval
            words[claim.id] = figure_words(
                claim.count_min,
                claim.count_max,
                approximate=claim.approximate,
                unit=claim.unit,
                min_exclusive=claim.min_exclusive,
                max_exclusive=claim.max_exclusive,
            )
        elif claim.aspect in EXCLUSIVE_ASPECTS:
            party_roots[claim.id] = frozenset(affiliations.root(p) for p in claim.named_party_ids)

    retracted, retraction_findings = _apply_retractions(comparable, claim_map, affiliations)
    findings.extend(retraction_findings)
    findings.extend(_cycle_findings(affiliations, comparable))

    comparable_ids = {a.id for a in comparable}
    by_claim: dict[int, list[AccountInfo]] = {}
    for account in comparable:
        if account.id not in retracted:
            by_claim.setdefault(account.claim_id, []).append(account)
    summaries = tuple(
        AccountSummary(
            account_id=a.id,
            root_id=affiliations.root(a.source_id),
            root_name=affiliations.name(affiliations.root(a.source_id)),
            interested=affiliations.interested(a.source_id),
            comparable=a.id in comparable_ids,
            retracted=a.id in retracted,
        )
        for a in all_accounts
    )
    prepared = Prepared(
        affiliations=affiliations,
        claims=claim_map,
        accounts=tuple(comparable),
        retracted=retracted,
        intervals=intervals,
        words=words,
        party_roots=party_roots,
        by_claim={claim_id: tuple(accounts) for claim_id, accounts in by_claim.items()},
    )
    return prepared, findings, summaries


def _account_problems(account: AccountInfo, claims: Mapping[int, ClaimInfo]) -> list[str]:
    problems = []
    if account.stance not in Stance.values:
        problems.append(f"its stance {account.stance!r} is not one we know")
    if account.claim_id not in claims:
        problems.append("its claim is not among this event's claims")
    return problems


def _account_not_comparable(
    account: AccountInfo,
    problems: list[str],
    claims: Mapping[int, ClaimInfo],
    affiliations: Affiliations,
) -> Finding:
    claim = claims.get(account.claim_id)
    about = quoted(claim.text) if claim is not None else f"claim #{account.claim_id}"
    return make_finding(
        kind=FindingKind.NOT_COMPARABLE,
        severity=FindingSeverity.INFO,
        key=f"not_comparable:account={account.id}",
        claim_ids=[account.claim_id] if claim is not None else [],
        account_ids=[account.id],
        explanation=(
            f"The account by {affiliations.speaker(account)} of {about} cannot be compared: "
            f"{'; '.join(problems)}."
        ),
        values=problems,
    )


def _claim_problems(claim: ClaimInfo, known_units: frozenset[str] | None) -> list[str]:
    if claim.aspect not in Aspect.values:
        return [f"its aspect {claim.aspect!r} is not one we know"]
    if claim.aspect in EXCLUSIVE_ASPECTS and not claim.named_party_ids:
        return ["it names no party"]
    if claim.aspect not in COUNT_ASPECTS:
        return []
    problems = []
    low, high = claim.count_min, claim.count_max
    if low is None and high is None:
        problems.append("it gives no figure")
    if (low is not None and low < 0) or (high is not None and high < 0):
        problems.append("a count cannot be negative")
    elif low is not None and high is not None and low > high:
        problems.append(f"its lowest figure {low:,} exceeds its highest {high:,}")
    if claim.unit in UNCOMPARABLE_UNITS:
        problems.append("its unit is not given" if not claim.unit else "its unit is unspecified")
    elif known_units is not None and claim.unit not in known_units:
        problems.append(f"its unit {claim.unit!r} is not one we know")
    return problems


def _apply_retractions(
    accounts: list[AccountInfo], claims: Mapping[int, ClaimInfo], affiliations: Affiliations
) -> tuple[frozenset[int], list[Finding]]:
    retractions: dict[tuple[int, int], list[AccountInfo]] = {}
    for account in accounts:
        if account.stance == Stance.RETRACTS:
            retractions.setdefault((account.claim_id, account.source_id), []).append(account)
    retracted: set[int] = set()
    findings = []
    for (claim_id, source_id), retracting in sorted(retractions.items()):
        taken_back = [
            a
            for a in accounts
            if a.claim_id == claim_id
            and a.source_id == source_id
            and a.stance in SUPPORTING_STANCES
        ]
        retracted.update(a.id for a in taken_back)
        speaker = affiliations.speakers(retracting)
        claim = quoted(claims[claim_id].text)
        if taken_back:
            explanation = f"{speaker} retracts {claim}: its earlier account no longer counts."
        else:
            explanation = f"{speaker} retracts {claim}."
        findings.append(
            make_finding(
                kind=FindingKind.RETRACTED,
                severity=FindingSeverity.INFO,
                key=f"retracted:claim={claim_id}:source={source_id}",
                claim_ids=[claim_id],
                account_ids=[a.id for a in retracting + taken_back],
                explanation=explanation,
            )
        )
    return frozenset(retracted), findings


def _cycle_findings(affiliations: Affiliations, accounts: list[AccountInfo]) -> list[Finding]:
    members: dict[int, list[int]] = {}
    for source_id in sorted(affiliations.looping):
        members.setdefault(affiliations.root(source_id), []).append(source_id)
    findings = []
    for root, looping in sorted(members.items()):
        involved = [a for a in accounts if a.source_id in looping]
        names = join_names([affiliations.name(s) for s in looping])
        findings.append(
            make_finding(
                kind=FindingKind.AFFILIATION_CYCLE,
                severity=FindingSeverity.INFO,
                key=f"affiliation_cycle:root={root}",
                claim_ids=[a.claim_id for a in involved],
                account_ids=[a.id for a in involved],
                explanation=(
                    f"The affiliations of {names} lead into a loop, so "
                    f"{plural(len(looping), 'it counts', 'they count')} as one source, "
                    f"{affiliations.name(root)}."
                ),
                values=[str(s) for s in looping],
            )
        )
    return findings
