"""Bad input: never a crash, bounded time, a warning when not everything was read."""

import importlib
import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extraction import MAX_CHARS, extract

SAMPLE = (
    '"We are forwarding the report," the spokesperson said. At least 35 civilians were killed, '
    "SANA said, according to state media.\n\n"
)


def check_offsets(text, result):
    for suggestion in result.suggestions:
        spans = [suggestion.speaker, suggestion.cue, suggestion.quote]
        if suggestion.intermediary:
            spans.append(suggestion.intermediary.span)
        if suggestion.interval:
            spans.append(suggestion.interval)
        spans.extend(p.span for p in suggestion.named_parties)
        for span in spans:
            if span is not None:
                assert text[span.start : span.end] == span.text
    for span in result.noise:
        assert text[span.start : span.end] == span.text
    json.dumps(result.to_dict())


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\n",
        "\x00\x01\x02 binary \xff\xfe",
        '"',
        '" said "',
        "“unclosed quote, the minister said",
        "closing only” he said.",
        '"a" "b" "c" "d',
        "said said said",
        "according to",
        "according to,",
        ", said",
        "The ministry said.",
        "At least",
        "between 20 and",
        "more than ten thousand million billion",
        "\u202e\u200b\ufeff zero width and bidi",
        "🙂 emoji said 🙂",
        "Col. Dr. Mr. Gen. Lt.",
        "(((((",
        "a" * 5000,
        "1,000,000,000,000,000,000,000 people were killed",
    ],
)
def test_odd_inputs_do_not_crash(text):
    result = extract(text, strict=True)
    check_offsets(text, result)


@pytest.mark.parametrize(
    "text",
    [
        SAMPLE * (10_000_000 // len(SAMPLE) + 1),  # 10 MB of report text
        "a" * 10_000_000,
        '"' * 10_000_000,
        "said " * 2_000_000,
        '"We will respond, the minister said. ' * 270_000,
        "1," * 5_000_000,
    ],
    ids=["reports", "letters", "quotes", "cues", "unbalanced", "digits"],
)
def test_ten_megabytes_in_bounded_time(text):
    assert len(text) >= 9_000_000
    started = time.process_time()
    result = extract(text, strict=True)
    assert time.process_time() - started < 30
    assert result.processed_length <= MAX_CHARS < result.text_length
    assert result.warnings and "only the first" in result.warnings[0]
    check_offsets(text, result)


def test_the_cut_falls_between_paragraphs():
    text = SAMPLE * (2 * MAX_CHARS // len(SAMPLE))
    result = extract(text)
    assert text[result.processed_length] == "\n"


def test_not_a_string_is_a_type_error():
    with pytest.raises(TypeError):
        extract(b"bytes are decoded first")  # type: ignore[arg-type]


def test_a_bug_in_one_paragraph_does_not_lose_the_document(monkeypatch):
    extract_module = importlib.import_module("tracker.extraction.extract")

    calls = {"n": 0}
    original = extract_module._segment

    def flaky(context, sentences, first, lines):
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("boom")
        return original(context, sentences, first, lines)

    monkeypatch.setattr(extract_module, "_segment", flaky)
    text = "The ministry said 12 died.\n\nThe army said 3 died."
    result = extract_module.extract(text)
    assert len(result.suggestions) == 1
    assert result.warnings and "boom" in result.warnings[0]
    calls["n"] = 0
    with pytest.raises(RuntimeError):
        extract_module.extract(text, strict=True)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *"abcXYZ .,;:!?\"“”‘’'()-–—\n0123456789",
                *(" said ", " told ", " according to ", " at least ", "Col. ", "U.S. "),
                *(" killed ", "more than 3", ", adding "),
            ]
        ),
        max_size=120,
    ).map("".join)
)
def test_any_text_gives_consistent_offsets(text):
    check_offsets(text, extract(text, strict=True))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=500))
def test_any_unicode_text(text):
    check_offsets(text, extract(text, strict=True))


def test_a_failure_outside_any_paragraph_still_returns_a_result(monkeypatch):
    extract_module = importlib.import_module("tracker.extraction.extract")

    def broken(*args, **kwargs):
        raise ValueError("noise detector broke")

    monkeypatch.setattr(extract_module, "detect_noise", broken)
    result = extract_module.extract("The ministry said 12 died.")
    assert result.suggestions == () and "noise detector broke" in result.warnings[0]
    with pytest.raises(ValueError):
        extract_module.extract("The ministry said 12 died.", strict=True)


def test_a_malformed_names_table_is_a_programming_error():
    with pytest.raises(KeyError):
        extract("text", sources=[{"aliases": ["no name"]}])
