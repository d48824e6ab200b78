"""Helpers for the word lists the rules are made of."""

from __future__ import annotations

import re
from collections.abc import Iterable


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``: word lists read best as prose blocks."""
    return frozenset(text.split())


def trie(alternatives: Iterable[str]) -> str:
    """One pattern for many literal strings, shared prefixes factored out.

    ``trie(["say", "says", "saying"])`` is ``say(?:ing|s)?``. Python's engine
    tries an alternation's branches one after another at every position; a
    trie tries each letter once, which makes a long word list many times
    faster to search. It matches exactly the strings an alternation of them
    would (the longest first where one is a prefix of another).
    """
    root: dict[str, dict] = {}
    for word in alternatives:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + pattern(node[char]) for char in sorted(node) if char]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        group = "(?:" + "|".join(branches) + ")"
        return group + "?" if "" in node else group

    return pattern(root)


def any_of(alternatives: Iterable[str]) -> re.Pattern[str]:
    """A case-sensitive pattern that finds any of the literal strings."""
    return re.compile(trie(alternatives))
