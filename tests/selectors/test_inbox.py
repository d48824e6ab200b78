"""The inbox: every reason finds its rows, in rank then age order, at a fixed query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    make_account,
    make_claim,
    make_document,
    make_event,
    make_flag,
    make_suggestions,
)
from tracker import services
from tracker.models import Finding
from tracker.selectors import inbox
from tracker.selectors.inbox import InboxFilter, inbox_counts, inbox_page
from tracker.vocabularies import VerificationStatus


def open_finding(*claims, event=None) -> Finding:
    finding = Finding.objects.create(
        event=event, kind="count_conflict", key=f"k{claims[0].pk}", severity="conflict",
        explanation="Figures conflict", signature=f"s{claims[0].pk}", is_open=True,
    )  # fmt: skip
    finding.claims.set(claims)
    return finding


@pytest.fixture
def desk(editor, reporter):
    event = make_event(name="Market strike")
    judged = make_claim(text="Judged claim", event=event)
    services.claim_set_status(
        actor=editor, claim=judged, status=VerificationStatus.CONFIRMED, rationale="Two sources"
    )
    unjudged = make_claim(text="Unjudged claim", event=event)
    on_judged = open_finding(judged, unjudged, event=event)
    not_judged = open_finding(unjudged, event=event)
    sent_back = make_claim(text="Sent back claim")
    services.claim_set_status(
        actor=editor, claim=sent_back, status=VerificationStatus.DISPUTED, rationale="One source"
    )
    services.claim_update(actor=editor, claim=sent_back, text="Sent back claim, reworded")
    flagged = make_flag(raised_by=reporter).claim
    changed = make_claim(text="Accounts changed claim")
    services.claim_set_status(
        actor=editor, claim=changed, status=VerificationStatus.CORROBORATED, rationale="ok"
    )
    make_account(claim=changed)
    document = make_document()
    make_suggestions(document=document, spans=[(0, 6), (7, 12)])
    ready = make_claim(text="Two accounts claim")
    make_account(claim=ready)
    make_account(claim=ready)
    lonely = make_claim(text="One account claim")
    make_account(claim=lonely)
    return {
        "event": event, "judged": judged, "on_judged": on_judged, "not_judged": not_judged,
        "sent_back": sent_back, "flagged": flagged, "changed": changed, "document": document,
        "ready": ready, "lonely": lonely,
    }  # fmt: skip


def keys(page):
    return [(item.reason.key, item.key) for item in page.items]


def test_every_reason_in_rank_order(desk):
    page = inbox_page()
    assert keys(page) == [
        ("verdict_conflict", ("finding", desk["on_judged"].pk)),
        ("sent_back", ("claim", desk["sent_back"].pk)),
        ("open_flag", ("claim", desk["flagged"].pk)),
        ("open_conflict", ("finding", desk["not_judged"].pk)),
        ("accounts_changed", ("claim", desk["changed"].pk)),
        ("suggestions", ("document", desk["document"].pk)),
        ("ready_to_judge", ("claim", desk["ready"].pk)),
    ]
    assert page.items[5].title == desk["document"].title
    assert not page.has_more


def test_a_status_change_takes_a_claim_out(desk, editor):
    services.claim_set_status(
        actor=editor, claim=desk["sent_back"], status="confirmed", rationale="Checked again"
    )
    services.claim_set_status(
        actor=editor, claim=desk["changed"], status="confirmed", rationale="Seen the new account"
    )
    reasons = [key for key, _ in keys(inbox_page())]
    assert "sent_back" not in reasons and "accounts_changed" not in reasons


def test_oldest_first_within_a_reason_and_paging(desk, reporter):
    later = make_flag(raised_by=reporter).claim
    page = inbox_page(reason="open_flag", limit=1)
    assert keys(page) == [("open_flag", ("claim", desk["flagged"].pk))] and page.has_more
    page = inbox_page(reason="open_flag", limit=1, offset=1)
    assert keys(page) == [("open_flag", ("claim", later.pk))] and not page.has_more


def test_a_claim_waiting_for_two_reasons_is_listed_once_and_names_the_other(desk, reporter):
    make_flag(raised_by=reporter, claim=desk["ready"])
    items = [item for item in inbox_page().items if item.key == ("claim", desk["ready"].pk)]
    assert len(items) == 1
    assert items[0].reason.key == "open_flag"
    assert [r.key for r in items[0].also] == ["ready_to_judge"]


def test_filters_by_event_and_by_assignee(desk, editor, reporter):
    by_event = inbox_page(filters=InboxFilter(event_id=desk["event"].pk))
    assert {key for _, key in keys(by_event)} == {
        ("finding", desk["on_judged"].pk), ("finding", desk["not_judged"].pk),
    }  # fmt: skip
    services.assignment_set(actor=editor, claim=desk["flagged"], assignee=reporter)
    services.assignment_set(actor=editor, event=desk["event"], assignee=editor)
    mine = inbox_page(filters=InboxFilter(assignee_id=reporter.pk))
    assert keys(mine) == [("open_flag", ("claim", desk["flagged"].pk))]
    assert mine.items[0].assignment.assignee == reporter
    editors = {key for _, key in keys(inbox_page(filters=InboxFilter(assignee_id=editor.pk)))}
    assert editors == {("finding", desk["on_judged"].pk), ("finding", desk["not_judged"].pk)}


def test_a_document_assigned_to_me_is_in_my_inbox_for_its_suggestions(desk, editor, reporter):
    document = desk["document"]
    other = make_document()
    make_suggestions(document=other, spans=[(0, 6)])
    assert not inbox_page(filters=InboxFilter(assignee_id=reporter.pk)).items
    services.assignment_set(actor=editor, document=document, assignee=reporter)
    mine = inbox_page(filters=InboxFilter(assignee_id=reporter.pk))
    assert keys(mine) == [("suggestions", ("document", document.pk))]
    assert mine.items[0].assignment.assignee == reporter
    assert inbox_counts(InboxFilter(assignee_id=reporter.pk))["suggestions"] == 1
    # Unfiltered, each document row names who is on it.
    rows = {item.key: item for item in inbox_page(reason="suggestions").items}
    assert rows["document", document.pk].assignment.assignee == reporter
    assert rows["document", other.pk].assignment is None


def test_counts_per_reason_stop_at_the_cap(desk, monkeypatch):
    assert inbox_counts() == {
        "verdict_conflict": 1, "sent_back": 1, "open_flag": 1, "open_conflict": 1,
        "accounts_changed": 1, "suggestions": 1, "ready_to_judge": 1,
    }  # fmt: skip
    monkeypatch.setattr(inbox, "COUNT_CAP", 1)
    make_claim(text="Another", event=None)
    for _ in range(2):
        make_account(claim=desk["lonely"])
    assert inbox_counts()["ready_to_judge"] == 2
    assert inbox.count_label(2) == "1+"


def test_query_count_is_flat_with_the_page(desk, reporter, editor):
    with CaptureQueriesContext(connection) as small:
        inbox_page(limit=10)
    for _ in range(6):
        claim = make_flag(raised_by=reporter).claim
        services.assignment_set(actor=editor, claim=claim, assignee=reporter)
        make_suggestions(document=make_document(), spans=[(0, 6)])
    with CaptureQueriesContext(connection) as large:
        page = inbox_page(limit=50)
    assert len(page.items) == 19
    # One query per reason, the documents' titles and the rows' assignments.
    assert len(small.captured_queries) == len(large.captured_queries) == 9
    with CaptureQueriesContext(connection) as counted:
        inbox_counts()
    assert len(counted.captured_queries) == 7
