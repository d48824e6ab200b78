"""Assignments and comments on claims and events (tracker.models.desk)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from tracker.models import Assignment, Claim, Comment, Document, Event
from tracker.services._common import Actor, clean_text, history_user, require_permission

ASSIGNABLE_GROUPS = ("Editors", "Reporters")


def _subject(claim: Claim | None, event: Event | None) -> dict:
    if (claim is None) == (event is None):
        raise ValidationError({"subject": "Give a claim or an event, not both nor neither."})
    return {"claim": claim} if claim is not None else {"event": event}


def _assigned_subject(claim: Claim | None, event: Event | None, document: Document | None) -> dict:
    given = {
        name: value
        for name, value in (("claim", claim), ("event", event), ("document", document))
        if value is not None
    }
    if len(given) != 1:
        raise ValidationError(
            {"subject": "Give one claim, one event or one document to assign, and only one."}
        )
    return given


def _lock_subject(subject: dict) -> None:
    # The subject's row orders concurrent assignments of it, so the second
    # waits and then ends the first instead of breaking the unique constraint.
    ((kind, value),) = subject.items()
    model = {"claim": Claim, "event": Event, "document": Document}[kind]
    if not model.objects.select_for_update().filter(pk=value.pk).exists():
        raise ValidationError({"subject": f"No such {kind}."})


def may_be_assigned(user) -> bool:
    return (
        user is not None
        and user.is_active
        and user.groups.filter(name__in=ASSIGNABLE_GROUPS).exists()
    )


@transaction.atomic
def assignment_set(
    *,
    actor: Actor,
    claim: Claim | None = None,
    event: Event | None = None,
    document: Document | None = None,
    assignee=None,
    request: str = "",
) -> Assignment | None:
    """Assign a claim, an event or a document to an editor or a reporter, or take it
    (assignee=actor). A document is assigned to be processed: its suggestions reviewed.

    The current assignment, if any, ends; ``assignee=None`` only ends it.
    Returns the new assignment, or None when unassigned.
    """
    require_permission(actor, "tracker.assign_work", action="assign claims and events")
    subject = _assigned_subject(claim, event, document)
    request = clean_text("request", request or "", required=False, max_length=2000).strip()
    if assignee is not None and not may_be_assigned(assignee):
        raise ValidationError({"assignee": f"{assignee} is not an active editor or reporter."})
    _lock_subject(subject)
    current = Assignment.objects.select_for_update().filter(ended_at__isnull=True, **subject)
    previous = current.first()
    if assignee is None and previous is None:
        raise ValidationError({"assignee": "This is not assigned to anyone."})
    if (
        previous is not None
        and assignee is not None
        and previous.assignee_id == assignee.pk
        and previous.request == request
    ):
        raise ValidationError({"assignee": f"This is already assigned to {assignee}."})
    now = timezone.now()
    if previous is not None:
        previous.ended_at = now
        previous.ended_by = history_user(actor)
        previous.save(update_fields=["ended_at", "ended_by"])
    if assignee is None:
        return None
    return Assignment.objects.create(
        assignee=assignee, request=request, assigned_by=history_user(actor), **subject
    )


@transaction.atomic
def comment_add(
    *, actor: Actor, claim: Claim | None = None, event: Event | None = None, text: str
) -> Comment:
    """Leave a comment on a claim or an event. Comments are never edited, only redacted."""
    require_permission(actor, "tracker.add_comment", action="comment")
    if actor is None:
        raise ValidationError({"author": "A comment must be written by a person."})
    subject = _subject(claim, event)
    text = clean_text("text", text, required=True, max_length=10000).strip()
    return Comment.objects.create(author=actor, text=text, **subject)


@transaction.atomic
def comment_redact(*, actor: Actor, comment: Comment, reason: str) -> Comment:
    """Remove a comment's text for good (a source named by mistake), saying who, when and why."""
    require_permission(actor, "tracker.redact_comment", action="redact comments")
    if actor is None:
        raise PermissionDenied("A redaction must be made by a person.")
    reason = clean_text("reason", reason or "", required=True, max_length=2000).strip()
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.redacted_at is not None:
        raise ValidationError({"comment": "This comment is already redacted."})
    comment.text = ""
    comment.redacted_at = timezone.now()
    comment.redacted_by = actor
    comment.redaction_reason = reason
    comment.save(update_fields=["text", "redacted_at", "redacted_by", "redaction_reason"])
    return comment


def assignable_users():
    """Active editors and reporters, for the assignment forms."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=ASSIGNABLE_GROUPS)
        .distinct()
        .order_by("username")
    )
