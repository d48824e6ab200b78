"""An event's evidence bundle: exported as a streamed ZIP, each export recorded.

The bundle holds the event's claims with their status history and
rationales, every account with its quote and offsets, flags, findings,
notes (comments), the quoted documents' texts and their captures as stored,
and ``manifest.json``: every file's SHA-256 and size, and how they relate.
The export is recorded (who, when, the manifest's SHA-256) before the first
byte streams, so ``manage.py verify_bundle`` can tell the bundle exported
from one whose manifest was rewritten with its files.
"""

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils import timezone

from tracker import capture_storage
from tracker.bundle_format import (
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    Entry,
    entry_of_bytes,
    json_bytes,
    stream_zip,
)
from tracker.models import BundleExport, Event
from tracker.selectors.event_bundle import capture_path, document_text, event_bundle_data
from tracker.services._boundary import write_transaction
from tracker.services._common import Actor, history_user, require_permission

RELATIONS = {
    "event.json": "The event: name, place, dates, parties, and the comparison's summary.",
    "claims.json": "Each claim about the event, with `status_history`: every verdict, who "
    "gave it, when, its rationale and the claim as judged.",
    "accounts.json": "Each account: `claim` (claims.json id), `source`, `stance`, and "
    "`quote`, which is `document_file`'s text from `quote_start` to `quote_end` "
    "(characters, counted from 0).",
    "flags.json": "Flags raised on the claims (`claim`), and how they were resolved.",
    "findings.json": "What comparing the accounts found; `claims` and `accounts` are ids in "
    "claims.json and accounts.json.",
    "notes.json": "Comments on the event and its claims (`claim`); a redacted one keeps who, "
    "when and why, not its text.",
    "documents.json": "Each quoted document: its text is `text_file` (UTF-8; its SHA-256 is "
    "`content_hash`) and `captures` are ids in captures.json.",
    "captures.json": "What each document was read from: `file` holds the bytes exactly as "
    "captured (named by their SHA-256, shared by captures of the same bytes), null when the "
    "bytes were purged (`purge` says by whom, when and why) or are missing; `text_sha256` "
    "is the SHA-256 of the text derived from them.",
}


@dataclass(frozen=True)
class ExportedBundle:
    record: BundleExport
    filename: str
    entries: tuple[Entry, ...]

    def chunks(self) -> Iterator[bytes]:
        return stream_zip(self.entries)


def _text_entry(document_id: int, path: str) -> Entry:
    content = document_text(document_id).encode("utf-8")
    # The text is read again when the ZIP reaches it, not kept: a document may
    # be megabytes, an event may quote hundreds. It cannot change meanwhile
    # (a trigger keeps documents' texts fixed).
    return Entry(
        path=path,
        sha256=capture_storage.sha256_of(content),
        size=len(content),
        kind="document_text",
        chunks=lambda: (document_text(document_id).encode("utf-8"),),
        refers_to={"document": document_id},
    )


def _capture_entries(captures: list[dict]) -> list[Entry]:
    entries: dict[str, Entry] = {}
    for row in captures:
        sha256 = row["sha256"]
        if row["purge"] is not None:
            continue
        if sha256 not in entries:
            if not capture_storage.exists(sha256):
                row["missing_at_export"] = True
                continue
            entries[sha256] = Entry(
                path=capture_path(sha256),
                sha256=sha256,
                size=row["size"],
                kind="capture",
                chunks=lambda sha256=sha256: capture_storage.read_chunks(sha256),
                refers_to={"captures": []},
            )
        entries[sha256].refers_to["captures"].append(row["id"])
        row["file"] = capture_path(sha256)
    return list(entries.values())


def event_bundle_export(*, actor: Actor, event: Event) -> ExportedBundle:
    """Plan an event's bundle, record its export, and hand back the stream to send.

    Reading happens before the write transaction (as for ingest): the
    texts are hashed one by one, and only the record is written.
    """
    require_permission(actor, "tracker.export_bundle", action="export evidence bundles")
    data = event_bundle_data(event)
    captures = _capture_entries(data.captures)
    texts = [_text_entry(row["id"], row["text_file"]) for row in data.documents]
    records = [
        entry_of_bytes(name, json_bytes(value), name.removesuffix(".json"))
        for name, value in (
            ("event.json", data.event),
            ("claims.json", data.claims),
            ("accounts.json", data.accounts),
            ("flags.json", data.flags),
            ("findings.json", data.findings),
            ("notes.json", data.notes),
            ("documents.json", data.documents),
            ("captures.json", data.captures),
        )
    ]
    files = [*records, *texts, *captures]
    bundle_id = uuid.uuid4()
    exported_at = timezone.now()
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "bundle_id": str(bundle_id),
        "event": {"id": event.pk, "name": event.name},
        "exported_at": exported_at.isoformat(),
        "exported_by": actor.get_username() if history_user(actor) else None,
        "files": [entry.manifest_row() for entry in files],
        "relations": RELATIONS,
    }
    manifest_entry = entry_of_bytes(MANIFEST, json_bytes(manifest), "manifest")
    with write_transaction():
        record = BundleExport.objects.create(
            event=event,
            bundle_id=bundle_id,
            exported_by=history_user(actor),
            exported_at=exported_at,
            manifest_sha256=manifest_entry.sha256,
            file_count=len(files),
            total_bytes=sum(entry.size for entry in files),
        )
    filename = f"event-{event.pk}-evidence-{exported_at:%Y%m%dT%H%M%SZ}.zip"
    return ExportedBundle(record=record, filename=filename, entries=(*files, manifest_entry))
