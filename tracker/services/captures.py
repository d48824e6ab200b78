"""Captures: keep the bytes a document came from, untouched, and their custody record.

``capture_store`` is the one way in for bytes: pasted text, an uploaded or
ingested file, a line of a .jsonl file, a web archive record. It writes the
bytes to the captures storage at their SHA-256, derives the text (HTML to
prose when it is a page), and then either

- adds the capture to the document that already holds exactly that text
  (several captures, one document), or
- stores a new document and its suggested accounts; when the URL was
  captured before with other text, the capture records the document it
  follows (``supersedes``): a new version of the page.

``capture_purge`` is a legal takedown: the bytes go, the hash, the metadata and
a record of who purged them, when and why stay.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from tracker import capture_storage
from tracker.extraction import (
    ATTRIBUTION_VERSION,
    HTML_TO_TEXT_VERSION,
    DecodingError,
    decode_bytes,
    html_to_text,
)
from tracker.models import Capture, CapturePurge, Document, Source
from tracker.services._boundary import service, write_transaction
from tracker.services._common import (
    Actor,
    check_choice,
    clean_text,
    history_user,
    require_permission,
)
from tracker.services.documents import (
    MAX_DOCUMENT_CHARS,
    _check_url,
    document_prepare,
    document_save,
)
from tracker.services.ingest import _check_via, _published, _read, _store
from tracker.text import content_hash, normalize_newlines
from tracker.vocabularies import CaptureOrigin

# Far beyond any report; a web archive's larger records are not articles.
MAX_CAPTURE_BYTES = 50 * 1024 * 1024
MAX_HEADERS = 200
PLAIN_TEXT = "text/plain; charset=utf-8"


@dataclass(frozen=True)
class CaptureResult:
    capture: Capture
    document: Document
    document_created: bool
    # False when this very capture (same bytes, origin, URL and, for an
    # archive record, time) was already recorded: importing twice adds nothing.
    capture_created: bool
    suggestions: int = 0
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class DerivedText:
    title: str
    text: str
    html_extractor_version: str


def is_html(content_type: str, content: bytes) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    if media:
        return media in ("text/html", "application/xhtml+xml")
    head = content[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip('"').lower()
    return ""


def derive_text(content: bytes, content_type: str) -> DerivedText:
    """The text a document keeps from captured bytes; a clear error when there is none."""
    charset = _charset(content_type)
    decoded = None
    if charset:
        try:
            decoded = content.decode(charset)
        except (LookupError, UnicodeDecodeError):
            decoded = None  # a wrong label is common; read the bytes as a file is read
    if decoded is None:
        try:
            decoded = decode_bytes(content).text
        except DecodingError as error:
            raise ValidationError({"content": str(error)}) from error
    if is_html(content_type, content):
        page = html_to_text(decoded)
        if not page.text.strip():
            raise ValidationError({"content": "The page has no readable text."})
        return DerivedText(page.title, page.text, HTML_TO_TEXT_VERSION)
    return DerivedText("", decoded, "")


def _clean_headers(headers: Sequence[Sequence[str]]) -> list[list[str]]:
    if isinstance(headers, str | bytes) or not isinstance(headers, Sequence | tuple):
        raise ValidationError({"http_headers": "Give the headers as [name, value] pairs."})
    if len(headers) > MAX_HEADERS:
        raise ValidationError({"http_headers": f"At most {MAX_HEADERS} headers."})
    cleaned = []
    for pair in headers:
        if (
            isinstance(pair, str | bytes)
            or len(pair) != 2
            or not all(isinstance(part, str) for part in pair)
        ):
            raise ValidationError({"http_headers": "Each header is a [name, value] pair of text."})
        name = clean_text("http_headers", pair[0], required=True, max_length=200)
        value = clean_text("http_headers", pair[1], required=False, max_length=8000)
        cleaned.append([name, value])
    return cleaned


@dataclass(frozen=True)
class _Checked:
    content: bytes
    content_type: str
    origin: str
    url: str
    captured_at: datetime
    tool: str
    http_status: int | None
    http_headers: list[list[str]]
    file_name: str = ""


def _check(
    *,
    content,
    content_type,
    origin,
    url,
    captured_at,
    tool,
    http_status,
    http_headers,
    file_name="",
) -> _Checked:
    if not isinstance(content, bytes | bytearray | memoryview):
        raise ValidationError({"content": "Captured content must be bytes."})
    content = bytes(content)
    if not content.strip():
        raise ValidationError({"content": "Nothing was captured: the content is empty."})
    if len(content) > MAX_CAPTURE_BYTES:
        raise ValidationError(
            {"content": f"{len(content):,} bytes; a capture holds at most {MAX_CAPTURE_BYTES:,}."}
        )
    check_choice("origin", origin, CaptureOrigin)
    if origin == CaptureOrigin.RECONSTRUCTED:
        raise ValidationError({"origin": "Only the migration reconstructs captures."})
    if captured_at is None:
        captured_at = timezone.now()
    elif not isinstance(captured_at, datetime) or timezone.is_naive(captured_at):
        raise ValidationError({"captured_at": "Give a date-time with its time zone."})
    if http_status is not None and (
        isinstance(http_status, bool)
        or not isinstance(http_status, int)
        or not 100 <= http_status <= 599
    ):
        raise ValidationError({"http_status": "An HTTP status is a number from 100 to 599."})
    return _Checked(
        content=content,
        content_type=clean_text("content_type", content_type, required=False, max_length=200),
        origin=origin,
        url=_check_url(url),
        captured_at=captured_at,
        tool=clean_text("tool", tool, required=False, max_length=200),
        http_status=http_status,
        http_headers=_clean_headers(http_headers),
        file_name=clean_text("file_name", file_name, required=False, max_length=255).strip(),
    )


def _refuse_purged(sha256: str) -> None:
    purge = CapturePurge.objects.filter(capture__sha256=sha256).order_by("purged_at").first()
    if purge is not None:
        raise ValidationError(
            {
                "content": f"These bytes were purged on {purge.purged_at:%Y-%m-%d} "
                f"({purge.reason}); they are not stored again."
            }
        )


def _follows(url: str, captured_at: datetime) -> Document | None:
    """The document of this URL's latest capture up to ``captured_at``, if any."""
    if not url:
        return None
    earlier = (
        Capture.objects.filter(url=url, captured_at__lte=captured_at)
        .order_by("-captured_at", "-id")
        .select_related("document")
        .first()
    )
    return earlier.document if earlier is not None else None


