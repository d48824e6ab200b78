"""Building findings with a stable key and signature."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from tracker.conflicts.values import Finding
from tracker.conflicts.wording import digest, ids
from tracker.vocabularies import FindingKind, FindingSeverity


def make_finding(
    *,
    kind: str,
    severity: str,
    key: str,
    claim_ids: Iterable[int],
    account_ids: Iterable[int],
    explanation: str,
    values: Iterable[str] = (),
    details: Mapping[str, Any] | None = None,
) -> Finding:
    """A finding whose signature covers its substance, not its wording.

    Renaming a source changes the explanation but not the signature, so it
    does not reopen an acknowledged conflict; a changed figure, stance,
    severity or set of accounts does.
    """
    claims = tuple(sorted(set(claim_ids)))
    accounts = tuple(sorted(set(account_ids)))
    signature = f"{kind}:" + digest(key, severity, ids(claims), ids(accounts), *sorted(values))
    return Finding(
        kind=kind,
        severity=severity,
        claim_ids=claims,
        account_ids=accounts,
        explanation=explanation,
        key=key,
        signature=signature,
        details=dict(details or {}),
    )


def finding_order(finding: Finding) -> tuple[int, int, tuple[int, ...], str]:
    return (
        FindingSeverity.values.index(finding.severity),
        FindingKind.values.index(finding.kind),
        finding.claim_ids,
        finding.key,
    )
