"""Root affiliations, relays, copied quotes and interested parties."""

import pytest

from tests.conflicts.builders import Scenario, of_kind
from tracker.conflicts import SourceInfo, normalize_quote, resolve_roots
from tracker.vocabularies import FindingKind, Stance, SuggestionBasis


def sources(*edges: tuple[int, int | None]) -> dict[int, SourceInfo]:
    return {child: SourceInfo(child, f"s{child}", parent) for child, parent in edges}


@pytest.mark.parametrize(
    ("edges", "roots", "looping"),
    [
        pytest.param([(1, None)], {1: 1}, set(), id="no affiliation"),
        pytest.param(
            [(1, None), (2, 1), (3, 2), (4, 3)],
            {1: 1, 2: 1, 3: 1, 4: 1},
            set(),
            id="chain of four levels",
        ),
        pytest.param([(2, 9)], {2: 9, 9: 9}, set(), id="missing parent is its own root"),
        pytest.param([(1, 1)], {1: 1}, {1}, id="own parent"),
        pytest.param([(1, 2), (2, 1)], {1: 1, 2: 1}, {1, 2}, id="two-cycle"),
        pytest.param(
            [(5, 3), (3, 4), (4, 2), (2, 3)],
            {2: 2, 3: 2, 4: 2, 5: 2},
            {2, 3, 4, 5},
            id="three-cycle with a tail",
        ),
        pytest.param(
            [(1, 4), (4, 3), (3, 4)],
            {1: 3, 3: 3, 4: 3},
            {1, 3, 4},
            id="loop entered above its lowest id",
        ),
    ],
)
def test_resolve_roots(
    edges: list[tuple[int, int | None]], roots: dict[int, int], looping: set[int]
) -> None:
    forward = resolve_roots(sources(*edges))
    backward = resolve_roots(sources(*reversed(edges)))
    assert forward == backward == (roots, frozenset(looping))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("More than 30  killed", "more than 30 killed"),
        ("“massacre”", '"Massacre"'),
        ("at least\n35 civilians.", "At least 35 civilians"),
    ],
)
def test_quotes_compare_without_case_spacing_or_quote_marks(a: str, b: str) -> None:
    assert normalize_quote(a) == normalize_quote(b)


def test_chain_of_affiliation_counts_once_at_the_top() -> None:
    s = Scenario()
    government = s.source("Government")
    ministry = s.source("Ministry", government)
    department = s.source("Press department", ministry)
    spokesperson = s.source("Spokesperson", department)
    agency = s.source("State agency", government)
    claim = s.claim()
    s.account(claim, spokesperson)
    s.account(claim, agency)
    result = s.compare()

    summary = result.claim(claim)
    assert summary is not None
    assert summary.independent_sources == 1
    assert summary.supporting_voices[0].root_ids == (government,)
    assert summary.suggestion.basis == SuggestionBasis.SINGLE_SOURCE
    (once,) = of_kind(result, FindingKind.COUNTED_ONCE)
    assert once.explanation == (
        "Spokesperson and State agency both speak for Government: on the other claims, "
        "counted once."
    )
    assert {a.root_id for a in result.accounts} == {government}


def test_sources_with_no_affiliation_are_independent() -> None:
    s = Scenario()
    claim = s.claim()
    s.account(claim, s.source("Reuters"))
    s.account(claim, s.source("AFP"))
    summary = s.compare().claim(claim)
    assert summary is not None
    assert summary.independent_sources == 2
    assert summary.suggestion.basis == SuggestionBasis.CORROBORATED
    assert not of_kind(s.compare(), FindingKind.COUNTED_ONCE)


def test_relays_of_relays_count_for_the_original_speaker() -> None:
    s = Scenario()
    coalition = s.source("Coalition")
    ryan = s.source("Col. Ryan", coalition)
    regional_government = s.source("Regional government", party=True)
    rudaw = s.source("Rudaw", regional_government)
    reuters = s.source("Reuters")
    claim = s.claim()
    # Ryan told Rudaw; Reuters then quoted Ryan from Rudaw's report.
    s.account(claim, ryan, via=rudaw, document=1, quote="forwarding the report")
    s.account(claim, ryan, via=reuters, document=2, quote="forwarding the report")
    result = s.compare()

    summary = result.claim(claim)
    assert summary is not None
    assert summary.independent_sources == 1
    # The relaying outlet's own affiliation is not the speaker's: not interested.
    assert summary.interested_sources == 0
    assert {a.root_id for a in result.accounts} == {coalition}
    (once,) = of_kind(result, FindingKind.COUNTED_ONCE)
    assert once.explanation.startswith("Col. Ryan (via Rudaw and Reuters) gives 2 accounts")
    assert "in 2 documents" in once.explanation


def test_an_outlet_reporting_in_its_own_name_is_a_voice_of_its_own() -> None:
    s = Scenario()
    ryan = s.source("Col. Ryan")
    rudaw = s.source("Rudaw")
    claim = s.claim()
    s.account(claim, ryan, via=rudaw)
    s.account(claim, rudaw)
    summary = s.compare().claim(claim)
    assert summary is not None
    assert summary.independent_sources == 2


def test_same_quote_through_two_outlets_counts_once() -> None:
    s = Scenario()
    minister = s.source("Minister")
    claim = s.claim()
    s.account(claim, minister, via=s.source("Outlet A"), document=1, quote="We did not fire.")
    s.account(claim, minister, via=s.source("Outlet B"), document=2, quote="we did not  fire")
    summary = s.compare().claim(claim)
    assert summary is not None
    assert summary.independent_sources == 1


