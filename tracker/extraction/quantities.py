"""Counts with their qualifiers, read as intervals, with unit and aspect.

The qualifier decides the interval (``min``, ``max``; ``None`` is open):

========================================  ==============================
"35", "thirty-five", "a dozen"            [35, 35]
"at least 35", "35 or more", "30-plus"    [35, open)
"more than 30", "over 30"                 [31, open)
"fewer than 10", "under 10"               [0, 9]
"up to 12", "as many as 12", "at most"    [0, 12]
"between 20 and 25", "20 to 25", "20-25"  [20, 25]
"roughly/about/around/nearly/some 2,000"  [2000, 2000], approximate
"dozens" / "scores" / "hundreds"          [24, open) / [40, open) / [200, open)
========================================  ==============================

"dozens" is read as at least two dozen with no upper end: the word gives no
ceiling, and one we made up ("at most 99") would put the tracker in conflict
with a source that never said so. Approximate values are not widened here;
the comparison applies its own tolerance.

A number counts only with a unit ("35 civilians", "2,000 square
kilometres") or a count context that implies people ("put the death toll at
more than 30", "killing 12"). Years, dates, times, ages, percentages and
distances are not counts.
"""

from __future__ import annotations

import math
import re

from tracker.extraction.numbers import NUMBER_START, NUMBER_WORDS_ALL, Number, read_number
from tracker.extraction.results import Quantity
from tracker.extraction.wordlists import trie, words
from tracker.vocabularies import Aspect, Unit

