"""Everything an event's evidence bundle holds, read as plain data.

A fixed number of queries for the records, whatever the event's size; the
documents' texts are read one at a time by ``document_text_chunks`` while the
bundle streams, so a long document never waits in memory beside the others.
"""

from dataclasses import dataclass

from django.db.models import Q

from tracker.models import (
    Account,
    Capture,
    Claim,
    Comment,
    Document,
    Event,
    Finding,
    Flag,
    StatusChange,
)


def _user(user) -> str | None:
    return user.get_username() if user is not None else None


def _time(value) -> str | None:
    return value.isoformat() if value is not None else None


def document_path(document_id: int) -> str:
    return f"documents/{document_id}.txt"


def capture_path(sha256: str) -> str:
    # One file per content address: captures of the same bytes share it.
    return f"captures/{sha256}"


@dataclass(frozen=True)
class BundleData:
    event: dict
    claims: list[dict]
    accounts: list[dict]
    flags: list[dict]
    findings: list[dict]
    notes: list[dict]
    documents: list[dict]
    captures: list[dict]


def _claims(event: Event) -> list[dict]:
    claims = list(
        Claim.objects.filter(event=event).prefetch_related("named_parties").order_by("pk")
    )
    history: dict[int, list[dict]] = {}
    changes = (
        StatusChange.objects.filter(claim__event=event)
        .select_related("changed_by")
        .order_by("changed_at", "pk")
    )
    for change in changes:
        history.setdefault(change.claim_id, []).append(
            {
                "id": change.pk,
                "from_status": change.from_status,
                "to_status": change.to_status,
                "changed_by": _user(change.changed_by),
                "changed_at": _time(change.changed_at),
                "rationale": change.rationale,
                "claim_as_judged": change.judged_claim,
            }
        )
    return [
        {
            "id": claim.pk,
            "text": claim.text,
            "aspect": claim.aspect,
            "count_min": claim.count_min,
            "count_max": claim.count_max,
            "count_approximate": claim.count_approximate,
            "count_min_exclusive": claim.count_min_exclusive,
            "count_max_exclusive": claim.count_max_exclusive,
            "unit": claim.unit,
            "figure_in_words": claim.interval_display,
            "named_parties": [
                {"id": party.pk, "name": party.name} for party in claim.named_parties.all()
            ],
            "status": claim.status,
            "archived_at": _time(claim.archived_at),
            "status_history": history.get(claim.pk, []),
        }
        for claim in claims
    ]


def _accounts(event: Event) -> list[dict]:
    accounts = (
        Account.objects.filter(claim__event=event)
        .select_related("source", "intermediary")
        .order_by("pk")
    )
    return [
        {
            "id": account.pk,
            "claim": account.claim_id,
            "source": {"id": account.source_id, "name": account.source.name},
            "intermediary": (
                {"id": account.intermediary_id, "name": account.intermediary.name}
                if account.intermediary_id
                else None
            ),
            "stance": account.stance,
            "said_on": _time(account.said_on),
            "document": account.document_id,
            "document_file": document_path(account.document_id) if account.document_id else None,
            "quote": account.quote,
            "quote_start": account.quote_start,
            "quote_end": account.quote_end,
        }
        for account in accounts
    ]


def _flags(event: Event) -> list[dict]:
    flags = (
        Flag.objects.filter(claim__event=event)
        .select_related("raised_by", "resolved_by")
        .order_by("pk")
    )
    return [
        {
            "id": flag.pk,
            "claim": flag.claim_id,
            "kind": flag.kind,
            "reason": flag.reason,
            "note": flag.note,
            "raised_by": _user(flag.raised_by),
            "raised_at": _time(flag.raised_at),
            "resolved_by": _user(flag.resolved_by),
            "resolved_at": _time(flag.resolved_at),
            "resolution_note": flag.resolution_note,
        }
        for flag in flags
    ]


def _findings(event: Event) -> list[dict]:
    findings = (
        Finding.objects.filter(event=event)
        .select_related("acknowledged_by")
        .prefetch_related("claims", "accounts")
        .order_by("pk")
    )
    return [
        {
            "id": finding.pk,
            "kind": finding.kind,
            "key": finding.key,
            "severity": finding.severity,
            "explanation": finding.explanation,
            "claims": sorted(claim.pk for claim in finding.claims.all()),
            "accounts": sorted(account.pk for account in finding.accounts.all()),
            "details": finding.details,
            "is_open": finding.is_open,
            "acknowledged_by": _user(finding.acknowledged_by),
            "acknowledged_at": _time(finding.acknowledged_at),
            "acknowledgement_note": finding.acknowledgement_note,
            "reopened_from": finding.reopened_from,
            "created_at": _time(finding.created_at),
        }
        for finding in findings
    ]


