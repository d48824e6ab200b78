"""What a claim is about (its aspect) and which parties it names.

Aspect, in order: a count of the dead or injured; a characterization
("called the attack a massacre"); a perpetrator ("it or partner forces may
have conducted the strikes", "airstrikes by the coalition"); control of
territory ("holds roughly 2,000 square kilometres"); otherwise other.

Parties named as perpetrators are noun phrases in three places: the subject
of an act ("X carried out the strike"), the agent after "by" following an
attack word ("an act of aggression by the illegal coalition"), and the
object of "accused X of" / "blamed X for". Parties joined by "or" are
alternatives, which the comparison treats as not contesting each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extraction.prefilter import prefiltered
from tracker.extraction.results import Mention, Party, Quantity, Span
from tracker.extraction.wordlists import words
from tracker.vocabularies import Aspect

_ACT = (
    r"(?:conducted|carried[ \t]+out|launched|was[ \t]+behind|were[ \t]+behind|is[ \t]+behind"
    r"|are[ \t]+behind|(?:was|were|is|are)[ \t]+responsible|fired|struck|bombed|shelled"
    r"|attacked|targeted|hit|executed|staged|perpetrated|committed|ordered)"
)
_MODAL = (
    r"(?:(?:may|might|could|must|probably|likely|possibly|reportedly|allegedly|also|had|has"
    r"|have|did)[ \t]+){0,3}"
)
# An act verb; its subject is the clause piece just before it.
_SUBJECT_ACT = prefiltered(
    rf"[ \t]+{_MODAL}(?:have[ \t]+)?{_ACT}\b",
    re.IGNORECASE,
    # The act's words, one of which every match has (tests check the list).
    needs=words(
        """conducted carried launched behind responsible fired struck bombed shelled attacked
        targeted hit executed staged perpetrated committed ordered"""
    ),
)
_CLAUSE_BREAK = re.compile(r"[,;:.]")
_BY_AGENT = prefiltered(
    r"\b(?:strikes?|airstrikes?|air[ \t]+strikes?|attacks?|raids?|shelling|bombing|bombardment"
    r"|aggression|assault|massacre|offensive|fire|killed|carried[ \t]+out|conducted|launched"
    r"|committed|perpetrated|targeted|hit|struck|shelled|bombed)\b[^,;.]{0,40}?"
    # "backed by", "led by" describe an ally, not who struck.
    r"(?<!backed)(?<!supported)(?<!led)(?<!run)(?<!funded)(?<!armed)(?<!held)(?<!controlled)"
    r"(?<!occupied)(?<!claimed)(?<!reported)(?<!confirmed)[ \t]by[ \t]+"
    r"(?P<np>[^,;:.()]{1,80})",
    re.IGNORECASE,
    needs=(" by", "\tby"),
)
_ACCUSED = prefiltered(
    r"\b(?:accused|accuses|accusing|blamed|blames|blaming)[ \t]+(?P<np>[^,;:.]{1,80}?)"
    r"[ \t]+(?:of|for)\b",
    re.IGNORECASE,
)
_ATTACK_FROM = prefiltered(
    r"\bunder[ \t]+attack[ \t]+from[ \t]+(?P<np>[^,;:.]{1,120})", re.IGNORECASE
)
_NP_CUT = re.compile(
    r"[ \t](?:on|in|at|near|from|with|after|during|against|along|across|since|who|which|that"
    r"|and[ \t]+(?:an?|the)[ \t]+(?:act|attack))\b",
    re.IGNORECASE,
)
_ALTERNATIVE = re.compile(r"[ \t]*(?:,?[ \t]+or[ \t]+|[ \t]+and/or[ \t]+)[ \t]*", re.IGNORECASE)
_ACTOR = re.compile(
    r"\b(?:forces|force|army|military|coalition|militia|militias|rebels|militants|troops|jihadists"
    r"|group|regime|government|jets|aircraft|warplanes|drones|fighters|insurgents|police"
    r"|navy|air[ \t]+force|partners?|allies|it|they|we)\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"^(?:it|they|we)$", re.IGNORECASE)
_CLEAN_EDGES = "\"'“”‘’ \t,;:"
# Used with match(text, pos): "^" would only match at the start of the text.
_DETERMINER = re.compile(r"(?:the|a|an)[ \t]+", re.IGNORECASE)

_CHARACTERIZATION = prefiltered(
    r"\b(?:massacre|war[ \t]+crimes?|crimes?[ \t]+against[ \t]+humanity|genocide"
    r"|terrorist[ \t]+attack"
    r"|act[ \t]+of[ \t]+(?:aggression|terror(?:ism)?|war)|aggression|atrocit(?:y|ies)|occupiers"
    r"|occupation|barbaric|heinous|cowardly|ethnic[ \t]+cleansing|terrorists?|criminal|illegal"
    r"|unlawful|murderous|savage|provocation)\b",
    re.IGNORECASE,
)
_TERRITORY = prefiltered(
    r"\b(?:controls?|controlled|holds|held|seized|captured|retook|recaptured|regained|territory"
    r"|in[ \t]+the[ \t]+hands[ \t]+of|took[ \t]+control|taken[ \t]+control|advanced[ \t]+into"
    r"|pushed[ \t]+(?:out|back)|bastion|stronghold|enclave|pockets)\b",
    re.IGNORECASE,
)
_CHARACTERIZING_CUE = frozenset({"call"})


@dataclass(frozen=True)
class PartyNames:
    parties: tuple[Party, ...]
    alternatives: bool
    rule: str


def named_parties(
    text: str,
    start: int,
    end: int,
    mentions: list[Mention],
    speaker_source=None,
) -> PartyNames:
    """Perpetrators the words ``text[start:end]`` name, with how they were found."""
    for pattern, rule in (
        (_SUBJECT_ACT, "the subject of an act (carried out, conducted, fired)"),
        (_ACCUSED, "the object of 'accused ... of' / 'blamed ... for'"),
        (_ATTACK_FROM, "'under attack from' names the attacker"),
        (_BY_AGENT, "the agent after 'by' following an attack"),
    ):
        match = pattern.search(text, start, end)
        if match is None:
            continue
        if pattern is _SUBJECT_ACT:
            np_end = match.start()
            np_start = max(start, np_end - 120)
            for brk in _CLAUSE_BREAK.finditer(text, np_start, np_end):
                np_start = brk.end()
            np_start = _subject_start(text, np_start, np_end)
            if np_end <= np_start:
                continue
        else:
            np_start, np_end = match.span("np")
        cut = _NP_CUT.search(text, np_start, np_end)
        if cut:
            np_end = cut.start()
        parts = _split_alternatives(text, np_start, np_end)
        parties = []
        for p_start, p_end in parts:
            p_start, p_end = _clean(text, p_start, p_end)
            if p_end <= p_start:
                continue
            phrase = text[p_start:p_end]
            entity = next((m for m in mentions if p_start <= m.start and m.end <= p_end), None)
            if _PRONOUN.match(phrase):
                parties.append(
                    Party(
                        Span.of(text, p_start, p_end),
                        None,
                        speaker_source,
                        "a pronoun for the speaker",
                    )
                )
            elif entity or _ACTOR.search(phrase) or _has_proper_noun(phrase):
                parties.append(Party(Span.of(text, p_start, p_end), entity, None, rule))
        if parties:
            return PartyNames(
                tuple(parties),
                len(parties) > 1 and len(parts) > 1 and _or_between(text, np_start, np_end),
                rule,
            )
    return PartyNames((), False, "")


def _subject_start(text: str, start: int, end: int) -> int:
    # The subject is the last clause piece before the act: after "said",
    # "that", a comma, or a connector.
    cut = start
    for match in re.finditer(
        r"\b(?:said|says|that|and|but|while|claimed|added|adding|saying|claiming)\b",
        text[start:end],
    ):
        cut = start + match.end()
    return cut


def _split_alternatives(text: str, start: int, end: int) -> list[tuple[int, int]]:
    parts = []
    piece = start
    for match in _ALTERNATIVE.finditer(text, start, end):
        parts.append((piece, match.start()))
        piece = match.end()
    parts.append((piece, end))
    return parts


def _or_between(text: str, start: int, end: int) -> bool:
    return bool(_ALTERNATIVE.search(text, start, end))


def _clean(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _CLEAN_EDGES:
        start += 1
    determiner = _DETERMINER.match(text, start, end)
    if determiner and determiner.end() < end:
        start = determiner.end()
    while start < end and text[start] in _CLEAN_EDGES:
        start += 1
    while end > start and text[end - 1] in _CLEAN_EDGES:
        end -= 1
    return start, end


def _has_proper_noun(phrase: str) -> bool:
    words = _DETERMINER.sub("", phrase, count=1).split()
    return any(w[0].isupper() for w in words)


def classify(
    text: str,
    start: int,
    end: int,
    quantity: Quantity | None,
    cue_kind: str,
    parties: PartyNames,
) -> tuple[str, str]:
    """(aspect, why) of the claim in ``text[start:end]``."""
    if quantity is not None and quantity.aspect in (Aspect.KILLED, Aspect.INJURED):
        return (
            quantity.aspect,
            f"a count of the {'dead' if quantity.aspect == Aspect.KILLED else 'injured'}: "
            f"'{quantity.text}'",
        )
    if cue_kind in _CHARACTERIZING_CUE:
        return str(Aspect.CHARACTERIZATION), "the cue characterizes (called, described as)"
    strong = _CHARACTERIZATION.search(text, start, end)
    if strong and not parties.parties:
        return str(Aspect.CHARACTERIZATION), f"a characterizing word: '{strong.group(0)}'"
    if parties.parties:
        return str(Aspect.PERPETRATOR), f"names who did it: {parties.rule}"
    if quantity is not None and quantity.aspect == Aspect.TERRITORIAL_CONTROL:
        return str(Aspect.TERRITORIAL_CONTROL), f"an area held: '{quantity.text}'"
    territory = _TERRITORY.search(text, start, end)
    if territory:
        return str(
            Aspect.TERRITORIAL_CONTROL
        ), f"a word of territorial control: '{territory.group(0)}'"
    if strong:
        return str(Aspect.CHARACTERIZATION), f"a characterizing word: '{strong.group(0)}'"
    return str(Aspect.OTHER), "no more specific aspect"
