"""Faster searches for patterns that start with a word: look only where a match can begin.

Python's regular-expression engine tries a pattern such as ``\\b(?:may|might|
could|possibly|...)`` at every position of the text, and with IGNORECASE each
try walks the whole alternation. Most of the extractor's patterns begin with
one of a few words, so :class:`Prefiltered` reads from the parsed pattern the
strings every match must begin with (its first letters, lower case), finds
where those begin in a lower-cased copy of the text with one fast
case-sensitive scan, and tries the pattern only there. The first position where
the pattern matches is the one ``pattern.search`` would find, and the match
there is the same match, so the results are identical; a pattern whose
beginnings cannot be read (one that may start with any letter) is simply
searched as before.

The lower-cased copy is made once per document (:func:`folded`) and kept
while the document is read (``extract`` drops it with :func:`forget`).
Characters that case-insensitive matching takes for an ASCII letter although
their lower case is another character (dotless i, capital I with a dot, long
s) are folded to that letter, so a text the pattern matches is never skipped;
when lower-casing would change the text's length, or the text is longer than
any document is read, nothing is filtered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

from tracker.extraction.wordlists import any_of, trie

# Strings longer than this are cut: four letters already say where to look.
_KEY_LENGTH = 4
_MAX_KEYS = 400
_MAX_CLASS = 6  # a character class of more characters ends the key
# Characters that case-insensitive matching equates with an ASCII letter
# although str.lower() gives another character (Python's re._casefix).
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
_FOLDED = ("\u0130", "\u0131", "\u017f")

_MAX_FOLDED = 2_000_000
_cache: tuple[str, str | None] = ("", "")


def forget(text: str) -> None:
    """Drop the lower-cased copy of ``text``, when the document has been read."""
    global _cache
    if _cache[0] is text:
        _cache = ("", "")


def fold_case(text: str) -> str | None:
    """``text`` lower-cased as IGNORECASE compares letters; None if offsets would move."""
    if not text.isascii() and any(char in text for char in _FOLDED):
        text = text.translate(_FOLD)  # rare, and translate is slow: only when needed
    fold = text.lower()
    return fold if len(fold) == len(text) else None


def folded(text: str) -> str | None:
    """:func:`fold_case` of the document being read, made once and kept meanwhile.

    None too for a text longer than a document is read (``extract`` reads the
    first million characters of a dump): nothing is filtered then, and no copy
    of the whole dump is made or kept.
    """
    global _cache
    cached = _cache
    if cached[0] is text:
        return cached[1]
    if len(text) > _MAX_FOLDED:
        return None
    result = fold_case(text)
    _cache = (text, result)  # one assignment: safe to read from several threads
    return result


class _Unknown(Exception):
    pass


def match_beginnings(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case strings one of which every match of ``pattern`` begins with; None if unknown."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
        keys = _sequence(list(parsed), {("", True)})
    except _Unknown:
        return None
    found = frozenset(key for key, _open in keys)
    if not found or "" in found or len(found) > _MAX_KEYS:
        return None
    return found


def _sequence(items: list, keys: set[tuple[str, bool]]) -> set[tuple[str, bool]]:
    for op, arg in items:
        if not any(is_open for _key, is_open in keys):
            return keys
        keys = _item(op, arg, keys)
        if len(keys) > _MAX_KEYS:
            raise _Unknown
    return keys


def _extend(keys: set[tuple[str, bool]], chars: set[str]) -> set[tuple[str, bool]]:
    result = set()
    for key, is_open in keys:
        if not is_open:
            result.add((key, False))
            continue
        for char in chars:
            longer = key + char
            result.add((longer, len(longer) < _KEY_LENGTH))
    return result


def _close(keys: set[tuple[str, bool]]) -> set[tuple[str, bool]]:
    return {(key, False) for key, _open in keys}


def _item(op, arg, keys: set[tuple[str, bool]]) -> set[tuple[str, bool]]:
    if op is sre.LITERAL:
        char = chr(arg).lower()
        return _extend(keys, {char}) if len(char) == 1 else _close(keys)
    if op is sre.IN:
        chars = set()
        for kind, value in arg:
            if kind is sre.LITERAL:
                chars.add(chr(value).lower())
            elif kind is sre.RANGE and value[1] - value[0] < _MAX_CLASS:
                chars.update(chr(c).lower() for c in range(value[0], value[1] + 1))
            else:
                return _close(keys)  # a negation, a category, a wide range
        if len(chars) > _MAX_CLASS or any(len(c) != 1 for c in chars):
            return _close(keys)
        return _extend(keys, chars)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return keys  # zero width: the match begins after it
    if op is sre.SUBPATTERN:
        return _sequence(list(arg[-1]), keys)
    if op is sre.BRANCH:
        result: set[tuple[str, bool]] = set()
        for branch in arg[1]:
            result |= _sequence(list(branch), keys)
        return result
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, body = arg
        once = _close(_sequence(list(body), keys)) if high != 1 else _sequence(list(body), keys)
        if low == 0:
            return keys | once
        return once
    return _close(keys)  # any character, a category, a back reference: the key ends here


class Prefiltered:
    """``pattern`` with ``search`` and ``match`` tried only where a match can begin."""

    __slots__ = ("_needs", "_starts", "finditer", "fullmatch", "match", "pattern")

    def __init__(self, pattern: re.Pattern[str], needs: Iterable[str] = ()) -> None:
        self.pattern = pattern
        self.match = pattern.match
        self.fullmatch = pattern.fullmatch
        self.finditer = pattern.finditer
        # ``needs``: lower-case words one of which every match contains, for a
        # pattern whose beginning says little ("[ \t]+(?:may|...)?carried out"),
        # or one whose beginnings are common ("attack ... by").
        self._needs = any_of(needs) if needs else None
        keys = match_beginnings(pattern)
        # Without a lookahead the engine skips to the keys' first letters in C.
        self._starts = re.compile(trie(keys)) if keys else None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else min(endpos, len(text))
        fold = folded(text) if self._starts is not None or self._needs is not None else None
        if fold is None:
            return self.pattern.search(text, pos, end)
        if self._needs is not None and self._needs.search(fold, pos, end) is None:
            return None
        if self._starts is None:
            return self.pattern.search(text, pos, end)
        match = self.pattern.match
        find = self._starts.search
        while True:
            key = find(fold, pos, end)
            if key is None:
                return None
            pos = key.start()
            found = match(text, pos, end)
            if found is not None:
                return found
            pos += 1  # keys may overlap: look again from the next character


def prefiltered(pattern: str, flags: int = 0, *, needs: Iterable[str] = ()) -> Prefiltered:
    """``re.compile(pattern, flags)``, searched only where a match can begin (or ``needs``)."""
    return Prefiltered(re.compile(pattern, flags), needs)
