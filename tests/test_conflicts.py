"""The seed article, as the comparison sees it.

The rules one by one are tested in tests/conflicts/; this is the first real
input, end to end: the tolls agree, the Syrian government counts once and is
interested, the coalition's hedge stands against the foreign ministry as a
tension, and Reuters and the coalition spokesperson leave it unconfirmed.
"""

import pytest

from tracker.conflicts import (
    AccountInfo,
    ClaimInfo,
    EventComparison,
    EventInfo,
    Interval,
    SourceInfo,
    compare_event,
)
from tracker.vocabularies import Aspect, FindingKind, FindingSeverity, Stance, SuggestionBasis

SYRIA, SANA, MINISTRY, COALITION, RYAN, RUDAW, REUTERS, OUTLET, PARTNERS = range(1, 10)
SOURCES = {
    SYRIA: SourceInfo(SYRIA, "Syrian government"),
    SANA: SourceInfo(SANA, "SANA", SYRIA),
    MINISTRY: SourceInfo(MINISTRY, "Syrian foreign ministry", SYRIA),
    COALITION: SourceInfo(COALITION, "US-led coalition"),
    RYAN: SourceInfo(RYAN, "Col. Sean Ryan", COALITION),
    RUDAW: SourceInfo(RUDAW, "Rudaw English"),
    REUTERS: SourceInfo(REUTERS, "Reuters"),
    OUTLET: SourceInfo(OUTLET, "The article's outlet"),
    PARTNERS: SourceInfo(PARTNERS, "partner forces"),
}
EVENT = EventInfo(id=1, party_ids=frozenset({SYRIA, COALITION}))

AT_LEAST_35, MORE_THAN_30, MASSACRE, BY_COALITION, BY_COALITION_OR_PARTNERS = range(11, 16)
CLAIMS = [
    ClaimInfo(
        AT_LEAST_35,
        "At least 35 civilians were killed late Thursday by airstrikes",
        Aspect.KILLED,
        count_min=35,
        unit="people",
    ),
    ClaimInfo(
        MORE_THAN_30,
        "More than 30 were killed, mostly women and children",
        Aspect.KILLED,
        count_min=31,
        unit="people",
    ),
    ClaimInfo(MASSACRE, "The attack was a massacre", Aspect.CHARACTERIZATION),
    ClaimInfo(
        BY_COALITION,
        "The illegal coalition carried out the strikes",
        Aspect.PERPETRATOR,
        named_party_ids=frozenset({COALITION}),
    ),
    ClaimInfo(
        BY_COALITION_OR_PARTNERS,
        "The coalition or partner forces may have conducted the strikes",
        Aspect.PERPETRATOR,
        named_party_ids=frozenset({COALITION, PARTNERS}),
    ),
]
FORWARDING = "We are forwarding the report to our Civilian Casualty Cell for further assessment"
ACCOUNTS = [
    AccountInfo(101, AT_LEAST_35, OUTLET, Stance.ASSERTS, None, 1, "At least 35 civilians"),
    AccountInfo(102, MORE_THAN_30, SANA, Stance.ASSERTS, None, 1, "more than 30"),
    AccountInfo(103, MASSACRE, MINISTRY, Stance.ASSERTS, None, 1, "massacre"),
    AccountInfo(104, BY_COALITION, MINISTRY, Stance.ASSERTS, None, 1, "illegal coalition"),
    AccountInfo(
        105, BY_COALITION_OR_PARTNERS, COALITION, Stance.HEDGES, None, 1, "may have conducted"
    ),
    AccountInfo(106, AT_LEAST_35, RYAN, Stance.INVESTIGATING, RUDAW, 1, FORWARDING),
    AccountInfo(107, MORE_THAN_30, RYAN, Stance.INVESTIGATING, RUDAW, 1, FORWARDING),
    AccountInfo(108, AT_LEAST_35, REUTERS, Stance.CANNOT_VERIFY, None, 1, "could not verify"),
    AccountInfo(109, MORE_THAN_30, REUTERS, Stance.CANNOT_VERIFY, None, 1, "could not verify"),
]


