"""Small helpers that turn findings into sentences a person can read."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

_QUOTE_LIMIT = 90


def join_names(names: Sequence[str]) -> str:
    names = list(names)
    if not names:
        return "nobody"
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def join_or(names: Sequence[str]) -> str:
    names = list(names)
    if len(names) <= 1:
        return join_names(names)
    return ", ".join(names[:-1]) + " or " + names[-1]


def plural(count: int, singular: str, plural_form: str) -> str:
    return singular if count == 1 else plural_form


def quoted(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > _QUOTE_LIMIT:
        text = text[: _QUOTE_LIMIT - 1].rstrip() + "…"
    return f'"{text}"'


def aspect_word(aspect: str) -> str:
    return aspect.replace("_", " ")


def digest(*parts: str) -> str:
    # A control character: keys, ids and interval tokens never contain one.
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def ids(values: Sequence[int]) -> str:
    return ",".join(str(v) for v in values)