def _same_capture(document: Document, checked: _Checked, sha256: str) -> Capture | None:
    """This capture, if already recorded: the same bytes, from the same place, the same way.

    An archive record is also the same moment; a file or pasted text read
    again is not a new capture of anything.
    """
    same = Capture.objects.filter(
        document=document, sha256=sha256, origin=checked.origin, url=checked.url
    )
    if checked.origin == CaptureOrigin.WEB_ARCHIVE:
        same = same.filter(captured_at=checked.captured_at)
    return same.order_by("id").first()


def _new_capture(
    *,
    actor: Actor,
    document: Document,
    checked: _Checked,
    sha256: str,
    html_version: str,
    supersedes: Document | None,
) -> Capture:
    return Capture.objects.create(
        document=document,
        supersedes=supersedes if supersedes != document else None,
        origin=checked.origin,
        sha256=sha256,
        size=len(checked.content),
        content_type=checked.content_type,
        file_name=checked.file_name,
        url=checked.url,
        captured_at=checked.captured_at,
        captured_by=history_user(actor),
        tool=checked.tool,
        http_status=checked.http_status,
        http_headers=checked.http_headers,
        html_extractor_version=html_version,
        attribution_extractor_version=ATTRIBUTION_VERSION,
        text_sha256=document.content_hash,
    )


