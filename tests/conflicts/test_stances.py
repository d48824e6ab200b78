"""Stances of independent sources on one claim."""

import pytest

from tests.conflicts.builders import Scenario, of_kind, open_kinds
from tracker.vocabularies import FindingKind, FindingSeverity, Stance

A, H, D = Stance.ASSERTS, Stance.HEDGES, Stance.DENIES
CV, INV, R = Stance.CANNOT_VERIFY, Stance.INVESTIGATING, Stance.RETRACTS


@pytest.mark.parametrize(
    ("first", "second", "open_findings", "info_kinds"),
    [
        (A, D, {(FindingKind.STANCE_CONFLICT, FindingSeverity.CONFLICT)}, set()),
        (A, H, {(FindingKind.STANCE_TENSION, FindingSeverity.TENSION)}, set()),
        (D, H, {(FindingKind.STANCE_TENSION, FindingSeverity.TENSION)}, set()),
        (A, A, set(), set()),
        (D, D, set(), set()),
        (H, H, set(), set()),
        (A, CV, set(), {FindingKind.UNCONFIRMED_BY}),
        (A, INV, set(), {FindingKind.UNCONFIRMED_BY}),
        (D, CV, set(), {FindingKind.UNCONFIRMED_BY}),
        (A, R, set(), {FindingKind.RETRACTED}),
    ],
)
def test_two_independent_stances(
    first: str, second: str, open_findings: set[tuple[str, str]], info_kinds: set[str]
) -> None:
    for order in ((first, second), (second, first)):
        s = Scenario()
        claim = s.claim("The market was hit")
        s.account(claim, s.source("Outlet"), order[0])
        s.account(claim, s.source("Army"), order[1])
        result = s.compare()
        assert open_kinds(result) == open_findings
        info = {f.kind for f in result.findings if not f.is_open_conflict}
        assert info == info_kinds


def test_conflict_explanation_names_both_sides() -> None:
    s = Scenario()
    claim = s.claim("The market was hit")
    s.account(claim, s.source("Outlet"), A)
    s.account(claim, s.source("Army"), D)
    (finding,) = of_kind(s.compare(), FindingKind.STANCE_CONFLICT)
    assert finding.explanation == 'Outlet asserts "The market was hit" but Army denies it.'


def test_asserting_and_denying_under_one_root_is_an_internal_inconsistency() -> None:
    s = Scenario()
    government = s.source("Government")
    claim = s.claim()
    s.account(claim, s.source("Agency", government), A)
    s.account(claim, s.source("Ministry", government), D)
    result = s.compare()
    assert open_kinds(result) == {(FindingKind.INTERNAL_INCONSISTENCY, FindingSeverity.TENSION)}


def test_an_outsider_denying_still_conflicts_with_an_inconsistent_root() -> None:
    s = Scenario()
    government = s.source("Government")
    claim = s.claim()
    s.account(claim, s.source("Agency", government), A)
    s.account(claim, s.source("Ministry", government), D)
    s.account(claim, s.source("Outlet"), D)
    result = s.compare()
    assert open_kinds(result) == {
        (FindingKind.INTERNAL_INCONSISTENCY, FindingSeverity.TENSION),
        (FindingKind.STANCE_CONFLICT, FindingSeverity.CONFLICT),
    }


def test_a_source_that_asserts_and_hedges_counts_as_asserting() -> None:
    s = Scenario()
    claim = s.claim()
    army = s.source("Army")
    s.account(claim, army, A)
    s.account(claim, army, H)
    s.account(claim, s.source("Outlet"), A)
    assert open_kinds(s.compare()) == set()


def test_a_retraction_takes_back_the_assertion_it_would_conflict_with() -> None:
    s = Scenario()
    claim = s.claim()
    army = s.source("Army")
    s.account(claim, army, A)
    s.account(claim, army, R)
    s.account(claim, s.source("Outlet"), D)
    result = s.compare()
    assert open_kinds(result) == set()
    (retraction,) = of_kind(result, FindingKind.RETRACTED)
    assert retraction.explanation.endswith("its earlier account no longer counts.")


def test_a_retraction_by_one_speaker_leaves_its_colleagues_standing() -> None:
    s = Scenario()
    government = s.source("Government")
    claim = s.claim()
    agency = s.source("Agency", government)
    s.account(claim, agency, A)
    s.account(claim, agency, R)
    s.account(claim, s.source("Ministry", government), A)
    s.account(claim, s.source("Outlet"), D)
    assert open_kinds(s.compare()) == {(FindingKind.STANCE_CONFLICT, FindingSeverity.CONFLICT)}


def test_unconfirmed_by_names_the_source_and_its_relay() -> None:
    s = Scenario()
    claim = s.claim("35 were killed")
    coalition = s.source("US-led coalition")
    ryan = s.source("Col. Sean Ryan", coalition)
    rudaw = s.source("Rudaw English")
    reuters = s.source("Reuters")
    s.account(claim, ryan, INV, via=rudaw)
    s.account(claim, reuters, CV)
    s.account(claim, reuters, INV)
    explanations = [f.explanation for f in of_kind(s.compare(), FindingKind.UNCONFIRMED_BY)]
    assert explanations == [
        'Col. Sean Ryan (via Rudaw English) is still looking into "35 were killed".',
        'Reuters could not independently verify "35 were killed" and is still looking into it.',
    ]


def test_an_unknown_stance_is_reported_and_left_out() -> None:
    s = Scenario()
    claim = s.claim()
    s.account(claim, s.source("Outlet"), A)
    odd = s.account(claim, s.source("Army"), "shrugs")
    result = s.compare()
    (finding,) = of_kind(result, FindingKind.NOT_COMPARABLE)
    assert finding.account_ids == (odd,)
    assert "'shrugs'" in finding.explanation
    assert open_kinds(result) == set()
    summary = result.claim(claim)
    assert summary is not None and summary.independent_sources == 1
