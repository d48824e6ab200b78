"""Comparing the stances independent voices take on one claim.

- ``asserts`` against ``denies``: a conflict.
- ``asserts`` against ``hedges``, and ``denies`` against ``hedges``: a tension;
  a hedge neither stands behind the claim nor rejects it.
- One voice that both asserts (or hedges) and denies: an internal
  inconsistency, weaker than a conflict because it is one source, not two.
- ``cannot_verify`` and ``investigating``: "unconfirmed by" that source.

A voice that asserts and also hedges counts as asserting: its strongest
commitment is what it stands behind.
"""

from __future__ import annotations

from tracker.conflicts.findings import make_finding
from tracker.conflicts.independence import group_voices
from tracker.conflicts.prepared import UNCONFIRMED_STANCES, Prepared
from tracker.conflicts.values import AccountInfo, Finding, Voice
from tracker.conflicts.wording import plural
from tracker.vocabularies import FindingKind, FindingSeverity, Stance


def compare_stances(prep: Prepared) -> list[Finding]:
    findings: list[Finding] = []
    for claim_id in prep.claims:
        findings.extend(_claim_stances(prep, claim_id))
        findings.extend(_unconfirmed(prep, claim_id))
    return findings


def _claim_stances(prep: Prepared, claim_id: int) -> list[Finding]:
    accounts = prep.effective(claim_id)
    by_id = {a.id: a for a in accounts}
    voices = group_voices(accounts, prep.affiliations)
    stances = {v.key: {by_id[i].stance for i in v.account_ids} for v in voices}
    asserting = [v for v in voices if Stance.ASSERTS in stances[v.key]]
    hedging = [
        v
        for v in voices
        if Stance.HEDGES in stances[v.key] and Stance.ASSERTS not in stances[v.key]
    ]
    denying = [v for v in voices if Stance.DENIES in stances[v.key]]
    claim = prep.claim_label(claim_id)
    findings = []

    def say(accounts: list[AccountInfo], singular: str, plural_form: str) -> str:
        count = len({a.source_id for a in accounts})
        return f"{prep.affiliations.speakers(accounts)} {plural(count, singular, plural_form)}"

    def stance_of(voices: list[Voice], stance: str) -> list[AccountInfo]:
        return [by_id[i] for v in voices for i in v.account_ids if by_id[i].stance == stance]

    def opposed(side: list[Voice], other: list[Voice]) -> list[Voice]:
        return [v for v in side if any(w.key != v.key for w in other)]

    pro, con = opposed(asserting, denying), opposed(denying, asserting)
    if pro and con:
        involved = stance_of(pro, Stance.ASSERTS) + stance_of(con, Stance.DENIES)
        findings.append(
            _finding(
                FindingKind.STANCE_CONFLICT,
                FindingSeverity.CONFLICT,
                f"stance_conflict:claim={claim_id}",
                involved,
                f"{say(stance_of(pro, Stance.ASSERTS), 'asserts', 'assert')} {claim} but "
                f"{say(stance_of(con, Stance.DENIES), 'denies', 'deny')} it.",
            )
        )
    if asserting and hedging:
        involved = stance_of(asserting, Stance.ASSERTS) + stance_of(hedging, Stance.HEDGES)
        findings.append(
            _finding(
                FindingKind.STANCE_TENSION,
                FindingSeverity.TENSION,
                f"stance_tension:claim={claim_id}:asserted",
                involved,
                f"{say(stance_of(asserting, Stance.ASSERTS), 'asserts', 'assert')} {claim} "
                f"while {say(stance_of(hedging, Stance.HEDGES), 'only says', 'only say')} "
                "it may be so.",
            )
        )
    pro, con = opposed(hedging, denying), opposed(denying, hedging)
    if pro and con:
        involved = stance_of(con, Stance.DENIES) + stance_of(pro, Stance.HEDGES)
        findings.append(
            _finding(
                FindingKind.STANCE_TENSION,
                FindingSeverity.TENSION,
                f"stance_tension:claim={claim_id}:denied",
                involved,
                f"{say(stance_of(con, Stance.DENIES), 'denies', 'deny')} {claim} while "
                f"{say(stance_of(pro, Stance.HEDGES), 'says', 'say')} it may be so.",
            )
        )
    for voice in voices:
        own = stances[voice.key]
        if Stance.DENIES in own and own & {Stance.ASSERTS, Stance.HEDGES}:
            backing = stance_of([voice], Stance.ASSERTS) + stance_of([voice], Stance.HEDGES)
            denials = stance_of([voice], Stance.DENIES)
            findings.append(
                _finding(
                    FindingKind.INTERNAL_INCONSISTENCY,
                    FindingSeverity.TENSION,
                    f"internal_inconsistency:claim={claim_id}:{voice.key}",
                    backing + denials,
                    f"{say(backing, 'backs', 'back')} {claim} but "
                    f"{say(denials, 'denies', 'deny')} it, within what counts as one source "
                    f"({voice.label}).",
                )
            )
    return findings


def _unconfirmed(prep: Prepared, claim_id: int) -> list[Finding]:
    by_source: dict[int, list[AccountInfo]] = {}
    for account in prep.effective(claim_id):
        if account.stance in UNCONFIRMED_STANCES:
            by_source.setdefault(account.source_id, []).append(account)
    findings = []
    for source_id, accounts in sorted(by_source.items()):
        stances = {a.stance for a in accounts}
        claim = prep.claim_label(claim_id)
        doing = []
        if Stance.CANNOT_VERIFY in stances:
            doing.append(f"could not independently verify {claim}")
        if Stance.INVESTIGATING in stances:
            doing.append(f"is still looking into {'it' if doing else claim}")
        findings.append(
            _finding(
                FindingKind.UNCONFIRMED_BY,
                FindingSeverity.INFO,
                f"unconfirmed_by:claim={claim_id}:source={source_id}",
                accounts,
                f"{prep.affiliations.speakers(accounts)} {' and '.join(doing)}.",
            )
        )
    return findings


def _finding(
    kind: str, severity: str, key: str, accounts: list[AccountInfo], explanation: str
) -> Finding:
    return make_finding(
        kind=kind,
        severity=severity,
        key=key,
        claim_ids=[a.claim_id for a in accounts],
        account_ids=[a.id for a in accounts],
        explanation=explanation,
        # The stance of each account is the substance: a hedge turned assertion alters it.
        values=[f"{a.id}:{a.stance}" for a in accounts],
    )
