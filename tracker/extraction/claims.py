"""Claim text that reads on its own: who "it" is, and what a denial denies.

- :func:`name_the_speaker` puts the speaker's name where the content starts
  with "its", "our", "it", "we" or "they": "its forces fired" said by the
  Turkish military is "The Turkish military's forces fired".
- :func:`denied_claim` turns the denial of a negative into the positive claim
  it denies ("Our units did not carry out any strikes" -> "... units carried
  out strikes"), so it meets the claims it contradicts; the stance stays
  ``denies``.
- :func:`denies_an_attack` says whether a content denies an attack, for a
  stance the cue did not give ("He insisted that no shells were fired").
"""

from __future__ import annotations

import re

_ATTACK_VERBS = (
    r"carry|carried|fire|fired|strike|struck|target|targeted|bomb|bombed|shell|shelled|attack"
    r"|attacked|launch|launched|open|opened|use|used|fly|flown|flew|harm|harmed|kill|killed|hit"
    r"|plant|planted|shoot|shot|raid|raided|storm|stormed|conduct|conducted"
)
_NEGATION = (
    r"(?:did|does|do|had|has|have|was|were|is|are|could|would|will)[ \t]+not|never"
    r"|(?:didn|doesn|don|hadn|hasn|haven|wasn|weren|isn|aren)['’]t"
)
_NEGATED_ATTACK = re.compile(
    rf"\b(?:(?:{_NEGATION})[ \t]+(?:\w+[ \t]+)?(?:{_ATTACK_VERBS})\b"
    rf"|no[ \t]+(?:\w+[ \t]+){{0,2}}(?:was|were|had[ \t]+been|have[ \t]+been|has[ \t]+been)"
    rf"[ \t]+(?:{_ATTACK_VERBS})\b)",
    re.IGNORECASE,
)
_IRREGULAR_PAST = {
    "strike": "struck",
    "hit": "hit",
    "shoot": "shot",
    "fly": "flew",
    "take": "took",
    "send": "sent",
    "give": "gave",
    "make": "made",
    "put": "put",
    "run": "ran",
}
_DID_NOT = re.compile(r"\b(?:did[ \t]+not|didn['’]t)[ \t]+([a-z]+)\b", re.IGNORECASE)
_NEVER = re.compile(r"\bnever[ \t]+", re.IGNORECASE)
_DOES_NOT = re.compile(
    r"\b(does|do)[ \t]+not[ \t]+([a-z]+)\b|\b(doesn|don)['’]t[ \t]+([a-z]+)\b", re.IGNORECASE
)
_AUX_NOT = re.compile(
    r"\b(had|has|have|was|were|is|are|could|would|will)(?:[ \t]+not\b|n['’]t\b)", re.IGNORECASE
)
_NO_SUBJECT = re.compile(r"(^|\bthat[ \t]+|,[ \t]+)no[ \t]+(?=\w)", re.IGNORECASE)
_ANY = re.compile(r"\b(?:any|a[ \t]+single)[ \t]+", re.IGNORECASE)

_LEADING_POSSESSIVE = re.compile(r"^(?:its|their|our)\b", re.IGNORECASE)
_LEADING_SUBJECT = re.compile(r"^(?:it|we|they)(?=[ \t]+[a-z])", re.IGNORECASE)


def denies_an_attack(content: str) -> bool:
    return bool(_NEGATED_ATTACK.search(content))


def name_the_speaker(content: str, name: str) -> str:
    """'its forces had fired' said by the Turkish military -> 'The Turkish military's ...'."""
    if not name or not content:
        return content
    possessive = _LEADING_POSSESSIVE.match(content)
    if possessive:
        owner = f"{name}'" if name.endswith("s") else f"{name}'s"
        return owner + content[possessive.end() :]
    subject = _LEADING_SUBJECT.match(content)
    if subject:
        return name + content[subject.end() :]
    return content


def denied_claim(content: str) -> str:
    """The positive claim a denial of a negative denies; the content if it has no negative."""
    positive = _DID_NOT.sub(lambda m: _past(m.group(1)), content)
    positive = _DOES_NOT.sub(_present, positive)
    positive = _AUX_NOT.sub(lambda m: m.group(1), positive)
    positive = _NEVER.sub("", positive)
    positive = _NO_SUBJECT.sub(lambda m: m.group(1), positive)
    # "denied that the building contained any weapons": "any" goes with the denial.
    positive = _ANY.sub("", positive)
    if positive == content:
        return content
    return positive[:1].upper() + positive[1:]


def _past(verb: str) -> str:
    lower = verb.lower()
    if lower in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[lower]
    if lower == "carry" or (lower.endswith("y") and lower[-2:-1] not in "aeiou"):
        return verb[:-1] + "ied"
    if lower.endswith("e"):
        return verb + "d"
    return verb + "ed"


def _present(match: re.Match[str]) -> str:
    auxiliary = (match.group(1) or match.group(3)).lower()
    verb = match.group(2) or match.group(4)
    if auxiliary.startswith("does"):
        return verb + ("es" if verb.endswith(("s", "sh", "ch", "x")) else "s")
    return verb
