"""The flags list and the verdict log: one query for any number of rows."""

import pytest

from tests.factories import make_claim, make_flag
from tracker import services
from tracker.selectors.flags import flag_list_queryset
from tracker.selectors.status_changes import status_change_list_queryset


@pytest.mark.parametrize("claims", [1, 3])
def test_each_list_is_one_query(editor, reporter, django_assert_num_queries, claims):
    for _ in range(claims):
        claim = make_claim()
        services.flag_resolve(actor=editor, flag=make_flag(claim=claim, raised_by=reporter))
        services.claim_set_status(actor=editor, claim=claim, status="confirmed", rationale="Seen")
    with django_assert_num_queries(1):
        flags = list(flag_list_queryset())
        assert {(f.claim.text[:5], f.raised_by, f.resolved_by) for f in flags} == {
            ("Claim", reporter, editor)
        }
    with django_assert_num_queries(1):
        verdicts = list(status_change_list_queryset())
        assert {(v.claim.text[:5], v.changed_by) for v in verdicts} == {("Claim", editor)}
    assert (len(flags), len(verdicts)) == (claims, claims)
