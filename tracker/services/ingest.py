"""From text to suggested accounts: store a report once, run the extractor, keep its output.

The extractor (tracker.extraction) is pure and never writes; this module turns
its suggestions into rows a person reviews. Nothing is verified here.
"""

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from simple_history.utils import bulk_create_with_history

from tracker.extraction import extract
from tracker.extraction.results import ExtractionResult
from tracker.extraction.results import Suggestion as Extracted
from tracker.models import Capture, Document, Event, Extraction, Source, Suggestion
from tracker.selectors.names import (
    ENTITY_KEY,
    SOURCE_KEY,
    entity_table,
    event_matching_places,
    key_to_pk,
    source_table,
    sources_for_entities,
)
from tracker.services._boundary import write_transaction
from tracker.services._common import Actor, clean_text, history_user, require_permission
from tracker.services.documents import document_find_by_text
from tracker.vocabularies import Aspect, CaptureOrigin, SourceKind, Stance, Unit

INGEST_VIA = ("paste", "api", "command")
# How text that came in one of those ways was captured, unless the caller says.
VIA_ORIGIN = {
    "paste": CaptureOrigin.PASTED,
    "api": CaptureOrigin.API,
    "command": CaptureOrigin.FILE,
}


@dataclass(frozen=True)
class IngestResult:
    document: Document
    created: bool
    suggestions: int
    warnings: tuple[str, ...] = ()
    capture: Capture | None = None


def _source_pk(match) -> int | None:
    return key_to_pk(match.key, SOURCE_KEY) if match is not None else None


def _party_source_ids(extracted: Extracted, entity_sources: dict[int, int]) -> set[int]:
    ids = set()
    for party in extracted.named_parties:
        if party.source is not None and (pk := _source_pk(party.source)) is not None:
            ids.add(pk)
        elif party.entity is not None:
            source_pk = _source_pk(party.entity)
            entity_pk = key_to_pk(party.entity.key, ENTITY_KEY)
            if source_pk is not None:
                ids.add(source_pk)
            elif entity_pk in entity_sources:
                ids.add(entity_sources[entity_pk])
    return ids


def _row(document: Document | None, ordinal: int, extracted: Extracted, event) -> Suggestion:
    proposed = extracted.proposed_source
    interval = extracted.interval
    unit = interval.unit if interval and interval.unit in Unit.values else ""
    has_count = (
        interval is not None and unit and (interval.min is not None or interval.max is not None)
    )
    intermediary = extracted.intermediary
    return Suggestion(
        document=document,
        ordinal=ordinal,
        voice=extracted.voice,
        speaker_text=(extracted.speaker.text if extracted.speaker else "")[:500],
        source_id=_source_pk(extracted.source),
        proposed_source_name=(proposed.name if proposed else "")[:200],
        proposed_source_kind=proposed.kind
        if proposed and proposed.kind in SourceKind.values
        else "",
        proposed_source_parent_id=_source_pk(proposed.parent) if proposed else None,
        cue_text=(extracted.cue.text if extracted.cue else "")[:500],
        quote=extracted.quote.text,
        quote_start=extracted.quote.start,
        quote_end=extracted.quote.end,
        stance=extracted.stance,
        intermediary_text=(intermediary.span.text if intermediary else "")[:500],
        intermediary_id=_source_pk(intermediary.source) if intermediary else None,
        claim_text=extracted.claim_text or extracted.quote.text,
        aspect=extracted.aspect if extracted.aspect in Aspect.values else Aspect.OTHER,
        count_min=interval.min if has_count else None,
        count_max=interval.max if has_count else None,
        count_approximate=bool(interval.approximate) if has_count else False,
        count_min_exclusive=bool(has_count and interval.min_exclusive),
        count_max_exclusive=bool(has_count and interval.max_exclusive),
        unit=unit if has_count else "",
        event=event,
        rules=list(extracted.rules),
        extracted=extracted.to_dict(),
    )


def _usable(text: str, extracted: Extracted) -> bool:
    """Only suggestions whose quote really is the document's text at its offsets."""
    span = extracted.quote
    return (
        extracted.stance in Stance.values
        and 0 <= span.start < span.end <= len(text)
        and text[span.start : span.end] == span.text
    )


@dataclass(frozen=True)
class _Reading:
    """What the extractor found in a text, before anything is written."""

    usable: list[Extracted]
    skipped: int
    parties: list[set[int]]
    event: Event | None
    result: ExtractionResult
    # Built here, so the transaction only sets their document and inserts them.
    rows: list[Suggestion]


