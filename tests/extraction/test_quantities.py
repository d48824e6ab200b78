"""The quantity parser: counts with qualifiers as intervals, with unit and aspect."""

import pytest

from tracker.extraction.numbers import read_number
from tracker.extraction.quantities import find_quantities

OPEN = None


@pytest.mark.parametrize(
    ("text", "low", "high", "approximate", "unit", "aspect"),
    [
        # qualifiers
        ("At least 35 civilians were killed", 35, OPEN, False, "people", "killed"),
        ("no fewer than 35 people died", 35, OPEN, False, "people", "killed"),
        ("35 or more people were killed", 35, OPEN, False, "people", "killed"),
        ("more than 30 people were killed", 31, OPEN, False, "people", "killed"),
        ("over 100 people were wounded", 101, OPEN, False, "people", "injured"),
        ("upwards of 40 soldiers died", 41, OPEN, False, "people", "killed"),
        ("fewer than 10 people were hurt", 0, 9, False, "people", "injured"),
        ("less than 5 civilians were injured", 0, 4, False, "people", "injured"),
        ("up to 12 soldiers were killed", 0, 12, False, "people", "killed"),
        ("as many as 60 people may have been killed", 0, 60, False, "people", "killed"),
        ("no more than 8 fighters died", 0, 8, False, "people", "killed"),
        # ranges
        ("between 20 and 25 people were killed", 20, 25, False, "people", "killed"),
        ("20 to 25 people were killed", 20, 25, False, "people", "killed"),
        ("20-25 people were killed", 20, 25, False, "people", "killed"),
        ("20–25 people were killed", 20, 25, False, "people", "killed"),
        ("from 20 to 25 people were killed", 20, 25, False, "people", "killed"),
        ("two or three houses were destroyed", 2, 3, False, "buildings", ""),
        ("about 20 to 25 people died", 20, 25, True, "people", "killed"),
        # approximations
        ("roughly 2,000 square kilometers", 2000, 2000, True, "km2", "territorial_control"),
        ("about 450 square kilometres of territory", 450, 450, True, "km2", "territorial_control"),
        ("around 300 sq km", 300, 300, True, "km2", "territorial_control"),
        ("nearly 2,000 people were killed", 2000, 2000, True, "people", "killed"),
        ("some 40 air strikes", 40, 40, True, "strikes", ""),
        ("an estimated 30,000 people", 30000, 30000, True, "people", ""),
        ("approximately 12 km2", 12, 12, True, "km2", "territorial_control"),
        ("40 people or so were injured", 40, 40, True, "people", "injured"),
        # vague plurals: a lower bound, no ceiling (see quantities.py)
        ("dozens of civilians were killed", 24, OPEN, False, "people", "killed"),
        ("scores of people were wounded", 40, OPEN, False, "people", "injured"),
        ("hundreds of people were injured", 200, OPEN, False, "people", "injured"),
        ("thousands of people fled", 2000, OPEN, False, "people", ""),
        ("tens of thousands of people", 20000, OPEN, False, "people", ""),
        ("hundreds of thousands of refugees", 200000, OPEN, False, "people", ""),
        # number words
        ("thirty-five people were killed", 35, 35, False, "people", "killed"),
        ("thirty five people were killed", 35, 35, False, "people", "killed"),
        ("two dozen fighters were killed", 24, 24, False, "people", "killed"),
        ("a dozen soldiers were wounded", 12, 12, False, "people", "injured"),
        ("half a dozen children were hurt", 6, 6, False, "people", "injured"),
        ("one hundred and twenty people died", 120, 120, False, "people", "killed"),
        ("1.5 million people were displaced", 1500000, 1500000, False, "people", ""),
        ("Eleven civilians were killed", 11, 11, False, "people", "killed"),
        # units
        ("12 buildings were destroyed", 12, 12, False, "buildings", ""),
        ("40 airstrikes hit the town", 40, 40, False, "strikes", ""),
        ("35 Syrians were killed", 35, 35, False, "people", "killed"),
        ("about 500 sq miles", 1295, 1295, True, "km2", "territorial_control"),
        # the count context gives the unit
        ("put the death toll at more than 30, claiming", 31, OPEN, False, "people", "killed"),
        ("the strike killed 12.", 12, 12, False, "people", "killed"),
        ("12 dead and many more", 12, 12, False, "people", "killed"),
        ("20 fighters from the group were killed", 20, 20, False, "people", "killed"),
        ("hundreds more injured", 200, OPEN, False, "people", "injured"),
        ("three of its own fighters died", 3, 3, False, "people", "killed"),
    ],
)
def test_count_intervals(text, low, high, approximate, unit, aspect):
    found = find_quantities(text)
    assert found, text
    quantity = found[0]
    assert (quantity.min, quantity.max, quantity.approximate, quantity.unit, quantity.aspect) == (
        low,
        high,
        approximate,
        unit,
        aspect,
    )
    assert text[quantity.start : quantity.end] == quantity.text
    assert quantity.rule


