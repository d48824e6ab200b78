"""Claims as exported: the CSV's rows with their accounts, and ClaimReview's verdicts."""

import pytest

from tests.factories import make_account, make_claim, make_source
from tracker import services
from tracker.selectors.claims import claim_export_queryset, claimreview_queryset


@pytest.mark.parametrize("claims", [1, 3])
def test_the_export_is_two_queries(db, django_assert_num_queries, claims):
    for _ in range(claims):
        claim = make_claim()
        make_account(claim=claim, source=make_source(parent=make_source()))
        make_account(claim=claim, source=make_source(), intermediary=make_source())
    with django_assert_num_queries(2):
        rows = list(claim_export_queryset())
        assert all(len(row.api_accounts) == 2 for row in rows)
        assert all(account.source.name for row in rows for account in row.api_accounts)
    assert len(rows) == claims


def test_claimreview_publishes_live_verdicts_only(editor, django_assert_num_queries):
    judged, reviewing, archived = make_claim(), make_claim(), make_claim()
    make_claim()  # unverified: no verdict
    for claim in (judged, archived):
        services.claim_set_status(actor=editor, claim=claim, status="confirmed", rationale="")
    services.claim_set_status(actor=editor, claim=reviewing, status="in_review", rationale="")
    services.claim_archive(actor=editor, claim=archived)
    services.claim_set_status(actor=editor, claim=judged, status="disputed", rationale="Denied")
    with django_assert_num_queries(2):
        rows = list(claimreview_queryset())
        assert rows[0].api_accounts == []
    assert [row.pk for row in rows] == [judged.pk]
    changes = judged.status_changes.order_by("changed_at", "id")
    first, latest = changes.first(), changes.last()
    assert (rows[0].verdict_at, rows[0].first_verdict_at) == (latest.changed_at, first.changed_at)
    assert rows[0].judged_claim == latest.judged_claim
