"""Prefiltered patterns find exactly what the plain patterns find, only faster."""

import json
import re
from pathlib import Path

import pytest

from tracker.extraction import aspects, attribution, noise, stance, suggest
from tracker.extraction.prefilter import Prefiltered, folded, match_beginnings, prefiltered
from tracker.extraction.wordlists import any_of, trie, words

ROOT = Path(__file__).resolve().parents[2]
GOLD_FILES = (
    ROOT / "bench" / "gold" / "reports.jsonl",
    ROOT / "bench" / "gold" / "v2" / "reports.jsonl",
)

PATTERNS = {
    f"{module.__name__.rsplit('.', 1)[-1]}.{name}": value
    for module in (aspects, attribution, noise, stance, suggest)
    for name, value in vars(module).items()
    if isinstance(value, Prefiltered)
}


def _texts() -> list[str]:
    texts = []
    for path in GOLD_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    # The same words in capitals, and with the letters case-insensitive matching
    # takes for "i" and "s" (dotless i, capital I with a dot, long s).
    variants = [text.upper() for text in texts[:40]]
    variants += [text.replace("i", "\u0131").replace("s", "\u017f") for text in texts[:40]]
    variants += [text.replace("i", "\u0130") for text in texts[:20]]
    variants += ["Kelvin: \u212aILLED. " + text for text in texts[:10]]
    # Sentences for the rarer rules.
    variants += [
        "The ministry retracted its earlier statement. The figures were incorrect, it said.",
        "The army withdrew its earlier claim; we made a mistake, a spokesman said.",
        "Twelve people may have been killed. The toll is likely to rise, officials said.",
        "Reuters could not independently verify the report. There was no information on it.",
        "The coalition is investigating the report and forwarding it for further assessment.",
        "The town came under attack from government forces, residents said.",
    ]
    return texts + variants


TEXTS = _texts()


def _ranges(text: str) -> list[tuple[int, int]]:
    # Whole texts, every line, and windows that start and end mid-word.
    ranges = [(0, len(text))]
    position = 0
    for line in text.split("\n"):
        ranges.append((position, position + len(line)))
        position += len(line) + 1
    ranges += [(start, min(len(text), start + 157)) for start in range(0, len(text), 61)]
    return ranges


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.span() == b.span() and a.groups() == b.groups()


def test_the_extractor_uses_prefiltered_patterns():
    expected = {
        "stance._HEDGES",
        "aspects._SUBJECT_ACT",
        "attribution._LEADING_VIA",
        "suggest._EVENT",
    }
    assert expected <= set(PATTERNS)


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_prefiltered_search_matches_the_plain_search(name):
    fast = PATTERNS[name]
    plain = fast.pattern
    found = 0
    for text in TEXTS:
        for start, end in _ranges(text):
            expected = plain.search(text, start, end)
            assert _same(fast.search(text, start, end), expected), (name, text[start:end])
            found += expected is not None
    assert found > 0  # the corpus exercises the pattern


def test_match_beginnings_reads_the_first_letters():
    keys = match_beginnings(re.compile(r"\b(?:may|might)[ \t]+have\b|\bcould\b", re.I))
    assert keys == {"may ", "may\t", "migh", "coul"}
    # Optional parts, classes and repeats: every way a match can begin.
    assert match_beginnings(re.compile(r"(?:an?[ \t]+)?toll")) == {
        "a ",
        "a\t",
        "an ",
        "an\t",
        "toll",
    }
    # A pattern that may begin with any letter or a digit gives no keys.
    assert match_beginnings(re.compile(r"\w+ed\b")) is None
    assert match_beginnings(re.compile(r"(?:the )?\d+")) is None


def test_a_pattern_with_needed_words_is_only_searched_when_one_is_there():
    pattern = prefiltered(
        r"[ \t]+(?:has[ \t]+)?(?:fired|struck)\b", re.I, needs=["fired", "struck"]
    )
    assert pattern.search("The army has fired") is not None
    assert pattern.search("The army HAS STRUCK").group(0) == " HAS STRUCK"
    assert pattern.search("The army has spoken") is None


# Every alternative of aspects._ACT, written out.
ACTS = words(
    """conducted carried_out launched was_behind were_behind is_behind are_behind was_responsible
    were_responsible is_responsible are_responsible fired struck bombed shelled attacked
    targeted hit executed staged perpetrated committed ordered"""
)


def test_the_subject_act_words_cover_every_act():
    # One written-out act per "|" and one more ("(?:was|were|is|are) responsible" is four).
    assert len(ACTS) == aspects._ACT.count("|") + 1
    for act in ACTS:
        sentence = f"Government forces {act.replace('_', ' ')} the strike on the town."
        plain = aspects._SUBJECT_ACT.pattern.search(sentence)
        assert plain is not None, act
        assert _same(aspects._SUBJECT_ACT.search(sentence), plain), act


