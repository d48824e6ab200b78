"""The evidence an editor reads beside a verdict: accounts with their quotes in
context, open flags, findings, and the suggested status with its reasons."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from django.urls import reverse
from django.utils.safestring import SafeString

from tracker import selectors
from tracker.admin.conflict_display import (
    interested_badge,
    kind_label,
    severity_badge,
    stance_badge,
)
from tracker.admin.document_page import text_page_starts
from tracker.models import Account, Claim, Document
from tracker.selectors.evidence import root_of

# Characters of the document shown either side of a quote.
CONTEXT_CHARS = 160


@dataclass
class AccountEvidence:
    account: Account
    root_name: str
    # Whether the source speaks for itself, or for a body above it.
    speaks_for_itself: bool
    interested: SafeString
    stance: SafeString
    before: str
    after: str
    quote_url: str


def _cut_before(text: str) -> str:
    """The end of ``text``, from a word's start, with an ellipsis if it was cut."""
    if len(text) < CONTEXT_CHARS:
        return text
    tail = text[-CONTEXT_CHARS:]
    space = tail.find(" ")
    return "…" + (tail[space + 1 :] if 0 <= space < 40 else tail)


def _cut_after(text: str) -> str:
    if len(text) < CONTEXT_CHARS:
        return text
    head = text[:CONTEXT_CHARS]
    space = head.rfind(" ")
    return (head[:space] if space > CONTEXT_CHARS - 40 else head) + "…"


class QuoteLinks:
    """Links to a quote on its page of the highlighted document (pages computed once each)."""

    def __init__(self):
        self._starts: dict[int, list[int]] = {}

    def url(self, document: Document, account: Account) -> str:
        url = reverse("admin:tracker_document_change", args=[document.pk])
        if account.quote_start is None:
            return url
        starts = self._starts.setdefault(document.pk, text_page_starts(document.text))
        page = max(bisect_right(starts, account.quote_start), 1)
        return f"{url}?text_page={page}#quote-{account.pk}"


def account_evidence(accounts: list[Account], party_roots: frozenset[int]) -> list[AccountEvidence]:
    links = QuoteLinks()
    rows = []
    for account in accounts:
        document = account.document
        before = after = ""
        quote_url = ""
        if document is not None:
            quote_url = links.url(document, account)
            if account.quote_start is not None:
                text = document.text
                before = _cut_before(
                    text[max(account.quote_start - CONTEXT_CHARS - 40, 0) : account.quote_start]
                )
                after = _cut_after(text[account.quote_end : account.quote_end + CONTEXT_CHARS + 40])
        root = account.source.root or account.source
        rows.append(
            AccountEvidence(
                account=account,
                root_name=root.name,
                speaks_for_itself=root.pk == account.source.pk,
                interested=interested_badge(root_of(account.source) in party_roots),
                stance=stance_badge(account.stance),
                before=before,
                after=after,
                quote_url=quote_url,
            )
        )
    return rows


@dataclass
class Evidence:
    accounts: list[AccountEvidence]
    more_accounts: bool
    open_flags: list
    findings: list
    more_findings: bool


def claim_evidence(claim: Claim) -> Evidence:
    data = selectors.claim_evidence(claim_id=claim.pk, event_id=claim.event_id)
    for finding in data.findings:
        finding.badge = severity_badge(finding.severity)
        finding.kind_label = kind_label(finding.kind)
    return Evidence(
        accounts=account_evidence(data.accounts, data.party_roots),
        more_accounts=data.more_accounts,
        open_flags=data.open_flags,
        findings=data.findings,
        more_findings=data.more_findings,
    )
