"""Noise: titles that do not fit, teasers, captions and page furniture."""

import pytest

from tracker.extraction import extract
from tracker.extraction.noise import detect_noise
from tracker.extraction.sentences import split_paragraphs

BODY = (
    "At least 35 civilians were killed late Thursday by airstrikes on a Daesh-held position "
    "in Syria's Deir ez-Zor province."
)


def noise_of(text, title=""):
    report = detect_noise(text, split_paragraphs(text), title)
    return report, [(span.text, span.kind) for span in report.spans]


def test_a_title_from_another_page_is_flagged_and_left_out():
    text = "KXIP vs KKR Live Score\n\n" + BODY
    report, spans = noise_of(text)
    assert report.title_matches is False
    assert spans == [("KXIP vs KKR Live Score", "title_mismatch")]
    result = extract(text)
    assert result.suggestions
    assert all(s.quote.start >= text.index(BODY) for s in result.suggestions)


def test_a_given_title_is_judged_even_if_not_in_the_text():
    report, spans = noise_of(BODY, title="Cricket final tonight")
    assert report.title_matches is False and spans == []
    report, _ = noise_of(BODY, title="Airstrikes kill 35 civilians in Syria")
    assert report.title_matches is True


def test_a_fitting_headline_line_is_marked_title_not_noise_of_another_story():
    text = "Airstrikes kill 35 in Deir ez-Zor\n\n" + BODY
    report, spans = noise_of(text)
    assert report.title_matches is True
    assert spans == [("Airstrikes kill 35 in Deir ez-Zor", "title")]


def test_a_teaser_and_its_caption():
    text = (
        BODY
        + "\n\nSyria thwarts Israeli strike on Quneitra\nAn Israeli soldier runs to direct a M113 "
        "armored personal vehicle near the Syrian border in the Israel-annexed Golan Heights on "
        "10 May 2018.\n\nThe coalition said it was investigating."
    )
    _, spans = noise_of(text)
    assert [kind for _, kind in spans] == ["teaser", "caption"]
    assert spans[0][0] == "Syria thwarts Israeli strike on Quneitra"
    result = extract(text)
    assert not any(
        "Quneitra" in s.quote.text or "soldier runs" in s.quote.text for s in result.suggestions
    )


@pytest.mark.parametrize(
    "line",
    [
        "(Photo: A damaged truck on the road to Sarmin. Credit: Local Coordination Committees)",
        "Somali soldiers patrol a street in Mogadishu on 3 March 2021. (File photo)",
        "Residents inspect the rubble of a building in Idlib. Photo: AFP",
        "Smoke rises over the town after an airstrike on 12 June 2019.",
        "Mourners gather at a funeral in Gaza City on March 3, 2024.",
        "The minister, pictured, arrives for the talks.",
        "A boy walks past a destroyed house (Reuters)",
    ],
)
def test_captions(line):
    _, spans = noise_of(BODY + "\n\n" + line)
    assert spans == [(line, "caption")]


@pytest.mark.parametrize(
    "line",
    [
        "Share this article",
        "Advertisement",
        "Read more: Idlib residents brace for winter",
        "Home | World | Middle East",
        "By Sarah Collins",
        "Updated: 12 May 2018 10:31 GMT",
        "Copyright 2024 Example News. All rights reserved.",
        "Related: Turkey reinforces posts",
    ],
)
def test_boilerplate(line):
    _, spans = noise_of(BODY + "\n\n" + line + "\n\n" + BODY)
    assert spans == [(line, "boilerplate")]


@pytest.mark.parametrize(
    "line",
    [
        "The offensive began on 10 May 2018 and forces continued to hold the town.",
        "By Friday, the toll had risen to 40.",
        "Published figures show 12 dead.",
        "Police said the crowd gathered on 3 March 2021 outside the stadium.",
    ],
)
def test_report_prose_is_not_noise(line):
    _, spans = noise_of(BODY + "\n\n" + line)
    assert spans == []
