"""From attribution frames to suggestions, and the article's own voice.

For each frame: the speaker matched to a known source or proposed as new
("he" refers back to the last speaker), the intermediary, the stance (from
the cue, else from the words), the counts, the parties named and the aspect;
one suggestion per claim. Sentences with no frame that state a count or an
event become suggestions in the outlet's own voice; a quotation with no cue
of its own continues the last quoted speaker.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from tracker.extraction.aspects import PartyNames, classify, named_parties
from tracker.extraction.attribution import Frame
from tracker.extraction.claims import denied_claim, denies_an_attack, name_the_speaker
from tracker.extraction.cues import CUE_STANCE, KIND_CANNOT_VERIFY, KIND_TOLL, find_cues
from tracker.extraction.names import AliasTable, clean_name, guess_kind
from tracker.extraction.prefilter import prefiltered
from tracker.extraction.quantities import find_quantities
from tracker.extraction.quotes import Quote
from tracker.extraction.referents import PRONOUN, Referent, referent_of, resolve
from tracker.extraction.results import (
    QUOTE_DIRECT,
    QUOTE_OWN_VOICE,
    Intermediary,
    Mention,
    Party,
    ProposedSource,
    Quantity,
    Sentence,
    SourceMatch,
    Span,
    Suggestion,
)
from tracker.extraction.stance import content_stance
from tracker.vocabularies import Aspect, SourceKind, Stance, SuggestionVoice

_EVENT = prefiltered(
    r"\b(?:killed|killing|kills|dead|died|dies|wounded|injured|struck|strikes?|airstrikes?"
    r"|air[ \t]+strikes?|attack(?:ed|s)?|bombed|bombing|shelled|shelling|raided|raids?|targeted"
    r"|destroyed|captured|seized|clash(?:ed|es)|fighting|fought|fired|launched|carried[ \t]+out"
    r"|conducted|massacre|explosion|exploded|blast|ambush(?:ed)?|retook|recaptured|controls?"
    r"|controlled|holds|took[ \t]+control|under[ \t]+attack|offensive|assault|hit|losing|lost"
    r"|regained|bastion|in[ \t]+the[ \t]+hands[ \t]+of|evacuated|fled|displaced|responsibility)\b",
    re.IGNORECASE,
)
_GENERIC_MEDIA = re.compile(
    r"^(?:(?:state|state-run|state-owned|local|official|government|pro-government|opposition"
    r"|[A-Z][a-z]+n|[A-Z][a-z]+i|Arab|foreign|Western|other|some|several|news|media|social)"
    r"[ \t-]+)*"
    r"(?:media|TV|television|radio|news[ \t]+agency|press|outlets|reports|newspapers?|broadcaster"
    r"|channels?)$",
    re.IGNORECASE,
)
_SPEAKER_PARTY = "a denied attack names its speaker (or whom the speaker speaks for) as the party"
# A quick test before the claim rules: a negation, or a leading "its", "it", "we".
_NEGATIVE_OR_PRONOUN = re.compile(
    r"\b(?:not|never|no)\b|n['’]t\b|^(?:its?|our|we|they|their)\b", re.IGNORECASE
)
_REVISED = re.compile(
    r"\b(?:revised|revises|corrected|corrects|lowered|lowers|downgraded)\b", re.IGNORECASE
)
_TOLL_NOUN = re.compile(
    r"\b(?:the|its|their|a)[ \t].*?(?:toll|tally|number[ \t]+of[ \t]+\w+)", re.IGNORECASE
)


class Context:
    """What every paragraph needs: the text, the tables, the mentions, the last speakers."""

    def __init__(
        self,
        text: str,
        sources: AliasTable,
        source_mentions: list[Mention],
        mentions: list[Mention],
    ) -> None:
        self.text = text
        self.sources = sources
        self.source_mentions = source_mentions
        self.source_starts = [m.start for m in source_mentions]
        self.mentions = mentions
        self.mention_starts = [m.start for m in mentions]
        # The speakers so far, for "he said", "it said" and "the ministry said".
        self.speakers: list[Referent] = []
        # The last direct-quote frame, for a quote that continues it.
        self.last_direct: tuple[Frame, Suggestion] | None = None
        # The aspect of the last toll cue, for participles that go on about it.
        self.last_toll_aspect = ""

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        first = bisect.bisect_left(self.mention_starts, start)
        found = []
        for mention in self.mentions[first:]:
            if mention.start >= end:
                break
            if mention.end <= end:
                found.append(mention)
        return found

    def sources_in(self, start: int, end: int) -> list[Mention]:
        first = bisect.bisect_left(self.source_starts, start)
        found = []
        for mention in self.source_mentions[first:]:
            if mention.start >= end:
                break
            if mention.end <= end:
                found.append(mention)
        return found

    def sources_before(self, position: int) -> list[Mention]:
        return self.source_mentions[: bisect.bisect_left(self.source_starts, position)]


def from_frame(context: Context, frame: Frame) -> list[Suggestion]:
    text = context.text
    if frame.speaker is None:
        return []
    s_start, s_end = frame.speaker
    speaker = Span.of(text, s_start, s_end)
    resolved = resolve(
        text,
        s_start,
        s_end,
        sources=context.sources,
        history=context.speakers,
        earlier=lambda: context.sources_before(s_start),
        inside=context.sources_in(s_start, s_end),
    )
    source, proposed, speaker_rule = resolved.source, resolved.proposed, resolved.rule
    relay = proposed is not None and bool(_GENERIC_MEDIA.match(clean_name(speaker.text)))
    if relay:
        proposed = ProposedSource(
            proposed.name,
            str(SourceKind.STATE_MEDIA if "state" in proposed.name.lower() else SourceKind.OUTLET),
            None,
            proposed.rule,
        )
    intermediary = _intermediary(context, frame)
    if (
        intermediary is None
        and resolved.referent is not None
        and PRONOUN.match(speaker.text)
        and context.speakers
        and resolved.referent is context.speakers[-1]
    ):
        # "X told Rudaw ... He said ...": the same interview goes on.
        intermediary = resolved.referent.intermediary
    c_start, c_end = frame.content
    cue = frame.cue
    if cue.kind in CUE_STANCE:
        stance, stance_rule = (
            str(CUE_STANCE[cue.kind]),
            f"the cue '{text[cue.start : cue.end]}' gives the stance",
        )
    elif cue.kind == KIND_TOLL and _REVISED.search(text, cue.start, cue.end):
        stance, stance_rule = str(Stance.RETRACTS), "a revised toll withdraws the earlier figure"
    else:
        stance, stance_rule = content_stance(text, c_start, c_end)
    toll_aspect = _toll_aspect(text[cue.start : cue.end]) if cue.kind == KIND_TOLL else ""
    if frame.continuation and context.last_toll_aspect:
        toll_aspect = context.last_toll_aspect  # "put the toll at 12, saying three were children"
    quantities = find_quantities(text, c_start, c_end, default_aspect=toll_aspect)
    parties = named_parties(text, c_start, c_end, context.mentions_in(c_start, c_end), source)
    claim_text = _claim_text(text, frame)
    rules = list(frame.rules)
    if speaker_rule:
        rules.append(speaker_rule)
    if relay:
        rules.append(
            "the speaker is a medium passing on what others said; the original speaker is not named"
        )
    if intermediary:
        rules.append(intermediary.rule)
    rules.append(f"stance {stance}: {stance_rule}")
    base = {
        "voice": SuggestionVoice.SOURCE,
        "speaker": speaker,
        "source": source,
        "proposed_source": proposed,
        "cue": Span.of(text, cue.start, cue.end),
        "cue_kind": cue.kind,
        "quote": Span.of(text, *frame.quote),
        "quote_kind": frame.quote_kind,
        "stance": stance,
        "claim_text": claim_text,
        "intermediary": intermediary,
        "relay": relay,
        "sentence": frame.sentence,
        "unnamed": resolved.unnamed,
        "affiliation": resolved.affiliation,
        "refers_to": resolved.referent.name if resolved.referent else "",
    }
    referent = referent_of(speaker.text, resolved, intermediary)
    claimant = resolved.affiliation if resolved.person or referent.individual else referent.said_as
    base["claim_text"], base["stance"], denied_attack = _read_straight(
        claim_text, stance, claimant, rules
    )
    if denied_attack and not parties.parties:
        # "The army denied any role in the attack": the party is the army.
        speaks_for = proposed.parent if proposed is not None and resolved.person else source
        parties = PartyNames(
            (Party(speaker, None, speaks_for, _SPEAKER_PARTY, speaker=True),), False, _SPEAKER_PARTY
        )
    made = _with_claims(
        text, base, rules, quantities, cue.kind, parties, c_start, c_end, denied_attack
    )
    context.speakers.append(referent)
    if not frame.continuation:
        context.last_toll_aspect = toll_aspect
    return made


def _with_claims(
    text: str,
    base: dict[str, Any],
    rules: list[str],
    quantities: list[Quantity],
    cue_kind: str,
    parties: PartyNames,
    start: int,
    end: int,
    denied_attack: bool = False,
) -> list[Suggestion]:
    """One suggestion per claim: a count of the dead and one of the injured are two claims.

    ``denied_attack``: the claim is an attack its speaker denies, so whoever
    is named carried it out, or did not (aspect perpetrator).
    """
    counts: list[Quantity] = []
    seen_aspects: set[str] = set()
    for quantity in quantities:
        if (
            quantity.aspect in (Aspect.KILLED, Aspect.INJURED)
            and quantity.aspect not in seen_aspects
        ):
            counts.append(quantity)
            seen_aspects.add(quantity.aspect)
    primaries: list[Quantity | None] = counts or [quantities[0] if quantities else None]
    made = []
    for quantity in primaries:
        aspect, aspect_rule = classify(text, start, end, quantity, cue_kind, parties)
        if denied_attack and aspect not in (Aspect.KILLED, Aspect.INJURED):
            aspect, aspect_rule = str(Aspect.PERPETRATOR), "a denied attack: who carried it out"
        extra = [f"aspect {aspect}: {aspect_rule}"]
        if quantity is not None:
            extra.append(
                f"count '{quantity.text}' -> [{quantity.min}, {quantity.max}] {quantity.unit}: "
                f"{quantity.rule}"
            )
        if parties.parties:
            names = (
                " or ".join(p.span.text for p in parties.parties)
                if parties.alternatives
                else ", ".join(p.span.text for p in parties.parties)
            )
            extra.append(
                f"parties named: {names}{' (alternatives)' if parties.alternatives else ''}"
            )
        made.append(
            Suggestion(
                **base,
                aspect=aspect,
                interval=quantity,
                named_parties=parties.parties,
                parties_are_alternatives=parties.alternatives,
                rules=tuple(rules + extra),
            )
        )
    return made


def _read_straight(
    claim: str, stance: str, claimant: str, rules: list[str]
) -> tuple[str, str, bool]:
    """Name whom "its" and "it" mean; turn a denied negative into the claim it denies.

    Gives the claim text, the stance, and whether the claim is a denied attack.
    """
    if stance != Stance.DENIES and not _NEGATIVE_OR_PRONOUN.search(claim):
        return claim, stance, False  # the common case: nothing to name, nothing denied
    if stance == Stance.ASSERTS and denies_an_attack(claim):
        stance = str(Stance.DENIES)
        rules.append("stance denies: the content says an attack did not happen")
    denied_attack = False
    if stance == Stance.DENIES:
        positive = denied_claim(claim)
        if positive != claim:
            rules.append(f"a denied negative reads as the claim it denies: '{positive}'")
            claim = positive
        denied_attack = bool(_EVENT.search(claim))
    named = name_the_speaker(claim, claimant)
    if named != claim:
        rules.append(f"'{claim.split()[0]}' is {claimant}")
        claim = named[:1].upper() + named[1:]
    return claim, stance, denied_attack


def _toll_aspect(cue_text: str) -> str:
    # "put the death toll at", "put the number of injured at".
    return str(
        Aspect.INJURED if re.search(r"injur|wound", cue_text, re.IGNORECASE) else Aspect.KILLED
    )


def _claim_text(text: str, frame: Frame) -> str:
    content = " ".join(text[frame.content[0] : frame.content[1]].split())
    if frame.cue.kind == KIND_TOLL:
        noun = _TOLL_NOUN.search(text, frame.cue.start, frame.cue.end)
        if noun:
            phrase = noun.group(0)
            return f"{phrase[0].upper()}{phrase[1:]} is {content}"
    return content[:1].upper() + content[1:] if content else content


def _intermediary(context: Context, frame: Frame) -> Intermediary | None:
    if frame.intermediary is None:
        return None
    start, end = frame.intermediary
    text = context.text
    found = context.sources_in(start, end)
    match = (
        SourceMatch(
            found[0].key, found[0].name, found[0].text, "the intermediary's name matches the source"
        )
        if found
        else None
    )
    proposed = None
    if match is None:
        name = clean_name(text[start:end])
        kind = guess_kind(name)
        if kind == SourceKind.OTHER:
            kind = SourceKind.OUTLET
        proposed = ProposedSource(name, str(kind), None, "new outlet: no source has this name")
    return Intermediary(Span.of(text, start, end), match, proposed, frame.intermediary_rule)


def continued_quote(context: Context, quote: Quote, index: int) -> list[Suggestion]:
    assert context.last_direct is not None
    _frame, earlier = context.last_direct
    text = context.text
    stance, stance_rule = content_stance(text, quote.inner_start, quote.inner_end)
    quantities = find_quantities(text, quote.inner_start, quote.inner_end)
    parties = named_parties(
        text,
        quote.inner_start,
        quote.inner_end,
        context.mentions_in(quote.inner_start, quote.inner_end),
        earlier.source,
    )
    base = {
        "voice": SuggestionVoice.SOURCE,
        "speaker": earlier.speaker,
        "source": earlier.source,
        "proposed_source": earlier.proposed_source,
        "cue": None,
        "cue_kind": "continued_quote",
        "quote": Span.of(text, quote.inner_start, quote.inner_end),
        "quote_kind": QUOTE_DIRECT,
        "stance": stance,
        "claim_text": " ".join(text[quote.inner_start : quote.inner_end].split()),
        "intermediary": earlier.intermediary,
        "relay": earlier.relay,
        "sentence": index,
        "unnamed": earlier.unnamed,
        "affiliation": earlier.affiliation,
        "refers_to": earlier.refers_to,
    }
    rules = [
        "a quotation with no cue of its own continues the last quoted speaker, "
        f"{earlier.speaker.text if earlier.speaker else ''}",
        f"stance {stance}: {stance_rule}",
    ]
    return _with_claims(
        text, base, rules, quantities, "", parties, quote.inner_start, quote.inner_end
    )


def own_voice(context: Context, sentence: Sentence, index: int) -> list[Suggestion]:
    text = context.text
    start = sentence.start
    end = sentence.end
    while end > start and text[end - 1] in " \t\n.!?;:,":
        end -= 1
    if end <= start:
        return []
    passive = next(
        (c for c in find_cues(text, start, end) if c.kind == KIND_CANNOT_VERIFY and c.passive), None
    )
    quantities = find_quantities(text, start, end)
    counts = [q for q in quantities if q.unit != "other" or q.aspect]
    event = _EVENT.search(text, start, end)
    if passive is None and not counts and event is None:
        return []
    if passive is not None:
        stance, stance_rule = (
            str(Stance.CANNOT_VERIFY),
            f"'{text[passive.start : passive.end]}': the article could not verify",
        )
    else:
        stance, stance_rule = content_stance(text, start, end)
        if stance not in (Stance.ASSERTS, Stance.HEDGES, Stance.CANNOT_VERIFY):
            # "denied" with no speaker reads as the outlet reporting a denial.
            stance, stance_rule = str(Stance.ASSERTS), "the article states it in its own voice"
    parties = named_parties(text, start, end, context.mentions_in(start, end), None)
    why = (
        f"a count: '{counts[0].text}'"
        if counts
        else (f"an event: '{event.group(0)}'" if event else "an unverifiable report")
    )
    base = {
        "voice": SuggestionVoice.OUTLET,
        "speaker": None,
        "source": None,
        "proposed_source": None,
        "cue": Span.of(text, passive.start, passive.end) if passive else None,
        "cue_kind": "own_voice",
        "quote": Span.of(text, start, end),
        "quote_kind": QUOTE_OWN_VOICE,
        "stance": stance,
        "claim_text": " ".join(text[start:end].split()),
        "intermediary": None,
        "relay": False,
        "sentence": index,
    }
    rules = [
        f"unattributed statement of the article with {why}: the outlet's own voice",
        f"stance {stance}: {stance_rule}",
    ]
    return _with_claims(text, base, rules, counts, "", parties, start, end)
