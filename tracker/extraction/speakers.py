"""What a speaker phrase says beyond the name: for whom, and whether it names anyone.

- :func:`organisation_of` finds the organisation a speaker speaks for: "X, a
  spokesman for the defence ministry", "the ministry's spokesman X", "Col. X,
  spokesperson for the coalition", "X of the Civil Defence", "SDF spokesman X",
  "a health ministry official".
- :func:`is_unnamed` says whether the phrase names nobody: "officials",
  "a source close to the investigation", "residents", "a doctor who asked not
  to be named".
- :func:`short_reference` reads "the ministry", "the group", "its office" as a
  reference back to an earlier speaker, and gives the head word to look for.

All three read the words of one phrase with bounded regular expressions.
"""

from __future__ import annotations

import re

# Words that make a phrase a role held within an organisation.
_ROLE = (
    r"spokes(?:person|man|woman|people|men)|officials?|commander|chief|head|director"
    r"|coordinator|chair(?:man|woman|person)?|adviser|advisor|member|sources?|doctors?|officer"
    r"|representative|correspondent|researcher|commissioner(?:-general)?|envoy|deputy|medics?"
)
_ROLE_WORD = re.compile(rf"\b(?:{_ROLE})\b", re.IGNORECASE)
# "the Turkish defence ministry's", "MSF's", "the Houthis'", "Its": the possessor
# of a role, within one comma piece, then up to three describing words.
_PRONOUN_ROLE = rf"(?P<pronoun>its|his|her|their|our)[ \t]+(?:[\w-]+[ \t]+){{0,2}}?(?:{_ROLE})\b"
_POSSESSED_ROLE = re.compile(
    _PRONOUN_ROLE
    + rf"|(?P<org>(?:the[ \t]+)?[\w.-]+(?:[ \t]+[\w.-]+){{0,7}}?)(?:['’]s|(?<=s)['’])[ \t]+"
    rf"(?:[\w-]+[ \t]+){{0,3}}?(?:{_ROLE})\b",
    re.IGNORECASE,
)
# _POSSESSED_ROLE without an apostrophe in the piece: only the pronoun can own
# the role, and this is many times cheaper than trying every word as a possessor.
_POSSESSED_PRONOUN = re.compile(_PRONOUN_ROLE, re.IGNORECASE)
_ROLE_OF = re.compile(
    rf"\b(?:{_ROLE})[ \t]+(?:for|of|at|in|with|from|close[ \t]+to)[ \t]+(?P<org>[^,;()]+)",
    re.IGNORECASE,
)
# "SDF spokesman", "a health ministry official", "An Israeli military spokesperson".
_ORG_BEFORE_ROLE = re.compile(
    rf"^(?:(?:an?|the|two|three|several|some)[ \t]+)?(?:(?:senior|official|top|local|chief"
    rf"|media)[ \t]+)?(?P<org>[\w.-]+(?:[ \t]+[\w.-]+){{0,5}}?)[ \t]+"
    rf"(?:(?:media|press|official|chief|senior)[ \t]+)?(?:{_ROLE})\b",
    re.IGNORECASE,
)
# "the SDF's Manbij Military Council", "the Information Team of the Commission":
# a named body within another.
_BODY_OF = re.compile(
    r"^(?:the[ \t]+)?(?P<owner>[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*){0,4})(?:['’]s|(?<=s)['’])"
    r"[ \t]+[A-Z]"
    r"|^(?:the[ \t]+)?[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,3}[ \t]+of[ \t]+(?P<parent>the[ \t]+"
    r"[A-Z][^,;()]+)$"
)
# "Ahmed Khalil of the Civil Defence".
_NAME_OF = re.compile(r"^[^,]+?[ \t]+of[ \t]+(?P<org>the[ \t]+[^,;()]+)$")
_OWNERSHIP = re.compile(r"['’]|[ \t]of[ \t]")
_CUT_ORG = re.compile(
    r",|[ \t]+(?:who|which|speaking|said|says|in[ \t]+(?:a|an|the)[ \t]+statement)\b",
    re.IGNORECASE,
)
_ORG_WORD = re.compile(
    r"\b(?:ministry|ministries|forces|army|military|council|office|command|committee"
    r"|corporation|agency|cent(?:re|er)|organi[sz]ation|society|network|group|coalition"
    r"|administration|government|police|hospital|defen[cs]e|authority|brigades?|units?"
    r"|militia|party|movement|front|commission|team|cell|services?|institute|union|court"
    r"|department|directorate|observatory|monitor|foundation|association|federation|bureau"
    r"|mission|legion|apparatus|factions|junta|kremlin|presidency|navy|guard|fund|programme"
    r"|program|charity|sub-delegation|delegation)\b",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"\b(?=[A-Z0-9]*[A-Z])[A-Z0-9]{2,}\b")
_DETERMINER = re.compile(r"^(?:the|a|an)[ \t]+", re.IGNORECASE)

_ANONYMOUS = re.compile(
    r"\b(?:not[ \t]+to[ \t]+be[ \t]+named|anonymity|declined[ \t]+to[ \t]+be[ \t]+(?:named"
    r"|identified)|not[ \t]+authori[sz]ed|requested[ \t]+anonymity|did[ \t]+not[ \t]+want"
    r"[ \t]+to[ \t]+be[ \t]+named)\b",
    re.IGNORECASE,
)
_UNNAMED_HEAD = re.compile(
    r"^(?:[\w'’.-]+[ \t]+){0,5}?(?:officials?|sources?|residents?|witness(?:es)?|medics?"
    r"|doctors?|activists?|workers?|traders?|relatives?|people|villagers?|survivors?"
    r"|commanders?|groups|correspondent|staff|officers|analysts|diplomats?|employees)\b"
    r"|^one[ \t]+of[ \t]+them\b",
    re.IGNORECASE,
)
# A role word before the head of an unnamed phrase makes it a titled speaker:
# "a spokesman for the junta" speaks for the junta, not for nobody.
_SPOKES = re.compile(
    r"\bspokes(?:person|man|woman)\b|\bcommissioner\b|\bcoordinator\b|\bcorrespondent\b", re.I
)

