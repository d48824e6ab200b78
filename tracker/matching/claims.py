"""When a suggested claim says the same as a claim already filed under its event. Pure.

Two claims of one event say the same when they have the same aspect and the
same figure (a count aspect with a unit: killed, injured), or, for the other
aspects, the same text once normalised: Unicode NFKC, case folded,
punctuation dropped and spaces collapsed, so "At least 35 killed." and
"at least 35 killed" are one claim. Two different figures are never one
claim, even in the same words.
"""

import re
import unicodedata
from dataclasses import dataclass

from tracker.vocabularies import COUNT_ASPECTS

_NOT_WORD = re.compile(r"[^\w]+")


def normalized_text(text: str) -> str:
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return " ".join(_NOT_WORD.sub(" ", folded).split())


@dataclass(frozen=True)
class ClaimShape:
    """What decides sameness: the aspect, the figure, the words."""

    pk: int
    aspect: str
    text: str
    count_min: int | None = None
    count_max: int | None = None
    unit: str = ""


def _counted(claim: ClaimShape) -> bool:
    return claim.aspect in COUNT_ASPECTS and bool(claim.unit)


def says_the_same(new: ClaimShape, existing: ClaimShape) -> bool:
    if new.aspect != existing.aspect:
        return False
    if _counted(new) or _counted(existing):
        return (new.count_min, new.count_max, new.unit) == (
            existing.count_min,
            existing.count_max,
            existing.unit,
        )
    return normalized_text(new.text) == normalized_text(existing.text) != ""


def same_claim(new: ClaimShape, existing: list[ClaimShape]) -> int | None:
    """The oldest existing claim that says the same as ``new``, by id; None when none does."""
    matches = [claim.pk for claim in existing if says_the_same(new, claim)]
    return min(matches) if matches else None