@pytest.fixture(scope="module")
def seed() -> EventComparison:
    return compare_event(EVENT, CLAIMS, ACCOUNTS, SOURCES)


def test_the_tolls_agree_on_at_least_35(seed: EventComparison) -> None:
    (killed,) = seed.counts
    assert (killed.aspect, killed.unit) == ("killed", "people")
    assert killed.consensus == Interval(35, None)
    assert killed.spread == Interval(31, None)
    assert [(bar.voice.label, bar.interval) for bar in killed.bars] == [
        ("Syrian government (SANA)", Interval(31, None)),
        ("The article's outlet", Interval(35, None)),
    ]
    (agreement,) = [f for f in seed.findings if f.kind == FindingKind.COUNT_AGREEMENT]
    assert "consensus at least 35 people" in agreement.explanation


def test_the_only_open_conflict_is_the_hedged_responsibility(seed: EventComparison) -> None:
    (tension,) = seed.open_conflicts
    assert (tension.kind, tension.severity) == (FindingKind.STANCE_TENSION, FindingSeverity.TENSION)
    assert tension.claim_ids == (BY_COALITION, BY_COALITION_OR_PARTNERS)
    assert tension.account_ids == (104, 105)
    assert tension.explanation.startswith("Syrian foreign ministry asserts")
    assert "US-led coalition only hedges" in tension.explanation


def test_the_syrian_government_counts_once_and_is_interested(seed: EventComparison) -> None:
    # SANA gives the toll and the ministry speaks of the massacre and who did it:
    # on no aspect do both speak, so neither is swept into the other's "counted once".
    once = [f for f in seed.findings if f.kind == FindingKind.COUNTED_ONCE]
    assert not [f for f in once if {102, 103} <= set(f.account_ids)]
    assert not [f for f in once if {102, 104} <= set(f.account_ids)]
    interested = {f.key: f for f in seed.findings if f.kind == FindingKind.INTERESTED}
    assert set(interested[f"interested:root={SYRIA}"].account_ids) == {102, 103, 104}
    assert set(interested[f"interested:root={COALITION}"].account_ids) == {105, 106, 107}
    flagged = {a.account_id for a in seed.accounts if a.interested}
    assert flagged == {102, 103, 104, 105, 106, 107}
    roots = {a.account_id: a.root_name for a in seed.accounts}
    assert roots[102] == roots[103] == "Syrian government"
    assert roots[106] == "US-led coalition"  # Ryan, not Rudaw English, who relayed him


def test_reuters_and_the_spokesperson_leave_it_unconfirmed(seed: EventComparison) -> None:
    unconfirmed = [f for f in seed.findings if f.kind == FindingKind.UNCONFIRMED_BY]
    assert sorted((f.claim_ids, f.explanation.split(" ")[0]) for f in unconfirmed) == [
        ((AT_LEAST_35,), "Col."),
        ((AT_LEAST_35,), "Reuters"),
        ((MORE_THAN_30,), "Col."),
        ((MORE_THAN_30,), "Reuters"),
    ]
    assert any("Col. Sean Ryan (via Rudaw English)" in f.explanation for f in unconfirmed)


@pytest.mark.parametrize(
    ("claim", "basis", "independent", "interested"),
    [
        (AT_LEAST_35, SuggestionBasis.SINGLE_SOURCE, 1, 0),
        # The article's "at least 35" implies SANA's "more than 30".
        (MORE_THAN_30, SuggestionBasis.CORROBORATED, 2, 1),
        (MASSACRE, SuggestionBasis.SINGLE_INTERESTED_SOURCE, 1, 1),
        (BY_COALITION, SuggestionBasis.SINGLE_INTERESTED_SOURCE, 1, 1),
        (BY_COALITION_OR_PARTNERS, SuggestionBasis.SINGLE_INTERESTED_SOURCE, 2, 2),
    ],
)
def test_suggestions(
    seed: EventComparison, claim: int, basis: str, independent: int, interested: int
) -> None:
    summary = seed.claim(claim)
    assert summary is not None
    assert summary.suggestion.basis == basis
    assert (summary.independent_sources, summary.interested_sources) == (independent, interested)
