"""Which names-table spellings an event's place or name contains: the keys it is filed under.

An event is filed under a place entity when one of the entity's spellings (its
name or an alias) appears in the event's place or name as whole words,
compared as the names table compares names (``tracker.name_keys``: NFKC, case
folded, spaces collapsed). ``place_keys`` gives the key of every run of up to
``MAX_WORDS`` words of a text, written as the text writes it ("Deir ez-Zor"
stays "deir ez-zor"), so one indexed ``name_key IN (...)`` lookup in the names
table and its aliases finds the entities. A possessive counts as the name
("Raqqa's" is also "raqqa").

Whole words, not substrings: "Tal Zor-3" is not filed under "Tal Zor-31".
"""

from __future__ import annotations

from collections.abc import Iterable

from tracker.extraction.names import tokenize
from tracker.name_keys import name_key

# The longest spelling looked for, in words ("Deir ez-Zor" is three).
MAX_WORDS = 6
_POSSESSIVE = ("'s", "’s")


def place_keys(texts: Iterable[str]) -> set[str]:
    """The name key of every run of 1 to MAX_WORDS words in each of ``texts``."""
    keys: set[str] = set()
    for text in texts:
        tokens = tokenize(text)
        for i, (_norm, first, _end, _caps) in enumerate(tokens):
            for _norm_j, _start, last, _caps_j in tokens[i : i + MAX_WORDS]:
                span = text[first:last]
                keys.add(name_key(span))
                if span.endswith(_POSSESSIVE):
                    keys.add(name_key(span[:-2]))
    keys.discard("")
    return keys
