"""Lines, paragraphs and sentences, as offsets into the original text.

A paragraph is a run of non-blank lines. Every line break ends a sentence,
except when the next line starts in lower case (a hard-wrapped line), because
scraped articles put one paragraph, headline or caption on each line.

Within a line a sentence ends at ``.``, ``!``, ``?`` (and any closing quotes
or brackets after it) followed by space and a capital, digit or opening
quote, unless the word before the full stop is an abbreviation ("Col.",
"Dr."), an initial ("J."), or a dotted acronym ("U.S.") that is not followed
by a word that usually opens a sentence. Decimals ("1.5") never have a space
after the point, so they never look like a boundary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extraction.results import Sentence

# Abbreviations that are followed by a full stop mid-sentence; lower-cased,
# without the stop.
ABBREVIATIONS = frozenset(
    {
        # titles and ranks
        "mr", "mrs", "ms", "mx", "dr", "prof", "rev", "fr", "sr", "jr", "st", "hon",
        "col", "lt", "gen", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm", "brig",
        "cmdr", "cdr", "lieut", "gov", "sen", "rep", "pres", "amb", "supt", "insp",
        # months and days
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
        # everything else
        "no", "nos", "vs", "v", "approx", "est", "dept", "fig", "inc", "ltd", "co",
        "corp", "bros", "mt", "ft", "ave", "blvd", "rd", "cf", "al", "ca", "vol", "pp",
        "sq", "km", "op", "ref", "govt",
    }
)  # fmt: skip

# Words that usually open a sentence; after "U.S." they mean the stop ended one.
_SENTENCE_OPENERS = frozenset(
    {
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "in",
        "on", "at", "this", "that", "these", "those", "there", "his", "her", "its",
        "their", "our", "some", "most", "many", "however", "meanwhile", "after",
        "according", "earlier", "later", "separately", "since", "when", "while",
        "officials", "witnesses", "residents",
    }
)  # fmt: skip

# A sentence end: terminal punctuation, closing quotes or brackets, then space.
# The lookbehind makes a run of stops match once, at its start, so a long run
# costs linear time; the possessive quantifiers keep each try from backtracking.
# A run of stops (and closing marks) before a space. A run must start the
# sentence end: a match right after another stop is skipped by the caller,
# which scans faster than a look-behind before every character.
_STOPS = ".!?…"
_BOUNDARY = re.compile(r"[.!?…]++[\"'”’»)\]]*+(?=\s)")
# A dateline: a capitalised place ("BEIRUT", "Port Sudan"), maybe a region and
# a date (", Syria, March 3"), maybe the agency in brackets, then a dash, and
# maybe the agency again before a colon ("Sanaa - Saba: "). A live blog's
# timestamp ("14:05 GMT - ") plays the same part.
_DATELINE = re.compile(
    r"(?:[A-Z][A-Za-z'’.-]{1,30}(?:[ \t]+[A-Z][A-Za-z'’.-]{1,30}){0,2}"
    r"(?:,[ \t]+[A-Z][A-Za-z'’.-]{1,30}(?:[ \t]+\d{1,2})?){0,3}"
    r"|\d{1,2}[:.]\d{2}(?:[ \t]+(?:GMT|UTC|local[ \t]+time|[ap]\.?m\.?))?)"
    r"[ \t]*(?:\([^()\n]{1,60}\))?[ \t]*[-–—]{1,2}[ \t]+"
    r"(?:[A-Z][A-Za-z]{1,20}(?:,[ \t]+[A-Za-z]{1,20})?:[ \t]+)?"
)
_WORD_BEFORE = re.compile(r"(\S{1,24})$")
_NEXT_START = re.compile(r"\s+([\"'“‘«(\[]?)(\S)")
_DOTTED_ACRONYM = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_INITIAL = re.compile(r"^[A-Z]\.$")
_NEXT_WORD = re.compile(r"\s+[\"'“‘«(\[]?([A-Za-z]+)")

# A "sentence" longer than this (a paste with no punctuation) is cut at spaces,
# so that per-sentence rules always run on bounded text.
MAX_SENTENCE_CHARS = 2000


@dataclass(frozen=True)
class Line:
    start: int
    end: int  # the end of the line's visible text, trailing space excluded


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    lines: tuple[Line, ...]


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """The non-blank lines of ``text[start:end]``, without surrounding space."""
    end = len(text) if end is None else end
    lines = []
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        line_end = end if newline == -1 else newline
        line = text[position:line_end]
        stripped = line.strip()
        if stripped:
            s = position + len(line) - len(line.lstrip())
            lines.append(Line(s, s + len(stripped)))
        position = line_end + 1
    return lines


def split_paragraphs(text: str, end: int | None = None) -> list[Paragraph]:
    """Runs of consecutive non-blank lines."""
    paragraphs: list[Paragraph] = []
    current: list[Line] = []
    previous_end = -1
    for line in split_lines(text, 0, end):
        # A blank line between two lines shows as two line breaks in the gap.
        if current and text.count("\n", previous_end, line.start) > 1:
            paragraphs.append(Paragraph(current[0].start, current[-1].end, tuple(current)))
            current = []
        current.append(line)
        previous_end = line.end
    if current:
        paragraphs.append(Paragraph(current[0].start, current[-1].end, tuple(current)))
    return paragraphs


def split_sentences(
    text: str, lines: tuple[Line, ...] | list[Line], paragraph: int = 0
) -> list[Sentence]:
    """Sentences of the given consecutive lines (one paragraph, or part of one)."""
    sentences: list[Sentence] = []
    # Join hard-wrapped lines: a line whose successor starts in lower case.
    groups: list[tuple[int, int]] = []
    for line in lines:
        if groups and text[line.start].islower():
            groups[-1] = (groups[-1][0], line.end)
        else:
            groups.append((line.start, line.end))
    for start, end in groups:
        for s, e in _sentence_bounds(text, start, end):
            sentences.extend(_cap_length(text, s, e, paragraph))
    return sentences


def _sentence_bounds(text: str, start: int, end: int) -> list[tuple[int, int]]:
    bounds = []
    sentence_start = start
    dateline = _DATELINE.match(text, start, end)
    if dateline and dateline.end() < end:
        # "BEIRUT (Reuters) - " is a sentence of its own: it says where, not what.
        bounds.append((start, start + len(dateline.group(0).rstrip())))
        sentence_start = dateline.end()
    for match in _BOUNDARY.finditer(text, sentence_start, end):
        if match.start() > 0 and text[match.start() - 1] in _STOPS:
            continue  # the rest of a run that started before the range
        stop = match.end()
        if not _is_boundary(text, match.start(), stop, end):
            continue
        bounds.append((sentence_start, stop))
        sentence_start = stop
        while sentence_start < end and text[sentence_start].isspace():
            sentence_start += 1
    if sentence_start < end:
        bounds.append((sentence_start, end))
    return bounds


def _is_boundary(text: str, punct_start: int, stop: int, end: int) -> bool:
    following = _NEXT_START.match(text, stop, end)
    if following is None:
        return False
    opener, first = following.group(1), following.group(2)
    if not (first.isupper() or first.isdigit() or (opener and first.isalnum())):
        return False  # "i.e. the", "approx. ten", '"Why?" he asked'
    if text[punct_start] != ".":
        return True
    before = _WORD_BEFORE.search(text, max(0, punct_start - 24), punct_start + 1)
    word = before.group(1) if before else ""
    # Only the word's own characters count: "(Col." is "Col.".
    word = word.lstrip("\"'“‘«([")
    bare = word.rstrip(".").lower()
    if bare in ABBREVIATIONS:
        return False
    if _INITIAL.match(word):
        return False
    if _DOTTED_ACRONYM.match(word):
        nxt = _NEXT_WORD.match(text, stop, end)
        return bool(nxt and nxt.group(1).lower() in _SENTENCE_OPENERS)
    return True


def _cap_length(text: str, start: int, end: int, paragraph: int) -> list[Sentence]:
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        if cut == -1:
            cut = start + MAX_SENTENCE_CHARS
        pieces.append(Sentence(start, cut, text[start:cut], paragraph))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append(Sentence(start, end, text[start:end], paragraph))
    return pieces
