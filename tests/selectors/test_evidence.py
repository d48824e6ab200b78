"""What an editor reads before a verdict: four queries, however much there is."""

import pytest

from tests.factories import make_account, make_claim, make_event, make_flag, make_source
from tracker.selectors import evidence
from tracker.selectors.evidence import claim_evidence
from tracker.vocabularies import Aspect, Stance


@pytest.mark.parametrize("accounts", [1, 4])
def test_four_queries_and_capped(reporter, django_assert_num_queries, monkeypatch, accounts):
    monkeypatch.setattr(evidence, "EVIDENCE_ACCOUNTS", 3)
    government = make_source(kind="government")
    event = make_event(parties=[government])
    claim = make_claim(event=event, aspect=Aspect.KILLED, count_min=9, unit="people")
    rival = make_claim(event=event, aspect=Aspect.KILLED, count_min=1, count_max=1, unit="people")
    make_account(claim=rival, source=make_source())
    for _ in range(accounts):
        make_account(claim=claim, source=make_source(parent=make_source()))
    make_account(claim=claim, source=make_source(parent=government), stance=Stance.DENIES)
    make_flag(claim=claim, raised_by=reporter)
    # Accounts, the event's party roots, findings, open flags.
    with django_assert_num_queries(4):
        read = claim_evidence(claim_id=claim.pk, event_id=event.pk)
        assert all(account.source.root.name for account in read.accounts[:accounts])
    assert len(read.accounts) == min(accounts + 1, 3)
    assert read.more_accounts == (accounts + 1 > 3)
    assert read.party_roots == frozenset({government.pk})
    assert read.findings and not read.more_findings
    assert [flag.raised_by for flag in read.open_flags] == [reporter]


def test_a_claim_with_no_event_has_no_parties(db, django_assert_num_queries):
    claim = make_claim()
    with django_assert_num_queries(3):
        read = claim_evidence(claim_id=claim.pk, event_id=None)
    assert (read.accounts, read.party_roots, read.findings) == ([], frozenset(), [])
