"""The desk's reads: a timeline in five queries, a person's own desk in three."""

import pytest

from tests.factories import make_account, make_claim, make_document, make_event, make_flag
from tracker import services
from tracker.selectors.desk import my_desk, timeline


def busy_claim(editor, reporter, event):
    claim = make_claim(event=event)
    make_account(claim=claim)
    services.comment_add(actor=reporter, claim=claim, text="Who else reports this?")
    services.assignment_set(actor=editor, claim=claim, assignee=reporter, request="Find a second")
    services.assignment_set(actor=editor, claim=claim, assignee=None)
    services.flag_resolve(actor=editor, flag=make_flag(claim=claim, raised_by=reporter))
    services.claim_set_status(actor=editor, claim=claim, status="in_review", rationale="Open")
    return claim


@pytest.mark.parametrize("claims", [1, 3])
def test_a_timeline_is_five_queries_in_time_order(
    editor, reporter, django_assert_num_queries, claims
):
    event = make_event()
    ours = [busy_claim(editor, reporter, event) for _ in range(claims)]
    services.comment_add(actor=editor, event=event, text="On the whole event")
    # Comments, assignments, status changes, flags, accounts.
    with django_assert_num_queries(5):
        of_claim = timeline(claim=ours[0])
    with django_assert_num_queries(5):
        of_event = timeline(event=event)
    kinds = ["account", "comment", "assignment", "unassigned", "flag_raised", "flag_resolved"]
    assert sorted(entry.kind for entry in of_claim) == sorted([*kinds, "status"])
    assert of_claim == sorted(of_claim, key=lambda entry: entry.sort_key)
    # An event's own comments and assignments, and its claims' verdicts, flags and accounts.
    assert sorted(entry.kind for entry in of_event) == sorted(
        ["comment"] + ["status", "flag_raised", "flag_resolved", "account"] * claims
    )
    with pytest.raises(ValueError):
        timeline()


def test_my_desk_is_three_queries(editor, reporter, django_assert_num_queries):
    claim = make_claim()
    services.assignment_set(actor=editor, claim=claim, assignee=reporter)
    make_flag(claim=claim, raised_by=reporter)
    services.flag_resolve(actor=editor, flag=make_flag(claim=make_claim(), raised_by=reporter))
    services.document_create(actor=reporter, title="Mine", text="A report of mine.")
    make_document()
    with django_assert_num_queries(3):
        desk = my_desk(user=reporter)
        assert [a.claim for a in desk.assigned] == [claim]
    assert [f.claim for f in desk.flags] == [claim]
    assert [d.title for d in desk.documents] == ["Mine"]
