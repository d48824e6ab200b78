"""Who said it: speaker, cue, quote and intermediary of each attribution.

For every cue in a sentence this builds a *frame*: the speaker span, the
quote span and the content the speaker is reported to have said. The shapes:

- ``"Q," the minister said.`` / ``the minister said: "Q"`` -- a direct quote
  next to the attribution; the quote is the words inside the marks.
- ``The ministry said 12 people died.`` -- indirect speech, speaker on the
  left; the quote is the whole attributing clause, speaker to content.
- ``Twelve people died, the ministry said.`` / ``..., said the minister.`` --
  content on the left; the quote is again the whole clause.
- ``According to state media, 12 people died.`` -- speaker on the right.
- ``..., adding that ...`` -- a participle continues the last speaker.
- ``State TV quoted the governor as saying ...`` -- the governor speaks,
  state TV relays.

A cue inside another speaker's reported content ("the army said residents
told it ...") is nested speech and gets no frame of its own, unless a
connector (", but", "; ") starts a new clause.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from tracker.extraction.cues import (
    COORDINATED,
    INVERTIBLE,
    KIND_ACCORDING_TO,
    KIND_QUOTED,
    KIND_TOLD,
    PARTICIPLES,
    Cue,
    find_cues,
)
from tracker.extraction.phrases import (
    DAYS,
    SPEAKER_WINDOW,
    TIME,
    appositive,
    clause_end,
    clause_start,
    ends_with_comma,
    is_outlet_like,
    np_after,
    object_after,
    only_punctuation,
    skip_space,
    skippable,
    speaker_before,
    speaker_shaped,
    strip,
    strip_junk,
    trim_end,
)
from tracker.extraction.prefilter import prefiltered
from tracker.extraction.quotes import Quote, QuoteIndex
from tracker.extraction.results import QUOTE_DIRECT, QUOTE_INDIRECT, Sentence

_AFTER_CUE = re.compile(
    rf"(?:[ \t]*,?[ \t]*(?:{TIME}|in[ \t]+an?[ \t]+(?:\w+[ \t]+){{0,2}}?(?:statement|post|tweet"
    r"|video|message|briefing|speech|communiqu[eé]|interview|remarks)(?:[ \t]+(?:on|posted"
    r"|published|issued|released|carried|broadcast|aired|with|to)[ \t]+[^,.:\"“”]{1,60}?"
    r"(?=[,.:\"“”]|[ \t]+that\b))?|on[ \t]+(?:its|his|her|their)[ \t]+(?:official[ \t]+)?(?:website"
    r"|\w+[ \t]+(?:channel|account|page)|social[ \t]+media)"
    r"|in[ \t]+(?:a[ \t]+)?(?:written|televised)"
    r"[ \t]+\w+|also|again|too|publicly|repeatedly|on[ \t]+Monday))*",
    re.IGNORECASE,
)
_VIA = re.compile(
    r"[ \t]*,?[ \t]*(?:in[ \t]+an?[ \t]+(?:\w+[ \t]+)?(?:interview|remarks|comments|statement)"
    r"[ \t]+(?:with|to|carried[ \t]+by|published[ \t]+by|broadcast[ \t]+by|aired[ \t]+by|on)"
    r"|speaking[ \t]+to|in[ \t]+comments[ \t]+to|in[ \t]+remarks[ \t]+to)[ \t]+",
    re.IGNORECASE,
)
_DAY = re.compile(rf"{DAYS}(?:[ \t]+(?:morning|afternoon|evening|night))?", re.IGNORECASE)
_THAT = re.compile(r"[ \t]*[,:]?[ \t]*(?:that[ \t]+)?", re.IGNORECASE)
_AS_SAYING = re.compile(r"[ \t]+as[ \t]+saying\b", re.IGNORECASE)
_CONNECTOR_BEFORE = re.compile(
    r"(?:,[ \t]*(?:but|while|whereas|and|though|although)|;|[ \t]+(?:but|while|whereas))[ \t]+",
    re.IGNORECASE,
)
# What joins a cue to the previous speaker's clause without a new subject.
_LINK = re.compile(
    r"(?:,[ \t]*(?:(?P<conj>and|but)[ \t]+)?|[ \t]+(?P<conj2>and|but)[ \t]+)"
    r"(?:(?:also|later|then|again|earlier|subsequently|yet)[ \t]+)?$",
    re.IGNORECASE,
)
_NEGATIVE_SUBJECT = re.compile(r"(?:no|neither|nobody|none|not|nor)\b", re.IGNORECASE)
_PARTICIPLE_AFTER = re.compile(r"[ \t]*,[ \t]*(?P<word>[a-z]+ing)\b")
_FINITE = re.compile(
    r"(?<![-\w])(?:[a-z]\w*ed|gave|put|made|issued|released|sent|told|took|spoke|wrote|has|had"
    r"|have|was|were|is|are|did|offered|cited|published|posted|gives|puts|makes|issues|went)\b"
)
_LEADING_VIA = prefiltered(
    r"(?:in[ \t]+an?[ \t]+(?:\w+[ \t]+)?interview[ \t]+(?:with|on|broadcast[ \t]+by|aired[ \t]+by)"
    r"|speaking[ \t]+(?:to|on)|in[ \t]+(?:comments|remarks)[ \t]+to|writing[ \t]+(?:in|for))[ \t]+",
    re.IGNORECASE,
)


@dataclass
class Frame:
    sentence: int
    cue: Cue
    speaker: tuple[int, int] | None
    quote: tuple[int, int]
    quote_kind: str
    content: tuple[int, int]
    intermediary: tuple[int, int] | None = None
    intermediary_rule: str = ""
    continuation: bool = False
    rules: list[str] = field(default_factory=list)
    # The stretch of the sentence this frame accounts for.
    region: tuple[int, int] = (0, 0)
    direct: Quote | None = None

    def set_content_end(self, end: int, text: str) -> None:
        end = trim_end(text, self.content[0], end)
        self.content = (self.content[0], max(self.content[0], end))
        if self.quote_kind == QUOTE_INDIRECT and self.quote[1] > end:
            self.quote = (self.quote[0], max(self.quote[0], end))
        self.region = (self.region[0], min(self.region[1], max(end, self.region[0])))


def find_frames(
    text: str, sentences: list[Sentence], quotes: QuoteIndex, first_index: int = 0
) -> list[Frame]:
    """Frames of the given sentences (one segment of a paragraph), in text order."""
    frames: list[Frame] = []
    for offset, sentence in enumerate(sentences):
        frames.extend(_sentence_frames(text, sentence, first_index + offset, quotes))
    return frames


def _sentence_frames(text: str, sentence: Sentence, index: int, quotes: QuoteIndex) -> list[Frame]:
    s_start, s_end = sentence.start, trim_end(text, sentence.start, sentence.end)
    cues = [c for c in find_cues(text, sentence.start, sentence.end) if not _in_quote(c, quotes)]
    frames: list[Frame] = []
    for cue in cues:
        if cue.passive:
            continue  # "could not be verified": the outlet's own voice, handled there
        previous = frames[-1] if frames else None
        if previous and cue.start < previous.region[1] and cue.start < previous.cue.end:
            continue
        if previous and cue.kind == KIND_ACCORDING_TO and _relays(text, previous, cue, s_end):
            continue
        link = (
            _LINK.search(text, max(previous.region[0], cue.start - 40), cue.start)
            if previous
            else None
        )
        coordinated = (
            link is not None
            and bool(link.group("conj") or link.group("conj2"))
            and cue.verb in COORDINATED
        )
        if previous and link and (cue.verb in PARTICIPLES or coordinated):
            # ", adding ...", "and said ...", "but denied ...": the same speaker goes on.
            if previous.content[0] <= link.start() < previous.content[1]:
                previous.set_content_end(link.start(), text)
            frame = _continuation(text, cue, previous, index, s_end)
            if frame:
                frames.append(frame)
            continue
        lo = previous.region[1] if previous else s_start
        if previous and previous.content[0] <= cue.start <= previous.content[1]:
            connector = None
            window = max(previous.content[0], cue.start - SPEAKER_WINDOW)
            for match in _CONNECTOR_BEFORE.finditer(text, window, cue.start):
                connector = match
            if connector is None:
                continue  # nested speech: someone the speaker reports on
            previous.set_content_end(connector.start(), text)
            lo = connector.end()
        frame = _frame(text, cue, index, lo, s_start, s_end, quotes)
        if frame is not None:
            frames.append(frame)
    # A clause's quote stops where the next speaker's clause begins.
    for frame, following in itertools.pairwise(frames):
        if frame.quote_kind == QUOTE_INDIRECT and frame.quote[1] > following.region[0]:
            frame.quote = (frame.quote[0], clause_end(text, frame.quote[0], following.region[0]))
    for frame in frames:
        _closing_fragment(text, frame, quotes)
    return frames


def _closing_fragment(text: str, frame: Frame, quotes: QuoteIndex) -> None:
    """'described the attack as "a massacre"': the words in the marks are a direct quote.

    A quotation that closes the reported clause is the speaker's own words;
    one inside a clause that goes on ('struck "military targets" near the
    town') leaves the clause a paraphrase. The claim keeps the whole clause.
    """
    c_start, c_end = frame.content
    if frame.quote_kind != QUOTE_INDIRECT or c_end <= c_start:
        return
    quote = quotes.last_ending_between(c_end - 1, c_end + 2)
    if (
        quote is None
        or not quote.balanced
        or quote.start <= c_start
        or not only_punctuation(text, quote.end, c_end)
        or quote.inner_end <= quote.inner_start
        # 'a "massacre" by the "illegal coalition"': several quoted pieces, a paraphrase.
        or quotes.last_ending_between(c_start, quote.start) is not None
    ):
        return
    frame.quote = (quote.inner_start, quote.inner_end)
    frame.quote_kind = QUOTE_DIRECT
    frame.rules.append("the quotation closes the reported clause: a direct quote")


def _frame(
    text: str,
    cue: Cue,
    index: int,
    lo: int,
    s_start: int,
    s_end: int,
    quotes: QuoteIndex,
) -> Frame | None:
    if cue.kind == KIND_ACCORDING_TO:
        return _according_to(text, cue, index, lo, s_end)
    if cue.kind == KIND_QUOTED:
        return _quoted(text, cue, index, lo, s_end)
    if cue.verb in PARTICIPLES:
        return _participle_of_subject(text, cue, index, lo, s_end)
    inverted = _inverted(text, cue, index, lo, s_end, quotes)
    if inverted is not None:
        return inverted
    # A quote that closes before the cue: the speaker comes after it.
    floor = lo
    before_quote = quotes.last_ending_between(lo, cue.start)
    if before_quote is not None:
        floor = before_quote.end
    speaker = speaker_before(text, floor, cue.start)
    if speaker is None or _NEGATIVE_SUBJECT.match(text, speaker[0], speaker[1]):
        # "No group claimed responsibility": nobody speaks; the article does.
        return None
    rules = [f"cue '{text[cue.start : cue.end]}' ({cue.kind}); speaker before the cue"]
    after = cue.end
    intermediary = None
    intermediary_rule = ""
    leading = _LEADING_VIA.search(text, max(floor, speaker[0] - SPEAKER_WINDOW), speaker[0])
    if leading:
        obj = object_after(text, leading.end(), speaker[0])
        if obj is not None and is_outlet_like(text, *obj):
            intermediary = obj
            intermediary_rule = f"'{text[leading.start() : obj[1]]}': relayed by that outlet"
    if cue.kind == KIND_TOLD:
        obj = object_after(text, after, s_end)
        if obj is not None:
            o_start, o_end = obj
            if is_outlet_like(text, o_start, o_end):
                intermediary = obj
                intermediary_rule = (
                    f"told {text[o_start:o_end]}: the statement came through that outlet"
                )
            after = o_end
    via = _VIA.match(text, after, s_end)
    if via:
        obj = object_after(text, via.end(), s_end)
        if obj is not None and not _DAY.fullmatch(text, *obj):  # "in a statement on Wednesday"
            intermediary = obj
            intermediary_rule = (
                f"'{text[after : obj[0]].strip()} {text[obj[0] : obj[1]]}': relayed by that outlet"
            )
            after = obj[1]
    after = _AFTER_CUE.match(text, after, s_end).end()
    lead = _THAT.match(text, after, s_end)
    content_start = lead.end() if lead else after
    # Direct quote after the cue: `said: "Q"`, or `said that "Q"` running to the end.
    quote = quotes.starting_at(content_start)
    if quote is not None and quote.inner_end > quote.inner_start:
        said_that = "that" in text[after:content_start].lower()
        rest = text[quote.end : s_end].lstrip()
        # 'accused "PKK cells" of the bombing': the clause goes on, a paraphrase.
        closes = not rest or rest[0] in ",.;:!?—–-)"
        if closes and (not said_that or quote.end >= s_end - 1):
            rules.append("direct quotation after the cue")
            return _direct(
                cue, index, speaker, quote, intermediary, intermediary_rule, rules, after
            )
    if before_quote is not None and only_punctuation(text, before_quote.end, speaker[0]):
        rules.append("direct quotation before the speaker")
        return _direct(
            cue, index, speaker, before_quote, intermediary, intermediary_rule, rules, after
        )
    participle = _PARTICIPLE_AFTER.match(text, after, s_end)
    content_begin = clause_start(text, lo, speaker[0])
    clause_before = trim_end(text, content_begin, speaker[0]) > content_begin
    if only_punctuation(text, content_start, s_end) or (participle and clause_before):
        # "Twelve people died, the ministry said." -- content on the left,
        # perhaps with a participle after ("..., the UN said, wounding three").
        content_end = trim_end(text, content_begin, speaker[0])
        if content_end <= content_begin:
            return None
        rules.append("reported content before the speaker")
        quote_end = trim_end(text, content_begin, s_end)
        region_end = max(after, cue.end)
        if participle and participle.group("word").lower() not in PARTICIPLES:
            rules.append(
                f"the participle '{participle.group('word')}' after the attribution "
                "belongs to the content"
            )
            content_end = quote_end
            region_end = s_end
        elif participle:
            quote_end = trim_end(text, content_begin, after)
        return Frame(
            index,
            cue,
            speaker,
            (content_begin, quote_end),
            QUOTE_INDIRECT,
            (content_begin, content_end),
            intermediary,
            intermediary_rule,
            rules=rules,
            region=(content_begin, region_end),
        )
    rules.append("reported content after the cue")
    return Frame(
        index,
        cue,
        speaker,
        (speaker[0], s_end),
        QUOTE_INDIRECT,
        (content_start, s_end),
        intermediary,
        intermediary_rule,
        rules=rules,
        region=(speaker[0], s_end),
    )


def _direct(
    cue: Cue,
    index: int,
    speaker: tuple[int, int],
    quote: Quote,
    intermediary: tuple[int, int] | None,
    intermediary_rule: str,
    rules: list[str],
    after: int,
) -> Frame:
    inner = (quote.inner_start, quote.inner_end)
    if not quote.balanced:
        rules.append("quotation mark left unclosed: the quote runs to the end of the paragraph")
    region = (min(quote.start, speaker[0], cue.start), max(quote.end, speaker[1], after))
    return Frame(
        index, cue, speaker, inner, QUOTE_DIRECT, inner, intermediary, intermediary_rule,
        rules=rules, region=region, direct=quote,
    )  # fmt: skip


def _participle_of_subject(text: str, cue: Cue, index: int, lo: int, s_end: int) -> Frame | None:
    """'The observatory, a war monitor, gave a higher figure, saying ...': the subject speaks."""
    if not ends_with_comma(text, cue.start):
        return None
    verb = _FINITE.search(text, lo, cue.start)
    if verb is None:
        return None
    speaker = speaker_before(text, lo, verb.start())
    if speaker is None or _NEGATIVE_SUBJECT.match(text, speaker[0], speaker[1]):
        return None
    lead = _THAT.match(text, cue.end, s_end)
    content_start = lead.end() if lead else cue.end
    if content_start >= s_end:
        return None
    return Frame(
        index,
        cue,
        speaker,
        (speaker[0], s_end),
        QUOTE_INDIRECT,
        (content_start, s_end),
        rules=[f"participle '{cue.verb}' with no earlier cue: the sentence's subject speaks"],
        region=(speaker[0], s_end),
    )


def _inverted(
    text: str,
    cue: Cue,
    index: int,
    lo: int,
    s_end: int,
    quotes: QuoteIndex,
) -> Frame | None:
    # "..., said the minister." / '"Q," said Col. Ryan, a coalition spokesman.'
    if cue.verb not in INVERTIBLE:
        return None
    quote_before = quotes.last_ending_between(lo, cue.start)
    if quote_before is not None and not only_punctuation(text, quote_before.end, cue.start):
        quote_before = None
    if quote_before is None:
        lo = max(lo, cue.start - SPEAKER_WINDOW)
        before = text[lo : cue.start].rstrip()
        if not before.endswith(","):
            return None
        # "The army, however, said ...": the comma closes an aside, not a clause.
        last_comma = before[:-1].rfind(",")
        last_piece = (
            (lo + last_comma + 1, lo + len(before) - 1)
            if last_comma != -1
            else (lo, lo + len(before) - 1)
        )
        if skippable(text, *strip(text, *last_piece)) or speaker_shaped(
            text[last_piece[0] : last_piece[1]]
        ):
            return None
        if last_comma != -1:
            # "Zeki Akturk, a spokesman for the ministry, said the units ...": the
            # pieces before the cue are a speaker and its apposition, not content.
            previous_comma = before[:last_comma].rfind(",")
            previous_piece = before[previous_comma + 1 : last_comma].strip()
            if appositive(previous_piece, text[last_piece[0] : last_piece[1]].strip()):
                return None
    np = np_after(text, cue.end, s_end, allow_appositive=True)
    if np is None or text[np[0]].isdigit() or _NEGATIVE_SUBJECT.match(text, np[0], np[1]):
        return None
    rules = [f"cue '{text[cue.start : cue.end]}' ({cue.kind}); speaker after the cue (inverted)"]
    if quote_before is not None:
        rules.append("direct quotation before the cue")
        return _direct(cue, index, np, quote_before, None, "", rules, np[1])
    content_begin = clause_start(text, lo, cue.start)
    content_end = trim_end(text, content_begin, cue.start)
    if content_end <= content_begin:
        return None
    rules.append("reported content before the cue")
    return Frame(
        index,
        cue,
        np,
        (content_begin, trim_end(text, content_begin, s_end)),
        QUOTE_INDIRECT,
        (content_begin, content_end),
        rules=rules,
        region=(content_begin, np[1]),
    )


def _according_to(text: str, cue: Cue, index: int, lo: int, s_end: int) -> Frame | None:
    np = np_after(text, cue.end, s_end, allow_appositive=False)
    if np is None:
        return None
    np = strip_junk(text, *np)
    before_start = clause_start(text, lo, cue.start)
    before_end = trim_end(text, before_start, cue.start)
    rules = ["cue 'according to'; speaker after the cue"]
    if before_end > before_start:
        content = (before_start, before_end)
        rules.append("reported content before 'according to'")
        quote = (before_start, trim_end(text, before_start, s_end))
        region = (before_start, np[1])
    else:
        after = skip_space(text, np[1], s_end)
        while after < s_end and text[after] in ",;: ":
            after += 1
        if s_end <= after:
            return None
        content = (after, s_end)
        rules.append("reported content after 'according to X,'")
        quote = (cue.start, s_end)
        region = (cue.start, s_end)
    return Frame(index, cue, np, quote, QUOTE_INDIRECT, content, rules=rules, region=region)


def _quoted(text: str, cue: Cue, index: int, lo: int, s_end: int) -> Frame | None:
    # "State TV quoted the governor as saying 12 people died."
    relay = speaker_before(text, lo, cue.start)
    as_saying = _AS_SAYING.search(text, cue.end, s_end)
    if as_saying is None:
        return None
    speaker = (skip_space(text, cue.end, as_saying.start()), as_saying.start())
    if speaker[1] <= speaker[0]:
        return None
    lead = _THAT.match(text, as_saying.end(), s_end)
    content_start = lead.end() if lead else as_saying.end()
    first = (relay or speaker)[0]
    return Frame(
        index,
        cue,
        speaker,
        (first, s_end),
        QUOTE_INDIRECT,
        (content_start, s_end),
        relay,
        "quoted ... as saying: the subject relays the statement" if relay else "",
        rules=["cue 'quoted X as saying': X speaks, the subject relays"],
        region=(first, s_end),
    )


def _continuation(text: str, cue: Cue, previous: Frame, index: int, s_end: int) -> Frame | None:
    lead = _THAT.match(text, cue.end, s_end)
    content_start = lead.end() if lead else cue.end
    if content_start >= s_end:
        return None
    return Frame(
        index,
        cue,
        previous.speaker,
        (cue.start, s_end),
        QUOTE_INDIRECT,
        (content_start, s_end),
        previous.intermediary,
        previous.intermediary_rule,
        continuation=True,
        rules=[f"participle '{cue.verb}' continues the previous speaker"],
        region=(cue.start, s_end),
    )


def _relays(text: str, previous: Frame, cue: Cue, s_end: int) -> bool:
    """'according to state media' next to another speaker's cue: a relay, not a speaker."""
    np = np_after(text, cue.end, s_end, allow_appositive=False)
    if np is None:
        return False
    right_after_cue = only_punctuation(text, previous.cue.end, cue.start)
    at_the_end = only_punctuation(text, np[1], s_end) and ends_with_comma(text, cue.start)
    if not (right_after_cue or at_the_end):
        return False
    previous.intermediary = np
    previous.intermediary_rule = f"according to {text[np[0] : np[1]]}: relayed by that outlet"
    if right_after_cue and previous.quote_kind == QUOTE_INDIRECT:
        lead = _THAT.match(text, skip_space(text, np[1], s_end), s_end)
        start = lead.end() if lead else np[1]
        while start < s_end and text[start] in ", ":
            start += 1
        if previous.content[0] <= np[1]:
            previous.content = (start, previous.content[1])
    elif at_the_end:
        comma = text.rfind(",", previous.region[0], cue.start)
        if previous.content[0] <= comma < previous.content[1]:
            previous.set_content_end(comma, text)
        if previous.quote_kind == QUOTE_INDIRECT:
            previous.quote = (previous.quote[0], trim_end(text, previous.quote[0], s_end))
    previous.region = (previous.region[0], max(previous.region[1], np[1]))
    return True


def _in_quote(cue: Cue, quotes: QuoteIndex) -> bool:
    return quotes.containing(cue.start) is not None
