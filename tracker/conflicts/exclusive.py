"""Comparing claims of an exclusive aspect (perpetrator) across one event.

Parties are compared by root affiliation: naming a unit of the coalition does
not contest naming the coalition. Two claims with supporters contest each
other when the parties they name share no root. A claim naming several
parties offers them as alternatives, so it contests neither a claim naming one
of them nor one naming another. Where two claims share a party but one is
asserted and the other only hedged by another voice, that is a tension, as it
would be on a single claim.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from tracker.conflicts.findings import make_finding
from tracker.conflicts.independence import group_voices
from tracker.conflicts.prepared import SUPPORTING_STANCES, Prepared
from tracker.conflicts.values import AccountInfo, Finding
from tracker.conflicts.wording import join_or, plural
from tracker.vocabularies import FindingKind, FindingSeverity, Stance

_ASSERTS = frozenset({Stance.ASSERTS})
_HEDGES = frozenset({Stance.HEDGES})


def compare_exclusive(prep: Prepared) -> list[Finding]:
    findings: list[Finding] = []
    by_aspect: dict[str, list[int]] = {}
    for claim_id in sorted(prep.party_roots):
        by_aspect.setdefault(prep.claims[claim_id].aspect, []).append(claim_id)
    for aspect, claim_ids in sorted(by_aspect.items()):
        for first, second in combinations(claim_ids, 2):
            pair = _Pair.build(prep, aspect, first, second)
            if pair is None:
                continue
            if prep.party_roots[first].isdisjoint(prep.party_roots[second]):
                findings.extend(pair.contested())
            else:
                findings.extend(pair.tensions())
    return findings


@dataclass(frozen=True)
class _Pair:
    prep: Prepared
    aspect: str
    first: int
    second: int
    backing: dict[int, list[AccountInfo]]
    voice_of: dict[int, str]
    label_of: dict[str, str]

    @classmethod
    def build(cls, prep: Prepared, aspect: str, first: int, second: int) -> _Pair | None:
        backing = {first: prep.supporting(first), second: prep.supporting(second)}
        if not backing[first] or not backing[second]:
            return None
        voices = group_voices(backing[first] + backing[second], prep.affiliations)
        return cls(
            prep=prep,
            aspect=aspect,
            first=first,
            second=second,
            backing=backing,
            voice_of={i: v.key for v in voices for i in v.account_ids},
            label_of={v.key: v.label for v in voices},
        )

    def voices(self, claim_id: int, stances: frozenset[str]) -> set[str]:
        return {self.voice_of[a.id] for a in self.backing[claim_id] if a.stance in stances}

    def accounts(
        self, claim_id: int, stances: frozenset[str], voices: set[str]
    ) -> list[AccountInfo]:
        return [
            a
            for a in self.backing[claim_id]
            if a.stance in stances and self.voice_of[a.id] in voices
        ]

    def contested(self) -> list[Finding]:
        first, second = self.first, self.second
        asserted = (self.voices(first, _ASSERTS), self.voices(second, _ASSERTS))
        supported = (
            self.voices(first, SUPPORTING_STANCES),
            self.voices(second, SUPPORTING_STANCES),
        )
        findings = []
        severity = ""
        if any(a != b for a in asserted[0] for b in asserted[1]):
            severity = FindingSeverity.CONFLICT
        elif any(a != b for a in supported[0] for b in supported[1]):
            severity = FindingSeverity.TENSION
        if severity:
            findings.append(
                self.finding(
                    FindingKind.PERPETRATOR_CONTESTED,
                    severity,
                    f"perpetrator_contested:{self.aspect}:claims={first},{second}",
                    self.backing[first] + self.backing[second],
                    f"{self.say(self.backing[first], 'names', 'name')} {self.parties(first)} "
                    f"({self.prep.claim_label(first)}) but "
                    f"{self.say(self.backing[second], 'names', 'name')} {self.parties(second)} "
                    f"({self.prep.claim_label(second)}): they contest who is responsible.",
                )
            )
        for key in sorted(asserted[0] & asserted[1]):
            own = self.accounts(first, _ASSERTS, {key}) + self.accounts(second, _ASSERTS, {key})
            findings.append(
                self.finding(
                    FindingKind.INTERNAL_INCONSISTENCY,
                    FindingSeverity.TENSION,
                    f"internal_inconsistency:{self.aspect}:claims={first},{second}:{key}",
                    own,
                    f"{self.say(own, 'asserts', 'assert')} both {self.parties(first)} and "
                    f"{self.parties(second)} as responsible, within what counts as one source "
                    f"({self.label_of[key]}).",
                )
            )
        return findings

    def tensions(self) -> list[Finding]:
        first, second = self.first, self.second
        asserting = self.voices(first, _ASSERTS) | self.voices(second, _ASSERTS)
        # A voice that asserts either claim stands behind the shared party itself.
        hedging_only = (self.voices(first, _HEDGES) | self.voices(second, _HEDGES)) - asserting
        findings = []
        for asserted, hedged in ((first, second), (second, first)):
            asserters = self.voices(asserted, _ASSERTS)
            hedgers = self.voices(hedged, _HEDGES) & hedging_only
            if not asserters or not hedgers:
                continue
            pro = self.accounts(asserted, _ASSERTS, asserters)
            maybe = self.accounts(hedged, _HEDGES, hedgers)
            findings.append(
                self.finding(
                    FindingKind.STANCE_TENSION,
                    FindingSeverity.TENSION,
                    f"stance_tension:claims={first},{second}:asserted={asserted}",
                    pro + maybe,
                    f"{self.say(pro, 'asserts', 'assert')} {self.prep.claim_label(asserted)} "
                    f"while {self.say(maybe, 'only hedges', 'only hedge')} "
                    f"{self.prep.claim_label(hedged)}.",
                )
            )
        return findings

    def say(self, accounts: list[AccountInfo], singular: str, plural_form: str) -> str:
        count = len({a.source_id for a in accounts})
        speakers = self.prep.affiliations.speakers(accounts)
        return f"{speakers} {plural(count, singular, plural_form)}"

    def parties(self, claim_id: int) -> str:
        named = sorted(self.prep.claims[claim_id].named_party_ids)
        return join_or([self.prep.affiliations.name(p) for p in named])

    def finding(
        self, kind: str, severity: str, key: str, accounts: list[AccountInfo], explanation: str
    ) -> Finding:
        # Which parties each claim names is part of the substance, as are the stances.
        parties = [
            f"{c}:{','.join(map(str, sorted(self.prep.claims[c].named_party_ids)))}"
            for c in (self.first, self.second)
        ]
        return make_finding(
            kind=kind,
            severity=severity,
            key=key,
            claim_ids=[a.claim_id for a in accounts],
            account_ids=[a.id for a in accounts],
            explanation=explanation,
            values=[f"{a.id}:{a.stance}" for a in accounts] + parties,
        )
