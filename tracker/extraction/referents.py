"""Who a speaker is: pronouns and short references resolved, organisations attached.

The article's speakers so far are kept in order (:class:`Referent`). A new
speaker phrase is read as:

- a pronoun: "he"/"she" is the most recent person, "it" the most recent
  organisation, "they"/"we" whoever spoke last;
- a short reference ("the ministry", "the group", "the statement"): the most
  recent speaker whose name has that word, else (for "the group", "the
  party") the most recent organisation, else (for "the statement", "the
  source") whoever spoke last;
- anything else: matched against the sources table or proposed as new
  (:func:`tracker.extraction.names.resolve_speaker`), with the organisation it
  speaks for (:func:`tracker.extraction.speakers.organisation_of`) found among
  the known sources or proposed too, and marked unnamed when it names nobody.

A titled speaker with no name ("a spokesman for the junta") stands for the
organisation itself, so the ministry and its spokesman count once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from tracker.extraction.names import AliasTable, find_person, guess_kind, resolve_speaker
from tracker.extraction.results import Intermediary, Mention, ProposedSource, SourceMatch
from tracker.extraction.speakers import (
    DOCUMENT_HEADS,
    GENERIC_HEADS,
    is_unnamed,
    organisation_of,
    short_reference,
)
from tracker.vocabularies import SourceKind

_RANKED = re.compile(
    r"(?:Col|Gen|Maj|Lt|Capt|Brig|Adm|Dr|Mr|Mrs|Ms|Sgt|President|Minister|Governor|Mayor)\b"
)
_POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})
_FIRST_WORDS = re.compile(r"(?:the[ \t]+)?\S+(?:[ \t]+(?!in\b|of\b|for\b|at\b)\S+)?", re.I)
PRONOUN = re.compile(r"^(?:he|she|they|it|we|i)$", re.IGNORECASE)
_TITLED = re.compile(
    r"\b(?:spokes(?:person|man|woman)|commissioner(?:-general)?|coordinator|chief|head|director"
    r"|representative|envoy|office|correspondent)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Referent:
    """A speaker already met in the article."""

    name: str
    source: SourceMatch | None
    proposed: ProposedSource | None
    person: bool
    affiliation: str = ""
    unnamed: bool = False
    intermediary: Intermediary | None = None
    # The words the text first used for this speaker, for claim text ("The Turkish military").
    said_as: str = ""
    # A titled individual ("the UN's coordinator"): "she" may mean them.
    individual: bool = False


@dataclass(frozen=True)
class Resolved:
    source: SourceMatch | None
    proposed: ProposedSource | None
    rule: str
    person: bool = False
    affiliation: str = ""
    unnamed: bool = False
    # The earlier speaker a pronoun or short reference stands for.
    referent: Referent | None = None


def pick_for_pronoun(history: list[Referent], pronoun: str) -> Referent | None:
    if not history:
        return None
    word = pronoun.lower()
    if word in ("he", "she", "i"):
        wanted = [r for r in history if r.person or r.individual]
    elif word == "it":
        wanted = [r for r in history if not r.person and not r.unnamed]
    else:
        wanted = []
    return (wanted or history)[-1]


def pick_for_head(history: list[Referent], head: str) -> Referent | None:
    if not history:
        return None
    if head in DOCUMENT_HEADS:
        return history[-1]
    stem = " " + (head[:-1] if head.endswith("s") and len(head) > 4 else head)
    for referent in reversed(history):
        if stem in " " + referent.name.lower():  # a word of the name starts with it
            return referent
    if head in GENERIC_HEADS:
        for referent in reversed(history):
            if referent.person or referent.unnamed:
                continue
            kind = referent.proposed.kind if referent.proposed else ""
            if head != "office" and kind in _NOT_A_GROUP:
                continue  # "the group" is no government, ministry or newspaper
            return referent
    return None


_NOT_A_GROUP = frozenset(
    {
        SourceKind.GOVERNMENT,
        SourceKind.STATE_MEDIA,
        SourceKind.OUTLET,
        SourceKind.NEWS_AGENCY,
    }
)


def resolve(
    text: str,
    start: int,
    end: int,
    *,
    sources: AliasTable,
    history: list[Referent],
    earlier: Callable[[], list[Mention]],
    inside: list[Mention],
) -> Resolved:
    """``earlier`` gives the known sources named before the speaker, when needed."""
    phrase = text[start:end].strip()
    if PRONOUN.match(phrase):
        referent = pick_for_pronoun(history, phrase)
        if referent is None:
            return Resolved(None, None, f"'{phrase}' refers to no earlier speaker")
        return _as_referent(referent, f"'{phrase}' refers back to {referent.name}")
    head = short_reference(phrase)
    if head and not inside:
        referent = pick_for_head(history, head)
        if referent is not None:
            return _as_referent(referent, f"'{phrase}' refers back to {referent.name}")
    person_span = find_person(text, start, end)
    resolution = resolve_speaker(text, start, end, sources, earlier(), inside, person_span)
    source, proposed = resolution.source, resolution.proposed
    # A known source whose name merely looks like one ("Doctors Without Borders")
    # is no person; a titled one ("Col. Sean Ryan") is.
    person = person_span is not None and (
        (proposed is not None and proposed.rule.startswith("new person"))
        or (source is not None and bool(_RANKED.match(text, person_span[0], person_span[1])))
    )
    relative = (person_span[0] - start, person_span[1] - start) if person else None
    organisation = organisation_of(text[start:end], relative)
    org_name, org_match = _organisation(organisation, sources, history)
    unnamed = is_unnamed(text[start:end], person, bool(org_name))
    rule = (
        f"source {source.name}: {source.rule}"
        if source
        else (f"proposed new source '{proposed.name}' ({proposed.kind})" if proposed else "")
    )
    if org_name and person and proposed is not None:
        proposed = _with_parent(proposed, org_name, org_match)
        rule += f"; speaks for {org_name}"
    elif org_name and not person and not unnamed and _TITLED.search(phrase):
        # "a spokesman for the junta": the organisation speaks through its title.
        if org_match is not None:
            source, proposed = org_match, None
        elif source is None or source.name.lower() not in org_name.lower():
            source = None
            proposed = ProposedSource(
                org_name,
                str(guess_kind(org_name)),
                None,
                "a title with no name speaks for its organisation",
            )
        rule = f"an unnamed {phrase.split(',')[0]} speaks for {org_name}"
    return Resolved(source, proposed, rule, person, org_name, unnamed)


def _as_referent(referent: Referent, rule: str) -> Resolved:
    return Resolved(
        referent.source,
        referent.proposed,
        rule,
        referent.person,
        referent.affiliation,
        referent.unnamed,
        referent,
    )


def _organisation(
    organisation: str, sources: AliasTable, history: list[Referent]
) -> tuple[str, SourceMatch | None]:
    """The organisation's name and known source, with "its" and "the ministry" resolved."""
    if not organisation:
        return "", None
    referent = None
    if organisation in _POSSESSIVES:
        referent = pick_for_pronoun(history, "it") if organisation != "our" else None
    else:
        # "the administration in charge of displaced people": its first words.
        head = short_reference(_FIRST_WORDS.match(organisation).group(0))
        if head:
            referent = pick_for_head(history, head)
    if referent is not None:
        return referent.name, referent.source
    if organisation in _POSSESSIVES:
        return "", None
    entity = sources.lookup(organisation) if sources else None
    if entity is not None:
        return entity.name, SourceMatch(
            entity.key, entity.name, organisation, "the organisation spoken for is a known source"
        )
    return organisation, None


