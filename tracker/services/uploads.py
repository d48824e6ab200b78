"""A .txt or .html file uploaded as a document: kept untouched as its capture, then read.

The admin's add-document page and ``POST /api/documents/upload/`` call
``document_upload``. The file's bytes become the capture as they arrived
(content-addressed, like every capture), with the file's name, the content
type it was read as, who uploaded it and the extractors' versions; its text
(a page's article text, through ``html_to_text``) goes the way of a paste:
stored once, read for suggested accounts and the event they fit. Anything
wrong with the file is refused before a byte is stored
(``tracker.extraction.uploads`` says what and why).
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError

from tracker.extraction.uploads import UploadRefused, read_upload
from tracker.models import Source
from tracker.services._common import Actor, require_permission
from tracker.services.captures import CaptureResult, capture_store
from tracker.vocabularies import CaptureOrigin

UPLOAD_VIA = {"paste": "admin upload", "api": "API upload"}


def upload_limit() -> int:
    """The largest file taken: what a paste may be (the request body limit)."""
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def upload_too_large_message(size: int) -> str:
    return (
        f"The file is {size:,} bytes; a document upload takes at most {upload_limit():,} "
        "(as much as a paste). Nothing was stored."
    )


def declared_type_of(upload) -> str:
    """The Content-Type a Django upload was sent with, charset and all.

    Django's multipart parser keeps the charset apart, as bytes.
    """
    declared = upload.content_type or ""
    charset = upload.charset
    if isinstance(charset, bytes):
        charset = charset.decode("ascii", "replace")
    return f"{declared}; charset={charset}" if charset else declared


def document_upload(
    *,
    actor: Actor,
    name: str,
    content: bytes,
    via: str,
    declared_type: str = "",
    title: str = "",
    outlet: Source | None = None,
    url: str = "",
    published_at: datetime | None = None,
    retrieved_at: datetime | None = None,
) -> CaptureResult:
    """Store an uploaded .txt or .html file as a document's capture, and read its text.

    ``declared_type`` is the Content-Type the sender gave the file (its
    charset, if any, is how the bytes are decoded). A file whose text is
    already stored is filed under that document as another capture of it
    (``document_created`` False); the same file again adds nothing.
    """
    require_permission(actor, "tracker.add_document", action="add documents")
    if via not in UPLOAD_VIA:
        raise ValidationError(
            {"via": f"Unknown way in {via!r}; expected one of {list(UPLOAD_VIA)}."}
        )
    if not isinstance(content, bytes):
        raise ValidationError({"file": "Send the file's bytes."})
    if len(content) > upload_limit():
        raise ValidationError({"file": upload_too_large_message(len(content))})
    try:
        uploaded = read_upload(name, content, declared_type)
    except UploadRefused as error:
        raise ValidationError({"file": f"{error} Nothing was stored."}) from None
    return capture_store(
        actor=actor,
        content=content,
        content_type=uploaded.content_type,
        origin=CaptureOrigin.FILE,
        via=via,
        url=url,
        captured_at=retrieved_at,
        tool=UPLOAD_VIA[via],
        title=title or uploaded.title,
        text=uploaded.text,
        outlet=outlet,
        published_at=published_at,
        text_from_html=uploaded.media_type == "text/html",
        file_name=uploaded.name,
    )
