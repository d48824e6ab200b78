"""Every write in tracker goes through these functions.

The admin, the API, management commands and tests call them alike. Each one
checks the actor's permission, validates its input with a message naming the
field, and writes in one transaction.
"""

from tracker.services.accounts import account_add, account_remove, account_update
from tracker.services.api_tokens import (
    api_token_create,
    api_token_revoke,
    api_tokens_revoke_for_user,
)
from tracker.services.archives import ArchiveIngestResult, archive_ingest
from tracker.services.bundles import ExportedBundle, event_bundle_export
from tracker.services.captures import CaptureResult, capture_purge, capture_store
from tracker.services.claims import (
    claim_archive,
    claim_create,
    claim_restore,
    claim_set_status,
    claim_update,
)
from tracker.services.desk import assignment_set, comment_add, comment_redact
from tracker.services.documents import document_create, document_find_by_text, document_update
from tracker.services.entities import (
    entity_alias_add,
    entity_alias_remove,
    entity_create,
    entity_update,
)
from tracker.services.event_filing import document_file_under_event, event_create_for_document
from tracker.services.event_grades import event_set_grade
from tracker.services.events import event_create, event_update
from tracker.services.findings import (
    finding_acknowledge,
    findings_refresh_for_claim,
    findings_refresh_for_event,
)
from tracker.services.flags import flag_raise, flag_resolve
from tracker.services.ingest import IngestResult, document_extract, document_ingest
from tracker.services.sources import (
    source_alias_add,
    source_alias_remove,
    source_create,
    source_update,
)
from tracker.services.suggestions import (
    suggestion_accept,
    suggestion_reject,
    suggestion_update,
)
from tracker.services.track_record import track_record_rebuild, track_record_sync
from tracker.services.uploads import document_upload

__all__ = [
    "ArchiveIngestResult",
    "CaptureResult",
    "ExportedBundle",
    "IngestResult",
    "account_add",
    "account_remove",
    "account_update",
    "api_token_create",
    "api_token_revoke",
    "api_tokens_revoke_for_user",
    "archive_ingest",
    "assignment_set",
    "capture_purge",
    "capture_store",
    "claim_archive",
    "claim_create",
    "claim_restore",
    "claim_set_status",
    "claim_update",
    "comment_add",
    "comment_redact",
    "document_create",
    "document_extract",
    "document_file_under_event",
    "document_find_by_text",
    "document_ingest",
    "document_update",
    "document_upload",
    "entity_alias_add",
    "entity_alias_remove",
    "entity_create",
    "entity_update",
    "event_bundle_export",
    "event_create",
    "event_create_for_document",
    "event_set_grade",
    "event_update",
    "finding_acknowledge",
    "findings_refresh_for_claim",
    "findings_refresh_for_event",
    "flag_raise",
    "flag_resolve",
    "source_alias_add",
    "source_alias_remove",
    "source_create",
    "source_update",
    "suggestion_accept",
    "suggestion_reject",
    "suggestion_update",
    "track_record_rebuild",
    "track_record_sync",
]
