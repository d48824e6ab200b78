"""The status suggested for each claim, with its reasons. It only suggests.

A claim's supporters are the voices that assert or hedge it, directly or
through another claim of the event that implies it: a figure whose interval
(after tolerance) lies inside this claim's ("at least 35" implies "more than
30", not the reverse), or a perpetrator claim naming a subset of its parties
("the coalition did it" implies "the coalition or partner forces did it").
Figures that merely overlap agree with the claim but do not support it; they
are mentioned as reasons. Neither do figures whose best values differ by the
factor of ``differ``: "27" lies inside "at least 12" but does not corroborate it.

The first rule that applies gives the basis:

========================  ================  ===============================================
basis                     status            when
========================  ================  ===============================================
disputed                  disputed          a finding of severity "conflict" involves it
corroborated              corroborated      two or more voices assert it, one not interested
interested_only           unverified        two or more voices assert it, all interested
single_interested_source  unverified        one interested voice asserts it
single_source             unverified        one voice asserts it
hedged_only               unverified        voices only hedge it
retracted                 unverified        its only supporters retracted it
denied_only               unverified        nobody supports it, someone denies it
unconfirmed               unverifiable      only "could not verify" or "investigating"
no_accounts               unverified        nothing at all
========================  ================  ===============================================
"""

from __future__ import annotations

from collections.abc import Iterable

from tracker.conflicts.differ import differ_widely
from tracker.conflicts.findings import make_finding
from tracker.conflicts.independence import group_voices
from tracker.conflicts.intervals import Interval
from tracker.conflicts.prepared import UNCONFIRMED_STANCES, Prepared
from tracker.conflicts.values import AccountInfo, ClaimSummary, Finding, SuggestedStatus, Voice
from tracker.conflicts.wording import join_names, plural
from tracker.vocabularies import BASIS_STATUS, FindingKind, FindingSeverity, Stance, SuggestionBasis


def suggest_statuses(
    prep: Prepared, findings: list[Finding]
) -> tuple[tuple[ClaimSummary, ...], list[Finding]]:
    summaries = []
    extra: list[Finding] = []
    peers = _Peers(prep)
    by_claim: dict[int, list[Finding]] = {}
    for finding in findings:
        for claim_id in finding.claim_ids:
            by_claim.setdefault(claim_id, []).append(finding)
    for claim_id in prep.claims:
        summary, interested = _suggest(prep, claim_id, by_claim.get(claim_id, []), peers)
        summaries.append(summary)
        extra.extend(interested)
    return tuple(summaries), extra


class _Peers:
    """The claims each claim is compared with, worked out once per comparison, in id order.

    Looking them up per claim from the whole event made a refresh quadratic
    with a sort in the inner loop; an event with hundreds of claims then held
    its lock for most of a second. Reports repeat the same figures, so the
    relations of a count are worked out once per distinct interval.
    """

    def __init__(self, prep: Prepared) -> None:
        self.counts: dict[tuple[str, str], list[tuple[int, Interval]]] = {}
        for claim_id, interval in sorted(prep.intervals.items()):
            claim = prep.claims[claim_id]
            self.counts.setdefault((claim.aspect, claim.unit), []).append((claim_id, interval))
        self.exclusive: dict[str, list[tuple[int, frozenset[int]]]] = {}
        for claim_id, parties in sorted(prep.party_roots.items()):
            self.exclusive.setdefault(prep.claims[claim_id].aspect, []).append((claim_id, parties))
        self._relations: dict[tuple[str, str, Interval], tuple[list[int], list[int]]] = {}
        self._supporting: dict[int, list[AccountInfo]] = {}
        self._prep = prep

    def count_relations(
        self, group: tuple[str, str], mine: Interval
    ) -> tuple[list[int], list[int]]:
        """Claims of the group whose interval ``mine`` contains, and those it only overlaps."""
        key = (*group, mine)
        if key not in self._relations:
            implying, agreeing = [], []
            for other_id, interval in self.counts[group]:
                # Figures that differ widely agree only if one count is partial:
                # neither corroborates the other.
                differ = differ_widely(mine.best_value(), interval.best_value())
                if mine.contains(interval) and not differ:
                    implying.append(other_id)
                elif mine.overlaps(interval):
                    agreeing.append(other_id)
            self._relations[key] = (implying, agreeing)
        return self._relations[key]

    def supporting(self, claim_id: int) -> list[AccountInfo]:
        if claim_id not in self._supporting:
            self._supporting[claim_id] = self._prep.supporting(claim_id)
        return self._supporting[claim_id]


def _implying_claims(prep: Prepared, claim_id: int, peers: _Peers) -> tuple[list[int], list[int]]:
    """Other claims that imply this one, and (for counts) those that merely agree."""
    claim = prep.claims[claim_id]
    implying, agreeing = [], []
    if claim_id in prep.intervals:
        group = (claim.aspect, claim.unit)
        implying, agreeing = peers.count_relations(group, prep.intervals[claim_id])
        implying = [other_id for other_id in implying if other_id != claim_id]
        agreeing = [other_id for other_id in agreeing if other_id != claim_id]
    elif claim_id in prep.party_roots:
        mine_parties = prep.party_roots[claim_id]
        for other_id, parties in peers.exclusive[claim.aspect]:
            if other_id == claim_id:
                continue
            if parties and parties <= mine_parties:
                implying.append(other_id)
    return implying, agreeing


