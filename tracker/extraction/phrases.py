"""Phrases around a cue: the speaker before it, the noun phrase after it.

These are the span rules the attribution frames are built from. A speaker is
the noun phrase that ends at the cue, with its titles, roles, appositives
("Col. Sean Ryan, a coalition spokesman") and relative clauses ("MSF, which
supports a hospital in the city"), without the asides ("in a statement on
Friday") or the clause it ends ("Twelve died and the army said"). Every
search is bounded to a window before the cue, so a pasted dump with no
punctuation costs linear time.
"""

from __future__ import annotations

import re

from tracker.extraction.wordlists import trie, words

DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)"
TIME = (
    rf"(?:(?:on|late|early|late[ \t]+on|early[ \t]+on|by|since)[ \t]+{DAYS}"
    r"(?:[ \t]+(?:morning|afternoon|evening|night))?|last[ \t]+(?:week|month|night|year)"
    r"|this[ \t]+(?:week|month|morning)|earlier|later|previously|on[ \t]+Monday)"
)
# Whole comma-separated pieces between a speaker and its cue that are not the
# speaker: "The ministry, in a statement on Friday, said".
ADVERBIAL_SEGMENT = re.compile(
    rf"(?:{TIME}|in[ \t]+an?[ \t]+(?:\w+[ \t]+){{0,2}}?(?:statement|post|tweet|video|message"
    r"|interview|briefing|conference|speech|communiqu[eé]|remarks)(?:[ \t]+[^,]{0,60})?"
    r"|in[ \t]+(?:his|her|its|their)[ \t]+(?:\w+[ \t]+)?(?:statement|remarks|briefing|post)"
    r"(?:[ \t]+[^,]{0,60})?|however|meanwhile|separately|also|though|too|instead|moreover"
    r"|for[ \t]+(?:his|her|its|their)[ \t]+part|in[ \t]+response|in[ \t]+turn"
    r"|speaking[ \t]+(?:on[ \t]+condition[ \t]+of[ \t]+anonymity|to[ \t]+[^,]{1,60}"
    r"|at[ \t]+[^,]{1,60}|from[ \t]+[^,]{1,60}|in[ \t]+[^,]{1,60}|by[ \t]+[^,]{1,60})"
    r"|on[ \t]+condition[ \t]+of[ \t]+anonymity"
    r"|(?:citing|quoting)[ \t]+[^,]{1,80}|in[ \t]+a[ \t]+[^,]{1,40}|for[ \t]+example"
    r"|as[ \t]+well|again|already|too)[ \t]*",
    re.IGNORECASE,
)
# A comma piece that qualifies the speaker rather than naming it.
MODIFIER_SEGMENT = re.compile(
    r"(?:who|which|whose|where|that|based|known|headed|led|backed|run|funded|supported"
    r"|affiliated|allied|linked|close|itself|himself|herself|themselves)\b",
    re.IGNORECASE,
)
LEADING_ADVERBIALS = re.compile(
    r"(?:(?:but|and|however|meanwhile|also|separately|earlier|later|then|yet|still|now|instead"
    r"|moreover|elsewhere|so|thus|officially)[ \t]+)*"
    rf"(?:{TIME}[ \t]+)?(?:in[ \t]+an?[ \t]+(?:\w+[ \t]+)?statement[ \t]+)?",
    re.IGNORECASE,
)
CONNECTOR = re.compile(
    r"\b(?:"
    + trie(
        words(
            """but while whereas although though because when if so until once where yet and as
            after before since then with"""
        )
    )
    + r")\b",
    re.IGNORECASE,
)
ALWAYS_CUT = frozenset(
    {
        "but",
        "while",
        "whereas",
        "although",
        "though",
        "because",
        "when",
        "if",
        "so",
        "until",
        "once",
        "where",
        "yet",
        "then",
    }
)
VERBISH = re.compile(
    r"\b(?:is|are|was|were|has|have|had|did|does|will|would|can|could|may|might|been"
    # A lower-case past participle; "Ahmed" is a name.
    r"|(?-i:[a-z]\w{2,}ed))\b",
    re.IGNORECASE,
)
ROLE = re.compile(
    r"\b(?:spokes(?:person|man|woman)|official|commander|minister|chief|head|director|envoy"
    r"|representative|officer|leader|governor|mayor|adviser|advisor|secretary|resident|witness"
    r"|doctor|member|agency|body|group|monitor|analyst|expert|researcher|lawyer|activist|owner"
    r"|chair(?:man|woman|person)?|coordinator|commissioner(?:-general)?|president|founder"
    r"|correspondent|manager|deputy|counterpart|council)\b",
    re.IGNORECASE,
)
INDEFINITE = re.compile(r"(?:an?|the|its|his|her|their)\b", re.IGNORECASE)
AUDIENCE = re.compile(
    r"(?:reporters|journalists|the[ \t]+press|a[ \t]+(?:news|press)[ \t]+conference|lawmakers"
    r"|parliament|the[ \t]+crowd|supporters|him|her|them|us|me|you|it|residents|mourners"
    r"|a[ \t]+(?:briefing|rally|gathering|meeting|summit|session))\b",
    re.IGNORECASE,
)
# Where a "told X" object or an "according to X" speaker ends.
# No full stop: inside a sentence a stop is an abbreviation ("said Lt. Col. X").
NP_END = re.compile(
    r"[,;:!?()\"“”]|[ \t](?:that|who|which|on|in|at|during|late|early|earlier|later|by|after"
    r"|when|as|while|because|over|about|the[ \t]+\w+[ \t]+(?:was|were|had|has|is|are))\b"
    r"|[ \t](?:said|says|told|added)\b",
    re.IGNORECASE,
)
TRAILING = " \t\n,;:.!?—–-"
# A relative or time clause tacked on after an inverted speaker.
NP_TAIL = re.compile(r",[ \t]*(?:who|which|adding|saying|in|on|speaking)\b", re.IGNORECASE)
LEADING_JUNK = re.compile(
    r"(?:(?:an?|the)[ \t]+)?(?:(?:\w+[ \t]+)?(?:statement|report|tally|count|post|message"
    r"|communiqu[eé]|video|document|figures|data|announcement)[ \t]+(?:from|by|issued[ \t]+by"
    r"|released[ \t]+by|published[ \t]+by|of|on[ \t]+behalf[ \t]+of)[ \t]+)",
    re.IGNORECASE,
)
POSSESSIVE_STATEMENT = re.compile(
    r"['’]s?[ \t]+(?:\w+[ \t]+)?(?:statement|report|tally|spokes(?:person|man|woman)|office)$",
    re.IGNORECASE,
)
NOT_NP_START = re.compile(r"(?:which|whom|what|that|this|it|to|the[ \t]+same)\b", re.IGNORECASE)
NP_START = re.compile(r"[A-Z0-9]|(?:the|a|an|his|her|its|their|one|two|three|several|some)\b")
NP_VERB = re.compile(
    r"\b(?:is|are|was|were|had|has|have|would|will|did|could|can|may|might|should|must)\b",
    re.IGNORECASE,
)

