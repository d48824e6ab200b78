"""Findings that explain how accounts were counted: once, or as interested."""

from __future__ import annotations

from tracker.conflicts.findings import make_finding
from tracker.conflicts.independence import normalize_quote
from tracker.conflicts.prepared import Prepared
from tracker.conflicts.values import AccountInfo, Finding
from tracker.conflicts.wording import digest, join_names, plural, quoted
from tracker.vocabularies import Aspect, FindingKind, FindingSeverity


def explain_sourcing(prep: Prepared) -> list[Finding]:
    return [
        *_same_root(prep),
        *_same_speaker(prep),
        *_same_quote(prep),
        *_interested(prep),
    ]


def _by_root(prep: Prepared) -> dict[int, list[AccountInfo]]:
    groups: dict[int, list[AccountInfo]] = {}
    for account in prep.accounts:
        groups.setdefault(prep.affiliations.root(account.source_id), []).append(account)
    return groups


def _same_root(prep: Prepared) -> list[Finding]:
    """Speakers of one root on one aspect count once; other aspects are not swept in."""
    names = prep.affiliations.name
    groups: dict[tuple[str, int], list[AccountInfo]] = {}
    for account in prep.accounts:
        aspect = prep.claims[account.claim_id].aspect
        root = prep.affiliations.root(account.source_id)
        groups.setdefault((aspect, root), []).append(account)
    findings = []
    for (aspect, root), accounts in sorted(groups.items()):
        speakers = sorted({a.source_id for a in accounts})
        if len(speakers) < 2:
            continue
        others = [s for s in speakers if s != root]
        listed = join_names([names(s) for s in others])
        about = ASPECT_TOPICS.get(aspect, "this")
        if root in speakers:
            verb = plural(len(others), "speaks", "speak")
            explanation = f"{listed} {verb} for {names(root)}: on {about}, counted once with it."
        else:
            quantifier = "both" if len(others) == 2 else "all"
            explanation = (
                f"{listed} {quantifier} speak for {names(root)}: on {about}, counted once."
            )
        findings.append(
            make_finding(
                kind=FindingKind.COUNTED_ONCE,
                severity=FindingSeverity.INFO,
                key=f"counted_once:aspect={aspect}:root={root}",
                claim_ids=[a.claim_id for a in accounts],
                account_ids=[a.id for a in accounts],
                explanation=explanation,
                values=[str(s) for s in speakers],
            )
        )
    return findings


# What each aspect is about, to finish "on ...".
ASPECT_TOPICS = {
    Aspect.KILLED: "how many were killed",
    Aspect.INJURED: "how many were injured",
    Aspect.PERPETRATOR: "who was responsible",
    Aspect.CHARACTERIZATION: "how the event is described",
    Aspect.TERRITORIAL_CONTROL: "who controls the territory",
    Aspect.OTHER: "the other claims",
}


def _same_speaker(prep: Prepared) -> list[Finding]:
    """Several accounts of one claim by one speaker: relays, or one quote in several outlets."""
    groups: dict[tuple[int, int], list[AccountInfo]] = {}
    for account in prep.accounts:
        groups.setdefault((account.claim_id, account.source_id), []).append(account)
    findings = []
    for (claim_id, source_id), accounts in sorted(groups.items()):
        if len(accounts) < 2:
            continue
        documents = {a.document_id for a in accounts if a.document_id is not None}
        where = f" in {len(documents)} documents" if len(documents) > 1 else ""
        findings.append(
            make_finding(
                kind=FindingKind.COUNTED_ONCE,
                severity=FindingSeverity.INFO,
                key=f"counted_once:claim={claim_id}:source={source_id}",
                claim_ids=[claim_id],
                account_ids=[a.id for a in accounts],
                explanation=(
                    f"{prep.affiliations.speakers(accounts)} gives {len(accounts)} accounts of "
                    f"{prep.claim_label(claim_id)}{where}: counted once."
                ),
            )
        )
    return findings


def _same_quote(prep: Prepared) -> list[Finding]:
    """One quote attributed to sources under different roots is one statement copied."""
    groups: dict[str, list[AccountInfo]] = {}
    for account in prep.accounts:
        quote = normalize_quote(account.quote)
        if quote:
            groups.setdefault(quote, []).append(account)
    findings = []
    for quote, accounts in sorted(groups.items()):
        roots = {prep.affiliations.root(a.source_id) for a in accounts}
        if len(roots) < 2:
            continue
        findings.append(
            make_finding(
                kind=FindingKind.COUNTED_ONCE,
                severity=FindingSeverity.INFO,
                key=f"counted_once:quote={digest(quote)[:12]}",
                claim_ids=[a.claim_id for a in accounts],
                account_ids=[a.id for a in accounts],
                explanation=(
                    f"{prep.affiliations.speakers(accounts)} carry the same quote, "
                    f"{quoted(accounts[0].quote)}: one statement, counted once."
                ),
            )
        )
    return findings


def _interested(prep: Prepared) -> list[Finding]:
    names = prep.affiliations.name
    findings = []
    for root, accounts in sorted(_by_root(prep).items()):
        if root not in prep.affiliations.party_roots:
            continue
        speakers = sorted({a.source_id for a in accounts})
        others = [s for s in speakers if s != root]
        listed = join_names([names(s) for s in others])
        verb = plural(len(others), "speaks", "speak")
        if not others:
            explanation = f"{names(root)} is a party to this event: its accounts are interested."
        elif root in speakers:
            explanation = (
                f"{names(root)} is a party to this event and {listed} {verb} for it: "
                "their accounts are interested."
            )
        else:
            their = plural(len(others), "its", "their")
            explanation = (
                f"{listed} {verb} for {names(root)}, a party to this event: "
                f"{their} accounts are interested."
            )
        findings.append(
            make_finding(
                kind=FindingKind.INTERESTED,
                severity=FindingSeverity.INFO,
                key=f"interested:root={root}",
                claim_ids=[a.claim_id for a in accounts],
                account_ids=[a.id for a in accounts],
                explanation=explanation,
                values=[str(s) for s in speakers],
            )
        )
    return findings
