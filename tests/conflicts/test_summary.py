"""An event's summary lines and its suggested Airwars grade."""

import pytest

from tests.conflicts.builders import Scenario
from tracker.conflicts.intervals import figure_words
from tracker.vocabularies import (
    STATUS_AIRWARS,
    STATUS_MAPPING,
    SUGGESTED_GRADES,
    AirwarsGrade,
    Stance,
    VerificationStatus,
)


@pytest.mark.parametrize(
    ("low", "high", "approximate", "unit", "words"),
    [
        (35, None, False, "people", "at least 35 people"),
        (20, 25, False, "", "20 to 25"),
        (2000, 2000, True, "", "about 2,000"),
        (12, 12, False, "", "12"),
        (None, 10, False, "", "no more than 10"),
        (1, 1, False, "people", "1 person"),
        (5, None, False, "km2", "at least 5 square kilometres"),
    ],
)
def test_figures_read_as_words(low, high, approximate, unit, words):
    assert figure_words(low, high, approximate=approximate, unit=unit) == words


def test_an_approximate_figure_is_worded_as_given_not_as_widened():
    s = Scenario()
    a, b = s.source("A"), s.source("B")
    s.account(s.count(2000, 2000, approximate=True), a)
    s.account(s.count(1900, 1950), b)
    result = s.compare()
    assert result.counts[0].bar("r1").words == "about 2,000 people"
    assert "A: about 2,000 people" in result.findings[0].explanation


def test_a_count_conflict_names_the_aspect_on_both_sides():
    s = Scenario()
    government, hospital = s.source("The government"), s.source("The hospital")
    s.account(s.count(8, 8), government)
    s.account(s.count(25, None), hospital)
    (conflict,) = s.compare().open_conflicts
    assert conflict.explanation == (
        "The government says 8 people were killed, but The hospital says at least 25 people "
        "were: the figures do not overlap."
    )


def test_the_reported_range_puts_its_ends_as_the_sources_did():
    s = Scenario()
    agency, monitor = s.source("The agency"), s.source("The monitor")
    s.account(s.count(31, None, min_exclusive=True), agency)  # "more than 30"
    s.account(s.count(35, None), monitor)
    result = s.compare()
    (summary,) = result.counts
    assert summary.spread_words == "more than 30 people"
    assert result.summary.lines[0].text.startswith("Killed: reported more than 30 people.")
    (agreement,) = [f for f in result.findings if f.kind == "count_agreement"]
    assert agreement.explanation.endswith("reported more than 30 people.")
    assert agreement.details["reported_range"]["words"] == "more than 30 people"


def test_a_range_open_at_both_ends_reads_from_its_extremes_not_as_unknown():
    s = Scenario()
    ministry, monitor, hospital = s.source("Ministry"), s.source("Monitor"), s.source("Hospital")
    s.account(s.count(None, 2), ministry)  # "up to 2"
    s.account(s.count(None, 5), monitor)
    s.account(s.count(19, None), hospital)  # "at least 19"
    (summary,) = s.compare().counts
    assert summary.spread_words == "no more than 2 to at least 19 people"
    assert "unknown" not in summary.spread_words


def test_a_range_end_reads_more_than_only_when_every_source_giving_it_said_so():
    s = Scenario()
    agency, monitor = s.source("The agency"), s.source("The monitor")
    s.account(s.count(31, None, min_exclusive=True), agency)
    s.account(s.count(31, 40), monitor)  # "31 to 40": the same low end, said plainly
    (summary,) = s.compare().counts
    assert summary.spread_words == "at least 31 people"


def test_fewer_than_reads_as_said_at_the_high_end():
    s = Scenario()
    agency, monitor = s.source("The agency"), s.source("The monitor")
    s.account(s.count(None, 9, max_exclusive=True), agency)  # "fewer than 10"
    s.account(s.count(5, 6), monitor)
    (summary,) = s.compare().counts
    assert summary.spread_words == "fewer than 10 people"


def grade_of(build) -> str:
    s = Scenario()
    build(s)
    return s.compare().summary.grade


def test_a_belligerent_accepting_responsibility_is_confirmed():
    def build(s):
        army = s.source("Army", party=True)
        s.account(s.perpetrator(army), army)

    assert grade_of(build) == AirwarsGrade.CONFIRMED


def test_competing_claims_of_responsibility_are_contested():
    def build(s):
        first, second = s.source("P", party=True), s.source("Q", party=True)
        witness = s.source("Witness")
        s.account(s.perpetrator(first), second)
        s.account(s.perpetrator(second), first)
        s.account(s.perpetrator(second), witness)

    assert grade_of(build) == AirwarsGrade.CONTESTED


def test_two_disinterested_sources_agreeing_is_fair_and_one_is_weak():
    def two(s):
        claim = s.count(30, 30)
        s.account(claim, s.source("Monitor"))
        s.account(claim, s.source("Hospital"))

    def one(s):
        s.account(s.count(30, 30), s.source("Monitor"))

    def party_and_outsider(s):
        claim = s.count(30, 30)
        s.account(claim, s.source("Army", party=True))
        s.account(claim, s.source("Monitor"))

    assert grade_of(two) == AirwarsGrade.FAIR
    assert grade_of(one) == AirwarsGrade.WEAK
    assert grade_of(party_and_outsider) == AirwarsGrade.WEAK
    assert grade_of(lambda s: s.count(3, 3)) == ""


def test_the_grade_is_explained():
    s = Scenario()
    claim = s.count(30, 30)
    s.account(claim, s.source("Monitor"))
    s.account(claim, s.source("Hospital"), Stance.ASSERTS)
    reasons = s.compare().summary.grade_reasons
    assert reasons[0] == (
        "Suggested Fair: two or more independent, disinterested sources agree on what happened."
    )
    assert reasons[1].startswith("Monitor and Hospital assert")


def test_the_status_mapping_takes_its_airwars_grades_from_one_place():
    for status in VerificationStatus.values:
        grade = STATUS_AIRWARS[status]
        assert STATUS_MAPPING[status].airwars == (AirwarsGrade(grade).label if grade else "")
    assert STATUS_MAPPING[VerificationStatus.CORROBORATED].airwars == "Fair"


@pytest.mark.parametrize("build", ["none", "one", "two", "party_admits"])
def test_the_comparison_suggests_only_grades_the_scale_lets_it(build):
    s = Scenario()
    if build != "none":
        claim = s.count(30, 30)
        s.account(claim, s.source("Monitor"))
        if build == "two":
            s.account(claim, s.source("Hospital"))
        if build == "party_admits":
            army = s.source("Army", party=True)
            perpetrator = s.perpetrator(army)
            s.account(perpetrator, army)
    grade = s.compare().summary.grade
    if build == "none":
        assert grade == ""
    else:
        assert grade in SUGGESTED_GRADES
