"""The tables the generator writes, their columns in row order, and the load order.

Rows are plain tuples in the order of ``COLUMNS[name]``. ``check_columns``
compares each list with the model's concrete fields, so a field added to a
model later fails the generator loudly instead of leaving a column unset.
"""

from __future__ import annotations

from django.db import models

from tracker.models import (
    Account,
    Capture,
    Claim,
    Document,
    Event,
    Finding,
    FindingOutlier,
    Flag,
    Source,
    SourceAlias,
    StatusChange,
    TrackRecordEntry,
)

# Written by something other than the generator: the trigger of migration 0009.
NOT_WRITTEN = {("tracker_claim", "search_vector")}

FIELDS: dict[type[models.Model], list[str]] = {
    Source: [
        "id", "name", "kind", "parent_id", "root_id", "reliability", "description",
        "created_at", "updated_at", "created_by_id", "name_key", "name_scope", "display_name",
    ],
    SourceAlias: ["id", "source_id", "name", "name_key", "name_scope"],
    Event: [
        "id", "name", "place", "date_start", "date_end", "date_text", "description",
        "created_at", "updated_at", "created_by_id", "name_key", "grade", "summary",
    ],
    Event.parties.through: ["id", "event_id", "source_id"],
    Document: [
        "id", "outlet_id", "title", "title_mismatch", "working_title", "url", "published_at",
        "retrieved_at",
        "text", "content_hash", "created_at", "created_by_id",
    ],
    Capture: [
        "id", "document_id", "supersedes_id", "origin", "sha256", "size", "content_type",
        "file_name", "url", "captured_at", "captured_by_id", "tool", "http_status",
        "http_headers", "html_extractor_version", "attribution_extractor_version",
        "text_sha256", "recorded_at",
    ],
    Account: [
        "id", "claim_id", "source_id", "document_id", "quote", "quote_start", "quote_end",
        "stance", "intermediary_id", "said_on", "created_at", "updated_at", "created_by_id",
    ],
    Claim: [
        "id", "text", "event_id", "aspect", "count_min", "count_max", "count_approximate",
        "count_min_exclusive", "count_max_exclusive", "unit", "status", "suggested_status",
        "suggestion_basis", "suggestion_reasons",
        "independent_sources", "archived_at", "archived_by_id", "created_at", "updated_at",
        "created_by_id", "oldest_open_flag_at", "accounts_changed_at", "sent_back_at",
    ],
    Claim.named_parties.through: ["id", "claim_id", "source_id"],
    Finding: [
        "id", "event_id", "kind", "key", "severity", "explanation", "signature", "details",
        "is_open", "acknowledged_by_id", "acknowledged_at", "acknowledgement_note",
        "reopened_from", "created_at",
    ],
    Finding.claims.through: ["id", "finding_id", "claim_id"],
    Finding.accounts.through: ["id", "finding_id", "account_id"],
    FindingOutlier: ["id", "finding_id", "account_id"],
    Flag: [
        "id", "claim_id", "kind", "reason", "note", "raised_by_id", "raised_at",
        "resolved_by_id", "resolved_at", "resolution_note",
    ],
    StatusChange: [
        "id", "claim_id", "changed_by_id", "changed_at", "from_status", "to_status", "rationale",
        "judged_claim",
    ],
}  # fmt: skip

SOURCE = Source._meta.db_table
ALIAS = SourceAlias._meta.db_table
EVENT = Event._meta.db_table
EVENT_PARTY = Event.parties.through._meta.db_table
DOCUMENT = Document._meta.db_table
CAPTURE = Capture._meta.db_table
ACCOUNT = Account._meta.db_table
CLAIM = Claim._meta.db_table
NAMED_PARTY = Claim.named_parties.through._meta.db_table
FINDING = Finding._meta.db_table
FINDING_CLAIM = Finding.claims.through._meta.db_table
FINDING_ACCOUNT = Finding.accounts.through._meta.db_table
FINDING_OUTLIER = FindingOutlier._meta.db_table
FLAG = Flag._meta.db_table
STATUS_CHANGE = StatusChange._meta.db_table
# Not loaded: rewritten from the rest once the batches are in (generate.py).
TRACK_RECORD = TrackRecordEntry._meta.db_table

MODELS: dict[str, type[models.Model]] = {model._meta.db_table: model for model in FIELDS}

# Referenced tables first, except that a claim's accounts go in before the claim
# itself: all foreign keys are deferred to the commit, and a claim inserted
# after its accounts computes its search vector once, complete (migration 0009).
LOAD_ORDER = [
    EVENT, EVENT_PARTY, DOCUMENT, CAPTURE, ACCOUNT, CLAIM, NAMED_PARTY,
    FINDING, FINDING_CLAIM, FINDING_ACCOUNT, FINDING_OUTLIER, FLAG, STATUS_CHANGE,
]  # fmt: skip


def columns(table: str) -> list[str]:
    model = MODELS[table]
    return [model._meta.get_field(name.removesuffix("_id")).column for name in FIELDS[model]]


def check_columns() -> None:
    """Refuse to run if a model has a column the generator would leave unset."""
    for model in FIELDS:
        table = model._meta.db_table
        expected = {
            field.column
            for field in model._meta.concrete_fields
            if (table, field.column) not in NOT_WRITTEN
        }
        written = set(columns(table))
        if written != expected:
            missing, extra = sorted(expected - written), sorted(written - expected)
            raise RuntimeError(
                f"The demo generator's columns for {table} are out of date: "
                f"missing {missing}, unknown {extra}. Update tracker/demo/tables.py."
            )
