"""Pairing quotation marks within a paragraph.

Curly marks say which way they face; a straight ``"`` is read from its
neighbours: after a space or at the start it opens, after a letter or
punctuation it closes. Quotation marks are often unbalanced in scraped text.
An opening mark left open at the end of the paragraph runs to the end of the
paragraph (newswire style continues a quote into the next paragraph that
way); a closing mark with nothing open is ignored. Nothing here can fail on
odd input: the worst case is a quote that is too long or too short.

Single quotes are not paired: the same character is the apostrophe.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

_MARKS = re.compile(r"[\"“”„«»]")
_OPENING = frozenset("“„«")
_CLOSING = frozenset("”»")
_OPEN_BEFORE = frozenset(" \t\n([{—–-/")


@dataclass(frozen=True)
class Quote:
    start: int  # the opening mark
    end: int  # just after the closing mark (or the end of the paragraph)
    inner_start: int
    inner_end: int
    balanced: bool

    def contains(self, position: int) -> bool:
        return self.inner_start <= position < self.inner_end


def find_quotes(text: str, start: int, end: int) -> list[Quote]:
    quotes: list[Quote] = []
    open_at: int | None = None
    for match in _MARKS.finditer(text, start, end):
        position = match.start()
        role = _role(text, position, start, end)
        if open_at is None:
            if role != "close":
                open_at = position
            continue
        if role == "open":
            # A second opening mark: the first one was never closed. Keep the
            # earlier text as an unbalanced quote up to here and start afresh.
            quotes.append(_quote(text, open_at, position, closed=False))
            open_at = position
            continue
        quotes.append(_quote(text, open_at, position + 1, closed=True))
        open_at = None
    if open_at is not None:
        quotes.append(_quote(text, open_at, end, closed=False))
    return quotes


def _role(text: str, position: int, start: int, end: int) -> str:
    mark = text[position]
    if mark in _OPENING:
        return "open"
    if mark in _CLOSING:
        return "close"
    before = text[position - 1] if position > start else " "
    after = text[position + 1] if position + 1 < end else " "
    if before in _OPEN_BEFORE and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or not after.isalnum()):
        return "close"
    return "either"


def _quote(text: str, open_at: int, end: int, *, closed: bool) -> Quote:
    inner_end = end - 1 if closed else end
    # Trailing space or a trailing comma/full stop inside the marks is not
    # part of what was said; a question or exclamation mark is.
    while inner_end > open_at + 1 and (
        text[inner_end - 1].isspace() or text[inner_end - 1] in ",.;:"
    ):
        inner_end -= 1
    return Quote(open_at, end, open_at + 1, inner_end, closed)


class QuoteIndex:
    """The quotes of one paragraph, searchable by position in logarithmic time.

    Quotes come out of ``find_quotes`` in order and never overlap, so both
    their starts and their ends are sorted; a paragraph of a million stray
    quotation marks must not make every lookup scan them all.
    """

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = quotes
        self.starts = [q.start for q in quotes]
        self.ends = [q.end for q in quotes]

    def __iter__(self) -> Iterator[Quote]:
        return iter(self.quotes)

    def __len__(self) -> int:
        return len(self.quotes)

    def containing(self, position: int) -> Quote | None:
        """The quote whose words (inside the marks) include ``position``."""
        index = bisect.bisect_right(self.starts, position) - 1
        if index >= 0 and self.quotes[index].contains(position):
            return self.quotes[index]
        return None

    def starting_at(self, position: int) -> Quote | None:
        index = bisect.bisect_left(self.starts, position)
        if index < len(self.quotes) and self.starts[index] == position:
            return self.quotes[index]
        return None

    def last_ending_between(self, low: int, high: int) -> Quote | None:
        """The last quote whose closing mark falls in ``[low, high]``."""
        index = bisect.bisect_right(self.ends, high) - 1
        if index >= 0 and self.ends[index] >= low:
            return self.quotes[index]
        return None

    def open_at(self, position: int) -> Quote | None:
        """The quote that starts at ``position`` or is still open there."""
        quote = self.starting_at(position)
        if quote is not None:
            return quote
        index = bisect.bisect_left(self.starts, position) - 1
        if index >= 0 and self.quotes[index].start < position < self.quotes[index].inner_end:
            return self.quotes[index]
        return None
