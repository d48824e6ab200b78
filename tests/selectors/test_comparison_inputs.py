"""What the pure comparison is fed: its cost follows the affiliation trees' depth only."""

import pytest

from tests.factories import make_account, make_claim, make_event, make_source
from tracker import services
from tracker.selectors.comparison_inputs import comparison_inputs, live_claims_of
from tracker.vocabularies import Aspect


def chain(depth: int):
    source = None
    for _ in range(depth):
        source = make_source(parent=source)
    return source


@pytest.mark.parametrize("accounts", [1, 5])
@pytest.mark.parametrize("depth", [1, 3])
def test_queries_follow_the_depth_not_the_accounts(
    editor, django_assert_num_queries, accounts, depth
):
    party = make_source(kind="armed_party")
    event = make_event(parties=[party])
    claim = make_claim(event=event, aspect=Aspect.PERPETRATOR, named_parties=[party])
    for _ in range(accounts):
        make_account(claim=claim, source=chain(depth), intermediary=make_source())
    services.claim_archive(actor=editor, claim=make_claim(event=event))
    with django_assert_num_queries(2):
        claims = live_claims_of(event)
    assert claims == [claim]
    # The accounts and the event's parties, then one query per level.
    with django_assert_num_queries(2 + depth):
        inputs = comparison_inputs(event=event, claims=claims)
    assert len(inputs.accounts) == accounts
    assert inputs.event.party_ids == frozenset({party.pk})
    assert inputs.claims[0].named_party_ids == frozenset({party.pk})
    assert len(inputs.sources) == accounts * (depth + 1) + 1