def _notes(event: Event) -> list[dict]:
    comments = (
        Comment.objects.filter(Q(event=event) | Q(claim__event=event))
        .select_related("author", "redacted_by")
        .order_by("created_at", "pk")
    )
    return [
        {
            "id": comment.pk,
            "event": comment.event_id,
            "claim": comment.claim_id,
            "author": _user(comment.author),
            "created_at": _time(comment.created_at),
            "text": comment.text,
            "redacted_by": _user(comment.redacted_by),
            "redacted_at": _time(comment.redacted_at),
            "redaction_reason": comment.redaction_reason,
        }
        for comment in comments
    ]


def _documents_and_captures(event: Event) -> tuple[list[dict], list[dict]]:
    quoted = Account.objects.filter(claim__event=event, document__isnull=False)
    documents = (
        Document.objects.filter(pk__in=quoted.values("document_id"))
        .defer("text")
        .select_related("outlet")
        .order_by("pk")
    )
    captures = (
        Capture.objects.filter(document__in=documents.values("pk"))
        .select_related("captured_by", "purge", "purge__purged_by")
        .order_by("document_id", "captured_at", "pk")
    )
    by_document: dict[int, list[dict]] = {}
    capture_rows = []
    for capture in captures:
        # A capture without a purge raises an AttributeError here, which getattr absorbs.
        purge = getattr(capture, "purge", None)
        row = {
            "id": capture.pk,
            "document": capture.document_id,
            "supersedes": capture.supersedes_id,
            "origin": capture.origin,
            "reconstructed": capture.reconstructed,
            "sha256": capture.sha256,
            "size": capture.size,
            "content_type": capture.content_type,
            "file_name": capture.file_name,
            "url": capture.url,
            "captured_at": _time(capture.captured_at),
            "captured_by": _user(capture.captured_by),
            "tool": capture.tool,
            "http_status": capture.http_status,
            "http_headers": capture.http_headers,
            "html_extractor_version": capture.html_extractor_version,
            "attribution_extractor_version": capture.attribution_extractor_version,
            "text_sha256": capture.text_sha256,
            "recorded_at": _time(capture.recorded_at),
            "purge": (
                {
                    "purged_by": _user(purge.purged_by),
                    "purged_at": _time(purge.purged_at),
                    "reason": purge.reason,
                }
                if purge is not None
                else None
            ),
            # Filled in by the export: the file, or null when the bytes are gone.
            "file": None,
        }
        capture_rows.append(row)
        by_document.setdefault(capture.document_id, []).append(capture.pk)
    document_rows = [
        {
            "id": document.pk,
            "title": document.title,
            "working_title": document.working_title,
            "outlet": (
                {"id": document.outlet_id, "name": document.outlet.name}
                if document.outlet_id
                else None
            ),
            "url": document.url,
            "published_at": _time(document.published_at),
            "retrieved_at": _time(document.retrieved_at),
            "content_hash": document.content_hash,
            "text_file": document_path(document.pk),
            "captures": by_document.get(document.pk, []),
        }
        for document in documents
    ]
    return document_rows, capture_rows


def event_bundle_data(event: Event) -> BundleData:
    documents, captures = _documents_and_captures(event)
    parties = [{"id": party.pk, "name": party.name} for party in event.parties.order_by("pk")]
    return BundleData(
        event={
            "id": event.pk,
            "name": event.name,
            "place": event.place,
            "date_start": _time(event.date_start),
            "date_end": _time(event.date_end),
            "date_text": event.date_text,
            "description": event.description,
            "parties": parties,
            "summary": event.summary,
        },
        claims=_claims(event),
        accounts=_accounts(event),
        flags=_flags(event),
        findings=_findings(event),
        notes=_notes(event),
        documents=documents,
        captures=captures,
    )


def document_text(document_id: int) -> str:
    """One document's text, read when the bundle reaches it."""
    return Document.objects.values_list("text", flat=True).get(pk=document_id)
