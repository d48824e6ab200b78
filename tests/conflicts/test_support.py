"""The best-supported range, who stands apart, and figures that differ widely."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conflicts.builders import Scenario, of_kind
from tracker.conflicts import EventInfo, Interval, compare_event
from tracker.vocabularies import FindingKind, FindingSeverity, Stance

# (name, is a party, low, high) for each voice, one root each.
Voices = list[tuple[str, bool, int | None, int | None]]


def scenario(voices: Voices) -> Scenario:
    s = Scenario()
    sources = [s.source(name, party=party) for name, party, _, _ in voices]
    claims = [s.count(low, high) for _, _, low, high in voices]
    for claim, source in zip(claims, sources, strict=True):
        s.account(claim, source)
    return s


def compare(voices: Voices):
    return scenario(voices).compare()


def groups_and_outliers(result) -> tuple[list[tuple[Interval, set[str]]], set[str]]:
    (summary,) = result.counts
    names = {bar.voice.key: bar.voice.label for bar in summary.bars}
    groups = [
        (group.interval, {names[k] for k in group.voice_keys}) for group in summary.best_supported
    ]
    return groups, {names[k] for k in summary.outliers}


@pytest.mark.parametrize(
    ("voices", "groups", "outliers"),
    [
        pytest.param(
            [("Government", True, 8, 8), ("Hospital", False, 25, None), ("Monitor", False, 22, 30)],
            [(Interval(25, 30), {"Hospital", "Monitor"})],
            {"Government"},
            id="a government figure against independent figures",
        ),
        pytest.param(
            [("A", False, 5, 8), ("B", False, 6, 9), ("C", False, 20, 25), ("D", False, 22, 26)],
            [(Interval(6, 8), {"A", "B"}), (Interval(22, 25), {"C", "D"})],
            set(),
            id="a tie between two groups is reported with both",
        ),
        pytest.param(
            [("A", True, 5, 8), ("B", False, 6, 9), ("C", False, 20, 25), ("D", False, 22, 26)],
            [(Interval(22, 25), {"C", "D"})],
            {"A", "B"},
            id="a tie goes to the group with more voices that are not parties",
        ),
        pytest.param(
            [("A", False, 8, 8), ("B", False, 25, 25)],
            [],
            set(),
            id="one voice against another: no group, no outlier",
        ),
        pytest.param(
            [("A", False, None, 10), ("B", False, None, 12), ("C", False, 40, None)],
            [(Interval(None, 10), {"A", "B"})],
            {"C"},
            id="bounds open below form a group",
        ),
    ],
)
def test_best_supported_range(voices, groups, outliers):
    assert groups_and_outliers(compare(voices)) == (groups, outliers)


def test_when_every_voice_agrees_there_is_consensus_and_no_best_supported_finding():
    result = compare([("A", False, 30, None), ("B", False, 35, 40)])
    (summary,) = result.counts
    assert summary.consensus == Interval(35, 40)
    assert summary.best_supported == () and summary.outliers == ()
    assert not of_kind(result, FindingKind.BEST_SUPPORTED)


def test_the_best_supported_finding_names_the_group_and_who_stands_apart():
    result = compare(
        [("Government", True, 8, 8), ("Hospital", False, 25, None), ("Monitor", False, 22, 30)]
    )
    (finding,) = of_kind(result, FindingKind.BEST_SUPPORTED)
    assert finding.severity == FindingSeverity.INFO
    assert finding.explanation == (
        "Independent sources (Hospital and Monitor) agree on 25 to 30 people; "
        "Government, a party to the event, says 8 people."
    )
    line = result.summary.lines[0].text
    assert line.startswith("Killed: reported at least 8 people. Independent sources")


def test_a_root_speaks_with_its_latest_dated_figure():
    s = Scenario()
    ministry = s.source("Ministry")
    monitor = s.source("Monitor")
    s.account(s.count(12, 12), ministry, said_on=date(2024, 5, 1))
    s.account(s.count(27, 27), ministry, said_on=date(2024, 5, 3))
    s.account(s.count(26, 28), monitor)
    result = s.compare()
    (summary,) = result.counts
    assert summary.bar("r1").interval == Interval(27, 27)
    assert summary.consensus == Interval(27, 27)
    assert not of_kind(result, FindingKind.INTERNAL_INCONSISTENCY)


def test_a_root_whose_undated_figures_disagree_joins_no_group():
    s = Scenario()
    ministry, a, b = s.source("Ministry"), s.source("A"), s.source("B")
    s.account(s.count(5, 5), ministry)
    s.account(s.count(50, 50), ministry)
    s.account(s.count(20, 22), a)
    s.account(s.count(21, 25), b)
    result = s.compare()
    (summary,) = result.counts
    assert of_kind(result, FindingKind.INTERNAL_INCONSISTENCY)
    assert [g.voice_keys for g in summary.best_supported] == [("r2", "r3")]
    assert summary.outliers == ("r1",)


# --- Figures that differ widely ------------------------------------------


def test_a_lower_bound_far_below_a_point_figure_is_a_tension_not_corroboration():
    s = Scenario()
    sohr, official = s.source("SOHR"), s.source("a civil defence official")
    at_least_12, twenty_seven = s.count(12, None), s.count(27, 27)
    s.account(at_least_12, sohr)
    s.account(twenty_seven, official)
    result = s.compare()
    (tension,) = of_kind(result, FindingKind.FIGURES_DIFFER)
    assert tension.severity == FindingSeverity.TENSION
    assert tension.explanation == (
        "SOHR says at least 12 people, a civil defence official says 27 people: "
        "these agree only if SOHR's count is partial."
    )
    # They overlap, so they agree on 27; but neither corroborates the other.
    assert result.counts[0].consensus == Interval(27, 27)
    for claim in (at_least_12, twenty_seven):
        assert result.claim(claim).suggestion.status != "corroborated"


@pytest.mark.parametrize(
    ("lower_on", "higher_on", "severity", "phrase"),
    [
        (date(2024, 5, 1), date(2024, 5, 3), FindingSeverity.INFO, "the toll rose between"),
        (date(2024, 5, 3), date(2024, 5, 1), FindingSeverity.TENSION, "the lower figure is the"),
        (None, date(2024, 5, 1), FindingSeverity.TENSION, "agree only if"),
        (date(2024, 5, 1), date(2024, 5, 1), FindingSeverity.TENSION, "agree only if"),
    ],
)
def test_a_toll_rising_over_days_is_information(lower_on, higher_on, severity, phrase):
    s = Scenario()
    early, late = s.source("Early"), s.source("Late")
    s.account(s.count(12, None), early, said_on=lower_on)
    s.account(s.count(30, 30), late, said_on=higher_on)
    result = s.compare()
    (finding,) = of_kind(result, FindingKind.FIGURES_DIFFER)
    assert finding.severity == severity
    assert phrase in finding.explanation
    assert finding.is_open_conflict == (severity != FindingSeverity.INFO)


@pytest.mark.parametrize(
    ("first", "second", "differ"),
    [
        ((31, None), (35, None), False),  # the seed: 31 and 35
        ((20, 20), (30, 30), False),  # disjoint: a count conflict, not this
        ((10, 40), (38, 38), True),  # midpoint 25 against 38
        ((10, 30), (29, 29), False),  # midpoint 20 against 29: under 1.5
        ((0, 10), (7, 7), False),  # midpoint 5 against 7
        ((0, 10), (8, 8), True),  # midpoint 5 against 8
        ((None, 30), (12, 12), True),  # a bare upper bound is its bound
    ],
)
def test_the_factor_of_one_and_a_half(first, second, differ):
    result = compare([("A", False, *first), ("B", False, *second)])
    assert bool(of_kind(result, FindingKind.FIGURES_DIFFER)) == differ


# --- Properties -----------------------------------------------------------

bound = st.one_of(st.none(), st.integers(min_value=0, max_value=60))


@st.composite
def voice(draw):
    low, high = draw(bound), draw(bound)
    if low is not None and high is not None and low > high:
        low, high = high, low
    if low is None and high is None:
        low = draw(st.integers(min_value=0, max_value=60))
    return draw(st.booleans()), low, high


voices_strategy = st.lists(voice(), min_size=1, max_size=6)


def named(drawn) -> Voices:
    return [(f"V{i}", party, low, high) for i, (party, low, high) in enumerate(drawn)]


def shape(result):
    return [(f.kind, f.severity, f.key, f.signature, f.explanation) for f in result.findings]


@settings(max_examples=80, deadline=None)
@given(voices_strategy, st.randoms())
def test_any_order_of_the_accounts_gives_the_same_findings(drawn, random):
    s = scenario(named(drawn))
    claims, accounts = list(s.claims), list(s.accounts)
    random.shuffle(claims)
    random.shuffle(accounts)
    event = EventInfo(id=1, party_ids=frozenset(s.parties))
    shuffled = compare_event(event, claims, accounts, dict(reversed(list(s.sources.items()))))
    assert shape(shuffled) == shape(s.compare())
    assert shuffled.counts == s.compare().counts
    assert shuffled.summary == s.compare().summary


@settings(max_examples=80, deadline=None)
@given(voices_strategy, st.booleans())
def test_adding_an_agreeing_voice_never_shrinks_the_best_supported_group(drawn, party):
    voices = named(drawn)
    (before,) = compare(voices).counts
    if not before.best_supported:
        return
    size = len(before.best_supported[0].voice_keys)
    common = before.best_supported[0].interval
    after = compare([*voices, ("Newcomer", party, common.low, common.high)])
    (summary,) = after.counts
    largest = (
        len(summary.bars)
        if summary.consensus is not None
        else max(len(g.voice_keys) for g in summary.best_supported)
    )
    assert largest >= size + 1


@settings(max_examples=80, deadline=None)
@given(voices_strategy)
def test_no_voice_is_an_outlier_of_its_own_group(drawn):
    result = compare(named(drawn))
    (summary,) = result.counts
    members = {key for group in summary.best_supported for key in group.voice_keys}
    assert not members & set(summary.outliers)
    if len(summary.bars) == 1:
        assert summary.outliers == () and summary.best_supported == ()
    for group in summary.best_supported:
        assert len(group.voice_keys) >= 2
        for key in group.voice_keys:
            assert summary.bar(key).interval.contains(group.interval)


def test_hedged_stance_reads_as_a_suggestion_in_the_group_sentence():
    s = Scenario()
    a, b, c = s.source("A"), s.source("B"), s.source("C")
    s.account(s.count(20, 25), a)
    s.account(s.count(22, 30), b)
    s.account(s.count(3, 3), c, Stance.HEDGES)
    (finding,) = of_kind(s.compare(), FindingKind.BEST_SUPPORTED)
    assert finding.explanation.endswith("; C only suggests 3 people.")