TRAILING_TIME = re.compile(
    rf"[ \t]+(?:{TIME}|also|again|meanwhile|however|too|yesterday|today|now|then)$", re.IGNORECASE
)
# The last words TRAILING_TIME can end in (upper case is lowered before the test).
_TIME_ENDS = tuple(
    words(
        """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
        morning afternoon evening night week month year earlier later previously also again
        meanwhile however too now then"""
    )
)


def _trailing_time(text: str, s: int, e: int) -> re.Match[str] | None:
    tail = text[max(s, e - 13) : e]
    if tail.endswith("\n"):
        tail = tail[:-1]  # "$" also matches before a final line break
    if tail.isascii() and not tail.lower().endswith(_TIME_ENDS):
        return None  # the common case, without trying the pattern at every space
    return TRAILING_TIME.search(text, max(s, e - 60), e)


RELATIVE = re.compile(r"\b(?:who|which|whose|that)\b", re.IGNORECASE)

PLACE = re.compile(
    rf"[ \t]+(?!{DAYS}\b)(?:the[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+(?:al-|el-)?[A-Z][\w'’-]*){{0,2}}"
)

MAX_SPEAKER_WORDS = 16
# How far before a cue a speaker (with its asides) is looked for, in characters.
SPEAKER_WINDOW = 400


def ends_with_comma(text: str, position: int) -> bool:
    before = text[max(0, position - 12) : position].rstrip()
    return before.endswith(",") or before.lower().endswith(", and")