_PEOPLE = words(
    """people person persons civilians civilian children child kids kid women woman men man
    soldiers soldier troops trooper troopers fighters fighter militants militant rebels rebel
    insurgents insurgent jihadists jihadist gunmen gunman policemen policeman police officers
    officer residents resident villagers villager protesters protester protestors
    demonstrators demonstrator members member workers worker staff doctors doctor nurses
    nurse medics medic paramedics journalists journalist reporters worshippers worshipper
    students student pupils passengers passenger migrants migrant refugees refugee victims
    victim casualties casualty bodies body dead deaths death fatalities lives infants infant
    babies baby girls girl boys boy teenagers teenager adults adult pilgrims farmers
    fishermen detainees detainee prisoners prisoner hostages hostage captives recruits
    personnel servicemen marines guards guard officials official employees employee
    volunteers volunteer wounded injured injuries patients patient individuals
    family families relatives mourners shoppers commuters pedestrians drivers driver pilots
    pilot crew sailors sailor miners miner firefighters rescuers engineers teachers terrorists
    terrorist attackers attacker bombers gunmen assailants suspects suspect militiamen
    paramilitaries conscripts cadets athletes fans spectators tourists visitors
    inmates"""
)
_BUILDINGS = words(
    """buildings building homes home houses house apartments apartment structures structure
    schools school hospitals hospital mosques mosque churches church shelters shelter
    shops shop blocks"""
)
_STRIKES = words(
    """strikes strike airstrikes airstrike raids raid sorties sortie bombardments
    bombardment"""
)
_OTHER_COUNTABLE = words(
    """rockets rocket missiles missile shells shell mortars mortar drones drone villages
    village towns town vehicles vehicle tanks tank aircraft jets jet helicopters
    explosions explosion attacks attack clashes bombs bomb"""
)
# What follows a number that is not a count of anything we track.
_NOT_COUNTS = words(
    """percent per cent pc years year months month weeks week days day hours hour minutes
    minute seconds second km kilometres kilometers kilometre kilometer miles mile metres
    meters metre meter cm mm kg tonnes tons dollars euros pounds times am pm gmt utc
    degrees o'clock p.m a.m dollar euro points point"""
)
_MONTHS = words(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec"""
)
_KILLED_WORDS = words(
    """killed kill kills killing dead died die dies dying death deaths toll fatalities slain
    massacred perished executed bodies murdered lives lost fatality"""
)
_INJURED_WORDS = words(
    """wounded wounding wound wounds injured injuring injure injuries injury hurt
    hospitalised hospitalized maimed"""
)
_TERRITORY_WORDS = words(
    """controls control controlled holds hold held seized captured territory retook
    regained recaptured occupies occupied"""
)
# Between a number and what it is said to have suffered: "were killed".
_AUXILIARIES = words(
    """were was are is been have has had being reportedly later reported confirmed
    believed feared thought said of them whom those more others may might could
    possibly probably likely all now"""
)
# Words that end the search for what a number suffered: a new clause or verb.
_AFTER_STOP = words(
    """and but while when who which that after before because as also said says told
    where whereas although though then"""
)
# Words that end the noun phrase after a number.
_NP_STOP = words(
    """were was are is have has had in on at by and or but to from with for the a an of
    as when while after before during since who which that this these those its their
    his her our into across near also then still now"""
)

_QUALIFIER = re.compile(
    r"(?:\b(?P<atleast>at least|no fewer than|no less than|a minimum of|not less than)"
    r"|\b(?P<morethan>more than|over|upwards of|in excess of|well over|just over)"
    r"|\b(?P<fewer>fewer than|less than|under|just under|below)"
    r"|\b(?P<atmost>at most|no more than|not more than|up to|as many as|a maximum of)"
    r"|\b(?P<approx>nearly|almost|roughly|about|around|approximately|some|an estimated"
    r"|estimated|close to|circa|an approximate|more or less)"
    r"|\b(?P<between>between|from))[ \t]+$"
)
# The last word of every qualifier above: a window that ends in none has none.
_QUALIFIER_ENDS = tuple(
    words(
        """least than of over under below most to as nearly almost roughly about around
        approximately some estimated circa approximate less between from"""
    )
)


def _may_qualify(window: str) -> bool:
    """Whether the window can end as _QUALIFIER does: a qualifier word, then spaces."""
    if window.endswith("\n"):
        window = window[:-1]  # "$" also matches before a final line break
    return window[-1:] in (" ", "\t") and window.rstrip(" \t").endswith(_QUALIFIER_ENDS)


_POST = re.compile(r"[ \t]*(?:(?P<atleast>or more|and more|plus\b|\+|-plus\b)|(?P<approx>or so\b))")
_RANGE_JOIN = re.compile(r"[ \t]*(?P<join>-|–|—|to\b|and\b|or\b)[ \t]*")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_SPACE = re.compile(r"[ \t]*")
_AGE_OR_TIME = re.compile(
    r"[ \t]*-?[ \t]*(?:year|month|week|day|hour|minute|second|storey|story)s?\b|:\d|[ \t]*%"
)
_KM2 = re.compile(
    r"[ \t]*(?:square[ \t]+(?:kilomet(?:er|re)s?|km)|sq\.?[ \t]*(?:km|kilomet(?:er|re)s?)|km2|km²)",
    re.IGNORECASE,
)
_SQ_MILES = re.compile(r"[ \t]*(?:square|sq\.?)[ \t]+miles?", re.IGNORECASE)
_SQ_MILE_IN_KM2 = 2.59

_LOOK_BEHIND = 40  # characters of qualifier context before a number
_ASPECT_BEFORE_WORDS = 6
_ASPECT_AFTER_WORDS = 8


def find_quantities(
    text: str, start: int = 0, end: int | None = None, *, default_aspect: str = ""
) -> list[Quantity]:
    """Every count in ``text[start:end]`` that has a unit or a count context.

    ``default_aspect`` is the aspect the surrounding words give when the
    number's own context does not ("put the death toll at more than 30").
    """
    end = len(text) if end is None else end
    found: list[Quantity] = []
    if not _may_have_number(text, start, end):
        return found
    consumed = start
    for match in NUMBER_START.finditer(text, start, end):
        if match.start() < consumed:
            continue
        number = read_number(text, match.start(), end)
        if number is None:
            continue
        quantity = _quantity_at(text, number, start, end, default_aspect)
        if quantity is not None:
            found.append(quantity)
            consumed = quantity.end
        else:
            consumed = number.end
    return found


_DIGIT = re.compile(r"\d")
# A number word as a whole run of letters, as ``[a-z]+`` would split them.
_NUMBER_WORD = re.compile(rf"(?<![a-z])(?:{trie(NUMBER_WORDS_ALL)})(?![a-z])")


def _may_have_number(text: str, start: int, end: int) -> bool:
    # A cheap test first: most clauses have no number at all.
    if _DIGIT.search(text, start, end):
        return True
    return _NUMBER_WORD.search(text[start:end].lower()) is not None


def _quantity_at(
    text: str, number: Number, start: int, end: int, default_aspect: str = ""
) -> Quantity | None:
    if _is_date_or_year(text, number, start, end):
        return None
    if _AGE_OR_TIME.match(text, number.end, end):
        return None
    window = text[max(start, number.start - _LOOK_BEHIND) : number.start].lower()
    qualifier = _QUALIFIER.search(window) if _may_qualify(window) else None
    kind = qualifier.lastgroup if qualifier else ""
    q_start = number.start - (len(window) - qualifier.start()) if qualifier else number.start
    low: int | None = number.value
    high: int | None = number.value
    approximate = False
    min_exclusive = max_exclusive = False
    rule = "exact number"
    cursor = number.end

    second = _range_end(text, number, kind, end)
    if second is not None:
        low, high = sorted((number.value, second.value))
        cursor = second.end
        rule = "range"
        approximate = kind == "approx"
    elif kind == "between":
        # "from 20" without a second number: not a range, and not a qualifier.
        q_start, kind = number.start, ""
    post_end = cursor
    if second is None:
        post = _POST.match(text, cursor, end)
        if post and post.lastgroup and post.end() > cursor:
            kind = kind or post.lastgroup
            cursor = post_end = post.end()
    unit, noun, unit_end, aspect = _unit_after(text, cursor, end)
    if unit is None:
        return None
    if second is None and not kind and noun:
        # "40 people or so", "35 civilians or more": the qualifier after the noun.
        post = _POST.match(text, unit_end, end)
        if post and post.lastgroup and post.end() > unit_end:
            kind = post.lastgroup
            post_end = post.end()
    if second is None:
        if number.lower_bound_only:
            low, high, rule = number.value, None, "vague plural: a lower bound only"
        elif kind == "atleast":
            high, rule = None, "at least N: [N, open)"
        elif kind == "morethan":
            low, high, rule = number.value + 1, None, "more than N: [N+1, open)"
            min_exclusive = True
        elif kind == "fewer" and number.value >= 1:
            low, high, rule = 0, number.value - 1, "fewer than N: [0, N-1]"
            max_exclusive = True
        elif kind == "fewer":
            low, high, rule = 0, 0, "fewer than N: [0, N-1]"
        elif kind == "atmost":
            low, rule = 0, "up to N: [0, N]"
        elif kind == "approx":
            approximate, rule = True, "approximate N: marked approximate, widened when compared"
    if unit == Unit.KM2 and noun.lower().startswith(("square mile", "sq mile", "sq. mile")):
        low = None if low is None else math.floor(low * _SQ_MILE_IN_KM2)
        high = None if high is None else math.ceil(high * _SQ_MILE_IN_KM2)
        approximate = True
        rule += "; square miles converted to km2 (approximate)"
    if not aspect:
        aspect = _aspect_after(text, unit_end, end) or _aspect_before(text, q_start, start)
        if not aspect and default_aspect:
            aspect = default_aspect
            rule += "; aspect from the surrounding words"
    if unit == "" and aspect in (Aspect.KILLED, Aspect.INJURED):
        unit = Unit.PEOPLE
        rule += "; unit people implied by the count context"
    if unit == "":
        return None
    if unit == Unit.KM2 and not aspect:
        aspect = Aspect.TERRITORIAL_CONTROL
    text_end = max(unit_end if noun else cursor, post_end)
    return Quantity(
        start=q_start,
        end=text_end,
        text=text[q_start:text_end],
        min=low,
        max=high,
        approximate=approximate,
        unit=str(unit),
        noun=noun,
        aspect=str(aspect) if aspect else "",
        rule=rule,
        min_exclusive=min_exclusive,
        max_exclusive=max_exclusive,
    )


def _is_date_or_year(text: str, number: Number, start: int, end: int) -> bool:
    if number.from_words:
        return False
    raw = text[number.start : number.end]
    if raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2100:
        return True  # a year: a count that size is written "2,014"
    after = _WORD.match(text, _SPACE.match(text, number.end, end).end(), end)
    if after and after.group(0).lower() in _MONTHS:
        return True  # "10 May 2018"
    before = text[max(start, number.start - 12) : number.start].split()
    return bool(before) and before[-1].lower().strip(".,") in _MONTHS  # "May 10"


def _range_end(text: str, number: Number, kind: str, end: int) -> Number | None:
    join = _RANGE_JOIN.match(text, number.end, end)
    if join is None or number.lower_bound_only:
        return None
    second = read_number(text, join.end(), end)
    if second is None or second.lower_bound_only or second.value <= number.value:
        return None
    word = join.group("join")
    if word == "and":
        return second if kind == "between" else None  # "killed 12 and wounded 30" is not a range
    if word == "or":
        # "two or three": consecutive small numbers only.
        return second if second.value - number.value <= 2 and second.value <= 20 else None
    if len(text[number.start : number.end]) == 4 and text[number.start : number.end].isdigit():
        return None  # "2014-2015"
    return second


def _unit_after(text: str, position: int, end: int) -> tuple[str | None, str, int, str]:
    """(unit, noun as written, end of the noun, aspect the noun implies).

    unit is "" when nothing follows that names a unit (the context may still
    imply people), None when what follows says this is not a count.
    """
    km2 = _KM2.match(text, position, end) or _SQ_MILES.match(text, position, end)
    if km2:
        return Unit.KM2, text[position : km2.end()].strip(), km2.end(), ""
    cursor = position
    for index in range(4):
        gap = _SPACE.match(text, cursor, end).end()
        if gap == cursor and index > 0:
            return "", "", position, ""
        word = _WORD.match(text, gap, end)
        if word is None:
            return "", "", position, ""
        token = word.group(0)
        lower = token.lower().rstrip("'’")
        if lower in _NOT_COUNTS:
            return None, "", position, ""
        if lower == "of" and index == 0:  # "dozens of civilians", "30 of them"
            cursor = word.end()
            continue
        unit, aspect = _unit_of(token, lower)
        if aspect and index > 0:
            # "12 dead" names the dead; "12 also wounded" is a verb, not a noun.
            return "", "", position, ""
        if lower in ("air", "drone"):
            # "air strikes", "drone strikes": two words, one unit.
            nxt = _WORD.match(text, _SPACE.match(text, word.end(), end).end(), end)
            if nxt and nxt.group(0).lower() in ("strikes", "strike", "raids", "raid"):
                return Unit.STRIKES, text[gap : nxt.end()], nxt.end(), ""
        if unit:
            return unit, token, word.end(), aspect
        if lower in _NP_STOP or lower in _AUXILIARIES or lower in _KILLED_WORDS | _INJURED_WORDS:
            return "", "", position, ""
        cursor = word.end()  # an adjective: "35 Syrian civilians", "12 more people"
    return "", "", position, ""


def _unit_of(token: str, lower: str) -> tuple[str, str]:
    if lower in ("dead", "deaths", "death", "fatalities", "bodies", "lives"):
        return Unit.PEOPLE, Aspect.KILLED
    if lower in ("wounded", "injured", "injuries"):
        return Unit.PEOPLE, Aspect.INJURED
    if lower in _PEOPLE:
        return Unit.PEOPLE, ""
    if lower in _BUILDINGS:
        return Unit.BUILDINGS, ""
    if lower in _STRIKES:
        return Unit.STRIKES, ""
    if lower in _OTHER_COUNTABLE:
        return Unit.OTHER, ""
    # A demonym: "35 Syrians", "12 Palestinians", "four Lebanese".
    if token[0].isupper() and lower.endswith(("ians", "ans", "is", "ese", "kurds")):
        return Unit.PEOPLE, ""
    return "", ""


def _aspect_after(text: str, position: int, end: int) -> str:
    # "35 civilians were killed", "20 fighters from the group were killed":
    # auxiliaries and a prepositional phrase may come between, not another
    # verb or clause.
    cursor = position
    for _ in range(_ASPECT_AFTER_WORDS):
        gap = _SPACE.match(text, cursor, end).end()
        word = _WORD.match(text, gap, end)
        if word is None:
            return ""
        lower = word.group(0).lower()
        aspect = _aspect_of(lower)
        if aspect:
            return aspect
        if lower in _AFTER_STOP or (lower.endswith("ed") and lower not in _AUXILIARIES):
            return ""
        cursor = word.end()
    return ""


def _aspect_before(text: str, position: int, start: int) -> str:
    # "killing 12", "put the death toll at more than 30": the nearest count
    # word before the number, within the clause.
    window = text[max(start, position - 80) : position]
    for stop in ',;:.()"“”':
        cut = window.rfind(stop)
        if cut != -1:
            window = window[cut + 1 :]
    words = _WORD.findall(window)[-_ASPECT_BEFORE_WORDS:]
    for word in reversed(words):
        lower = word.lower()
        if lower in ("and", "but", "while"):
            return ""
        aspect = _aspect_of(lower)
        if aspect:
            return aspect
    return ""


def _aspect_of(lower: str) -> str:
    if lower in _KILLED_WORDS:
        return Aspect.KILLED
    if lower in _INJURED_WORDS:
        return Aspect.INJURED
    return ""


TERRITORY_WORDS = _TERRITORY_WORDS
