"""Figures per count aspect and unit: agreement, conflict, consensus, spread, bars."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conflicts.builders import Scenario, of_kind
from tracker.conflicts import EventComparison, Interval
from tracker.vocabularies import Aspect, FindingKind, FindingSeverity, Stance

OPEN = None


def two_sources(
    a: tuple[int | None, int | None, bool], b: tuple[int | None, int | None, bool]
) -> Scenario:
    s = Scenario()
    for name, (low, high, approximate) in (("Outlet A", a), ("Outlet B", b)):
        claim = s.claim(
            f"{name}'s toll", Aspect.KILLED, low=low, high=high, approximate=approximate
        )
        s.account(claim, s.source(name))
    return s


@pytest.mark.parametrize(
    ("a", "b", "conflict", "consensus", "spread"),
    [
        pytest.param(
            (35, OPEN, False), (31, OPEN, False), False, Interval(35), Interval(31), id="seed"
        ),
        pytest.param(
            (5, 5, False), (5, OPEN, False), False, Interval(5, 5), Interval(5), id="equal bounds"
        ),
        pytest.param(
            (5, 10, False), (10, 20, False), False, Interval(10, 10), Interval(5, 20), id="touching"
        ),
        pytest.param((5, 9, False), (10, 20, False), True, None, Interval(5, 20), id="adjacent"),
        pytest.param(
            (OPEN, 10, False), (11, OPEN, False), True, None, Interval(), id="open either side"
        ),
        pytest.param(
            (OPEN, 10, False),
            (OPEN, 3, False),
            False,
            Interval(OPEN, 3),
            Interval(OPEN, 10),
            id="open low ends",
        ),
        pytest.param((20, 25, False), (30, 40, False), True, None, Interval(20, 40), id="between"),
        pytest.param(
            (2000, 2000, True),
            (2150, 2150, False),
            False,
            Interval(2150, 2150),
            Interval(1800, 2200),
            id="roughly 2,000 against 2,150",
        ),
        pytest.param(
            (2000, 2000, True),
            (2250, 2250, False),
            True,
            None,
            Interval(1800, 2250),
            id="roughly 2,000 against 2,250",
        ),
        pytest.param(
            (2000, 2000, True),
            (1500, 1500, False),
            True,
            None,
            Interval(1500, 2200),
            id="roughly 2,000 against 1,500",
        ),
        pytest.param(
            (100, 100, True),
            (120, 120, True),
            False,
            Interval(108, 110),
            Interval(90, 132),
            id="two approximations meeting",
        ),
        pytest.param(
            (100, 100, True),
            (125, 125, True),
            True,
            None,
            Interval(90, 138),
            id="two approximations apart",
        ),
    ],
)
def test_two_independent_figures(
    a: tuple[int | None, int | None, bool],
    b: tuple[int | None, int | None, bool],
    conflict: bool,
    consensus: Interval | None,
    spread: Interval,
) -> None:
    result = two_sources(a, b).compare()
    (summary,) = result.counts
    assert summary.consensus == consensus
    assert summary.spread == spread
    assert len(summary.bars) == 2
    conflicts = of_kind(result, FindingKind.COUNT_CONFLICT)
    agreements = of_kind(result, FindingKind.COUNT_AGREEMENT)
    if conflict:
        (finding,) = conflicts
        assert finding.severity == FindingSeverity.CONFLICT
        assert "Outlet A" in finding.explanation and "Outlet B" in finding.explanation
        assert not agreements
    else:
        assert not conflicts
        (finding,) = agreements
        assert "consensus" in finding.explanation


def test_figures_in_different_units_or_aspects_are_not_compared() -> None:
    s = Scenario()
    outlet = s.source("Outlet")
    other = s.source("Agency")
    s.account(s.count(10, 10), outlet)
    s.account(s.count(1000, 1000, unit="buildings"), other)
    s.account(s.count(500, 500, aspect=Aspect.INJURED), other)
    result = s.compare()
    assert [(c.aspect, c.unit) for c in result.counts] == [
        ("injured", "people"),
        ("killed", "buildings"),
        ("killed", "people"),
    ]
    assert not of_kind(result, FindingKind.COUNT_CONFLICT)


def test_one_bar_per_independent_source() -> None:
    s = Scenario()
    government = s.source("Syrian government")
    sana = s.source("SANA", government)
    ministry = s.source("Syrian foreign ministry", government)
    first = s.account(s.count(31, OPEN), sana)
    second = s.account(s.count(35, OPEN), ministry)
    result = s.compare()
    (summary,) = result.counts
    (bar,) = summary.bars
    assert bar.interval == Interval(35)
    assert bar.account_ids == (first, second)
    assert bar.voice.label == "Syrian government (SANA and Syrian foreign ministry)"
    assert bar.consistent
    # One source agreeing with itself is no agreement between sources.
    assert not of_kind(result, FindingKind.COUNT_AGREEMENT)


def test_disjoint_figures_under_one_root_are_an_internal_inconsistency() -> None:
    s = Scenario()
    government = s.source("Government")
    s.account(s.count(10, 12), s.source("Agency", government))
    s.account(s.count(40, 45), s.source("Ministry", government))
    result = s.compare()
    assert not of_kind(result, FindingKind.COUNT_CONFLICT)
    (finding,) = of_kind(result, FindingKind.INTERNAL_INCONSISTENCY)
    assert finding.severity == FindingSeverity.TENSION
    assert "10 to 12 people and 40 to 45 people" in finding.explanation
    (summary,) = result.counts
    (bar,) = summary.bars
    assert (bar.consistent, bar.interval, summary.consensus) == (False, Interval(10, 45), None)


def test_an_inconsistent_source_still_conflicts_with_an_outsider_out_of_its_span() -> None:
    s = Scenario()
    government = s.source("Government")
    s.account(s.count(10, 12), s.source("Agency", government))
    s.account(s.count(40, 45), s.source("Ministry", government))
    s.account(s.count(100, 100), s.source("Outlet"))
    result = s.compare()
    assert len(of_kind(result, FindingKind.INTERNAL_INCONSISTENCY)) == 1
    assert len(of_kind(result, FindingKind.COUNT_CONFLICT)) == 1


def test_a_hedged_figure_against_an_asserted_one_is_a_tension() -> None:
    s = Scenario()
    s.account(s.count(10, 10), s.source("Outlet"))
    s.account(s.count(50, 60), s.source("Army"), Stance.HEDGES)
    result = s.compare()
    (finding,) = of_kind(result, FindingKind.COUNT_CONFLICT)
    assert finding.severity == FindingSeverity.TENSION
    assert "Army only suggests 50 to 60 people" in finding.explanation


@pytest.mark.parametrize("stance", [Stance.DENIES, Stance.CANNOT_VERIFY, Stance.INVESTIGATING])
def test_only_supporting_stances_carry_a_figure(stance: str) -> None:
    s = Scenario()
    s.account(s.count(10, 10), s.source("Outlet"))
    s.account(s.count(50, 50), s.source("Army"), stance)
    result = s.compare()
    assert not of_kind(result, FindingKind.COUNT_CONFLICT)
    (summary,) = result.counts
    assert [bar.voice.label for bar in summary.bars] == ["Outlet"]


def test_a_retracted_figure_no_longer_counts() -> None:
    s = Scenario()
    army = s.source("Army")
    high = s.count(50, 50)
    asserted = s.account(high, army)
    s.account(high, army, Stance.RETRACTS)
    s.account(s.count(10, 10), s.source("Outlet"))
    result = s.compare()
    assert not of_kind(result, FindingKind.COUNT_CONFLICT)
    (retraction,) = of_kind(result, FindingKind.RETRACTED)
    assert asserted in retraction.account_ids
    assert "no longer counts" in retraction.explanation
    assert next(a for a in result.accounts if a.account_id == asserted).retracted


def test_one_outlier_conflicts_with_each_of_the_others() -> None:
    s = Scenario()
    a, b, c = s.source("A"), s.source("B"), s.source("C")
    s.account(s.count(10, 20), a)
    s.account(s.count(15, 25), b)
    s.account(s.count(100, 100), c)
    result = s.compare()
    keys = sorted(f.key for f in of_kind(result, FindingKind.COUNT_CONFLICT))
    assert keys == [
        f"count_conflict:killed/people:r{a}|r{c}",
        f"count_conflict:killed/people:r{b}|r{c}",
    ]
    assert result.counts[0].consensus is None


# --- Properties at the level of a whole event ----------------------------------

figure = st.tuples(
    st.integers(min_value=0, max_value=3),  # which root the speaker sits under
    st.one_of(st.none(), st.integers(min_value=0, max_value=200)),
    st.one_of(st.none(), st.integers(min_value=0, max_value=200)),
    st.booleans(),
)


def build(figures: list[tuple[int, int | None, int | None, bool]]) -> Scenario:
    s = Scenario()
    roots = [s.source(f"Root {n}") for n in range(4)]
    for n, (root, low, high, hedged) in enumerate(figures):
        if low is not None and high is not None and low > high:
            low, high = high, low
        if low is None and high is None:
            low = 0
        speaker = s.source(f"Speaker {n}", roots[root])
        stance = Stance.HEDGES if hedged else Stance.ASSERTS
        s.account(s.count(low, high), speaker, stance)
    return s


@settings(max_examples=60, deadline=None)
@given(st.lists(figure, min_size=1, max_size=6))
def test_spread_contains_every_figure_and_consensus_every_bar(
    figures: list[tuple[int, int | None, int | None, bool]],
) -> None:
    s = build(figures)
    (summary,) = s.compare().counts
    assert summary.spread is not None
    for claim in s.claims:
        assert summary.spread.contains(Interval(claim.count_min, claim.count_max))
    if summary.consensus is not None:
        assert all(bar.interval.contains(summary.consensus) for bar in summary.bars)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(figure, min_size=1, max_size=6),
    st.integers(min_value=0, max_value=4),
    st.integers(min_value=0, max_value=50),
    st.booleans(),
)
def test_adding_an_agreeing_account_never_creates_a_conflict(
    figures: list[tuple[int, int | None, int | None, bool]],
    root: int,
    width: int,
    open_high: bool,
) -> None:
    s = build(figures)
    before = s.compare()
    (summary,) = before.counts
    if summary.consensus is None:
        return
    # Any figure that reaches into the consensus agrees with it.
    low = summary.consensus.low or 0
    parent = s.source("Newcomer root") if root == 4 else 1 + root
    s.account(s.count(low, None if open_high else low + width), s.source("Newcomer", parent))
    after = s.compare()
    # It may differ widely from a figure it overlaps (a tension of its own), never conflict.
    assert not [
        f for f in after.findings if f.is_open_conflict and f.kind != FindingKind.FIGURES_DIFFER
    ]
    assert after.counts[0].consensus is not None
    assert summary.consensus.contains(after.counts[0].consensus)


@settings(max_examples=60, deadline=None)
@given(st.lists(figure, min_size=2, max_size=5))
def test_conflict_between_two_sources_does_not_depend_on_their_order(
    figures: list[tuple[int, int | None, int | None, bool]],
) -> None:
    forward = build(figures).compare()
    backward = build(list(reversed(figures))).compare()

    def shape(result: EventComparison) -> tuple[int, int, Interval | None]:
        (summary,) = result.counts
        return (
            len(of_kind(result, FindingKind.COUNT_CONFLICT)),
            len(of_kind(result, FindingKind.INTERNAL_INCONSISTENCY)),
            summary.consensus,
        )

    assert shape(forward) == shape(backward)
