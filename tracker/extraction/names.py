"""Names: finding the parties and places a table knows, and matching speakers.

The table is plain data (``Entity`` rows with aliases), so the admin-edited
table can be handed in as it is. Matching works on normalised tokens:
case-folded, accents stripped ("Deir el-Zôr"), dots dropped ("U.S." is "us"),
possessives dropped ("Syria's" is "syria"), hyphens and stray spaces treated
as word breaks ("U.S. -led" is "us led"). The longest alias wins.

An alias written in capitals ("IS", "SDF", "SANA") is an acronym and matches
only capitals in the text, so "IS" finds Islamic State but not the verb "is".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from tracker.extraction.results import Entity, Mention, ProposedSource, SourceMatch
from tracker.extraction.wordlists import words
from tracker.vocabularies import SourceKind

# A dotted acronym ("U.S.") or a word, apostrophes inside kept for now.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:['’][^\W_]+)*")
_COMBINING = re.compile(r"[\u0300-\u036f]")


# A token is a plain tuple, (normalised form, start, end, written in
# capitals): texts have thousands, and tuples are the cheapest to make.
Token = tuple[str, int, int, bool]


def normalise_token(raw: str) -> str:
    if raw.isalpha() and raw.isascii():
        return raw.lower()  # the common case, kept fast
    if not raw.isascii():
        raw = _COMBINING.sub("", unicodedata.normalize("NFKD", raw))
    word = raw.casefold().replace(".", "")
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    return word.replace("'", "").replace("’", "")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    tokens = []
    append = tokens.append
    for match in _TOKEN.finditer(text, start, end):
        raw = match.group(0)
        # Inline fast path: most tokens are plain ASCII words.
        norm = raw.lower() if raw.isascii() and raw.isalpha() else normalise_token(raw)
        if norm:
            append((norm, match.start(), match.end(), raw.upper() == raw))
    return tokens


def normalise_name(name: str) -> str:
    """The form two spellings of one name share ("Deir ez-Zor" -> "deir ez zor")."""
    return " ".join(token[0] for token in tokenize(name))


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and not any(c.islower() for c in letters) and len(letters) <= 8


def as_entity(row: Entity | Mapping[str, Any]) -> Entity:
    if isinstance(row, Entity):
        return row
    aliases = row.get("aliases") or ()
    return Entity(
        key=str(row.get("key") or row.get("id") or row.get("name")),
        name=str(row["name"]),
        aliases=tuple(str(a) for a in aliases),
        kind=str(row.get("kind") or ""),
    )


class AliasTable:
    """Entities by every spelling of every name; build once, use for many texts."""

    def __init__(self, rows: Iterable[Entity | Mapping[str, Any]] = ()) -> None:
        self.entities: dict[str, Entity] = {}
        self._index: dict[tuple[str, ...], tuple[str, str, bool]] = {}
        self._first: set[str] = set()
        self._longest = 0
        # Last word of every name -> keys, to resolve "the coalition" to the
        # coalition last named in full.
        self._heads: dict[str, list[str]] = {}
        for row in rows:
            self.add(as_entity(row))

    def __bool__(self) -> bool:
        return bool(self.entities)

    def add(self, entity: Entity) -> None:
        self.entities[entity.key] = entity
        for alias in (entity.name, *entity.aliases):
            acronym = _is_acronym(alias)
            tokens = tuple(t[0] for t in tokenize(alias))
            variants = {tokens}
            if "-" in alias:
                # "Deir ez-Zor" also as "Deir Ezzor".
                joined = tuple(normalise_token(part.replace("-", "")) for part in alias.split())
                variants.add(tuple(t for t in joined if t))
            for variant in variants:
                if not variant:
                    continue
                # The first entity to claim a spelling keeps it; aliases are
                # unique in the admin table, so this only matters for names.
                self._index.setdefault(variant, (entity.key, alias, acronym))
                self._first.add(variant[0])
                self._longest = max(self._longest, len(variant))
            if tokens and not acronym:
                self._heads.setdefault(tokens[-1], []).append(entity.key)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Every known name in ``text[start:end]``, longest match first, left to right."""
        if not self._index:
            return []
        tokens = tokenize(text, start, end)
        return self.find_in_tokens(text, tokens)

    def find_in_tokens(self, text: str, tokens: list[Token]) -> list[Mention]:
        mentions: list[Mention] = []
        norms = [t[0] for t in tokens]
        i = 0
        count = len(tokens)
        while i < count:
            if norms[i] not in self._first:
                i += 1
                continue
            for length in range(min(self._longest, count - i), 0, -1):
                hit = self._index.get(tuple(norms[i : i + length]))
                if hit is None:
                    continue
                key, _alias, acronym = hit
                if acronym and not all(t[3] for t in tokens[i : i + length]):
                    continue
                first, last = tokens[i][1], tokens[i + length - 1][2]
                entity = self.entities[key]
                mentions.append(Mention(first, last, text[first:last], key, entity.name))
                i += length
                break
            else:
                i += 1
        return mentions

    def lookup(self, phrase: str) -> Entity | None:
        """The entity whose name or alias is exactly ``phrase`` (normalised)."""
        tokens = tokenize(phrase)
        hit = self._index.get(tuple(t[0] for t in tokens))
        if hit is None:
            return None
        key, _alias, acronym = hit
        if acronym and not all(t[3] for t in tokens):
            return None
        return self.entities[key]

    def keys_with_head(self, head: str) -> list[str]:
        return self._heads.get(normalise_token(head), [])


