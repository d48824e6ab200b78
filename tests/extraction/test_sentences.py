"""Sentence, line and paragraph splitting, with offsets into the original text."""

import pytest

from tracker.extraction.sentences import split_lines, split_paragraphs, split_sentences


def sentences_of(text):
    out = []
    for index, paragraph in enumerate(split_paragraphs(text)):
        for sentence in split_sentences(text, paragraph.lines, index):
            assert text[sentence.start : sentence.end] == sentence.text
            out.append(sentence.text)
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        (
            "The spokesperson for the coalition US Col. Sean Ryan spoke. He left.",
            ["The spokesperson for the coalition US Col. Sean Ryan spoke.", "He left."],
        ),
        ("Dr. Amina Sow said so. Then she left.", ["Dr. Amina Sow said so.", "Then she left."]),
        ("Lt. Gen. Smith and Brig. Gen. Jones met.", ["Lt. Gen. Smith and Brig. Gen. Jones met."]),
        ("J. R. Smith spoke. Others did not.", ["J. R. Smith spoke.", "Others did not."]),
        ("The U.S. -led coalition struck.", ["The U.S. -led coalition struck."]),
        (
            "It was made in the U.S. The army said so.",
            ["It was made in the U.S.", "The army said so."],
        ),
        ("The U.S. Army said so.", ["The U.S. Army said so."]),
        ("About 1.5 million fled. Aid came.", ["About 1.5 million fled.", "Aid came."]),
        ('"We will respond." He said it twice.', ['"We will respond."', "He said it twice."]),
        ('"Why?" he asked. Nobody knew.', ['"Why?" he asked.', "Nobody knew."]),
        (
            "Fighting continued (heavily). Then it stopped.",
            ["Fighting continued (heavily).", "Then it stopped."],
        ),
        ("Casualties rose, i.e. more died.", ["Casualties rose, i.e. more died."]),
        ("See No. 5 for details.", ["See No. 5 for details."]),
        ("Wait... then it ended.", ["Wait... then it ended."]),
        ("12 died. 30 were hurt.", ["12 died.", "30 were hurt."]),
    ],
)
def test_sentence_bounds(text, expected):
    assert sentences_of(text) == expected


def test_each_line_is_its_own_sentence_unless_hard_wrapped():
    text = (
        "Syria thwarts Israeli strike on Quneitra\nAn Israeli soldier runs.\n"
        "this continues the line."
    )
    assert sentences_of(text) == [
        "Syria thwarts Israeli strike on Quneitra",
        "An Israeli soldier runs.\nthis continues the line.",
    ]


def test_paragraphs_are_runs_of_non_blank_lines():
    text = "  First line\nsecond line\n\n\n  Third  \n \nFourth"
    paragraphs = split_paragraphs(text)
    assert [[text[line.start : line.end] for line in p.lines] for p in paragraphs] == [
        ["First line", "second line"],
        ["Third"],
        ["Fourth"],
    ]


def test_lines_skip_blank_and_windows_line_ends():
    text = "a\r\n\r\n b \r\n"
    assert [text[line.start : line.end] for line in split_lines(text)] == ["a", "b"]


def test_a_paste_without_punctuation_is_cut_into_bounded_pieces():
    text = "word " * 5000
    pieces = sentences_of(text)
    assert len(pieces) > 5
    assert max(len(piece) for piece in pieces) <= 2000


def test_offsets_survive_odd_whitespace():
    text = "\t One.\u00a0 Two. \n\n\tThree."
    assert sentences_of(text) == ["One.", "Two.", "Three."]