@pytest.mark.parametrize(
    "text",
    [
        "since 2014, the group has held the town",  # a year
        "on 10 May 2018 the soldiers",  # a date
        "on May 10, the army said",
        "a 12-year-old boy was among them",  # an age
        "30 percent of the province",  # a share
        "25% of the houses",
        "the M113 armored vehicle",  # a model name
        "20 km from the border",  # a distance
        "at 10:30 on Friday",  # a time
        "the 2nd battalion",
        "Resolution 2254",
        "one of the largest towns",  # no count
    ],
)
def test_not_counts(text):
    assert find_quantities(text) == []


def test_two_counts_in_one_clause_get_their_own_aspects():
    killed, injured = find_quantities("The blast killed 12 and wounded 30 people.")
    assert (killed.min, killed.aspect) == (12, "killed")
    assert (injured.min, injured.aspect) == (30, "injured")
    # "and" does not make a range without "between".
    assert killed.max == 12


def test_a_later_verb_does_not_steal_the_count():
    killed, injured = find_quantities("The strike that killed 12 also wounded 30 people.")
    assert killed.aspect == "killed"
    assert injured.aspect == "injured"


def test_default_aspect_from_the_surrounding_words():
    (quantity,) = find_quantities("more than 30", default_aspect="killed")
    assert (quantity.min, quantity.unit, quantity.aspect) == (31, "people", "killed")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2,000", 2000),
        ("35,000", 35000),
        ("1.5 million", 1_500_000),
        ("thirty-five", 35),
        ("two thousand five hundred", 2500),
        ("a dozen", 12),
        ("zero", 0),
    ],
)
def test_read_number(text, value):
    number = read_number(text, 0, len(text))
    assert number is not None and number.value == value and number.end == len(text)


@pytest.mark.parametrize("text", ["a man", "12.5", "2nd", "M113", "half a loaf"])
def test_read_number_refuses(text):
    assert read_number(text, 0, len(text)) is None


def test_offsets_point_into_the_original_text():
    text = "Officials said that roughly 2,000 square kilometers were lost."
    (quantity,) = find_quantities(text, 15, len(text))
    assert text[quantity.start : quantity.end] == "roughly 2,000 square kilometers"


@pytest.mark.parametrize(
    ("text", "min_exclusive", "max_exclusive"),
    [
        ("more than 30 people were killed", True, False),
        ("over 30 people were killed", True, False),
        ("at least 31 people were killed", False, False),
        ("fewer than 10 people were hurt", False, True),
        ("under 10 people were hurt", False, True),
        ("no more than 8 fighters died", False, False),
        ("30 people were killed", False, False),
        ("between 20 and 30 people were killed", False, False),
    ],
)
def test_how_a_bound_was_said_is_kept(text, min_exclusive, max_exclusive):
    (quantity,) = find_quantities(text)
    assert (quantity.min_exclusive, quantity.max_exclusive) == (min_exclusive, max_exclusive)
    assert quantity.to_dict()["min_exclusive"] is min_exclusive
