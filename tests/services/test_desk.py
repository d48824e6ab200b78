import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    UserFactory,
    make_account,
    make_claim,
    make_document,
    make_event,
    make_source,
)
from tracker import services
from tracker.models import Assignment, Comment
from tracker.selectors.desk import timeline


def test_an_editor_assigns_a_claim_and_reassigning_ends_the_first(editor, reporter):
    claim = make_claim()
    first = services.assignment_set(
        actor=editor, claim=claim, assignee=reporter, request="Find a second source"
    )
    second = services.assignment_set(actor=editor, claim=claim, assignee=editor)
    first.refresh_from_db()
    assert first.ended_at is not None and first.ended_by == editor
    assert second.is_current and second.assignee == editor
    assert list(Assignment.objects.filter(claim=claim, ended_at__isnull=True)) == [second]


def test_unassigning_ends_the_current_assignment(editor, reporter):
    event = make_event()
    services.assignment_set(actor=editor, event=event, assignee=reporter)
    assert services.assignment_set(actor=editor, event=event, assignee=None) is None
    assert not Assignment.objects.filter(event=event, ended_at__isnull=True).exists()
    with pytest.raises(ValidationError, match="not assigned"):
        services.assignment_set(actor=editor, event=event, assignee=None)


def test_a_reporter_cannot_assign(reporter):
    claim = make_claim()
    with pytest.raises(PermissionDenied):
        services.assignment_set(actor=reporter, claim=claim, assignee=reporter)
    assert not Assignment.objects.exists()


def test_only_newsroom_members_can_be_assigned(editor):
    outsider = UserFactory(username="outsider")
    with pytest.raises(ValidationError, match="not an active editor or reporter"):
        services.assignment_set(actor=editor, claim=make_claim(), assignee=outsider)


def test_the_same_assignment_twice_is_refused(editor, reporter):
    claim = make_claim()
    services.assignment_set(actor=editor, claim=claim, assignee=reporter)
    with pytest.raises(ValidationError, match="already assigned"):
        services.assignment_set(actor=editor, claim=claim, assignee=reporter)


def test_assignment_needs_exactly_one_subject(editor, reporter):
    with pytest.raises(ValidationError, match="one claim, one event or one document"):
        services.assignment_set(
            actor=editor, claim=make_claim(), event=make_event(), assignee=reporter
        )
    with pytest.raises(ValidationError, match="one claim, one event or one document"):
        services.assignment_set(
            actor=editor, event=make_event(), document=make_document(), assignee=reporter
        )
    with pytest.raises(ValidationError, match="one claim, one event or one document"):
        services.assignment_set(actor=editor, assignee=reporter)
    assert not Assignment.objects.exists()


def test_a_document_is_assigned_to_a_reporter_to_process(editor, reporter):
    document = make_document()
    first = services.assignment_set(
        actor=editor, document=document, assignee=reporter, request="Review its suggestions"
    )
    assert first.document == document and first.subject_kind == "document"
    assert first.claim is None and first.event is None
    # Reassigning ends the first: one current assignment per document.
    second = services.assignment_set(actor=editor, document=document, assignee=editor)
    first.refresh_from_db()
    assert first.ended_at is not None and first.ended_by == editor
    current = Assignment.objects.filter(document=document, ended_at__isnull=True)
    assert list(current) == [second]


def test_a_reporter_cannot_assign_a_document(reporter):
    with pytest.raises(PermissionDenied):
        services.assignment_set(actor=reporter, document=make_document(), assignee=reporter)
    assert not Assignment.objects.exists()


def test_anyone_in_the_newsroom_comments_and_an_editor_redacts(editor, reporter):
    claim = make_claim()
    comment = services.comment_add(actor=reporter, claim=claim, text="  Named the source, sorry ")
    assert comment.text == "Named the source, sorry" and comment.author == reporter
    redacted = services.comment_redact(actor=editor, comment=comment, reason="Named a source")
    stored = Comment.objects.get(pk=comment.pk)
    assert stored.text == "" and stored.redacted_by == editor and stored.redacted_at
    assert stored.redaction_reason == "Named a source" and redacted.is_redacted
    with pytest.raises(ValidationError, match="already redacted"):
        services.comment_redact(actor=editor, comment=comment, reason="again")


def test_a_reporter_cannot_redact(reporter):
    comment = services.comment_add(actor=reporter, event=make_event(), text="A note")
    with pytest.raises(PermissionDenied):
        services.comment_redact(actor=reporter, comment=comment, reason="oops")
    assert Comment.objects.get(pk=comment.pk).text == "A note"


def test_a_redaction_needs_a_reason_and_a_comment_needs_text(editor):
    claim = make_claim()
    with pytest.raises(ValidationError):
        services.comment_add(actor=editor, claim=claim, text="   ")
    comment = services.comment_add(actor=editor, claim=claim, text="Worth a look")
    with pytest.raises(ValidationError):
        services.comment_redact(actor=editor, comment=comment, reason="")
    assert Comment.objects.get(pk=comment.pk).text == "Worth a look"


def test_a_user_outside_the_newsroom_cannot_comment(db):
    claim = make_claim()
    with pytest.raises(PermissionDenied):
        services.comment_add(actor=UserFactory(username="nobody"), claim=claim, text="hello")


def test_removing_an_account_is_on_the_claims_timeline(editor, reporter):
    claim = make_claim()
    source = make_source(name="Wire A")
    account = make_account(claim=claim, source=source)
    kept = make_account(claim=claim, source=make_source(name="Wire B"))
    services.account_remove(actor=editor, account=account)
    entries = timeline(claim=claim)
    # The removed account is gone from the accounts; its removal stays, after the kept one.
    assert [entry.kind for entry in entries] == ["account", "account_removed"]
    assert entries[0].obj == kept
    removed = entries[1]
    assert removed.who == editor and removed.summary == "Account removed: Wire A asserts"
    assert removed.at >= entries[0].at
    # On the event's timeline too, with the claim it was on.
    event = make_event()
    on_event = make_claim(event=event)
    services.account_remove(actor=editor, account=make_account(claim=on_event, source=source))
    event_entries = timeline(event=event)
    assert [e.kind for e in event_entries] == ["account_removed"]
    assert event_entries[0].obj.claim_id == on_event.pk


def test_the_timeline_reads_in_a_fixed_number_of_queries(editor, reporter):
    claim = make_claim()
    with CaptureQueriesContext(connection) as few:
        timeline(claim=claim)
    for number in range(3):
        account = make_account(claim=claim, source=make_source(name=f"Wire {number}"))
        services.account_remove(actor=editor, account=account)
        services.comment_add(actor=reporter, claim=claim, text=f"Comment {number}")
    with CaptureQueriesContext(connection) as many:
        assert len(timeline(claim=claim)) == 6
    assert len(few.captured_queries) == len(many.captured_queries) == 6