def test_same_quote_under_different_sources_is_one_statement() -> None:
    s = Scenario()
    claim = s.claim()
    first = s.account(claim, s.source("Outlet A"), quote="Dozens were killed at dawn.")
    second = s.account(claim, s.source("Outlet B"), quote="dozens were killed at dawn")
    result = s.compare()
    summary = result.claim(claim)
    assert summary is not None
    assert summary.independent_sources == 1
    assert summary.suggestion.basis == SuggestionBasis.SINGLE_SOURCE
    (once,) = of_kind(result, FindingKind.COUNTED_ONCE)
    assert once.account_ids == (first, second)
    assert "the same quote" in once.explanation


def test_empty_quotes_are_not_a_shared_statement() -> None:
    s = Scenario()
    claim = s.claim()
    s.account(claim, s.source("Outlet A"))
    s.account(claim, s.source("Outlet B"))
    summary = s.compare().claim(claim)
    assert summary is not None
    assert summary.independent_sources == 2


def test_a_source_missing_from_the_mapping_is_named_by_id() -> None:
    s = Scenario()
    claim = s.claim()
    s.account(claim, 999)
    s.account(claim, s.source("AFP"))
    result = s.compare()
    summary = result.claim(claim)
    assert summary is not None
    assert summary.independent_sources == 2
    assert any("source #999" in v.label for v in summary.supporting_voices)


@pytest.mark.parametrize(
    "speaker_path",
    [
        pytest.param(("party",), id="the party itself"),
        pytest.param(("party", "spokesperson"), id="speaks for the party"),
        pytest.param(("party", "ministry", "spokesperson"), id="three levels under the party"),
        pytest.param(("state", "agency"), id="sibling of a party unit under one root"),
    ],
)
def test_interested(speaker_path: tuple[str, ...]) -> None:
    s = Scenario()
    state = s.source("State")
    s.source("Army", state, party=True)  # the party is a unit of the state
    party = s.source("Party", party=True)
    ids = {"state": state, "party": party}
    parent: int | None = None
    for name in speaker_path:
        parent = ids[name] if name in ids else s.source(name.title(), parent)
    assert parent is not None
    claim = s.claim()
    account = s.account(claim, parent)
    result = s.compare()
    (summary,) = result.accounts
    assert summary.account_id == account and summary.interested
    assert of_kind(result, FindingKind.INTERESTED)


def test_outsider_is_not_interested() -> None:
    s = Scenario()
    s.source("Party", party=True)
    claim = s.claim()
    s.account(claim, s.source("Reuters"))
    result = s.compare()
    assert not result.accounts[0].interested
    assert not of_kind(result, FindingKind.INTERESTED)


@pytest.mark.parametrize(
    ("interested", "outsiders", "basis", "status"),
    [
        (1, 0, SuggestionBasis.SINGLE_INTERESTED_SOURCE, "unverified"),
        (2, 0, SuggestionBasis.INTERESTED_ONLY, "unverified"),
        (1, 1, SuggestionBasis.CORROBORATED, "corroborated"),
        (0, 2, SuggestionBasis.CORROBORATED, "corroborated"),
    ],
)
def test_interested_sources_cannot_corroborate_alone(
    interested: int, outsiders: int, basis: str, status: str
) -> None:
    s = Scenario()
    claim = s.claim("The strike hit a school")
    for n in range(interested):
        s.account(claim, s.source(f"Party {n}", party=True))
    for n in range(outsiders):
        s.account(claim, s.source(f"Outlet {n}"))
    result = s.compare()
    summary = result.claim(claim)
    assert summary is not None
    assert (summary.suggestion.basis, summary.suggestion.status) == (basis, status)
    assert summary.interested_sources == interested
    needs_confirmation = [
        f for f in of_kind(result, FindingKind.INTERESTED) if f.key == f"interested:claim={claim}"
    ]
    if outsiders:
        assert not needs_confirmation
    else:
        assert "needs independent confirmation" in needs_confirmation[0].explanation


def test_a_cycle_in_parent_data_is_reported_and_counted_once() -> None:
    s = Scenario()
    a = s.source("A")
    b = s.source("B", a)
    s.sources[a] = s.sources[a].__class__(a, "A", b)  # A speaks for B speaks for A
    claim = s.claim()
    s.account(claim, a)
    s.account(claim, b)
    result = s.compare()
    summary = result.claim(claim)
    assert summary is not None
    assert summary.independent_sources == 1
    (cycle,) = of_kind(result, FindingKind.AFFILIATION_CYCLE)
    assert (
        cycle.explanation
        == "The affiliations of A and B lead into a loop, so they count as one source, A."
    )


def test_interested_quote_copied_by_an_outsider_stays_interested() -> None:
    s = Scenario()
    party = s.source("Party", party=True)
    claim = s.claim()
    s.account(claim, party, quote="They started it.")
    s.account(claim, s.source("Outlet"), Stance.ASSERTS, quote="they started it")
    summary = s.compare().claim(claim)
    assert summary is not None
    assert summary.independent_sources == 1
    assert summary.interested_sources == 1
    assert summary.suggestion.basis == SuggestionBasis.SINGLE_INTERESTED_SOURCE


def test_counted_once_is_per_aspect_so_an_unrelated_claim_is_not_swept_in():
    s = Scenario()
    government = s.source("Government")
    agency = s.source("Agency", government)
    ministry = s.source("Ministry", government)
    rebels = s.source("Rebels")
    toll, other_toll = s.count(30, 30), s.count(28, 32)
    who_fired = s.perpetrator(rebels)
    s.account(toll, agency)
    s.account(other_toll, ministry)
    denial = s.account(who_fired, ministry, Stance.DENIES)
    (once,) = of_kind(s.compare(), FindingKind.COUNTED_ONCE)
    assert denial not in once.account_ids
    assert who_fired not in once.claim_ids
    assert once.explanation == (
        "Agency and Ministry both speak for Government: on how many were killed, counted once."
    )
