"""Perpetrator claims: contested responsibility, alternatives, hedges."""

import pytest

from tests.conflicts.builders import Scenario, of_kind, open_kinds
from tracker.vocabularies import FindingKind, FindingSeverity, Stance

A, H, D = Stance.ASSERTS, Stance.HEDGES, Stance.DENIES


@pytest.mark.parametrize(
    ("first_names", "first_stance", "second_names", "second_stance", "expected"),
    [
        pytest.param(
            "P",
            A,
            "Q",
            A,
            {(FindingKind.PERPETRATOR_CONTESTED, FindingSeverity.CONFLICT)},
            id="P/Q",
        ),
        pytest.param("P", A, "PQ", A, set(), id="alternatives include P"),
        pytest.param("P", A, "P", A, set(), id="same party twice"),
        pytest.param(
            "P",
            A,
            "Q",
            H,
            {(FindingKind.PERPETRATOR_CONTESTED, FindingSeverity.TENSION)},
            id="hedged Q",
        ),
        pytest.param(
            "P",
            A,
            "PQ",
            H,
            {(FindingKind.STANCE_TENSION, FindingSeverity.TENSION)},
            id="seed shape",
        ),
        pytest.param(
            "PQ", A, "P", H, {(FindingKind.STANCE_TENSION, FindingSeverity.TENSION)}, id="mirrored"
        ),
        pytest.param("P", H, "PQ", H, set(), id="both hedged"),
        pytest.param("P", A, "Q", D, set(), id="a denial names no one"),
        pytest.param("PR", A, "QR", A, set(), id="overlapping alternatives"),
        pytest.param("P", A, "U", A, set(), id="a unit of P is P"),
    ],
)
def test_two_claims_of_two_sources(
    first_names: str,
    first_stance: str,
    second_names: str,
    second_stance: str,
    expected: set[tuple[str, str]],
) -> None:
    s = Scenario()
    p = s.source("P")
    parties = {"P": p, "Q": s.source("Q"), "R": s.source("R"), "U": s.source("Unit of P", p)}
    first = s.perpetrator(*(parties[n] for n in first_names))
    second = s.perpetrator(*(parties[n] for n in second_names))
    s.account(first, s.source("Accuser"), first_stance)
    s.account(second, s.source("Other"), second_stance)
    assert open_kinds(s.compare()) == expected


def test_contested_explanation_names_sources_and_parties() -> None:
    s = Scenario()
    coalition = s.source("US-led coalition")
    daesh = s.source("Daesh")
    first = s.perpetrator(coalition)
    second = s.perpetrator(daesh)
    s.account(first, s.source("Syrian foreign ministry"))
    s.account(second, s.source("Coalition press office"))
    (finding,) = of_kind(s.compare(), FindingKind.PERPETRATOR_CONTESTED)
    assert finding.explanation.startswith("Syrian foreign ministry names US-led coalition")
    assert "Coalition press office names Daesh" in finding.explanation
    assert finding.claim_ids == (first, second)


def test_one_source_naming_two_parties_outright_is_inconsistent_not_contested() -> None:
    s = Scenario()
    government = s.source("Government")
    first = s.perpetrator(s.source("P"))
    second = s.perpetrator(s.source("Q"))
    s.account(first, s.source("Agency", government))
    s.account(second, s.source("Ministry", government))
    result = s.compare()
    assert open_kinds(result) == {(FindingKind.INTERNAL_INCONSISTENCY, FindingSeverity.TENSION)}


def test_hedging_both_alternatives_on_separate_claims_is_not_inconsistent() -> None:
    s = Scenario()
    army = s.source("Army")
    first = s.perpetrator(s.source("P"))
    second = s.perpetrator(s.source("Q"))
    s.account(first, army, H)
    s.account(second, army, H)
    assert open_kinds(s.compare()) == set()


def test_a_perpetrator_claim_naming_no_one_is_not_comparable() -> None:
    s = Scenario()
    claim = s.perpetrator()
    s.account(claim, s.source("Outlet"))
    s.account(s.perpetrator(s.source("P")), s.source("Other"))
    result = s.compare()
    (finding,) = of_kind(result, FindingKind.NOT_COMPARABLE)
    assert finding.claim_ids == (claim,)
    assert "names no party" in finding.explanation
    assert open_kinds(result) == set()


def test_a_hedge_is_no_tension_when_its_source_also_asserts_the_shared_party() -> None:
    s = Scenario()
    p = s.source("P")
    named, alternatives = s.perpetrator(p), s.perpetrator(p, s.source("Q"))
    army = s.source("Army")
    s.account(named, s.source("Accuser"))
    s.account(named, army)
    s.account(alternatives, army, H)
    assert open_kinds(s.compare()) == set()
