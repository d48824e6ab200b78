"""Reads, with their joins, prefetches and counts decided once.

One module per entity (claims, events, findings, documents, sources,
suggestions, names, accounts, flags, status changes), each offering the list,
detail and comparison reads that every caller (the admin, the API, the
commands) uses, so a list costs the same number of queries for one row as for
a hundred. Reads of their own sit beside them: the inbox, the desk's
timelines, the evidence for a verdict, search, and the comparison's inputs.
The admin reads through the names gathered here; everything else imports
from the entity's module.
"""

from tracker.selectors.accounts import account_list_queryset, claim_accounts
from tracker.selectors.claims import (
    claim_list_queryset,
    claim_open_flags,
    claim_search,
    claim_status_history,
    claims_for_status_change,
    claims_with_account_by,
    claims_with_open_conflicts,
    claims_with_open_flags,
    review_queue_queryset,
)
from tracker.selectors.documents import (
    document_accounts,
    document_detail_queryset,
    document_list_queryset,
    document_page_queryset,
    document_quotes_between,
    document_suggestion_counts,
    document_suggestions,
)
from tracker.selectors.events import (
    EventComparisonData,
    event_claims,
    event_comparison,
    event_detail_queryset,
    event_list_queryset,
    event_with_parties,
)
from tracker.selectors.evidence import ClaimEvidence, claim_evidence, event_party_roots
from tracker.selectors.findings import (
    claim_findings,
    finding_list_queryset,
    severity_rank,
)
from tracker.selectors.flags import flag_list_queryset
from tracker.selectors.sources import source_list_queryset
from tracker.selectors.status_changes import status_change_list_queryset

__all__ = [
    "ClaimEvidence",
    "EventComparisonData",
    "account_list_queryset",
    "claim_accounts",
    "claim_evidence",
    "claim_findings",
    "claim_list_queryset",
    "claim_open_flags",
    "claim_search",
    "claim_status_history",
    "claims_for_status_change",
    "claims_with_account_by",
    "claims_with_open_conflicts",
    "claims_with_open_flags",
    "document_accounts",
    "document_detail_queryset",
    "document_list_queryset",
    "document_page_queryset",
    "document_quotes_between",
    "document_suggestion_counts",
    "document_suggestions",
    "event_claims",
    "event_comparison",
    "event_detail_queryset",
    "event_list_queryset",
    "event_party_roots",
    "event_with_parties",
    "finding_list_queryset",
    "flag_list_queryset",
    "review_queue_queryset",
    "severity_rank",
    "source_list_queryset",
    "status_change_list_queryset",
]