def as_table(rows: AliasTable | Iterable[Entity | Mapping[str, Any]] | None) -> AliasTable:
    if rows is None:
        return AliasTable()
    if isinstance(rows, AliasTable):
        return rows
    return AliasTable(rows)


# --- Speakers -------------------------------------------------------------

_TITLES = (
    r"(?:Lt\.?[ \t]+Col|Lt\.?[ \t]+Gen|Maj\.?[ \t]+Gen|Brig\.?[ \t]+Gen|Col|Colonel|Gen|General"
    r"|Maj|Major|Capt|Captain|Lt|Lieutenant|Sgt|Sergeant|Adm|Admiral|Brig|Cmdr|Commander|Dr|Mr"
    r"|Mrs|Ms|Prof|Professor|Sheikh|President|Prime[ \t]+Minister|Minister|Governor|Mayor"
    r"|Senator|Sen|Rep|Ambassador|Judge|Imam|Father|Rev|Gov|Deputy|Spokesman|Spokeswoman"
    r"|Spokesperson)"
)
_NAME_PART = r"(?:(?:al|el|bin|ibn|abu|bint|ben|de|van|von|der|da|di|le|la)[- ])?[A-Z][\w'’-]*"
_TITLED_NAME = re.compile(rf"\b{_TITLES}\.?[ \t]+{_NAME_PART}(?:[ \t]+{_NAME_PART}){{0,3}}")
_PLAIN_NAME = re.compile(rf"\b{_NAME_PART}(?:[ \t]+{_NAME_PART}){{1,3}}")
# Capitalised words that make a name an organisation, a place or a date.
_NOT_PERSON_WORDS = words(
    """ministry forces force army agency news council coalition observatory committee front
    organization organisation office department government command crescent cross party
    union nations state states tv television radio media press times post guardian
    journal herald reuters associated international human rights watch amnesty group
    brigade brigades division battalion corps units unit police guard guards militia
    movement authority authorities commission court university hospital center centre
    institute foundation fund program programme republic kingdom emirates democratic
    syrian iraqi russian american israeli iranian turkish kurdish british french german
    arab islamic national federal general defence defense interior foreign health
    monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december the a an in on of
    for and at by with cell service services network channel agency's"""
)
_ROLE_WORDS = re.compile(
    r"\b(?:spokes(?:person|man|woman|people|men)|press secretary|press officer|"
    r"official|officials|commander|minister|ministers|chief|head|director|envoy|"
    r"representative|officer|leader|governor|mayor|adviser|advisor|secretary)\b",
    re.IGNORECASE,
)
_SPOKES = re.compile(
    r"\bspokes(?:person|man|woman)\b|\bpress (?:secretary|officer)\b|\bCol\b|\bColonel\b",
    re.IGNORECASE,
)
_MILITARY_TITLE = re.compile(
    r"\b(?:Col|Colonel|Gen|General|Maj|Major|Capt|Captain|Lt|Sgt|Adm|Brig|Cmdr)\b\.?"
)

