"""One claim: its detail, its open flags and verdicts, the claims about to be judged."""

import pytest

from tests.factories import make_account, make_claim, make_event, make_flag, make_source
from tracker import services
from tracker.selectors.claims import (
    claim_detail_queryset,
    claim_open_flags,
    claim_status_history,
    claims_for_status_change,
)
from tracker.vocabularies import Aspect


def judged_claim(editor, reporter):
    """A claim with a named party, two accounts, an open finding, a flag and two verdicts."""
    party = make_source(name=f"Party of {make_source().pk}")
    event = make_event()
    claim = make_claim(event=event, aspect=Aspect.KILLED, count_min=20, unit="people")
    rival = make_claim(event=event, aspect=Aspect.KILLED, count_min=2, count_max=2, unit="people")
    make_account(claim=claim, source=party)
    make_account(claim=claim, source=make_source(parent=make_source()))
    make_account(claim=rival, source=make_source())
    make_flag(claim=claim, raised_by=reporter)
    services.claim_set_status(actor=editor, claim=claim, status="in_review", rationale="")
    services.claim_set_status(actor=editor, claim=claim, status="confirmed", rationale="Two")
    return claim


@pytest.mark.parametrize("claims", [1, 3])
def test_the_detail_is_six_queries_whatever_it_holds(
    editor, reporter, django_assert_num_queries, claims
):
    ids = [judged_claim(editor, reporter).pk for _ in range(claims)]
    # The claims, then their named parties, accounts, findings, open flags and verdicts.
    with django_assert_num_queries(6):
        rows = list(claim_detail_queryset().filter(pk__in=ids))
        for claim in rows:
            assert [a.source.root.name for a in claim.api_accounts if a.source.root]
            assert all(finding.severity for finding in claim.api_findings)
            assert [flag.raised_by.username for flag in claim.open_flags]
            assert [change.to_status for change in claim.verdicts] == ["confirmed", "in_review"]
            assert claim.has_open_conflict
            list(claim.named_parties.all())
    assert len(rows) == claims


def test_open_flags_oldest_first_without_the_resolved(editor, reporter):
    claim = make_claim()
    first = make_flag(claim=claim, raised_by=reporter)
    resolved = make_flag(claim=claim, raised_by=editor, kind="possible_duplicate")
    services.flag_resolve(actor=editor, flag=resolved)
    second = make_flag(claim=claim, raised_by=editor)
    assert list(claim_open_flags(claim_id=claim.pk)) == [first, second]


def test_claims_about_to_be_judged_come_with_their_verdicts(
    editor, reporter, django_assert_num_queries
):
    ids = [judged_claim(editor, reporter).pk, make_claim().pk]
    with django_assert_num_queries(2):
        claims = claims_for_status_change(claim_ids=list(reversed(ids)))
        assert [len(claim.verdicts) for claim in claims] == [2, 0]
        assert claims[0].verdicts[0].changed_by == editor
    assert [claim.pk for claim in claims] == ids


def test_status_history_newest_first(editor, db):
    claim = make_claim()
    services.claim_set_status(actor=editor, claim=claim, status="in_review", rationale="")
    services.claim_set_status(actor=editor, claim=claim, status="confirmed", rationale="seen")
    history = claim_status_history(claim_id=claim.pk)
    assert [(c.from_status, c.to_status) for c in history] == [
        ("in_review", "confirmed"),
        ("unverified", "in_review"),
    ]
