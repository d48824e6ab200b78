"""Attribution cues: the words that say someone said, denied or checked something.

Each cue has a kind, which says where its speaker stands ("X said" on the
left, "according to X" on the right) and whether the cue itself carries a
stance ("denied" denies, "could not independently verify" cannot verify). A
cue's span includes its auxiliaries and negation ("has put the death toll
at", "could not independently verify"), not adverbs before them.

Everything here is one regular expression over the text; every part of it is
a fixed word list or a bounded repeat, so it runs in linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress

from tracker.extraction.wordlists import words
from tracker.vocabularies import Stance

# Kinds and the stance the cue itself gives ("" = decided by the content).
KIND_SAY = "say"
KIND_TOLD = "told"
KIND_ACCORDING_TO = "according_to"
KIND_TOLL = "toll"
KIND_CALL = "call"  # called the attack a "massacre": a characterization
KIND_ACCUSE = "accuse"
KIND_DENY = "deny"
KIND_CANNOT_VERIFY = "cannot_verify"
KIND_INVESTIGATING = "investigating"
KIND_RETRACT = "retract"
KIND_QUOTED = "quoted"  # "state media quoted the governor as saying"
KIND_NO_COMMENT = "no_comment"  # "would neither confirm nor deny"

CUE_STANCE = {
    KIND_DENY: Stance.DENIES,
    KIND_CANNOT_VERIFY: Stance.CANNOT_VERIFY,
    KIND_NO_COMMENT: Stance.CANNOT_VERIFY,
    KIND_INVESTIGATING: Stance.INVESTIGATING,
    KIND_RETRACT: Stance.RETRACTS,
}

_AUX = r"(?:has|have|had|is|are|was|were|will|would|did|does|do|could|can|may|might)"
_ADV = (
    r"(?:also|later|since|previously|repeatedly|again|first|already|initially|earlier|then|not"
    r"|never|independently|immediately|officially|publicly|formally)"
)
# An auxiliary with up to two adverbs, then the verb: "has also said".
_AUX_GROUP = rf"(?P<aux>{_AUX}(?:[ \t]+{_ADV}){{0,2}}[ \t]+)?"

_SAY_VERBS = (
    "said|says|say|saying|added|adds|adding|stated|states|announced|announces|announcing|"
    "noted|notes|explained|wrote|writes|tweeted|posted|insisted|insists|insisting|warned|warns|"
    "warning|argued|argues|maintained|maintains|declared|declares|confirmed|confirms|confirming|"
    "reported|reports|reporting|claimed|claims|claiming|alleged|alleges|alleging|estimated|"
    "estimates|acknowledged|acknowledges|admitted|admits|conceded|concedes|stressed|asserted|"
    "asserts|suggested|suggests|disclosed|revealed|reiterated|countered|replied|responded|"
    "observed|commented|predicted|cautioned|charged|contended|told|tells|"
    "telling|specified|specifies|informs|informed|indicated|indicates|affirmed|affirms|"
    "condemned|condemns|emphasised|emphasized|underlined"
)
# Cues of more than one word, or only before "that": "pointed out", "found that"
# ("rescuers found ten bodies" is no attribution).
_SAY_PHRASES = (
    r"pointed[ \t]+out|points[ \t]+out|found(?=[ \t]+that\b)|finds(?=[ \t]+that\b)"
    r"|(?:was|were|is|are)[ \t]+quoted[ \t]+as[ \t]+saying"
)

CUE = re.compile(
    r"\b(?:"
    # Compound cues first: they contain words the plain verbs would take.
    r"(?P<no_comment>(?:would|could|did|will)[ \t]+(?:neither|not)[ \t]+(?:confirm|deny)"
    r"[ \t]+(?:or|nor)[ \t]+(?:confirm|deny))"
    r"|(?P<cannot_verify>(?:(?:could|can|did|does|do|has|have|had|was|were|is|are)"
    r"(?:[ \t]+not|[ \t]+never|n[’']t)(?:[ \t]+(?:yet|immediately))?(?:[ \t]+been)?"
    r"(?:[ \t]+able[ \t]+to)?|(?:is|are|was|were|has[ \t]+been|have[ \t]+been|had[ \t]+been)"
    r"[ \t]+unable[ \t]+to|cannot)(?:[ \t]+(?:independently|immediately|yet))?"
    r"[ \t]+(?:verify|confirm|corroborate)"
    # The passive has no speaker: the article itself could not verify.
    r"|(?:could|can|has|have|had)(?:[ \t]+not|n[’']t)[ \t]+(?:yet[ \t]+)?(?:be|been)"
    r"(?:[ \t]+(?:independently|immediately))?[ \t]+(?:verified|confirmed|corroborated)"
    # So is "it was not possible to verify".
    r"|it[ \t]+(?:was|is|has[ \t]+been)[ \t]+not[ \t]+(?:yet[ \t]+)?(?:immediately[ \t]+)?"
    r"possible[ \t]+to[ \t]+(?:independently[ \t]+)?(?:verify|confirm|corroborate))"
    r"|(?P<investigating>(?:is|are|was|were|has[ \t]+been|have[ \t]+been|had[ \t]+been)"
    r"(?:[ \t]+(?:also|now|still|currently))?[ \t]+(?:investigating|looking[ \t]+into|reviewing"
    r"|assessing|examining|probing|forwarding|checking)"
    r"|(?:has|have|had|will|would)?[ \t]*(?:opened|launched|ordered|begun|started|open|launch"
    r"|order)[ \t]+(?:an?[ \t]+)?(?:(?:official|formal|internal|criminal|urgent)[ \t]+)?"
    r"(?:investigation|inquiry|probe|review)"
    r"|will[ \t]+(?:investigate|look[ \t]+into|review|assess))"
    r"|(?P<toll>(?:(?:has|have|had)[ \t]+)?(?:put|puts|putting|raised|raises|gave|gives|revised|"
    r"set|sets)[ \t]+(?:the|its|their|a)[ \t]+(?:(?:death|casualty|civilian|preliminary|overall"
    r"|latest|final|new)[ \t]+){0,2}(?:toll|tally|number[ \t]+of[ \t]+(?:dead|deaths|killed"
    r"|casualties|victims|injured|wounded))(?:[ \t]+(?:at|to|of))?)"
    r"|(?P<according_to>according[ \t]+to)"
    r"|(?P<quoted>quoted)(?=[ \t]+[^,.;:\"“”]{1,80}?[ \t]+as[ \t]+saying\b)"
    r"|(?P<deny>" + _AUX_GROUP.replace("aux", "aux_deny") + r"(?:denied|denies|deny|denying"
    r"|rejected|rejects|rejecting|dismissed|dismisses|dismissing|refuted|refutes|disputed"
    r"|disputes|disputing|rebuffed))"
    r"|(?P<retract>" + _AUX_GROUP.replace("aux", "aux_retract") + r"(?:retracted|retracts"
    r"|retracting|withdrew|withdrawn|withdrawing|rescinded|walked[ \t]+back|backtracked[ \t]+on"
    r"|backtracked"
    r"|corrected))"
    r"|(?P<call>" + _AUX_GROUP.replace("aux", "aux_call") + r"(?:called|calls|calling|described"
    r"|describes|describing|branded|brands|branding|labelled|labeled|termed|dubbed))"
    r"|(?P<accuse>" + _AUX_GROUP.replace("aux", "aux_accuse") + r"(?:accused|accuses|accusing"
    r"|blamed|blames|blaming))"
    r"|(?P<say>(?:" + _SAY_PHRASES + r")|" + _AUX_GROUP + r"(?:" + _SAY_VERBS + r"))"
    r")\b",
    re.IGNORECASE,
)

# "called for calm", "so-called": not a characterization.
_CALL_NOT = re.compile(r"[ \t]+(?:for|on|off|up|in|out|back|to)\b|-", re.IGNORECASE)
# Before these words "claims", "reports" and "estimates" are nouns.
_NOUN_BEFORE = words(
    """the these those such its their his her our of and both any all conflicting unconfirmed
    earlier similar local media news initial first latest official these two several many
    some no an a"""
)
_NOUN_RISK = frozenset({"claims", "reports", "estimates", "states", "notes", "posted", "charges"})
_BE = frozenset({"is", "are", "was", "were", "been", "be", "being"})
_WORD_BEFORE = re.compile(r"([A-Za-z’']+)[ \t]*$")
# Participles that continue the sentence's last speaker: ", adding ...".
# Verbs that, coordinated with an earlier cue ("... and said ..."), start a
# new statement by the same speaker. Others ("and vowed revenge") do not.
COORDINATED = words(
    """said says added adds denied denies insisted insists claimed claims confirmed confirms
    acknowledged admitted warned stressed noted told accused blamed rejected dismissed
    disputed reported announced stated alleged"""
)
PARTICIPLES = words(
    """adding saying claiming calling describing accusing blaming denying insisting warning
    alleging noting stressing arguing branding labelling labeling rejecting confirming
    reporting announcing estimating withdrawing retracting dismissing disputing
    acknowledging admitting conceding"""
)
# Cue verbs in the present or past that make sense inverted: "..., said the minister."
# ("told" is not: it needs an object, so "..., told Reuters" never inverts.)
INVERTIBLE = frozenset(
    {
        "said",
        "says",
        "added",
        "adds",
        "wrote",
        "explained",
        "stated",
        "insisted",
        "warned",
        "noted",
        "asked",
        "replied",
    }
)


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    kind: str
    verb: str  # the cue's main word, lower case ("said", "according")
    passive: bool = False


# The words a cue ends in (or, for "according to", starts with). Scanning for
# them first and trying the full pattern only a few words back from each is
# many times faster than running the pattern at every word of the text.
_TRIGGERS = (
    frozenset(_SAY_VERBS.split("|"))
    | words("""pointed points found finds saying""")
    | words(
        """denied denies deny denying rejected rejects rejecting dismissed dismisses dismissing
    refuted refutes disputed disputes disputing rebuffed retracted retracts retracting withdrew
    withdrawn
    withdrawing
    rescinded walked backtracked corrected called calls calling described describes describing
    branded brands branding labelled labeled termed dubbed accused accuses accusing blamed blames
    blaming verify confirm corroborate verified confirmed corroborated investigating looking into
    reviewing assessing examining probing forwarding checking investigation inquiry probe review
    investigate look assess toll tally number according quoted"""
    )
)
_WORD = re.compile(r"[A-Za-z’']+")
_LOOKBACK_WORDS = 6
# Words a cue can start with before its trigger: auxiliaries, negation, the
# verbs of "put the toll at" and of "opened an investigation".
_STARTS = words(
    """it has have had is are was were will would did does do could can may might cannot couldn’t
    couldn't can’t can't didn’t didn't hasn’t hasn't haven’t haven't wasn’t wasn't weren’t
    weren't put puts putting raised raises gave gives revised set sets opened launched ordered
    begun started open launch order"""
)


def _matches(text: str, start: int, end: int) -> list[re.Match[str]]:
    # The words as lists made by C functions; only the few trigger words are
    # looked at one by one.
    found_words = list(_WORD.finditer(text, start, end))
    lowered = list(map(str.lower, map(_GROUP, found_words)))
    found = []
    consumed = start
    for index in compress(range(len(lowered)), map(_TRIGGERS.__contains__, lowered)):
        word = found_words[index]
        w_start = word.start()
        if w_start < consumed:
            continue
        w_end = word.end()
        for k in range(max(0, index - _LOOKBACK_WORDS), index + 1):
            k_start = found_words[k].start()
            if k_start < consumed or (k < index and lowered[k] not in _STARTS):
                continue
            match = CUE.match(text, k_start, end)
            if match and match.end() >= w_end:
                found.append(match)
                consumed = match.end()
                break
    return found


_GROUP = re.Match.group


def find_cues(text: str, start: int, end: int) -> list[Cue]:
    cues = []
    for match in _matches(text, start, end):
        kind = match.lastgroup or KIND_SAY
        if kind.startswith("aux"):
            kind = _kind_of(match)
        group_name = kind
        group = match.group(group_name)
        words = group.split()
        verb = words[-1].lower() if words else ""
        aux = (
            (words[0].lower() if len(words) > 1 else "")
            if kind in (KIND_SAY, KIND_DENY, KIND_CALL, KIND_ACCUSE, KIND_RETRACT)
            else ""
        )
        if kind == KIND_TOLL:
            verb = "toll"
        elif kind == KIND_ACCORDING_TO:
            verb = "according"
        if kind == KIND_SAY and verb in ("told", "tells", "telling"):
            kind = KIND_TOLD
        if kind == KIND_SAY and len(words) == 4 and words[1].lower() == "quoted":
            # "X was quoted as saying": X speaks; the passive is no reason to drop it.
            verb = "quoted as saying"
            aux = ""
        elif kind == KIND_SAY and words[-1].lower() == "out":
            verb = "pointed out"
        if (
            words
            and words[-1][:1].isupper()
            and not aux
            and _mid_sentence(text, start, match.start())
        ):
            continue  # "United States", "Reports" in a name: a proper noun, not a verb
        if aux in _BE:
            # "were reported killed", "was told", "is said to": passive, no speaker.
            continue
        before = _WORD_BEFORE.search(text, max(start, match.start() - 30), match.start())
        word_before = before.group(1).lower() if before else ""
        if verb in _NOUN_RISK and word_before in _NOUN_BEFORE:
            continue  # "the claims", "media reports"
        if word_before in _BE and kind in (
            KIND_SAY,
            KIND_TOLD,
            KIND_DENY,
            KIND_CALL,
            KIND_ACCUSE,
            KIND_RETRACT,
        ):
            continue
        if verb == "saying" and word_before == "as":
            continue  # part of "quoted X as saying"
        if verb == "estimated" and word_before in ("an", "the"):
            continue  # "an estimated 2,000"
        if kind == KIND_CALL and _CALL_NOT.match(text, match.end(), end):
            continue
        if kind == KIND_CALL and text[
            max(start, match.start() - 3) : match.start()
        ].lower().endswith("so-"):
            continue
        passive = kind == KIND_CANNOT_VERIFY and (verb.endswith("ed") or group[:3].lower() == "it ")
        cues.append(Cue(match.start(group_name), match.end(group_name), kind, verb, passive))
    return cues


def _mid_sentence(text: str, start: int, position: int) -> bool:
    before = text[max(start, position - 4) : position].rstrip()
    return bool(before) and (before[-1].isalnum() or before[-1] == ",")


def _kind_of(match: re.Match[str]) -> str:
    for kind in (KIND_DENY, KIND_RETRACT, KIND_CALL, KIND_ACCUSE, KIND_SAY):
        if match.group(kind):
            return kind
    return KIND_SAY
