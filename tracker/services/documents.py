from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction

from tracker.models import Document, Source
from tracker.services._common import (
    Actor,
    clean_text,
    history_user,
    require_permission,
    unknown_fields,
)
from tracker.services.track_record import track_record_refresh_for_claims
from tracker.text import content_hash, first_sentence, normalize_newlines, title_matches_body
from tracker.vocabularies import CaptureOrigin

MAX_DOCUMENT_CHARS = 10 * 1024 * 1024


def _check_url(url: str) -> str:
    url = clean_text("url", url, required=False, max_length=2000).strip()
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError as error:
            raise ValidationError({"url": "Enter a valid http(s) URL."}) from error
    return url


def document_find_by_text(*, text: str) -> Document | None:
    """The stored document with exactly this content, if any."""
    return Document.objects.filter(content_hash=content_hash(normalize_newlines(text))).first()


def document_prepare(
    *,
    actor: Actor,
    title: str,
    text: str,
    outlet: Source | None = None,
    url: str = "",
    published_at: datetime | None = None,
    retrieved_at: datetime | None = None,
) -> Document:
    """Check a new document and work out what is derived from its text, writing nothing.

    Reading a long text (its hash, whether the title matches it) takes
    seconds; ``document_ingest`` does it here, before its write transaction.
    """
    require_permission(actor, "tracker.add_document", action="add documents")
    title = clean_text("title", title, required=False, max_length=500).strip()
    text = normalize_newlines(
        clean_text("text", text, required=True, max_length=MAX_DOCUMENT_CHARS)
    )
    mismatch = not title_matches_body(title, text)
    document = Document(
        title=title,
        # A title that does not fit the body gives way to the body's first sentence.
        working_title=first_sentence(text, title=title) if mismatch else "",
        text=text,
        outlet=outlet,
        url=_check_url(url),
        published_at=published_at,
        retrieved_at=retrieved_at,
        content_hash=content_hash(text),
        title_mismatch=mismatch,
        created_by=history_user(actor),
    )
    document._history_user = history_user(actor)
    return document


def document_save(*, document: Document) -> Document:
    """Store a prepared document, unless its text is already stored. Inside a transaction."""
    existing = Document.objects.filter(content_hash=document.content_hash).first()
    if existing is not None:
        raise ValidationError(
            {"text": f"This text is already stored as document #{existing.pk} ({existing})."}
        )
    document.save()
    return document


@transaction.atomic
def document_create(
    *,
    actor: Actor,
    title: str,
    text: str,
    outlet: Source | None = None,
    url: str = "",
    published_at: datetime | None = None,
    retrieved_at: datetime | None = None,
    origin: str = CaptureOrigin.PASTED,
    tool: str = "",
) -> Document:
    """Store a document without running the extractor (seeds, tests), with its capture."""
    document = document_prepare(
        actor=actor,
        title=title,
        text=text,
        outlet=outlet,
        url=url,
        published_at=published_at,
        retrieved_at=retrieved_at,
    )
    document_save(document=document)
    # Imported here: the captures service builds on this module.
    from tracker.services.captures import capture_record_for_new_document

    capture_record_for_new_document(
        actor=actor,
        document=document,
        content=text.encode("utf-8"),
        content_type="text/plain; charset=utf-8",
        origin=origin,
        tool=tool,
    )
    return document


DOCUMENT_EDITABLE = ("title", "working_title", "outlet", "url", "published_at", "retrieved_at")


@transaction.atomic
def document_update(*, actor: Actor, document: Document, **changes) -> Document:
    """Edit a document's metadata. Its text is fixed: accounts quote it by offset."""
    require_permission(actor, "tracker.change_document", action="edit documents")
    if "text" in changes and normalize_newlines(changes["text"]) != document.text:
        raise ValidationError(
            {"text": "A document's text cannot change once stored; add a new document instead."}
        )
    changes.pop("text", None)
    unknown_fields(changes, DOCUMENT_EDITABLE)
    if "title" in changes:
        changes["title"] = clean_text("title", changes["title"], required=False, max_length=500)
        changes["title"] = changes["title"].strip()
    if "working_title" in changes:
        changes["working_title"] = clean_text(
            "working_title", changes["working_title"] or "", required=False, max_length=500
        ).strip()
    if "url" in changes:
        changes["url"] = _check_url(changes["url"])
    changed = [field for field, value in changes.items() if getattr(document, field) != value]
    for field in changed:
        setattr(document, field, changes[field])
    if "title" in changed:
        document.title_mismatch = not title_matches_body(document.title, document.text)
        changed.append("title_mismatch")
    if document.title_mismatch and not document.working_title:
        # A mismatched document always has a title to go by: cleared, it starts again
        # from the body's first sentence.
        document.working_title = first_sentence(document.text, title=document.title)
        if "working_title" not in changed:
            changed.append("working_title")
    if changed:
        document._history_user = history_user(actor)
        document.save(update_fields=changed)
    if "published_at" in changed:
        # Its accounts count in the quarter of the new date.
        claim_ids = document.accounts.values_list("claim_id", flat=True).distinct()
        track_record_refresh_for_claims(claim_ids=list(claim_ids))
    return document