_SHORT_HEADS = (
    r"ministry|group|organi[sz]ation|network|command|cell|team|party|office|statement|report"
    r"|agency|council|army|military|movement|monitor|observatory|coalition|government"
    r"|administration|charity|society|forces|source|official|company|authority|brigade"
    r"|legion|cent(?:re|er)|committee|corporation|commission|communiqu[eé]|force|militia"
    r"|sources"
)
_DETERMINER_OR_POSSESSIVE = re.compile(r"(?:the|its|his|her|their|this|that)\b", re.I)
_SHORT_REFERENCE = re.compile(
    rf"^(?:the|its|his|her|their|this|that)?[ \t]*(?:[a-z-]+[ \t]+)?(?P<head>{_SHORT_HEADS})$",
    re.IGNORECASE,
)
# Heads that stand for whoever spoke last ("the statement added").
DOCUMENT_HEADS = frozenset({"statement", "report", "source", "sources", "official", "communique"})
# Heads that stand for the last organisation that spoke, whatever its name.
GENERIC_HEADS = frozenset(
    {"group", "organisation", "organization", "party", "charity", "movement", "office"}
)


def organisation_of(phrase: str, person: tuple[int, int] | None = None) -> str:
    """The organisation the speaker ``phrase`` speaks for, as written; "" if none.

    ``person`` is where the person's name is within the phrase, if it has one;
    the name is never the organisation. A possessive pronoun ("its chairman")
    comes back as the pronoun, for the caller to resolve.
    """
    if not (_ROLE_WORD.search(phrase) or _OWNERSHIP.search(phrase)):
        return ""  # most speakers: "The Israeli military", "Reuters"
    outside = phrase
    if person is not None:
        outside = phrase[: person[0]] + "," + phrase[person[1] :]
    for piece in outside.split(","):
        piece = piece.strip()
        if not piece or not _ROLE_WORD.search(piece):
            continue
        possessive = "'" in piece or "’" in piece
        possessed = (_POSSESSED_ROLE if possessive else _POSSESSED_PRONOUN).search(piece)
        if possessed:
            if possessed.group("pronoun"):
                return possessed.group("pronoun").lower()
            org = _tidy(possessed.group("org"))
            # "the bakery's owner" names no organisation; "the Houthis'" does.
            if _org_like(org) or org[:1].isupper():
                return org
        role_of = _ROLE_OF.search(piece)
        if role_of:
            org = _CUT_ORG.split(role_of.group("org"), maxsplit=1)[0]
            if _org_like(org):
                return _tidy(org)
        before = _ORG_BEFORE_ROLE.match(piece)
        if before and _org_like(before.group("org")):
            return _tidy(before.group("org"))
    if person is None:
        body = _BODY_OF.match(phrase.strip())
        owner = body and (body.group("owner") or body.group("parent"))
        # "Turkey's Ministry of Defence" is the ministry, not Turkey's body.
        if owner and (_ORG_WORD.search(owner) or _ACRONYM.search(owner)):
            return _tidy(owner)
    if person is not None:
        named_of = _NAME_OF.match(phrase.strip())
        if named_of and _org_like(named_of.group("org")):
            return _tidy(_CUT_ORG.split(named_of.group("org"), maxsplit=1)[0])
    return ""


def _org_like(words: str) -> bool:
    return bool(_ORG_WORD.search(words) or _ACRONYM.search(words) or _PROPER_BODY.match(words))


# "the General Coordination for Displaced Persons": a body's capitalised name;
# one capitalised word ("of Jenin") is more often a place.
_PROPER_BODY = re.compile(
    r"(?:the[ \t]+)[A-Z][\w-]+(?:[ \t]+(?:for|of|and|the|[A-Z][\w-]+))*?[ \t]+[A-Z][\w-]+[ \t]*$"
)


def _tidy(org: str) -> str:
    return " ".join(_DETERMINER.sub("", org.strip(" \t,;:")).split())


def is_unnamed(phrase: str, has_person: bool, has_organisation: bool = False) -> bool:
    """True when the speaker is someone the text does not name.

    A title with an organisation ("a spokesman for the junta", "Al-Manar's
    correspondent") speaks for the organisation, which is named.
    """
    if has_person:
        return False
    if _ANONYMOUS.search(phrase):
        return True
    first_piece = phrase.split(",")[0].strip()
    if _SPOKES.search(first_piece):
        return not has_organisation
    return bool(_UNNAMED_HEAD.match(first_piece))


def short_reference(phrase: str) -> str:
    """The head word of "the ministry", "its office", "the group"; "" for anything else."""
    cleaned = " ".join(phrase.strip(" \t,;:").split())
    match = _SHORT_REFERENCE.match(cleaned)
    words = cleaned.split()
    # Only the determiner, or a lone word, may be capitalised: "Ministry sources"
    # and "the Syrian army" name something.
    if match is None or (len(words) > 1 and any(w[:1].isupper() for w in words[1:])):
        return ""
    if len(words) > 1 and not _DETERMINER_OR_POSSESSIVE.match(cleaned) and words[0][:1].isupper():
        return ""
    head = match.group("head").lower()
    return "communique" if head.startswith("communiqu") else head