def test_folded_keeps_offsets():
    assert folded("Deir ez-Zôr SAID") == "deir ez-zôr said"
    assert folded("\u0130DL\u0131B \u017fAID") == "idlib said"
    text = "x" * 10
    assert folded(text) is folded(text)  # kept for the document being read


def test_trie_matches_the_same_words_as_an_alternation():
    words = ["say", "says", "saying", "said", "s", "denied", "deny", "n't", "a.b"]
    alternation = re.compile("|".join(sorted(map(re.escape, words), key=len, reverse=True)))
    fast = re.compile(trie(words))
    for text in ("he says", "saying", "s", "denied deny", "isn't", "a.b axb", "sai"):
        assert [m.span() for m in fast.finditer(text)] == [
            m.span() for m in alternation.finditer(text)
        ]
    assert any_of(["photo", "getty"]).search("a getty image") is not None


def test_the_qualifier_precheck_never_skips_a_qualifier():
    from tracker.extraction import quantities

    windows = ["killed at least \n", "an estimated\t", "more or less ", "killing 12"]
    for text in TEXTS[:150]:
        lowered = text.lower()
        for position in range(1, len(lowered)):
            if lowered[position].isdigit() and not lowered[position - 1].isdigit():
                windows.append(lowered[max(0, position - 40) : position])
    found = 0
    for window in windows:
        if quantities._QUALIFIER.search(window):
            found += 1
            assert quantities._may_qualify(window), window
    assert found > 10


def test_the_trailing_time_precheck_never_skips_a_time():
    from tracker.extraction import phrases

    texts = ["The army on Monday\n", "Officials, meanwhile", "The UN also", "It said today "]
    texts += TEXTS[:150]
    found = 0
    for text in texts:
        for end in range(1, len(text) + 1):
            if end < len(text) and text[end].isalnum():
                continue  # ends of words (and of the text) only
            start = max(0, end - 80)
            expected = phrases.TRAILING_TIME.search(text, max(start, end - 60), end)
            assert _same(phrases._trailing_time(text, start, end), expected), text[start:end]
            found += expected is not None
    assert found > 10


def test_word_lists_as_tries_find_what_their_alternations_found():
    from tracker.extraction import numbers, phrases

    number_words = "|".join(sorted(numbers._START_WORDS, key=len, reverse=True))
    number_start = re.compile(
        r"(?<![\w.,])\d|\b(?:half[ \t]+an?[ \t]+dozen|an?[ \t]+(?:dozen|hundred|thousand|million)"
        r"|tens[ \t]+of[ \t]+thousands|" + number_words + r")\b",
        re.IGNORECASE,
    )
    connector = re.compile(
        r"\b(?:but|while|whereas|although|though|because|when|if|so|until|once|where|yet|and|as"
        r"|after|before|since|then|with)\b",
        re.IGNORECASE,
    )
    extra = ["Twenty-five, a dozen, half a dozen, tens of thousands; seventeen or seventy."]
    for old, new in ((number_start, numbers.NUMBER_START), (connector, phrases.CONNECTOR)):
        for text in TEXTS + extra:
            assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]


def test_a_dump_longer_than_a_document_is_searched_unfiltered():
    from tracker.extraction import extract, prefilter

    dump = "The ministry said 12 people may have died. " * 60_000  # 2.6 million characters
    assert folded(dump) is None
    assert stance._HEDGES.search(dump, 0, 100).group(0) == "may have"
    text = "The ministry said 12 people may have died."
    assert extract(text).suggestions
    assert prefilter._cache[0] is not text  # the copy is dropped once the text is read


def test_sentence_stops_are_found_as_with_the_look_behind():
    from tracker.extraction import sentences

    old = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+(?=\s)")
    extra = ['He left... Then "Why?!" she asked. (Done.) Wait!! ok', "...? x", "a .. b"]
    for text in TEXTS + extra:
        for start, end in _ranges(text):
            expected = [m.span() for m in old.finditer(text, start, end)]
            found = [
                m.span()
                for m in sentences._BOUNDARY.finditer(text, start, end)
                if not (m.start() > 0 and text[m.start() - 1] in sentences._STOPS)
            ]
            assert found == expected


def test_the_caption_precheck_never_skips_a_caption_marker():
    captions = [
        "A man walks past rubble in the town (Photo: AFP)",
        "Smoke rises over the city. / Reuters  ",
        "Residents flee the fighting (AFP/Getty Images)\n",
        "FILE PHOTO: A convoy on the road",
        "The minister, pictured, said 12 died according to Reuters.",
        "Smoke over Idlib (EPA)",
        "Photo by Ali Haj Suleiman for Reuters",
    ]
    captions += [c.replace("i", "\u0131").replace("s", "\u017f") for c in captions]
    lines = captions + [line for text in TEXTS for line in text.split("\n")]
    found = 0
    for line in lines:
        lower = line.lower()
        if noise._MARKER_KEY.search(lower) and noise._CAPTION_MARKER.search(line):
            found += 1
            assert noise._may_mark(line, lower), line
    assert found >= len(captions)