# Kinds guessed from words in a new speaker's name, most specific first.
_KIND_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"\bstate[ -](?:media|tv|television|news|radio|broadcaster|agency|run)", re.I),
        SourceKind.STATE_MEDIA,
    ),
    (
        re.compile(r"\bspokes(?:person|man|woman)\b|\bpress (?:secretary|officer)\b", re.I),
        SourceKind.SPOKESPERSON,
    ),
    (
        re.compile(
            r"\b(?:news agency|agency|Reuters|AFP|Agence France|Associated Press|AP|Anadolu|Xinhua|"
            r"TASS|Interfax|IRNA|EFE|dpa|ANSA|Kyodo|Yonhap|UPI)\b"
        ),
        SourceKind.NEWS_AGENCY,
    ),
    (
        re.compile(
            r"\b(?:TV|television|radio|newspaper|daily|channel|broadcaster|outlet|magazine|website|"
            r"BBC|CNN|Al Jazeera|Al Arabiya|Sky News|Rudaw|Times|Post|Guardian|media)\b",
            re.I,
        ),
        SourceKind.OUTLET,
    ),
    (
        re.compile(
            r"\b(?:United Nations|UN|U\.N\.|UNICEF|WHO|OCHA|UNHCR|World Health|World Food|ICRC|"
            r"Red Cross|Red Crescent|NATO|European Union|EU|African Union|Arab League)\b"
        ),
        SourceKind.INTERNATIONAL_ORG,
    ),
    (
        re.compile(
            r"\b(?:observatory|monitor|monitoring group|Amnesty|Human Rights Watch|charity|NGO|"
            r"aid group|aid agency|watchdog|rights group|Doctors Without Borders|MSF|White Helmets|"
            r"civil defen[cs]e|Airwars|activists?)\b",
            re.I,
        ),
        SourceKind.NGO,
    ),
    (
        re.compile(
            r"\b(?:residents?|witness(?:es)?|eyewitness(?:es)?|survivors?|villagers?|locals?|"
            r"relatives?|neighbou?rs?|father|mother|brother|sister|shopkeeper|farmer|doctors?|"
            r"medics?|nurses?|teacher)\b",
            re.I,
        ),
        SourceKind.WITNESS,
    ),
    (
        re.compile(
            r"\b(?:forces|army|military|militia|militias|rebels?|coalition|brigades?|troops|"
            r"fighters|insurgents|militants|Hezbollah|Hamas|Taliban|commander|battalion)\b",
            re.I,
        ),
        SourceKind.ARMED_PARTY,
    ),
    (
        re.compile(
            r"\b(?:ministry|minister|government|governor|mayor|president|prime minister|"
            r"department|authorities|authority|officials?|council|cabinet|parliament|embassy|"
            r"police|presidency|state department|white house|kremlin|office)\b",
            re.I,
        ),
        SourceKind.GOVERNMENT,
    ),
)

_LEADING_JUNK = re.compile(
    r"^(?:(?:the|a|an|one|two|three|several|some)[ \t]+)?"
    r"(?:(?:statement|report|tally|count|post|message|communiqu[eé]|video|document|figures|data)"
    r"[ \t]+(?:from|by|issued[ \t]+by|released[ \t]+by|published[ \t]+by|of)[ \t]+)?",
    re.IGNORECASE,
)
_DETERMINER = re.compile(r"^(?:the|a|an)[ \t]+", re.IGNORECASE)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})


@dataclass(frozen=True)
class SpeakerResolution:
    source: SourceMatch | None
    proposed: ProposedSource | None


def find_person(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a person's name (with any title) is in ``text[start:end]``; the last one wins."""
    titled = [
        m
        for m in _TITLED_NAME.finditer(text, start, end)
        if not _PLACE_BEFORE.search(text, max(start, m.start() - 8), m.start())
    ]
    if titled:
        match = titled[-1]
        return match.start(), _trim_name(text, match.start(), match.end())
    best = None
    for match in _PLAIN_NAME.finditer(text, start, end):
        words = match.group(0).replace("-", " ").split()
        if any(_POSSESSIVE_S.sub("", w.lower()) in _NOT_PERSON_WORDS for w in words):
            continue
        if _PLACE_BEFORE.search(text, max(start, match.start() - 8), match.start()):
            continue  # "traders in Maung Daw": a place, not a person
        best = (match.start(), match.end())
    return best


_POSSESSIVE_S = re.compile(r"^['’]+|['’]s?$")
# A name after these is a place or a body ("in Maung Daw", "for the Stability
# Support Apparatus"), not a person.
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|from|of|for|the)[ \t]+$", re.IGNORECASE)


