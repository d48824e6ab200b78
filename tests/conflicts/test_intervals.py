"""The interval arithmetic under counts, by table and by property."""

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.conflicts import Interval, compare_intervals, widen

iv = Interval
OPEN = None


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        (iv(35, OPEN), iv(31, OPEN), True),
        (iv(5, 5), iv(5, OPEN), True),  # equal bounds
        (iv(5, 10), iv(10, 20), True),  # touching at one value
        (iv(5, 9), iv(10, 20), False),  # adjacent integers, nothing shared
        (iv(OPEN, 10), iv(11, OPEN), False),
        (iv(OPEN, 10), iv(10, OPEN), True),
        (iv(OPEN, 5), iv(OPEN, 3), True),
        (iv(OPEN, OPEN), iv(7, 7), True),
        (iv(0, 0), iv(1, 1), False),
        (iv(20, 25), iv(21, 24), True),
    ],
)
def test_overlaps(a: Interval, b: Interval, overlap: bool) -> None:
    assert a.overlaps(b) is overlap
    assert b.overlaps(a) is overlap


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (iv(35, OPEN), iv(31, OPEN), iv(35, OPEN)),
        (iv(OPEN, 10), iv(5, OPEN), iv(5, 10)),
        (iv(5, 5), iv(5, OPEN), iv(5, 5)),
        (iv(5, 10), iv(10, 20), iv(10, 10)),
        (iv(5, 9), iv(10, 20), None),
        (iv(OPEN, OPEN), iv(OPEN, 4), iv(OPEN, 4)),
    ],
)
def test_intersection(a: Interval, b: Interval, expected: Interval | None) -> None:
    assert a.intersection(b) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (iv(35, OPEN), iv(31, 40), iv(31, OPEN)),
        (iv(OPEN, 10), iv(5, 20), iv(OPEN, 20)),
        (iv(1, 2), iv(8, 9), iv(1, 9)),
    ],
)
def test_hull(a: Interval, b: Interval, expected: Interval) -> None:
    assert a.hull(b) == expected == b.hull(a)


@pytest.mark.parametrize(
    ("outer", "inner", "contains"),
    [
        (iv(31, OPEN), iv(35, OPEN), True),
        (iv(35, OPEN), iv(31, OPEN), False),
        (iv(OPEN, OPEN), iv(OPEN, 3), True),
        (iv(5, 10), iv(5, 5), True),
        (iv(5, 10), iv(OPEN, 7), False),
        (iv(5, 10), iv(7, OPEN), False),
    ],
)
def test_contains(outer: Interval, inner: Interval, contains: bool) -> None:
    assert outer.contains(inner) is contains


@pytest.mark.parametrize(
    ("exact", "widened"),
    [
        (iv(2000, 2000), iv(1800, 2200)),
        (iv(5, 5), iv(4, 6)),  # rounded outward, never back to [5, 5]
        (iv(1, 1), iv(0, 2)),
        (iv(0, 0), iv(0, 0)),
        (iv(35, OPEN), iv(31, OPEN)),  # open ends stay open
        (iv(OPEN, 100), iv(OPEN, 110)),
        (iv(1999, 2001), iv(1799, 2202)),
    ],
)
def test_widen_is_ten_percent_rounded_outward(exact: Interval, widened: Interval) -> None:
    assert widen(exact) == widened


@pytest.mark.parametrize(
    ("interval", "unit", "text"),
    [
        (iv(35, OPEN), "people", "at least 35 people"),
        (iv(OPEN, 10), "", "no more than 10"),
        (iv(2000, 2000), "people", "2,000 people"),
        (iv(20, 25), "people", "20 to 25 people"),
        (iv(OPEN, OPEN), "people", "an unknown number of people"),
    ],
)
def test_describe(interval: Interval, unit: str, text: str) -> None:
    assert interval.describe(unit) == text


def test_an_inverted_interval_is_refused() -> None:
    with pytest.raises(ValueError, match="exceeds"):
        Interval(5, 3)


def test_comparing_nothing() -> None:
    result = compare_intervals([])
    assert (result.disjoint_pairs, result.consensus, result.spread) == ((), None, None)
    assert result.agree


def test_disjoint_pairs_are_reported_by_index() -> None:
    result = compare_intervals([iv(10, 20), iv(15, 25), iv(100, 100)])
    assert result.disjoint_pairs == ((0, 2), (1, 2))
    assert result.consensus is None
    assert result.spread == iv(10, 100)


# --- Properties -------------------------------------------------------------

bounds = st.one_of(st.none(), st.integers(min_value=0, max_value=500))


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    low = draw(bounds)
    if draw(st.booleans()):
        return Interval(low, None)
    width = draw(st.integers(min_value=0, max_value=300))
    return Interval(low, (low or 0) + width)


@given(intervals(), intervals())
def test_agreement_is_symmetric(a: Interval, b: Interval) -> None:
    assert a.overlaps(b) == b.overlaps(a)
    assert a.intersection(b) == b.intersection(a)


@given(intervals(), intervals())
def test_intersection_exists_exactly_when_they_overlap(a: Interval, b: Interval) -> None:
    common = a.intersection(b)
    assert (common is not None) == a.overlaps(b)
    if common is not None:
        assert a.contains(common)
        assert b.contains(common)


@given(st.lists(intervals(), min_size=1, max_size=8))
def test_consensus_lies_inside_every_agreeing_interval(items: list[Interval]) -> None:
    result = compare_intervals(items)
    if result.agree:
        assert result.consensus is not None
        assert all(item.contains(result.consensus) for item in items)
    else:
        assert result.consensus is None


@given(st.lists(intervals(), min_size=1, max_size=8))
def test_spread_contains_every_interval(items: list[Interval]) -> None:
    spread = compare_intervals(items).spread
    assert spread is not None
    assert all(spread.contains(item) for item in items)


@given(st.lists(intervals(), min_size=1, max_size=8), intervals())
def test_adding_an_agreeing_interval_never_creates_a_conflict(
    items: list[Interval], extra: Interval
) -> None:
    before = compare_intervals(items)
    if before.consensus is None or not extra.overlaps(before.consensus):
        return
    after = compare_intervals([*items, extra])
    assert after.agree
    assert after.consensus == before.consensus.intersection(extra)


@given(st.lists(intervals(), min_size=2, max_size=6), st.randoms(use_true_random=False))
def test_order_does_not_change_agreement(items: list[Interval], rnd: random.Random) -> None:
    shuffled = list(items)
    rnd.shuffle(shuffled)
    a, b = compare_intervals(items), compare_intervals(shuffled)
    assert (a.agree, a.consensus, a.spread) == (b.agree, b.consensus, b.spread)


@given(intervals())
def test_widening_only_ever_widens(interval: Interval) -> None:
    assert widen(interval).contains(interval)