def speaker_shaped(piece: str) -> bool:
    # "The ministry, ..." before a comma and a cue is a speaker with an aside.
    words = piece.split()
    return 0 < len(words) <= 4 and not VERBISH.search(piece) and piece.strip()[0].isupper()


_SEPARATOR = re.compile("[,;:—–]")


def speaker_before(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase that ends just before a cue, with titles and appositives."""
    lo = max(lo, hi - SPEAKER_WINDOW)  # a speaker is a few words; never scan a whole paste
    end = hi
    while end > lo and text[end - 1].isspace():
        end -= 1
    if end <= lo:
        return None
    segments: list[tuple[int, int]] = []
    piece = lo
    for separator in _SEPARATOR.finditer(text, lo, end):
        position = separator.start()
        if position == lo and text[position] in "—–":
            continue  # a dash opening the window splits nothing
        segments.append((piece, position))
        piece = position + 1
    segments.append((piece, end))
    segments = [strip(text, s, e) for s, e in segments]
    chosen = len(segments) - 1
    while chosen >= 0:
        s, e = segments[chosen]
        if e > s and not skippable(text, s, e):
            break
        chosen -= 1
    if chosen < 0:
        return None
    s, e = segments[chosen]
    trailing = _trailing_time(text, s, e)
    while trailing and trailing.start() > s:
        e = trailing.start()
        trailing = _trailing_time(text, s, e)
    s = after_connector(text, s, e)
    s = LEADING_ADVERBIALS.match(text, s, e).end()
    s = skip_space(text, s, e)
    if e <= s or len(text[s:e].split()) > MAX_SPEAKER_WORDS:
        return None
    head = (s, e)
    if chosen > 0 and all(skippable(text, *segments[k]) for k in range(chosen - 1)):
        ps, pe = segments[chosen - 1]
        ps = skip_space(text, LEADING_ADVERBIALS.match(text, ps, pe).end(), pe)
        if pe > ps and appositive(text[ps:pe], text[s:e]):
            s = ps
    # Relative clauses and modifiers right after the speaker are part of it:
    # "Medecins Sans Frontieres, which supports a hospital in the city, said".
    for k in range(chosen + 1, len(segments)):
        ks, ke = segments[k]
        if ke <= ks:
            continue
        if not MODIFIER_SEGMENT.match(text, ks, ke) or len(text[head[0] : ke].split()) > 40:
            break
        e = ke
    return strip_junk(text, s, e)


def skippable(text: str, s: int, e: int) -> bool:
    if e <= s:
        return True
    return bool(ADVERBIAL_SEGMENT.fullmatch(text, s, e) or MODIFIER_SEGMENT.match(text, s, e))


def after_connector(text: str, s: int, e: int) -> int:
    cut = s
    for match in CONNECTOR.finditer(text, s, e):
        word = match.group(0).lower()
        left = text[s : match.start()]
        if word in ALWAYS_CUT or (left.strip() and VERBISH.search(left)):
            cut = match.end()
    return cut


def appositive(previous: str, current: str) -> bool:
    prev_words = previous.split()
    if not prev_words or len(prev_words) > 7 or VERBISH.search(previous):
        return False
    current_lower = current.lower()
    if current_lower.startswith(("a ", "an ")):
        return True  # "Col. Sean Ryan, a coalition spokesman"
    if INDEFINITE.match(current) and ROLE.search(current) and name_like(previous):
        return True  # "Rami Abdel Rahman, the observatory's head"
    if name_like(previous) and (
        ROLE.match(current) or (POSSESSOR.match(current) and ROLE.search(current))
    ):
        # "X, head of the committee", "Claire Nicolet, MSF's emergency coordinator"
        return True
    return bool(
        previous.lower().startswith(("a ", "an ", "the ", "its ", "his ", "her ", "their "))
        and ROLE.search(previous)
        and name_like(current)
    )


# "MSF's", "the Houthis'": a name in the possessive opens a role.
POSSESSOR = re.compile(r"(?:the[ \t]+)?[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,4}(?:['’]s?)[ \t]", re.I)


def name_like(phrase: str) -> bool:
    words = [
        w
        for w in phrase.replace("-", " ").split()
        if w.lower() not in ("al", "el", "bin", "ibn", "abu", "de", "van", "von")
    ]
    return 0 < len(words) <= 5 and all(w[0].isupper() for w in words)


def np_after(
    text: str, position: int, limit: int, *, allow_appositive: bool
) -> tuple[int, int] | None:
    start = skip_space(text, position, limit)
    if start >= limit:
        return None
    # After an inverted "said" the noun phrase must look like one ("said 12
    # died" is not inverted); after "according to" any words will do.
    if allow_appositive and not NP_START.match(text, start, limit):
        return None
    if not allow_appositive and NOT_NP_START.match(text, start, limit):
        return None
    stop = NP_END.search(text, start, limit)
    for _ in range(2):
        # "the health ministry in Gaza": a capitalised place keeps the phrase going.
        if stop is None or stop.group(0).strip().lower() not in ("in", "at"):
            break
        place = PLACE.match(text, stop.end(), limit)
        if place is None:
            break
        stop = NP_END.search(text, place.end(), limit)
    end = stop.start() if stop else limit
    if allow_appositive and stop and text[stop.start()] == ",":
        # "said Col. Ryan, a coalition spokesman."
        rest = skip_space(text, stop.end(), limit)
        piece_end = text.find(",", rest, limit)
        piece = text[rest : piece_end if piece_end != -1 else limit].rstrip(" .\t")
        if (
            text[rest : rest + 2].lower() in ("a ", "an")
            or text[rest : rest + 4].lower() == "the "
            or appositive(text[start : stop.start()], piece)  # "X, MSF's coordinator"
        ):
            tail = NP_TAIL.search(text, rest, limit)
            end = tail.start() if tail else limit
    end = trim_end(text, start, end)
    phrase = text[start:end]
    head = RELATIVE.split(phrase, maxsplit=1)[
        0
    ]  # "a shopkeeper who was ..." is still a noun phrase
    if not phrase or len(phrase.split()) > 16 or NP_VERB.search(head):
        return None
    return start, end


def object_after(text: str, position: int, limit: int) -> tuple[int, int] | None:
    start = skip_space(text, position, limit)
    if start >= limit:
        return None
    stop = NP_END.search(text, start, limit)
    end = trim_end(text, start, stop.start() if stop else limit)
    if end <= start or len(text[start:end].split()) > 8:
        return None
    return start, end


def is_outlet_like(text: str, start: int, end: int) -> bool:
    phrase = text[start:end]
    if AUDIENCE.fullmatch(phrase.strip()):
        return False
    if re.search(
        r"\b(?:TV|television|radio|media|newspaper|agency|channel|broadcaster|daily|news)\b",
        phrase,
        re.IGNORECASE,
    ):
        return True
    words = [w for w in phrase.split() if w.lower() not in ("the", "of", "al", "and")]
    return bool(words) and words[0][0].isupper()


def strip_junk(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop "a statement from" before, and "'s statement" after, the speaker."""
    junk = LEADING_JUNK.match(text, s, e)
    if junk and junk.end() < e:
        s = junk.end()
    possessive = (
        POSSESSIVE_STATEMENT.search(text, s, e)
        if text.find("'", s, e) != -1 or text.find("’", s, e) != -1
        else None  # the pattern begins with an apostrophe
    )
    if possessive and possessive.start() > s and "spokes" not in possessive.group(0).lower():
        e = possessive.start()
    return s, e


def clause_start(text: str, lo: int, hi: int) -> int:
    """Where a clause starting at ``lo`` really begins: after space, commas and a connector."""
    position = lo
    while position < hi and (text[position].isspace() or text[position] in ",;"):
        position += 1
    return LEADING_ADVERBIALS.match(text, position, hi).end() if position < hi else position


TRAILING_CONNECTOR = re.compile(
    r"(?:[ \t,;]+(?:but|while|whereas|and|though|although))+[ \t,;]*$", re.IGNORECASE
)


def clause_end(text: str, start: int, end: int) -> int:
    end = trim_end(text, start, end)
    connector = TRAILING_CONNECTOR.search(text, start, end)
    if connector:
        end = trim_end(text, start, connector.start())
    return end


def strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def skip_space(text: str, position: int, limit: int) -> int:
    while position < limit and text[position].isspace():
        position += 1
    return position


def trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    return end


def only_punctuation(text: str, start: int, end: int) -> bool:
    return not text[start:end].strip(" \t\n,;:.!?—–-")