def _trim_name(text: str, start: int, end: int) -> int:
    # "Col. Sean Ryan Friday" cannot happen mid-name, but org words can:
    # "Gen. Mazloum Abdi SDF" -> stop at the first word that is not a name.
    words = list(re.finditer(r"\S+", text[start:end]))
    for word in words[2:]:
        if word.group(0).lower().strip("'’") in _NOT_PERSON_WORDS:
            return start + word.start() - 1
    return end


def clean_name(raw: str) -> str:
    name = raw.strip().strip("\"'“”‘’,;:.")
    name = _LEADING_JUNK.sub("", name, count=1)
    name = _DETERMINER.sub("", name, count=1)
    if name.endswith(("'s", "’s")):
        name = name[:-2]
    return " ".join(name.split())


def guess_kind(name: str) -> str:
    if _MILITARY_TITLE.search(name) and not re.search(r"\b(?:ministry|forces|army)\b", name, re.I):
        # An officer quoted by name is, in news copy, speaking for a force.
        return SourceKind.SPOKESPERSON
    for pattern, kind in _KIND_RULES:
        if pattern.search(name):
            return kind
    return SourceKind.OTHER


def resolve_speaker(
    text: str,
    start: int,
    end: int,
    sources: AliasTable,
    earlier: list[Mention],
    mentions: list[Mention] | None = None,
    person: tuple[int, int] | bool | None = True,
) -> SpeakerResolution:
    """Match the speaker ``text[start:end]`` to a known source, or propose one.

    ``earlier`` are the sources table's mentions before the speaker, in text
    order, used to resolve a definite description ("the coalition").
    ``mentions`` are the sources table's mentions inside the speaker, and
    ``person`` where :func:`find_person` found a name in it, when the caller
    has found them already.
    """
    span = text[start:end]
    if mentions is None:
        mentions = sources.find(text, start, end) if sources else []
    if person is True:  # not found by the caller yet
        person = find_person(text, start, end)
    if isinstance(person, tuple):
        p_start, p_end = person
        for mention in mentions:
            if mention.start < p_end and p_start < mention.end:
                return SpeakerResolution(
                    _match(mention, "the speaker's name matches the source"), None
                )
        parent = next((m for m in mentions if m.end <= p_start or m.start >= p_end), None)
        name = " ".join(text[p_start:p_end].split())
        role_text = span
        kind = SourceKind.SPOKESPERSON if _SPOKES.search(role_text) else guess_kind(role_text)
        if kind in (SourceKind.OTHER, SourceKind.ARMED_PARTY) and _MILITARY_TITLE.search(name):
            kind = SourceKind.SPOKESPERSON
        return SpeakerResolution(
            None,
            ProposedSource(
                name,
                str(kind),
                _match(parent, "the speaker speaks for a known source") if parent else None,
                "new person: no source has this name",
            ),
        )
    if mentions:
        mention = mentions[0]
        rest = clean_name(text[mention.end : end])
        before = clean_name(text[start : mention.start])
        if _ROLE_WORDS.search(before) or _ROLE_WORDS.search(rest):
            # "a spokesman for the SDF", "SDF officials": unnamed, speaking for it.
            return SpeakerResolution(_match(mention, "an unnamed speaker for a known source"), None)
        if rest and len(rest.split()) <= 2 and not before:
            # "SDF fighters", "Syrian government forces": part of the source, not it.
            name = clean_name(span)
            return SpeakerResolution(
                None,
                ProposedSource(
                    name,
                    str(guess_kind(name)),
                    _match(mention, "named after a known source"),
                    "new source: a body of a known source",
                ),
            )
        return SpeakerResolution(_match(mention, "the speaker's name matches the source"), None)
    cleaned = clean_name(span)
    words = cleaned.split()
    if 0 < len(words) <= 3 and _DETERMINER.match(span.strip()) and earlier:
        # "the coalition" after "the US-led coalition": the nearest earlier
        # full name ending in the same word.
        keys = set(sources.keys_with_head(words[-1]))
        for mention in reversed(earlier):
            if mention.key in keys:
                return SpeakerResolution(
                    _match(
                        mention, f"'{span.strip()}' refers back to {mention.name} named earlier"
                    ),
                    None,
                )
    if not cleaned or cleaned.lower() in _PRONOUNS:
        return SpeakerResolution(None, None)
    return SpeakerResolution(
        None,
        ProposedSource(
            cleaned, str(guess_kind(cleaned)), None, "new source: no known name matches"
        ),
    )


def _match(mention: Mention, rule: str) -> SourceMatch:
    return SourceMatch(mention.key, mention.name, mention.text, rule)
