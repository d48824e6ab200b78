"""Offline, rule-based extraction of who said what from news text.

The public API:

- :func:`extract` -- text to an :class:`ExtractionResult` of noise spans,
  sentences, name mentions and :class:`Suggestion` s (speaker, cue, quote,
  stance, intermediary, claim, aspect, interval, named parties, rules).
- :func:`decode_bytes` -- a file's bytes to text, or a clear
  :class:`DecodingError`.
- :func:`html_to_text` -- an HTML page to its visible prose and title.
- :class:`AliasTable` / :class:`Entity` -- the names table, built once.
- :func:`find_quantities` -- counts with qualifiers as intervals.

Everything is pure Python over plain dataclasses: no ORM, no network.
"""

from tracker.extraction.decoding import (
    BinaryContentError,
    DecodedText,
    DecodingError,
    EmptyContentError,
    decode_bytes,
)
from tracker.extraction.extract import ATTRIBUTION_VERSION, MAX_CHARS, extract
from tracker.extraction.html import HTML_TO_TEXT_VERSION, HtmlText, html_to_text
from tracker.extraction.names import AliasTable, normalise_name, resolve_speaker
from tracker.extraction.quantities import find_quantities
from tracker.extraction.results import (
    Entity,
    ExtractionResult,
    Intermediary,
    Mention,
    NoiseSpan,
    Party,
    ProposedSource,
    Quantity,
    Sentence,
    SourceMatch,
    Span,
    Suggestion,
)

__all__ = [
    "ATTRIBUTION_VERSION",
    "HTML_TO_TEXT_VERSION",
    "MAX_CHARS",
    "AliasTable",
    "BinaryContentError",
    "DecodedText",
    "DecodingError",
    "EmptyContentError",
    "Entity",
    "ExtractionResult",
    "HtmlText",
    "Intermediary",
    "Mention",
    "NoiseSpan",
    "Party",
    "ProposedSource",
    "Quantity",
    "Sentence",
    "SourceMatch",
    "Span",
    "Suggestion",
    "decode_bytes",
    "extract",
    "find_quantities",
    "html_to_text",
    "normalise_name",
    "resolve_speaker",
]
