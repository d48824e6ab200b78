"""Reads of claims: lists and their filters, one claim, and the exports.

Every caller (the admin, the API, the commands) reads claims through these.
"""

from tracker.selectors.claims.detail import (
    claim_detail_queryset,
    claim_open_flags,
    claim_status_history,
    claims_for_status_change,
)
from tracker.selectors.claims.exports import claim_export_queryset, claimreview_queryset
from tracker.selectors.claims.filters import (
    claim_search,
    claims_with_account_by,
    claims_with_open_conflicts,
    claims_with_open_flags,
)
from tracker.selectors.claims.lists import (
    claim_list_page_queryset,
    claim_list_queryset,
    claim_list_with_conflict_queryset,
    review_queue_queryset,
)

__all__ = [
    "claim_detail_queryset",
    "claim_export_queryset",
    "claim_list_page_queryset",
    "claim_list_queryset",
    "claim_list_with_conflict_queryset",
    "claim_open_flags",
    "claim_search",
    "claim_status_history",
    "claimreview_queryset",
    "claims_for_status_change",
    "claims_with_account_by",
    "claims_with_open_conflicts",
    "claims_with_open_flags",
    "review_queue_queryset",
]