def _read(text: str, title: str) -> _Reading:
    """Run the extractor. Only reads, so it runs before the write transaction opens."""
    result = extract(text, title=title, entities=entity_table(), sources=source_table())
    entity_ids = {pk for m in result.mentions if (pk := key_to_pk(m.key, ENTITY_KEY)) is not None}
    entity_sources = sources_for_entities(entity_ids)
    usable = [e for e in result.suggestions if _usable(text, e)]
    event = event_matching_places(entity_ids)
    return _Reading(
        usable=usable,
        skipped=len(result.suggestions) - len(usable),
        parties=[_party_source_ids(extracted, entity_sources) for extracted in usable],
        event=event,
        result=result,
        rows=[_row(None, n, extracted, event) for n, extracted in enumerate(usable, start=1)],
    )


def _store(actor: Actor, document: Document, via: str, reading: _Reading) -> Extraction:
    """Write a reading's suggestions; the caller holds the transaction."""
    if Extraction.objects.filter(document=document).exists():
        raise ValidationError({"document": "Accounts were already suggested for this document."})
    rows = reading.rows
    for row in rows:
        row.document = document
    # With history, so every later edit and the decision show against what was suggested.
    bulk_create_with_history(rows, Suggestion, default_user=history_user(actor))
    wanted = set().union(*reading.parties)
    existing = set(Source.objects.filter(pk__in=wanted).values_list("pk", flat=True))
    Suggestion.named_parties.through.objects.bulk_create(
        Suggestion.named_parties.through(suggestion_id=row.pk, source_id=source_id)
        for row, party_ids in zip(rows, reading.parties, strict=True)
        for source_id in sorted(party_ids & existing)
    )
    result = reading.result
    warnings = list(result.warnings)
    if reading.skipped:
        warnings.append(
            f"{reading.skipped} suggestion(s) did not line up with the text and were dropped."
        )
    return Extraction.objects.create(
        document=document,
        via=via,
        noise=[span.to_dict() for span in result.noise],
        warnings=warnings,
        title_matches=result.title_matches,
        suggestion_count=len(rows),
        created_by=history_user(actor),
    )


def _check_via(via: str) -> None:
    if via not in INGEST_VIA:
        raise ValidationError({"via": f"Unknown way in {via!r}; expected one of {INGEST_VIA}."})


def document_extract(*, actor: Actor, document: Document, via: str) -> Extraction:
    """Run the extractor over a stored document and keep its suggestions for review."""
    require_permission(actor, "tracker.add_document", action="add documents")
    _check_via(via)
    if Extraction.objects.filter(document=document).exists():
        raise ValidationError({"document": "Accounts were already suggested for this document."})
    reading = _read(document.text, document.title)
    with write_transaction():
        return _store(actor, document, via, reading)


def document_ingest(
    *,
    actor: Actor,
    title: str,
    text: str,
    via: str,
    outlet: Source | None = None,
    url: str = "",
    published_at: datetime | None = None,
    retrieved_at: datetime | None = None,
    raw: bytes | None = None,
    content_type: str = "text/plain; charset=utf-8",
    origin: str | None = None,
) -> IngestResult:
    """Store a report once (by content hash), keep what it came from, and suggest its accounts.

    Text already stored is recognised and returned as it is, not stored twice
    (and no capture is added: the admin and the API refuse it). ``raw`` is
    what was received (an HTML page the text was derived from); without it,
    the text itself as sent, in UTF-8, is the capture. The extractor reads
    the text first, outside any transaction (a long report takes seconds);
    then the document, its capture and its suggestions are written in one
    short transaction, so there is never a half-stored document and other
    writers wait only for the writes.
    """
    existing = document_find_by_text(text=text) if isinstance(text, str) else None
    if existing is not None:
        require_permission(actor, "tracker.view_document", action="read documents")
        return IngestResult(document=existing, created=False, suggestions=0)
    _check_via(via)
    if not isinstance(text, str):
        clean_text("text", text, required=True)
    # Imported here: the captures service builds on this module's reading and storing.
    from tracker.services.captures import capture_store

    result = capture_store(
        actor=actor,
        content=raw if raw is not None else text.encode("utf-8", errors="surrogatepass"),
        content_type=content_type,
        origin=origin or VIA_ORIGIN[via],
        via=via,
        url=url,
        captured_at=retrieved_at,
        tool="" if actor is not None else "manage.py ingest",
        title=title,
        text=text,
        outlet=outlet,
        published_at=published_at,
        text_from_html=raw is not None and "html" in content_type,
    )
    return IngestResult(
        document=result.document,
        created=result.document_created,
        suggestions=result.suggestions,
        warnings=result.warnings,
        capture=result.capture,
    )
