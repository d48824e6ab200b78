"""What an editor reads before giving a claim a verdict, at a fixed number of queries.

One query each for the accounts (with their sources, relays and documents),
the event's party roots, the open flags and the findings, whatever the claim's
size: the accounts are capped, and the page says how many it left out.
"""

from dataclasses import dataclass

from tracker.models import Account, Finding, Flag, Source
from tracker.selectors.accounts import claim_accounts
from tracker.selectors.claims import claim_open_flags
from tracker.selectors.findings import claim_findings

# A claim reported hundreds of times is judged on its first accounts; the
# claim page pages through the rest.
EVIDENCE_ACCOUNTS = 50
# Findings past this many are read on the claim page.
EVIDENCE_FINDINGS = 50
EVIDENCE_FLAGS = 50


@dataclass(frozen=True)
class ClaimEvidence:
    # In the order they were added; at most EVIDENCE_ACCOUNTS.
    accounts: list[Account]
    more_accounts: bool
    # Roots of the event's parties: an account whose speaker shares one is interested.
    party_roots: frozenset[int]
    open_flags: list[Flag]
    findings: list[Finding]
    more_findings: bool


def root_of(source: Source) -> int:
    return source.root_id or source.pk


def event_party_roots(*, event_id: int | None) -> frozenset[int]:
    """The roots of an event's parties: an account whose speaker shares one is interested."""
    if event_id is None:
        return frozenset()
    parties = Source.objects.filter(events_as_party=event_id).values_list("pk", "root_id")
    return frozenset(root or pk for pk, root in parties)


def claim_evidence(*, claim_id: int, event_id: int | None) -> ClaimEvidence:
    accounts = list(claim_accounts(claim_id=claim_id)[: EVIDENCE_ACCOUNTS + 1])
    party_roots = event_party_roots(event_id=event_id)
    findings = list(claim_findings(claim_id=claim_id)[: EVIDENCE_FINDINGS + 1])
    return ClaimEvidence(
        accounts=accounts[:EVIDENCE_ACCOUNTS],
        more_accounts=len(accounts) > EVIDENCE_ACCOUNTS,
        party_roots=party_roots,
        open_flags=list(claim_open_flags(claim_id=claim_id)[:EVIDENCE_FLAGS]),
        findings=findings[:EVIDENCE_FINDINGS],
        more_findings=len(findings) > EVIDENCE_FINDINGS,
    )
