from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.matching.claims import ClaimShape, normalized_text, same_claim, says_the_same
from tracker.matching.dates import dates_in_text, days_apart
from tracker.writing_systems import unread_script_note

TUESDAY = date(2024, 3, 12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The strike on 10 March 2024 killed 12.", [date(2024, 3, 10)]),
        ("On March 10, officials said", [date(2024, 3, 10)]),
        ("late on Sunday", [date(2024, 3, 10)]),
        ("said on Tuesday", [TUESDAY]),
        ("Yesterday's attack", [date(2024, 3, 11)]),
        ("2023-12-30 and then 2 January", [date(2023, 12, 30), date(2024, 1, 2)]),
        # A day and month further ahead than a month are last year's.
        ("on 20 December", [date(2023, 12, 20)]),
        ("on 31 February", []),
        ("a may day", []),
    ],
)
def test_dates_are_read_against_the_publication_date(text, expected):
    assert dates_in_text(text, TUESDAY) == expected


def test_without_a_publication_date_only_full_dates_count():
    assert dates_in_text("On Tuesday, 3 May 2022 and 4 May", None) == [date(2022, 5, 3)]


@given(st.dates(), st.dates(), st.integers(0, 30))
def test_days_apart_is_zero_inside_the_range_and_grows_outside(day, start, length):
    end = date.fromordinal(min(start.toordinal() + length, date.max.toordinal()))
    apart = days_apart([day], start, end)
    if start <= day <= end:
        assert apart == 0
    else:
        assert apart == min(abs((day - start).days), abs((day - end).days)) > 0
    assert days_apart([], start, end) is None and days_apart([day], None, None) is None


def test_claims_are_the_same_by_figure_or_by_normalised_words():
    killed = ClaimShape(pk=5, aspect="killed", text="35 killed", count_min=35, unit="people")
    same_figure = ClaimShape(pk=0, aspect="killed", text="At least 35 dead", count_min=35,
                             unit="people")  # fmt: skip
    other_figure = ClaimShape(pk=0, aspect="killed", text="35 killed", count_min=40,
                              unit="people")  # fmt: skip
    assert says_the_same(same_figure, killed) and not says_the_same(other_figure, killed)
    blame = ClaimShape(pk=3, aspect="perpetrator", text="The coalition carried out the strike.")
    assert same_claim(ClaimShape(0, "perpetrator", "the Coalition  carried out the strike"),
                      [killed, blame]) == 3  # fmt: skip
    other_aspect = ClaimShape(0, "other", "the coalition carried out the strike")
    assert same_claim(other_aspect, [blame]) is None
    assert normalized_text("„Ünïcode”, text!") == "ünïcode text"


def test_a_report_in_arabic_gets_a_note_and_english_none():
    note = unread_script_note("قال المرصد السوري إن 12 شخصا قتلوا", suggested=0)
    assert "Arabic script" in note and "no accounts were suggested" in note
    assert unread_script_note("Officials said 12 people died.", suggested=2) == ""
    assert "Part of this text" in unread_script_note("Said: " + "Министерство " * 3, suggested=1)
