"""Input that cannot be compared is reported, never dropped, never raised."""

import pytest

from tests.conflicts.builders import Scenario, of_kind
from tracker.vocabularies import Aspect, FindingKind


@pytest.mark.parametrize(
    ("claim_kwargs", "known_units", "reason"),
    [
        pytest.param({}, None, "gives no figure", id="no interval"),
        pytest.param({"low": 5, "unit": ""}, None, "unit is not given", id="no unit"),
        pytest.param({"low": 5, "unit": "other"}, None, "unit is unspecified", id="unit other"),
        pytest.param(
            {"low": 5, "unit": "goats"},
            frozenset({"people"}),
            "'goats' is not one we know",
            id="unknown unit",
        ),
        pytest.param({"low": 9, "high": 3}, None, "exceeds", id="inverted interval"),
        pytest.param({"low": -4}, None, "negative", id="negative"),
        pytest.param({"aspect": "weather"}, None, "aspect 'weather'", id="unknown aspect"),
    ],
)
def test_claims_that_cannot_be_compared(
    claim_kwargs: dict, known_units: frozenset[str] | None, reason: str
) -> None:
    s = Scenario(known_units=known_units)
    kwargs = {"aspect": Aspect.KILLED, **claim_kwargs}
    bad = s.claim("a toll", **kwargs)
    on_bad = s.account(bad, s.source("Outlet"))
    s.account(s.count(1000, 1000), s.source("Agency"))
    result = s.compare()
    (finding,) = of_kind(result, FindingKind.NOT_COMPARABLE)
    assert finding.claim_ids == (bad,)
    assert finding.account_ids == (on_bad,)
    assert reason in finding.explanation
    assert not of_kind(result, FindingKind.COUNT_CONFLICT)
    # The account is still shown, and its claim still gets a suggestion.
    assert on_bad in {a.account_id for a in result.accounts}
    assert result.claim(bad) is not None
    assert all(bad not in c.claim_ids for c in result.counts)


def test_an_account_on_a_claim_outside_the_event() -> None:
    s = Scenario()
    stray = s.account(12345, s.source("Outlet"))
    result = s.compare()
    (finding,) = of_kind(result, FindingKind.NOT_COMPARABLE)
    assert (finding.account_ids, finding.claim_ids) == ((stray,), ())
    assert "claim #12345" in finding.explanation
    (summary,) = result.accounts
    assert not summary.comparable


def test_an_empty_event() -> None:
    s = Scenario()
    result = s.compare()
    assert (result.findings, result.counts, result.claims, result.accounts) == ((), (), (), ())


def test_a_claim_with_no_accounts_gets_a_suggestion_and_no_findings() -> None:
    s = Scenario()
    claim = s.count(3, 3)
    result = s.compare()
    summary = result.claim(claim)
    assert summary is not None
    assert summary.suggestion.basis == "no_accounts"
    assert result.counts[0].bars == ()
    assert result.counts[0].spread is None
