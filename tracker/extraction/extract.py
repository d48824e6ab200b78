"""The extraction pipeline: text in, suggested accounts out.

    result = extract(text, title=title, entities=rows, sources=rows)

Steps: lines and paragraphs; noise (a title that does not fit, teasers,
captions, page furniture), which is left out; sentences and quotation marks
per run of clean lines; attribution frames; for each frame the speaker
matched to a known source (or proposed as new), the stance, the counts, the
aspect and the parties named; then the article's own statements that carry a
count or an event, as the outlet's voice.

``extract`` never raises on a ``str``: input past ``max_chars`` is not read
(a warning says where it stopped), and a paragraph that trips a bug is
skipped with a warning rather than losing the document (``strict=True``
re-raises, for tests).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from tracker.extraction.attribution import Frame, find_frames
from tracker.extraction.names import (
    AliasTable,
    as_table,
    tokenize,
)
from tracker.extraction.noise import detect_noise
from tracker.extraction.prefilter import forget
from tracker.extraction.quotes import Quote, QuoteIndex, find_quotes
from tracker.extraction.results import (
    Entity,
    ExtractionResult,
    Mention,
    Sentence,
    Suggestion,
)
from tracker.extraction.sentences import Line, split_paragraphs, split_sentences
from tracker.extraction.suggest import Context, continued_quote, from_frame, own_voice

# Recorded with every capture the extractor read: bump it when a change to the
# rules would suggest different accounts from the same text.
ATTRIBUTION_VERSION = "attribution-1"

# A news article is a few thousand characters; past this the input is a
# dump, not a report, and only its beginning is read.
MAX_CHARS = 1_000_000

Rows = AliasTable | Iterable[Entity | Mapping[str, Any]] | None


def extract(
    text: str,
    *,
    title: str = "",
    entities: Rows = None,
    sources: Rows = None,
    max_chars: int = MAX_CHARS,
    strict: bool = False,
) -> ExtractionResult:
    """Suggested accounts in ``text``; offsets point into ``text`` itself.

    ``entities`` and ``sources`` are the names tables (an ``AliasTable``, or
    rows of ``Entity`` or dicts with ``key``, ``name``, ``aliases``, ``kind``);
    pass a prebuilt ``AliasTable`` when extracting many texts. A malformed
    table raises: that is a programming error, not bad input.
    """
    if not isinstance(text, str):
        raise TypeError("extract() takes a str; decode bytes first with decode_bytes().")
    title = title if isinstance(title, str) else ""
    entity_table = as_table(entities)
    source_table = as_table(sources)
    try:
        return _extract(text, title, entity_table, source_table, max_chars, strict)
    except Exception as exc:
        if strict:
            raise
        # Whatever the text, the caller gets a result and a reason, not a crash.
        return ExtractionResult(
            text_length=len(text),
            processed_length=0,
            title=title,
            title_matches=None,
            noise=(),
            sentences=(),
            mentions=(),
            suggestions=(),
            warnings=(f"Extraction failed: {type(exc).__name__}: {exc}",),
        )
    finally:
        forget(text)  # the lower-cased copy the prefiltered patterns read


def _extract(
    text: str,
    title: str,
    entity_table: AliasTable,
    source_table: AliasTable,
    max_chars: int,
    strict: bool,
) -> ExtractionResult:
    warnings: list[str] = []
    limit = len(text)
    if limit > max_chars:
        cut = text.rfind("\n", 0, max_chars)
        limit = cut if cut > max_chars // 2 else max_chars
        warnings.append(
            f"The text has {len(text):,} characters; only the first {limit:,} were read "
            f"(extraction reads at most {max_chars:,})."
        )
    paragraphs = split_paragraphs(text, limit)
    noise = detect_noise(text, paragraphs, title)
    noisy = {(span.start, span.end) for span in noise.spans}

    tokens = tokenize(text, 0, limit) if entity_table or source_table else []
    source_mentions = source_table.find_in_tokens(text, tokens) if source_table else []
    if entity_table is source_table:
        entity_mentions = source_mentions  # one table for both (a caller's choice): read once
    else:
        entity_mentions = entity_table.find_in_tokens(text, tokens) if entity_table else []
    context = Context(text, source_table, source_mentions, _merge(entity_mentions, source_mentions))

    sentences: list[Sentence] = []
    suggestions: list[Suggestion] = []
    for p_index, paragraph in enumerate(paragraphs):
        for segment in _clean_segments(paragraph.lines, noisy):
            try:
                seg_sentences = split_sentences(text, segment, p_index)
                first = len(sentences)
                sentences.extend(seg_sentences)
                suggestions.extend(_segment(context, seg_sentences, first, segment))
            except Exception as exc:
                if strict:
                    raise
                # One odd paragraph must not cost the reporter the whole document.
                warnings.append(
                    f"Paragraph {p_index + 1} (offset {segment[0].start}) was skipped: "
                    f"{type(exc).__name__}: {exc}"
                )
    return ExtractionResult(
        text_length=len(text),
        processed_length=limit,
        title=noise.title,
        title_matches=noise.title_matches,
        noise=noise.spans,
        sentences=tuple(sentences),
        mentions=tuple(context.mentions),
        suggestions=tuple(suggestions),
        warnings=tuple(warnings),
    )


def _merge(a: list[Mention], b: list[Mention]) -> list[Mention]:
    seen = {(m.start, m.end, m.key) for m in a}
    merged = a + [m for m in b if (m.start, m.end, m.key) not in seen]
    merged.sort(key=lambda m: (m.start, -m.end))
    return merged


def _clean_segments(lines: tuple[Line, ...], noisy: set[tuple[int, int]]) -> list[list[Line]]:
    segments: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if (line.start, line.end) in noisy:
            if current:
                segments.append(current)
            current = []
        else:
            current.append(line)
    if current:
        segments.append(current)
    return segments


def _segment(
    context: Context, sentences: list[Sentence], first: int, lines: list[Line]
) -> list[Suggestion]:
    text = context.text
    quotes = QuoteIndex(find_quotes(text, lines[0].start, lines[-1].end))
    frames = find_frames(text, sentences, quotes, first)
    suggestions: list[Suggestion] = []
    # Frames come in text order, so one number says how far they reach.
    covered_end = -1
    used_quotes: set[int] = set()
    by_sentence: dict[int, list[Frame]] = {}
    for frame in frames:
        by_sentence.setdefault(frame.sentence, []).append(frame)
    paragraph_has_direct = False
    for offset, sentence in enumerate(sentences):
        index = first + offset
        if sentence.start < covered_end:
            continue
        sentence_frames = by_sentence.get(index, [])
        for frame in sentence_frames:
            made = from_frame(context, frame)
            suggestions.extend(made)
            covered_end = max(covered_end, frame.region[1], frame.quote[1])
            if frame.direct is not None:
                used_quotes.add(frame.direct.start)
                paragraph_has_direct = True
                if made:
                    context.last_direct = (frame, made[0])
        if sentence_frames:
            continue
        quote = _quote_opening(quotes, sentence)
        if quote is not None:
            if (
                quote.start not in used_quotes
                and context.last_direct
                and (paragraph_has_direct or offset == 0)
            ):
                made = continued_quote(context, quote, index)
                suggestions.extend(made)
                used_quotes.add(quote.start)
                covered_end = max(covered_end, quote.end)
            continue
        suggestions.extend(own_voice(context, sentence, index))
    return suggestions


def _quote_opening(quotes: QuoteIndex, sentence: Sentence) -> Quote | None:
    return quotes.open_at(sentence.start)
