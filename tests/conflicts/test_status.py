"""The suggested status of a claim, and the reasons given for it."""

import pytest

from tests.conflicts.builders import Scenario
from tracker.vocabularies import BASIS_STATUS, Stance, SuggestionBasis, VerificationStatus

A, H, D = Stance.ASSERTS, Stance.HEDGES, Stance.DENIES
CV, INV, R = Stance.CANNOT_VERIFY, Stance.INVESTIGATING, Stance.RETRACTS


@pytest.mark.parametrize(
    ("stances", "basis", "status"),
    [
        ([], SuggestionBasis.NO_ACCOUNTS, "unverified"),
        ([A], SuggestionBasis.SINGLE_SOURCE, "unverified"),
        ([A, A], SuggestionBasis.CORROBORATED, "corroborated"),
        ([A, D], SuggestionBasis.DISPUTED, "disputed"),
        ([A, A, D], SuggestionBasis.DISPUTED, "disputed"),
        ([A, H], SuggestionBasis.SINGLE_SOURCE, "unverified"),
        ([H, H], SuggestionBasis.HEDGED_ONLY, "unverified"),
        ([D], SuggestionBasis.DENIED_ONLY, "unverified"),
        ([CV], SuggestionBasis.UNCONFIRMED, "unverifiable"),
        ([CV, INV], SuggestionBasis.UNCONFIRMED, "unverifiable"),
        ([A, CV], SuggestionBasis.SINGLE_SOURCE, "unverified"),
        ([R], SuggestionBasis.RETRACTED, "unverified"),
    ],
)
def test_basis_and_status(stances: list[str], basis: str, status: str) -> None:
    s = Scenario()
    claim = s.claim("The bridge was destroyed")
    for n, stance in enumerate(stances):
        s.account(claim, s.source(f"Source {n}"), stance)
    summary = s.compare().claim(claim)
    assert summary is not None
    assert (summary.suggestion.basis, summary.suggestion.status) == (basis, status)
    assert summary.suggestion.reasons, "every suggestion says why"


def test_every_basis_maps_onto_a_verification_status() -> None:
    assert set(BASIS_STATUS.values()) <= set(VerificationStatus.values)


def test_a_figure_inside_the_claim_supports_it_and_an_overlapping_one_only_agrees() -> None:
    s = Scenario()
    more_than_30 = s.count(31, None)
    at_least_35 = s.count(35, None)
    s.account(more_than_30, s.source("SANA"))
    s.account(at_least_35, s.source("Outlet"))
    result = s.compare()

    broad = result.claim(more_than_30)
    narrow = result.claim(at_least_35)
    assert broad is not None and narrow is not None
    assert broad.suggestion.basis == SuggestionBasis.CORROBORATED
    assert broad.independent_sources == 2
    assert any("which implies it" in r for r in broad.suggestion.reasons)
    assert narrow.suggestion.basis == SuggestionBasis.SINGLE_SOURCE
    assert "The figures of SANA agree with it without implying it." in narrow.suggestion.reasons


def test_a_narrower_perpetrator_claim_supports_the_alternatives() -> None:
    s = Scenario()
    coalition = s.source("Coalition")
    partners = s.source("Partner forces")
    alternatives = s.perpetrator(coalition, partners)
    s.account(s.perpetrator(coalition), s.source("Outlet"))
    s.account(alternatives, s.source("Monitor"))
    summary = s.compare().claim(alternatives)
    assert summary is not None
    assert summary.suggestion.basis == SuggestionBasis.CORROBORATED


def test_a_count_conflict_disputes_both_claims() -> None:
    s = Scenario()
    low = s.count(10, 12)
    high = s.count(40, 45)
    s.account(low, s.source("Outlet"))
    s.account(high, s.source("Army"))
    result = s.compare()
    for claim in (low, high):
        summary = result.claim(claim)
        assert summary is not None
        assert summary.suggestion.status == "disputed"
        assert "do not overlap" in summary.suggestion.reasons[0]


def test_a_tension_does_not_dispute() -> None:
    s = Scenario()
    claim = s.claim()
    s.account(claim, s.source("Outlet"), A)
    s.account(claim, s.source("Monitor"), A)
    s.account(claim, s.source("Army"), H)
    summary = s.compare().claim(claim)
    assert summary is not None
    assert summary.suggestion.basis == SuggestionBasis.CORROBORATED
    assert any("only says it may be so" in r for r in summary.suggestion.reasons)
