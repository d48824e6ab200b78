"""Import a web archive: each HTML page in it becomes a capture, and a document.

One record is one unit of work: ``capture_store`` keeps its bytes and writes
its document, capture and suggestions in a transaction of their own, so a
record that fails (unreadable, or refused by the capture's checks) leaves
nothing behind and the records around it are kept. This is why
``archive_ingest`` is not a ``@service``: that would put the whole archive in
one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DataError, IntegrityError

from tracker.models import Source
from tracker.services._common import Actor, require_permission
from tracker.services.captures import capture_store
from tracker.vocabularies import CaptureOrigin
from tracker.web_archives import (
    ArchivedPage,
    ArchiveProblem,
    ArchiveTally,
    archive_kind,
    read_archive,
    read_archive_file,
)

ARCHIVE_VIA = ("api", "command", "paste")


@dataclass
class ArchiveIngestResult:
    name: str
    pages: int = 0  # HTML responses read whole
    documents_created: int = 0
    captures_added: int = 0  # new captures of text already stored
    already_recorded: int = 0  # this very capture was imported before
    suggestions: int = 0
    problems: list[ArchiveProblem] = field(default_factory=list)
    tally: ArchiveTally = field(default_factory=ArchiveTally)

    def summary(self) -> str:
        return (
            f"{self.name}: {self.pages} page(s) of {self.tally.records} record(s); "
            f"{self.documents_created} new document(s) with {self.suggestions} suggested "
            f"account(s), {self.captures_added} new capture(s) of stored text, "
            f"{self.already_recorded} already imported; {len(self.problems)} refused."
        )


def archive_upload_limit() -> int:
    """The largest archive the admin and the API take; beyond it, the ingest command."""
    return settings.ARCHIVE_UPLOAD_MAX_BYTES


def archive_too_large_message(size: int) -> str:
    limit = archive_upload_limit()
    return (
        f"The archive is {size:,} bytes; uploads take at most {limit:,}. Nothing was "
        "stored. Import larger archives on the server with "
        "`python manage.py ingest FILE.warc.gz` (WARC, WARC.gz or WACZ, any size)."
    )


def _messages(error: Exception) -> str:
    if isinstance(error, ValidationError) and hasattr(error, "message_dict"):
        return "; ".join(f"{name}: {' '.join(msgs)}" for name, msgs in error.message_dict.items())
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    return str(error)


def _store_page(
    actor: Actor, page: ArchivedPage, via: str, tool: str, outlet: Source | None
) -> tuple[str, int]:
    result = capture_store(
        actor=actor,
        content=page.payload,
        content_type=page.header("Content-Type") or "text/html",
        origin=CaptureOrigin.WEB_ARCHIVE,
        via=via,
        url=page.url,
        captured_at=page.captured_at,
        tool=tool,
        http_status=page.status,
        http_headers=[[name, value] for name, value in page.headers],
        outlet=outlet,
    )
    if result.document_created:
        return "created", result.suggestions
    return ("added" if result.capture_created else "already"), 0


def archive_ingest(
    *,
    actor: Actor,
    name: str,
    via: str,
    path: Path | None = None,
    handle: BinaryIO | None = None,
    outlet: Source | None = None,
    tool: str = "",
    progress: Callable[[int], None] | None = None,
) -> ArchiveIngestResult:
    """Import the archive at ``path``, or the open seekable ``handle`` named ``name``.

    Returns what was stored and every record refused, with its reason. The
    permission is checked before a byte is read; a file that is no archive at
    all is one refusal, not an exception.
    """
    require_permission(actor, "tracker.add_document", action="add documents")
    if via not in ARCHIVE_VIA:
        raise ValidationError({"via": f"Unknown way in {via!r}; expected one of {ARCHIVE_VIA}."})
    if archive_kind(name) is None:
        raise ValidationError(
            {"archive": f"{name} is not a web archive; send a .warc, .warc.gz or .wacz file."}
        )
    result = ArchiveIngestResult(name=name)
    if path is not None:
        records = read_archive(path, tally=result.tally, progress=progress)
    elif handle is not None:
        records = read_archive_file(handle, name=name, tally=result.tally)
    else:
        raise ValidationError({"archive": "Give the archive's path or an open file."})
    for item in records:
        if isinstance(item, ArchiveProblem):
            result.problems.append(item)
            continue
        result.pages += 1
        try:
            outcome, suggestions = _store_page(actor, item, via, tool, outlet)
        except (ValidationError, PermissionDenied) as error:
            result.problems.append(ArchiveProblem(f"{item.origin} ({item.url})", _messages(error)))
            continue
        except (DataError, IntegrityError) as error:
            # The record's transaction was rolled back whole; the next one goes on.
            reason = f"the database refused it ({str(error).strip().splitlines()[0][:200]})"
            result.problems.append(ArchiveProblem(f"{item.origin} ({item.url})", reason))
            continue
        result.suggestions += suggestions
        if outcome == "created":
            result.documents_created += 1
        elif outcome == "added":
            result.captures_added += 1
        else:
            result.already_recorded += 1
    return result
