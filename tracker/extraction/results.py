"""The plain values extraction gives back.

Every value is a frozen dataclass of ints, strings, tuples and ``None`` with
a ``to_dict()``, so the Django side can store a suggestion as JSON, and a test
can build the expected value by hand. All offsets are character offsets into
the text that was passed to :func:`tracker.extraction.extract`, so
``text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# How the quote was found.
QUOTE_DIRECT = "direct"  # words inside quotation marks
QUOTE_INDIRECT = "indirect"  # the attributing clause of reported speech
QUOTE_OWN_VOICE = "own_voice"  # an unattributed sentence of the article


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "paragraph": self.paragraph,
        }


@dataclass(frozen=True)
class NoiseSpan:
    """A stretch of text that belongs to another story or to the page around it."""

    start: int
    end: int
    text: str
    kind: str  # one of noise.NOISE_KINDS
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Quantity:
    """A count with its qualifier, read as a closed interval whose ends may be open.

    ``approximate`` marks "roughly 2,000"; the comparison widens it by its own
    tolerance (tracker.conflicts.intervals.widen), so extraction does not.
    """

    start: int
    end: int
    text: str
    min: int | None
    max: int | None
    approximate: bool
    unit: str  # a tracker.vocabularies.Unit value
    noun: str = ""  # the counted noun as written ("civilians"), if any
    aspect: str = ""  # a tracker.vocabularies.Aspect value, "" when the text gives none
    rule: str = ""
    # "more than 30" is [31, open) said as "more than"; "fewer than 10" is [0, 9].
    min_exclusive: bool = False
    max_exclusive: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "min": self.min,
            "max": self.max,
            "approximate": self.approximate,
            "unit": self.unit,
            "noun": self.noun,
            "aspect": self.aspect,
            "rule": self.rule,
            "min_exclusive": self.min_exclusive,
            "max_exclusive": self.max_exclusive,
        }


@dataclass(frozen=True)
class Entity:
    """One row of the entity/alias table, or of the sources table.

    ``key`` is whatever the caller uses to find the row again (a primary key,
    a slug); extraction only hands it back.
    """

    key: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "aliases": list(self.aliases),
            "kind": self.kind,
        }


@dataclass(frozen=True)
class Mention:
    """A name in the text that the alias table knows."""

    start: int
    end: int
    text: str
    key: str
    name: str  # the entity's canonical name

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "key": self.key,
            "name": self.name,
        }


@dataclass(frozen=True)
class SourceMatch:
    """A speaker (or intermediary) resolved to a known source."""

    key: str
    name: str
    matched: str  # the words in the text that matched
    rule: str

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "name": self.name, "matched": self.matched, "rule": self.rule}


@dataclass(frozen=True)
class ProposedSource:
    """A speaker no known source matches, offered as a new source."""

    name: str
    kind: str  # a tracker.vocabularies.SourceKind value
    parent: SourceMatch | None = None  # "a spokesman for the SDF" speaks for the SDF
    rule: str = ""
    # The organisation spoken for, when no known source has its name: proposed too.
    proposed_parent: ProposedSource | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "parent": self.parent.to_dict() if self.parent else None,
            "rule": self.rule,
            "proposed_parent": self.proposed_parent.to_dict() if self.proposed_parent else None,
        }


@dataclass(frozen=True)
class Intermediary:
    """The outlet a statement reached the article through ("told Rudaw English")."""

    span: Span
    source: SourceMatch | None
    proposed: ProposedSource | None
    rule: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "span": self.span.to_dict(),
            "source": self.source.to_dict() if self.source else None,
            "proposed": self.proposed.to_dict() if self.proposed else None,
            "rule": self.rule,
        }


@dataclass(frozen=True)
class Party:
    """A party a claim names, e.g. as perpetrator."""

    span: Span
    entity: Mention | None = None
    source: SourceMatch | None = None  # "it" resolved to the speaker
    rule: str = ""
    # The speaker itself ("the army denied any role in the attack"), or the
    # organisation it speaks for: whoever accepts the account has that source.
    speaker: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "span": self.span.to_dict(),
            "entity": self.entity.to_dict() if self.entity else None,
            "source": self.source.to_dict() if self.source else None,
            "rule": self.rule,
            "speaker": self.speaker,
        }


@dataclass(frozen=True)
class Suggestion:
    """One suggested account: who said what, how, with what stance.

    ``speaker`` is None for the article's own voice (``SuggestionVoice.OUTLET``).
    ``rules`` lists, in order, every rule that contributed, so a reviewer can
    see why the suggestion was made.
    """

    voice: str
    speaker: Span | None
    source: SourceMatch | None
    proposed_source: ProposedSource | None
    cue: Span | None
    cue_kind: str
    quote: Span
    quote_kind: str
    stance: str
    claim_text: str
    aspect: str
    interval: Quantity | None = None
    intermediary: Intermediary | None = None
    # The speaker is itself a medium passing on what others said ("according to
    # state media"), the original speaker unnamed.
    relay: bool = False
    named_parties: tuple[Party, ...] = ()
    # Several named parties are alternatives ("it or partner forces").
    parties_are_alternatives: bool = False
    sentence: int = -1
    rules: tuple[str, ...] = ()
    # The speaker names nobody ("officials said", "a source close to the inquiry").
    unnamed: bool = False
    # The organisation the speaker speaks for, as resolved ("" if none or unknown).
    affiliation: str = ""
    # For "it said", "the ministry said": the earlier speaker's words they stand for.
    refers_to: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "voice": self.voice,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "source": self.source.to_dict() if self.source else None,
            "proposed_source": self.proposed_source.to_dict() if self.proposed_source else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "cue_kind": self.cue_kind,
            "quote": self.quote.to_dict(),
            "quote_kind": self.quote_kind,
            "stance": self.stance,
            "claim_text": self.claim_text,
            "aspect": self.aspect,
            "interval": self.interval.to_dict() if self.interval else None,
            "intermediary": self.intermediary.to_dict() if self.intermediary else None,
            "relay": self.relay,
            "named_parties": [p.to_dict() for p in self.named_parties],
            "parties_are_alternatives": self.parties_are_alternatives,
            "sentence": self.sentence,
            "rules": list(self.rules),
            "unnamed": self.unnamed,
            "affiliation": self.affiliation,
            "refers_to": self.refers_to,
        }


@dataclass(frozen=True)
class ExtractionResult:
    text_length: int
    # Extraction stops at this offset for very long input; see warnings.
    processed_length: int
    title: str
    # None when there was no title to judge.
    title_matches: bool | None
    noise: tuple[NoiseSpan, ...]
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    suggestions: tuple[Suggestion, ...]
    warnings: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "text_length": self.text_length,
            "processed_length": self.processed_length,
            "title": self.title,
            "title_matches": self.title_matches,
            "noise": [n.to_dict() for n in self.noise],
            "sentences": [s.to_dict() for s in self.sentences],
            "mentions": [m.to_dict() for m in self.mentions],
            "suggestions": [s.to_dict() for s in self.suggestions],
            "warnings": list(self.warnings),
        }
