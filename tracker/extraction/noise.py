"""Text that belongs to another story or to the page, not to the report.

Scraped articles carry the page around them: a title from another page
("KXIP vs KKR Live Score" above a report on Syria), related-story teasers (a
headline with no full stop, often followed by its photo caption), photo
captions ("An Israeli soldier runs ... on 10 May 2018."), navigation and
sharing boilerplate. Each such line is marked with a kind and a reason and
left out of extraction. The tests are on single lines because scrapers put
each of these on a line of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extraction.prefilter import fold_case
from tracker.extraction.results import NoiseSpan
from tracker.extraction.sentences import Line, Paragraph
from tracker.extraction.wordlists import any_of
from tracker.text import title_matches_body

KIND_TITLE = "title"  # the headline, when it fits the story: not a claim of its own
KIND_TITLE_MISMATCH = "title_mismatch"
KIND_TEASER = "teaser"
KIND_CAPTION = "caption"
KIND_BOILERPLATE = "boilerplate"
NOISE_KINDS = (KIND_TITLE, KIND_TITLE_MISMATCH, KIND_TEASER, KIND_CAPTION, KIND_BOILERPLATE)

# A headline: a few words, no closing full stop.
_HEADLINE_MAX_WORDS = 14
_CAPTION_MAX_CHARS = 320

_BOILERPLATE = re.compile(
    r"^(?:share(?: this)?(?: article| story| on \w+)?|advertisement|advert|sponsored|read more\b.*"
    r"|related(?: stories| articles| content| news)?:?.*|click here\b.*|subscribe\b.*|sign up\b.*"
    r"|follow us\b.*|copyright\b.*|©.*|all rights reserved.*|terms of (?:use|service)\b.*"
    r"|privacy policy\b.*|cookie.*|skip to\b.*|menu|search|loading\W*|watch:.*|listen:.*"
    r"|also read\b.*|recommended\b.*|most (?:read|popular|viewed)\b.*|trending\b.*|next article\b.*"
    r"|previous article\b.*|print|email|comments?(?: \(\d+\))?|tags?:.*|topics?:.*"
    r"|(?:updated|published|posted|last updated)(?::| on\b).{0,60}"
    r"|by [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}"
    r"|.{0,40}\blive (?:score|scores|updates?|blog|stream)\b.{0,20}"
    r"|[A-Z0-9]{2,6} vs\.? [A-Z0-9]{2,6}\b.{0,40})$",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s[|»•·›]\s")
_CAPTION_MARKER = re.compile(
    r"\((?:photo|picture|image|file|credit)\b[^)]{0,120}\)|\b(?:photo|photograph|picture|image)"
    r"(?: credit)?:|\bfile (?:photo|picture|image)\b|\bpictured\b|\bgetty images\b|\bphoto by\b"
    r"|\((?:AFP|Reuters|AP|EPA|Anadolu)(?:/[\w ]{1,30})?\)\s*$|/\s*(?:AFP|Reuters|AP|EPA)\s*$",
    re.IGNORECASE,
)
_MARKER_KEYS = ("photo", "picture", "image", "file", "credit", "getty", "afp", "reuters", "ap)")
_MARKER_KEYS += ("ap/", "epa", "anadolu", "/ ap")
_MARKER_KEY = any_of(_MARKER_KEYS)
# What _CAPTION_MARKER needs: a photo word somewhere, or an agency's credit
# closing the line. Agencies are named in prose all the time; their credits
# close captions, so most lines that name one skip the pattern.
_PHOTO_WORD = any_of(("photo", "picture", "image", "file", "credit", "getty"))
_CREDIT_ENDS = (")", "afp", "reuters", "ap", "epa")


def _may_mark(line: str, lower: str) -> bool:
    if not line.isascii():
        # Dotless i and long s read as "i" and "s", as IGNORECASE reads them.
        folded = fold_case(line)
        if folded is None:
            return True
        lower = folded
    return bool(_PHOTO_WORD.search(lower) or lower.rstrip().endswith(_CREDIT_ENDS))


_YEAR = re.compile(r"\d{4}")
_FULL_DATE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)? (?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d{4}\b"
    r"|\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d{1,2}(?:st|nd|rd|th)?,?"
    r" \d{4}\b"
)
# Present-tense verbs of the things photos show.
_CAPTION_VERB = re.compile(
    r"\b(?:runs|walks|stands|sits|holds|looks|inspects|gathers|gather|carries|carry|rides|ride"
    r"|drives|fires|patrols|patrol|poses|pose|waits|wait|flees|flee|mourns|mourn|attends|attend"
    r"|reacts|react|searches|search|checks|check|gestures|gesture|shouts|shout|marches|march"
    r"|celebrates|celebrate|takes part|take part|stand|sit|walk|run|look|hold|prays|pray"
    r"|rises|rise|billows|burns|smoke rising|is seen|are seen|salutes|salute|speaks|talks"
    r"|arrives|arrive|leaves|clears|clear|removes|remove|helps|help|cries|weeps|queue|queues)\b"
)
_ATTRIBUTION = re.compile(r"\b(?:said|says|told|according to|reported|announced|claimed|denied)\b")
# Report prose is in the past tense; captions are in the present.
_PAST = re.compile(r"\b(?:was|were|had|has|have|did|said)\b")
_TERMINAL = (".", "!", "?", '"', "”", "’", "'", ":", ";", ",", ")")


@dataclass(frozen=True)
class NoiseReport:
    title: str
    title_matches: bool | None
    spans: tuple[NoiseSpan, ...]

    def covers(self, line: Line) -> bool:
        return any(span.start <= line.start and line.end <= span.end for span in self.spans)


def detect_noise(text: str, paragraphs: list[Paragraph], title: str = "") -> NoiseReport:
    spans: list[NoiseSpan] = []
    lines = [line for paragraph in paragraphs for line in paragraph.lines]
    noisy: set[int] = set()
    title = title.strip()
    title_matches: bool | None = None

    if lines:
        first = lines[0]
        first_text = text[first.start : first.end]
        is_repeat = bool(title) and first_text.strip().casefold() == title.casefold()
        if not title and len(lines) > 1 and _is_headline(first_text):
            # No title given: a headline-like first line is the title.
            title = first_text.strip()
            is_repeat = True
        if title:
            title_matches = title_matches_body(title, text[first.end :] if is_repeat else text)
        if is_repeat:
            if title_matches:
                spans.append(
                    _span(text, first, KIND_TITLE, "the headline, repeated above the story")
                )
            else:
                spans.append(
                    _span(
                        text,
                        first,
                        KIND_TITLE_MISMATCH,
                        "the title shares no content word with the story",
                    )
                )
            noisy.add(0)

    line_paragraph = [index for index, p in enumerate(paragraphs) for _ in p.lines]
    for index, line in enumerate(lines):
        if index in noisy:
            continue
        line_text = text[line.start : line.end]
        reason = _boilerplate_reason(line_text)
        if reason:
            spans.append(_span(text, line, KIND_BOILERPLATE, reason))
            noisy.add(index)
            continue
        reason = _caption_reason(line_text)
        if reason:
            spans.append(_span(text, line, KIND_CAPTION, reason))
            noisy.add(index)
            continue
        if index > 0 and _is_headline(line_text):
            spans.append(
                _span(
                    text,
                    line,
                    KIND_TEASER,
                    "a headline-like line inside the story: a related-story teaser or subheading",
                )
            )
            noisy.add(index)
            following = index + 1
            # The line under a teaser in the same block is its caption or blurb.
            if (
                following < len(lines)
                and line_paragraph[following] == line_paragraph[index]
                and following not in noisy
            ):
                nxt = lines[following]
                nxt_text = text[nxt.start : nxt.end]
                if len(nxt_text) <= _CAPTION_MAX_CHARS and not _ATTRIBUTION.search(nxt_text):
                    spans.append(
                        _span(
                            text,
                            nxt,
                            KIND_CAPTION,
                            "the caption or blurb under a related-story headline",
                        )
                    )
                    noisy.add(following)
    spans.sort(key=lambda s: s.start)
    return NoiseReport(title, title_matches, tuple(spans))


def _span(text: str, line: Line, kind: str, reason: str) -> NoiseSpan:
    return NoiseSpan(line.start, line.end, text[line.start : line.end], kind, reason)


def _is_headline(line: str) -> bool:
    stripped = line.strip()
    if not stripped or stripped.endswith(_TERMINAL):
        return False
    words = stripped.split()
    if not 2 <= len(words) <= _HEADLINE_MAX_WORDS:
        return False
    return stripped[0].isupper() or stripped[0].isdigit()


def _boilerplate_reason(line: str) -> str:
    stripped = line.strip()
    if len(stripped) <= 120 and _BOILERPLATE.match(stripped):
        return "page furniture (navigation, sharing, bylines, live-score links)"
    if len(_SEPARATORS.findall(stripped[:400])) >= 2:
        return "a navigation line (items separated by | or »)"
    return ""


def _caption_reason(line: str) -> str:
    if len(line) > _CAPTION_MAX_CHARS * 2:
        return ""
    lower = line.lower()
    # Cheap substring tests first: most lines are prose and fail them.
    if _MARKER_KEY.search(lower) and _may_mark(line, lower) and _CAPTION_MARKER.search(line):
        return "a photo caption or credit"
    if (
        len(line) <= _CAPTION_MAX_CHARS
        and _YEAR.search(line)
        and _FULL_DATE.search(line)
        and _CAPTION_VERB.search(" ".join(line.split()[:10]))
        and not _ATTRIBUTION.search(line)
        and not _PAST.search(line)
    ):
        return "a photo caption: present tense with a full date"
    return ""
