"""Reads of events: the list's counts, an event's claims, and one event compared."""

import pytest

from tests.factories import make_account, make_claim, make_event, make_source
from tracker import services
from tracker.models import Finding
from tracker.selectors.events import (
    event_claims,
    event_comparison,
    event_list_queryset,
    event_with_parties,
)
from tracker.selectors.findings import findings_with_links
from tracker.vocabularies import Aspect, FindingSeverity, Stance


def disputed_event(accounts: int = 1):
    """An event with two parties, a toll ``accounts`` sources give (each three levels
    deep in affiliations), a lower toll and a party's denial of it."""
    government, army = make_source(kind="government"), make_source(kind="armed_party")
    event = make_event(parties=[army, government])
    high = make_claim(event=event, aspect=Aspect.KILLED, count_min=20, unit="people")
    low = make_claim(event=event, aspect=Aspect.KILLED, count_min=2, count_max=2, unit="people")
    for _ in range(accounts):
        make_account(claim=high, source=make_source(parent=make_source(parent=make_source())))
    make_account(claim=low, source=make_source())
    make_account(claim=low, source=army, stance=Stance.DENIES, intermediary=make_source())
    return event, high, low


@pytest.mark.parametrize("events", [1, 3])
def test_the_list_is_two_queries_with_its_counts(editor, django_assert_num_queries, events):
    for _ in range(events):
        event, _, _ = disputed_event()
        services.claim_archive(actor=editor, claim=make_claim(event=event))
    make_event()
    # The events with their counts, then their parties.
    with django_assert_num_queries(2):
        rows = list(event_list_queryset().order_by("pk"))
        assert all(len(row.parties.all()) == 2 for row in rows[:-1])
    assert [row.claim_count for row in rows] == [3] * events + [0]
    assert all(row.open_conflict_count >= 1 for row in rows[:-1])
    assert rows[-1].open_conflict_count == 0


def test_an_events_claims_in_aspect_order(db, django_assert_num_queries):
    event = make_event()
    other = make_claim(event=event, aspect=Aspect.OTHER)
    killed = make_claim(event=event, aspect=Aspect.KILLED, count_min=1, unit="people")
    make_claim()
    with django_assert_num_queries(1):
        claims = list(event_claims(event_id=event.pk))
    assert [claim.pk for claim in claims] == sorted(
        [other.pk, killed.pk], key=lambda pk: ("killed" if pk == killed.pk else "other", pk)
    )


def test_an_event_with_its_parties_or_none(db, django_assert_num_queries):
    event, _, _ = disputed_event()
    with django_assert_num_queries(2):
        found = event_with_parties(event_id=event.pk)
        assert len(found.parties.all()) == 2
    with django_assert_num_queries(1):
        assert event_with_parties(event_id=event.pk + 1000) is None


# The live claims and their named parties (2); the comparison's accounts and
# the event's parties (2), then one query per level of the deepest affiliation
# chain (a source, its parent and grandparent: 3); the accounts shown (1); then
# the findings and their links (2 for the claims' text, 3 for the ids of
# claims and accounts).
COMPARED = 2 + 2 + 3 + 1


@pytest.mark.parametrize("accounts", [1, 4])
@pytest.mark.parametrize(("findings", "reads"), [(None, 2), (findings_with_links, 3)])
def test_one_event_compared_at_a_fixed_cost(
    db, django_assert_num_queries, accounts, findings, reads
):
    event, high, low = disputed_event(accounts)
    event = event_with_parties(event_id=event.pk)
    with django_assert_num_queries(COMPARED + reads):
        data = event_comparison(event=event, findings=findings() if findings else None)
    assert [claim.pk for claim in data.claims] == [high.pk, low.pk]
    assert [account.claim_id for account in data.accounts] == [high.pk] * accounts + [low.pk] * 2
    assert {summary.account_id for summary in data.comparison.accounts} == {
        account.pk for account in data.accounts
    }
    assert data.findings == sorted(
        data.findings,
        key=lambda f: ({"conflict": 0, "tension": 1}.get(f.severity, 2), f.kind, f.pk),
    )
    assert data.findings[0].severity == FindingSeverity.CONFLICT


def test_the_comparison_leaves_out_archived_claims_and_other_events(editor):
    event, high, low = disputed_event()
    services.claim_archive(actor=editor, claim=low)
    elsewhere, _, _ = disputed_event()
    data = event_comparison(event=event)
    assert [claim.pk for claim in data.claims] == [high.pk]
    assert {account.claim_id for account in data.accounts} == {high.pk}
    assert set(Finding.objects.filter(event=elsewhere)).isdisjoint(data.findings)
    assert all(claim.event_id == event.pk for f in data.findings for claim in f.linked_claims)