def capture_store(
    *,
    actor: Actor,
    content: bytes,
    content_type: str,
    origin: str,
    via: str,
    url: str = "",
    captured_at: datetime | None = None,
    tool: str = "",
    http_status: int | None = None,
    http_headers: Sequence[Sequence[str]] = (),
    title: str = "",
    text: str | None = None,
    outlet: Source | None = None,
    published_at: datetime | None = None,
    text_from_html: bool = False,
    file_name: str = "",
) -> CaptureResult:
    """Keep captured bytes untouched and file them under the document of their text.

    ``content`` is stored as given. The text is ``text`` when the caller derived
    it already (pasted text, a .jsonl line's field), else derived from
    ``content`` here (HTML pages to their prose). ``captured_by`` is ``actor``;
    ``tool`` names a program when one captured it (an archiver, the ingest
    command). ``http_headers`` are ``[name, value]`` pairs in the order received.
    ``text_from_html`` says a given ``text`` was derived from HTML by
    ``html_to_text`` (a .jsonl line's ``html``), so its version is recorded.
    ``file_name`` is an uploaded file's name, kept with its capture.

    Like ``document_ingest`` (and unlike a ``@service``), the reading happens
    before the write transaction: hashing and extracting a long page takes
    seconds that no other writer should wait for. Each call is all or
    nothing; bytes written before a write that then fails are left at their
    address, where the same bytes would go again.
    """
    require_permission(actor, "tracker.add_document", action="add documents")
    _check_via(via)
    if text is not None:
        # The caller's text is the document: its faults are named as the text's.
        clean_text("text", text, required=True, max_length=MAX_DOCUMENT_CHARS)
    checked = _check(
        content=content,
        content_type=content_type,
        origin=origin,
        url=url,
        captured_at=captured_at,
        tool=tool,
        http_status=http_status,
        http_headers=http_headers,
        file_name=file_name,
    )
    if text is None:
        derived = derive_text(checked.content, checked.content_type)
        title = title or derived.title
    else:
        derived = DerivedText(title, text, HTML_TO_TEXT_VERSION if text_from_html else "")
    sha256 = capture_storage.sha256_of(checked.content)
    _refuse_purged(sha256)
    normalized = normalize_newlines(derived.text) if isinstance(derived.text, str) else derived.text
    existing = (
        Document.objects.filter(content_hash=content_hash(normalized)).first()
        if isinstance(normalized, str)
        else None
    )
    if existing is not None:
        return _add_to(actor, existing, checked, sha256, derived.html_extractor_version)
    document = document_prepare(
        actor=actor,
        title=(title or "")[:500],
        text=derived.text,
        outlet=outlet,
        url=checked.url,
        published_at=published_at,
        retrieved_at=checked.captured_at,
    )
    reading = _read(document.text, document.title, _published(document))
    capture_storage.write_once(checked.content)
    with write_transaction():
        document_save(document=document)
        extraction = _store(actor, document, via, reading)
        capture = _new_capture(
            actor=actor,
            document=document,
            checked=checked,
            sha256=sha256,
            html_version=derived.html_extractor_version,
            supersedes=_follows(checked.url, checked.captured_at),
        )
    return CaptureResult(
        capture=capture,
        document=document,
        document_created=True,
        capture_created=True,
        suggestions=extraction.suggestion_count,
        warnings=tuple(extraction.warnings),
    )


def _add_to(
    actor: Actor, document: Document, checked: _Checked, sha256: str, html_version: str
) -> CaptureResult:
    """Another capture of text already stored: filed under its document."""
    same = _same_capture(document, checked, sha256)
    if same is not None:
        require_permission(actor, "tracker.view_document", action="read documents")
        return CaptureResult(
            capture=same, document=document, document_created=False, capture_created=False
        )
    capture_storage.write_once(checked.content)
    with write_transaction():
        capture = _new_capture(
            actor=actor,
            document=document,
            checked=checked,
            sha256=sha256,
            html_version=html_version,
            supersedes=_follows(checked.url, checked.captured_at),
        )
    return CaptureResult(
        capture=capture, document=document, document_created=False, capture_created=True
    )


def capture_record_for_new_document(
    *, actor: Actor, document: Document, content: bytes, content_type: str, origin: str, tool: str
) -> Capture:
    """The capture of a document stored without extraction (``document_create``).

    Inside the caller's transaction; the document was just saved.
    """
    checked = _check(
        content=content,
        content_type=content_type,
        origin=origin,
        url=document.url,
        captured_at=document.retrieved_at,
        tool=tool,
        http_status=None,
        http_headers=(),
    )
    sha256 = capture_storage.sha256_of(checked.content)
    _refuse_purged(sha256)
    capture_storage.write_once(checked.content)
    return Capture.objects.create(
        document=document,
        supersedes=None,
        origin=checked.origin,
        sha256=sha256,
        size=len(checked.content),
        content_type=checked.content_type,
        url=checked.url,
        captured_at=checked.captured_at,
        captured_by=history_user(actor),
        tool=checked.tool,
        text_sha256=document.content_hash,
    )


@service
def capture_purge(*, actor: Actor, capture: Capture, reason: str) -> list[CapturePurge]:
    """Delete a capture's bytes for a legal takedown, keeping its record and why.

    The bytes live at their hash, so every capture of the same bytes loses
    them too; each gets its own purge record with the same reason. The file
    is deleted once the records are committed, so a takedown is never
    without its record.
    """
    require_permission(actor, "tracker.purge_capture", action="purge captures")
    reason = clean_text("reason", reason, required=True, max_length=5000).strip()
    if CapturePurge.objects.filter(capture=capture).exists():
        raise ValidationError({"capture": "This capture's bytes were purged already."})
    sharing = Capture.objects.filter(sha256=capture.sha256, purge__isnull=True).order_by("pk")
    purges = [
        CapturePurge.objects.create(capture=other, purged_by=history_user(actor), reason=reason)
        for other in sharing
    ]
    sha256 = capture.sha256
    transaction.on_commit(lambda: capture_storage.delete(sha256))
    return purges
