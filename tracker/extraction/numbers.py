"""Reading a number written in digits or words, starting at a given place.

"2,000", "1.5 million", "thirty-five", "one hundred and twenty", "two dozen",
"a dozen", and the vague plurals "dozens", "scores", "hundreds", "thousands",
"tens of thousands". A vague plural gives only a lower bound: "dozens" is at
least two dozen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extraction.wordlists import trie

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# "dozens" means at least two dozen; "scores" at least two score; and so on.
VAGUE_PLURALS = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2_000,
    "millions": 2_000_000,
}
NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | frozenset(_SCALES) | {"dozen"}

# Where a number may start. Words are matched whole and case-insensitively;
# digits must not be glued to a letter before them ("M113").
_START_WORDS = (
    frozenset(_UNITS) | frozenset(_TENS) | frozenset(VAGUE_PLURALS) | {"hundred", "thousand"}
)
# Where a number may start. Digits must not be glued to a letter or a
# separator before them ("M113", the "000" of "2,000"). "a"/"an"/"half" start
# a number only before a scale word, so they are matched with it.
# Every word a number may begin with.
NUMBER_WORDS_ALL = _START_WORDS | {"dozen", "half"}
NUMBER_START = re.compile(
    r"(?<![\w.,])\d|\b(?:half[ \t]+an?[ \t]+dozen|an?[ \t]+(?:dozen|hundred|thousand|million)"
    r"|tens[ \t]+of[ \t]+thousands|" + trie(_START_WORDS) + r")\b",
    # A trie tries each letter once; like the longest-first alternation it
    # stood for, it takes the longest word that ends at a word boundary.
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})++(?:\.\d+)?(?![\d,]\d)|\d++(?:\.\d+)?")
_WORD = re.compile(r"[A-Za-z]+")
_GAP = re.compile(r"[ \t]*+(?:-[ \t]*+)?")
_OF = re.compile(r"[ \t]+of[ \t]+")
# Longest digit string read as a number; beyond this it is an ID, not a count.
_MAX_DIGITS = 15


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    value: int
    # A vague plural ("dozens") gives a lower bound only.
    lower_bound_only: bool = False
    from_words: bool = False


def read_number(text: str, position: int, limit: int) -> Number | None:
    """The number that starts exactly at ``position``, or None."""
    if position >= limit:
        return None
    if text[position].isdigit():
        return _read_digits(text, position, limit)
    return _read_words(text, position, limit)


def _read_digits(text: str, position: int, limit: int) -> Number | None:
    match = _DIGITS.match(text, position, limit)
    if match is None:
        return None
    raw = match.group(0)
    if len(raw) > _MAX_DIGITS + 4:
        return None
    end = match.end()
    if end < limit and text[end].isalpha() and not text.startswith("km", end):
        return None  # "2nd", "10am", "3D"
    value = float(raw.replace(",", ""))
    scale = _scale_after(text, end, limit)
    if scale is not None:
        factor, end = scale
        value *= factor
    if value != int(value):
        return None  # a bare decimal ("1.5 people") is not a count
    return Number(position, end, int(value))


def _scale_after(text: str, position: int, limit: int) -> tuple[int, int] | None:
    gap = position
    while gap < limit and text[gap] in " \t":
        gap += 1
    word = _WORD.match(text, gap, limit)
    if (
        word
        and gap > position
        and word.group(0).lower() in ("hundred", "thousand", "million", "billion")
    ):
        return _SCALES[word.group(0).lower()], word.end()
    return None


def _read_words(text: str, position: int, limit: int) -> Number | None:
    first = _WORD.match(text, position, limit)
    if first is None:
        return None
    word = first.group(0).lower()
    if word in VAGUE_PLURALS:
        return _read_vague(text, position, first.end(), VAGUE_PLURALS[word], limit)
    if word == "tens":
        after = _OF.match(text, first.end(), limit)
        nxt = _WORD.match(text, after.end(), limit) if after else None
        if nxt and nxt.group(0).lower() == "thousands":
            return Number(position, nxt.end(), 20_000, lower_bound_only=True, from_words=True)
        return None
    total = 0
    current = 0
    # What the previous word was decides what may follow: "twenty five" and
    # "one hundred and twenty" are one number, "five six" is not.
    last = ""
    halve = False
    end = position
    cursor = position
    while True:
        match = _WORD.match(text, cursor, limit)
        if match is None:
            break
        token = match.group(0).lower()
        if token in ("a", "an") and last in ("", "half"):
            kind = "a"
        elif token == "half" and last == "":
            kind = "half"
        elif token in _UNITS and _UNITS[token] < 10:
            if last not in ("", "tens", "hundred", "scale", "and"):
                break
            current += _UNITS[token]
            kind = "unit"
        elif token in _UNITS:
            if last not in ("", "hundred", "scale", "and"):
                break
            current += _UNITS[token]
            kind = "unit"
        elif token in _TENS:
            if last not in ("", "hundred", "scale", "and"):
                break
            current += _TENS[token]
            kind = "tens"
        elif token == "hundred":
            if last not in ("unit", "tens", "a") or current >= 100:
                break
            current = (current or 1) * 100
            kind = "hundred"
        elif token in ("thousand", "million", "billion"):
            if last not in ("unit", "tens", "hundred", "a"):
                break
            total += (current or 1) * _SCALES[token]
            current = 0
            kind = "scale"
        elif token == "dozen":
            if last not in ("", "unit", "a"):
                break
            current = (current or 1) * 12
            end = match.end()
            last = "dozen"
            break
        elif token == "and" and last in ("hundred", "scale"):
            kind = "and"
        else:
            break
        if kind == "half":
            halve = True
        last = kind
        if kind not in ("a", "half", "and"):
            end = match.end()
        gap = _GAP.match(text, match.end(), limit)
        cursor = gap.end() if gap else match.end()
        if cursor == match.end():
            break  # punctuation or the end: the number is over
    if last in ("", "a", "half", "and") and end == position:
        return None
    value = total + current
    if value == 0 and not text[position:end].lower().startswith("zero"):
        return None
    if halve:
        value //= 2
    return Number(position, end, value, from_words=True)


def _read_vague(text: str, start: int, end: int, minimum: int, limit: int) -> Number:
    # "hundreds of thousands" is at least two hundred thousand.
    after = _OF.match(text, end, limit)
    if after:
        nxt = _WORD.match(text, after.end(), limit)
        scale = (
            {"thousands": 1_000, "millions": 1_000_000}.get(nxt.group(0).lower()) if nxt else None
        )
        if nxt and scale:
            return Number(start, nxt.end(), minimum * scale, lower_bound_only=True, from_words=True)
    return Number(start, end, minimum, lower_bound_only=True, from_words=True)
