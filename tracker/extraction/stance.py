"""The stance a statement's own words take, when the cue does not decide it.

"Denied", "could not independently verify" and the like carry their stance
in the cue. With a neutral cue ("said") the content decides: "may have" hedges,
"forwarding the report ... for further assessment" is investigating, "did not
carry out" denies. The checks run from the most to the least specific.
"""

from __future__ import annotations

import re

from tracker.extraction.prefilter import Prefiltered, prefiltered
from tracker.extraction.wordlists import any_of
from tracker.vocabularies import Stance

_RETRACTS = prefiltered(
    r"\b(?:retract(?:s|ed|ing)?|withdr(?:aw|aws|ew|awn)[ \t]+(?:the|its|our|their|an|his|her)"
    r"[ \t]+(?:earlier[ \t]+|previous[ \t]+)?(?:claim|statement|report|figure|allegation|account"
    r"|toll)s?|(?:was|were|is|had[ \t]+been)[ \t]+(?:incorrect|wrong|erroneous|in[ \t]+error"
    r"|mistaken|inaccurate)|(?:we|it|they)[ \t]+(?:erred|made[ \t]+a[ \t]+mistake))\b",
    re.IGNORECASE,
)
_DENIES = prefiltered(
    r"\b(?:did|does|do|was|were|has|have|had)(?:[ \t]+not|n[’']t)[ \t]+(?:\w+[ \t]+){0,2}?"
    r"(?:carry|carried|conduct|conducted|target|targeted|strike|struck|attack|attacked|bomb"
    r"|bombed|shell|shelled|kill|killed|fire|fired|launch|launched|involve|involved|take[ \t]+part"
    r"|participate|participated|operate|operating|harm|harmed|hit|use|used|fly|flown|flying"
    r"|responsible|behind|present|there)\b"
    r"|\bnever[ \t]+(?:\w+[ \t]+)?(?:carried|conducted|targeted|struck|attacked|bombed|shelled"
    r"|killed|fired|launched|targets|target|attacks|used)\b"
    r"|\bnot[ \t]+(?:responsible|involved|behind)\b|\bnothing[ \t]+to[ \t]+do[ \t]+with\b"
    r"|\bno[ \t]+(?:civilians?|one|people|children|casualties)[ \t]+(?:were|was|had[ \t]+been)"
    r"[ \t]+(?:killed|hurt|harmed|injured|wounded)\b"
    r"|\b(?:false|baseless|fabricated|untrue|unfounded|groundless|fake|fabrication|fabrications"
    r"|propaganda|categorically|categorical|deny|denies|denied)\b"
    r"|\b(?:are|were|is|was)[ \t]+(?:lies|a[ \t]+lie)\b"
    r"|\b(?:was|were|is|are)(?:[ \t]+not|n[’']t)[ \t]+(?:in|at|near)[ \t]+(?:the[ \t]+)?"
    r"(?:area|vicinity"
    r"|region|location|scene)\b",
    re.IGNORECASE,
)
_INVESTIGATING = prefiltered(
    r"\b(?:investigat(?:ing|ion|e|es)|looking[ \t]+into|look[ \t]+into|looks[ \t]+into"
    r"|forward(?:ing|ed|s)?\b.{0,120}?\bfor[ \t]+(?:further[ \t]+)?(?:assessment|review"
    r"|investigation|examination)|under[ \t]+review|reviewing|assessing|(?:an|the)[ \t]+(?:inquiry"
    r"|probe)|examining|being[ \t]+assessed|seeking[ \t]+(?:more|further|additional)[ \t]+"
    r"(?:information|details)|gathering[ \t]+(?:more[ \t]+)?(?:information|details)"
    r"|(?:trying|working|seeking)[ \t]+to[ \t]+(?:establish|determine|ascertain|verify|confirm))\b",
    re.IGNORECASE,
)
_CANNOT_VERIFY = prefiltered(
    r"\b(?:could[ \t]+not|cannot|can[ \t]+not|couldn[’']t|can[’']t|unable[ \t]+to"
    r"|not[ \t]+able[ \t]+to)"
    r"[ \t]+(?:yet[ \t]+)?(?:independently[ \t]+)?(?:verify|confirm|corroborate|be[ \t]+verified"
    r"|be[ \t]+confirmed)\b"
    r"|\b(?:no|not[ \t]+any)[ \t]+(?:information|details|confirmation"
    r"|independent[ \t]+confirmation)"
    r"[ \t]+(?:on|about|of|regarding)\b",
    re.IGNORECASE,
)
_HEDGES = prefiltered(
    r"\b(?:may|might)[ \t]+(?:have|be|not)\b|\bcould[ \t]+have\b"
    r"|\b(?:possibly|probably|likely|apparently|reportedly|allegedly|presumably|perhaps|seemingly"
    r"|unconfirmed|purportedly|supposedly)\b"
    r"|\b(?:appears?|appeared|seems?|seemed)[ \t]+to\b|\bit[ \t]+is[ \t]+possible\b"
    r"|\b(?:unclear|not[ \t]+(?:yet[ \t]+)?(?:immediately[ \t]+)?clear)\b"
    r"|\b(?:believed|thought|feared|said)[ \t]+to[ \t]+(?:have|be)\b"
    r"|\b(?:cannot|could[ \t]+not|can[’']t)[ \t]+rule[ \t]+out\b|\bnot[ \t]+ruled?[ \t]+out\b"
    r"|\b(?:was|were)[ \t]+reported(?:ly)?[ \t]+(?:killed|dead|wounded|injured|hurt)\b"
    r"|\b(?:could|may|might|is[ \t]+likely[ \t]+to|are[ \t]+likely[ \t]+to|(?:is|are)[ \t]+expected"
    r"[ \t]+to)[ \t]+(?:rise|increase|climb|grow|go[ \t]+up)\b",
    re.IGNORECASE,
)