def _with_parent(
    proposed: ProposedSource, org_name: str, org_match: SourceMatch | None
) -> ProposedSource:
    if proposed.parent is not None:
        return proposed
    if org_match is not None:
        return replace(proposed, parent=org_match)
    return replace(
        proposed,
        proposed_parent=ProposedSource(
            org_name, str(guess_kind(org_name)), None, "the organisation a speaker speaks for"
        ),
    )


def referent_of(
    speaker_text: str, resolved: Resolved, intermediary: Intermediary | None
) -> Referent:
    """What to remember of this speaker for the pronouns that follow."""
    if resolved.referent is not None:
        return replace(resolved.referent, intermediary=intermediary)
    name = (
        resolved.source.name
        if resolved.source
        else (resolved.proposed.name if resolved.proposed else speaker_text.strip())
    )
    said_as = speaker_text.split(",")[0].strip()
    return Referent(
        name,
        resolved.source,
        resolved.proposed,
        resolved.person,
        resolved.affiliation,
        resolved.unnamed,
        intermediary,
        said_as,
        individual=bool(_INDIVIDUAL.search(said_as)) and not resolved.unnamed,
    )


# A singular title: the one person who holds it.
_INDIVIDUAL = re.compile(
    r"\b(?:spokes(?:person|man|woman)|coordinator|commissioner(?:-general)?|director|chief|head"
    r"|minister|governor|mayor|envoy|official|commander|doctor|worker)\b",
    re.IGNORECASE,
)
