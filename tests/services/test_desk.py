import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import UserFactory, make_claim, make_event
from tracker import services
from tracker.models import Assignment, Comment


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
    with pytest.raises(ValidationError, match="claim or an event"):
        services.assignment_set(
            actor=editor, claim=make_claim(), event=make_event(), assignee=reporter
        )


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