def _suggest(
    prep: Prepared, claim_id: int, mine: list[Finding], peers: _Peers
) -> tuple[ClaimSummary, list[Finding]]:
    """``mine``: the findings that involve this claim."""
    speakers = prep.affiliations.speakers
    implying, agreeing = _implying_claims(prep, claim_id, peers)
    implied = [a for other in implying for a in peers.supporting(other)]
    supporters = prep.supporting(claim_id) + implied
    by_id = {a.id: a for a in supporters}
    voices = group_voices(supporters, prep.affiliations)
    asserting = [v for v in voices if _any_stance(v, by_id, Stance.ASSERTS)]
    hedging = [v for v in voices if v not in asserting]
    conflicts = [f for f in mine if f.severity == FindingSeverity.CONFLICT]
    effective = prep.effective(claim_id)
    retracting = [a for a in effective if a.stance == Stance.RETRACTS]
    denying = [a for a in effective if a.stance == Stance.DENIES]
    unconfirming = [a for a in effective if a.stance in UNCONFIRMED_STANCES]

    reasons: list[str] = []
    if conflicts:
        basis = SuggestionBasis.DISPUTED
        reasons.extend(f.explanation for f in conflicts)
    elif len(asserting) >= 2 and not all(v.interested for v in asserting):
        basis = SuggestionBasis.CORROBORATED
        interested = [v.label for v in asserting if v.interested]
        note = ""
        if interested:
            verb = plural(len(interested), "is a party", "are parties")
            note = f"; {join_names(interested)} {verb} to this event"
        reasons.append(
            f"{len(asserting)} independent sources assert it "
            f"({join_names([v.label for v in asserting])}){note}."
        )
    elif len(asserting) >= 2:
        basis = SuggestionBasis.INTERESTED_ONLY
        reasons.append(
            f"Only parties to this event assert it ({join_names([v.label for v in asserting])}): "
            "it needs independent confirmation."
        )
    elif asserting and asserting[0].interested:
        basis = SuggestionBasis.SINGLE_INTERESTED_SOURCE
        reasons.append(
            f"Only {asserting[0].label}, a party to this event, asserts it: "
            "it needs independent confirmation."
        )
    elif asserting:
        basis = SuggestionBasis.SINGLE_SOURCE
        reasons.append(f"Only one independent source asserts it: {asserting[0].label}.")
    elif hedging:
        basis = SuggestionBasis.HEDGED_ONLY
        verb = plural(len(hedging), "only says", "only say")
        reasons.append(f"Nobody asserts it; {_labels(hedging)} {verb} it may be so.")
    elif retracting:
        basis = SuggestionBasis.RETRACTED
        reasons.append(f"{speakers(retracting)} retracted it and nobody else asserts it.")
    elif denying:
        basis = SuggestionBasis.DENIED_ONLY
        deny = plural(len({a.source_id for a in denying}), "denies", "deny")
        reasons.append(f"Nobody asserts it; {speakers(denying)} {deny} it.")
    elif unconfirming:
        basis = SuggestionBasis.UNCONFIRMED
        reasons.append(
            f"Nobody asserts it; it is unconfirmed by {speakers(unconfirming)}, who could not "
            "verify it or are still looking into it."
        )
    else:
        basis = SuggestionBasis.NO_ACCOUNTS
        reasons.append("No source asserts it yet.")

    if hedging and basis != SuggestionBasis.HEDGED_ONLY:
        verb = plural(len(hedging), "only says", "only say")
        reasons.append(f"{_labels(hedging)} {verb} it may be so.")
    for voice in voices:
        if len(voice.source_ids) > 1:
            names = join_names([prep.affiliations.name(s) for s in voice.source_ids])
            reasons.append(f"{names} count as one source: {voice.label}.")
    if implied:
        claims = join_names([prep.claim_label(c) for c in implying])
        supports = plural(len({a.source_id for a in implied}), "supports", "support")
        implies = plural(len(implying), "implies", "imply")
        reasons.append(f"{speakers(implied)} {supports} it through {claims}, which {implies} it.")
    agreeing_accounts = [a for other in agreeing for a in peers.supporting(other)]
    if agreeing_accounts:
        reasons.append(
            f"The figures of {speakers(agreeing_accounts)} agree with it without implying it."
        )
    for finding in mine:
        if finding.severity == FindingSeverity.TENSION or finding.kind in (
            FindingKind.UNCONFIRMED_BY,
            FindingKind.NOT_COMPARABLE,
        ):
            reasons.append(finding.explanation)

    extra = []
    if basis in (SuggestionBasis.INTERESTED_ONLY, SuggestionBasis.SINGLE_INTERESTED_SOURCE):
        backing = [by_id[i] for v in asserting for i in v.account_ids]
        extra.append(
            make_finding(
                kind=FindingKind.INTERESTED,
                severity=FindingSeverity.INFO,
                key=f"interested:claim={claim_id}",
                claim_ids=[claim_id],
                account_ids=[a.id for a in backing],
                explanation=(
                    f"{prep.claim_label(claim_id)} is asserted only by {_labels(asserting)}, "
                    f"{plural(len(asserting), 'a party', 'parties')} to this event: "
                    "it needs independent confirmation."
                ),
            )
        )
    suggestion = SuggestedStatus(
        status=BASIS_STATUS[basis], basis=basis, reasons=tuple(dict.fromkeys(reasons))
    )
    return ClaimSummary(claim_id, voices, suggestion), extra


def _any_stance(voice: Voice, by_id: dict[int, AccountInfo], stance: str) -> bool:
    return any(by_id[i].stance == stance for i in voice.account_ids)


def _labels(voices: Iterable[Voice]) -> str:
    return join_names([v.label for v in voices])