def _keys(text: str) -> re.Pattern[str]:
    # One search of the lower-cased words for any of the pieces.
    return any_of(text.split())


# Each check with the word pieces one of which its pattern cannot match
# without; testing those substrings first skips most regular expressions.
_CHECKS: tuple[tuple[Prefiltered, str, str, re.Pattern[str]], ...] = (
    (
        _RETRACTS,
        Stance.RETRACTS,
        "the statement withdraws an earlier one",
        _keys("retract withdr incorrect wrong erroneous err mistake inaccurate"),
    ),
    (
        _CANNOT_VERIFY,
        Stance.CANNOT_VERIFY,
        "the statement says it cannot be verified",
        _keys("verif confirm corroborat information details"),
    ),
    (
        _DENIES,
        Stance.DENIES,
        "the statement negates the act or calls the claim false",
        _keys(
            "not n't n’t never nothing no false baseless fabricat untrue unfounded groundless "
            "fake propaganda categor deny denie lie"
        ),
    ),
    (
        _INVESTIGATING,
        Stance.INVESTIGATING,
        "the statement says the matter is being looked into",
        _keys(
            "investigat look forward review assess inquiry probe examin seeking gathering "
            "trying working"
        ),
    ),
    (
        _HEDGES,
        Stance.HEDGES,
        "the statement is hedged (may have, possibly, reportedly)",
        _keys(
            "may might could possib probab likely apparent reported alleged presumab perhaps "
            "seeming unconfirmed purported supposed appear seem clear believed thought feared "
            "said rule expected"
        ),
    ),
)


def content_stance(text: str, start: int = 0, end: int | None = None) -> tuple[str, str]:
    """(stance, the rule that decided it) for the words ``text[start:end]``."""
    end = len(text) if end is None else end
    lower = text[start:end].lower()
    for pattern, stance, rule, keys in _CHECKS:
        if keys.search(lower) is None:
            continue
        match = pattern.search(text, start, end)
        if match:
            return str(stance), f"{rule}: '{match.group(0)}'"
    return str(Stance.ASSERTS), "a plain statement asserts"
