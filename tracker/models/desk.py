"""Who is on what, and what was said about it: the editors' desk.

An assignment asks one person to look at a claim, an event or a document (a
reporter, to find a second source or to process a report; an editor, to
judge it). Each has at most one current assignment; reassigning ends it and
starts another, so the rows are the assignment's history.

Comments are the discussion of a claim or event. They are append-only: the
only change a comment ever takes is a redaction, which removes its text and
records who redacted it, when and why. Comments keep no simple-history
table on purpose: a copy of the text there would survive its redaction.
"""

from django.conf import settings
from django.db import models

# Exactly one of claim and event (a comment's subject).
ONE_SUBJECT = models.Q(claim__isnull=False, event__isnull=True) | models.Q(
    claim__isnull=True, event__isnull=False
)
# Exactly one of claim, event and document (an assignment's subject).
ONE_ASSIGNED_SUBJECT = (
    models.Q(claim__isnull=False, event__isnull=True, document__isnull=True)
    | models.Q(claim__isnull=True, event__isnull=False, document__isnull=True)
    | models.Q(claim__isnull=True, event__isnull=True, document__isnull=False)
)


class Assignment(models.Model):
    claim = models.ForeignKey(
        "tracker.Claim", null=True, blank=True, on_delete=models.PROTECT, related_name="assignments"
    )
    event = models.ForeignKey(
        "tracker.Event", null=True, blank=True, on_delete=models.PROTECT, related_name="assignments"
    )
    document = models.ForeignKey(
        "tracker.Document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assignments",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assignments"
    )
    request = models.TextField(blank=True, help_text='What is asked: "find a second source".')
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)
    # Set when the subject is reassigned or unassigned; null while current.
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-assigned_at", "-id"]
        permissions = [("assign_work", "Can assign claims and events")]
        constraints = [
            models.CheckConstraint(
                condition=ONE_ASSIGNED_SUBJECT, name="assignment_one_assigned_subject"
            ),
            models.UniqueConstraint(
                fields=["claim"],
                condition=models.Q(ended_at__isnull=True, claim__isnull=False),
                name="assignment_one_current_per_claim",
            ),
            models.UniqueConstraint(
                fields=["event"],
                condition=models.Q(ended_at__isnull=True, event__isnull=False),
                name="assignment_one_current_per_event",
            ),
            models.UniqueConstraint(
                fields=["document"],
                condition=models.Q(ended_at__isnull=True, document__isnull=False),
                name="assignment_one_current_per_document",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_at__isnull=True)
                | models.Q(ended_at__gte=models.F("assigned_at")),
                name="assignment_ends_after_it_starts",
            ),
        ]
        indexes = [
            models.Index(
                fields=["assignee", "assigned_at"],
                condition=models.Q(ended_at__isnull=True),
                name="assignment_current_by_user_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject_label} assigned to {self.assignee}"

    @property
    def subject_kind(self) -> str:
        if self.claim_id:
            return "claim"
        return "event" if self.event_id else "document"

    @property
    def subject_id(self) -> int:
        return self.claim_id or self.event_id or self.document_id

    @property
    def subject_label(self) -> str:
        return f"{self.subject_kind} {self.subject_id}"

    @property
    def is_current(self) -> bool:
        return self.ended_at is None


class Comment(models.Model):
    claim = models.ForeignKey(
        "tracker.Claim", null=True, blank=True, on_delete=models.PROTECT, related_name="comments"
    )
    event = models.ForeignKey(
        "tracker.Event", null=True, blank=True, on_delete=models.PROTECT, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="comments"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    text = models.TextField(blank=True)
    redacted_at = models.DateTimeField(null=True, blank=True)
    redacted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    redaction_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        permissions = [("redact_comment", "Can redact a comment")]
        constraints = [
            models.CheckConstraint(condition=ONE_SUBJECT, name="comment_one_subject"),
            # A comment says something until it is redacted, and nothing after.
            models.CheckConstraint(
                condition=models.Q(
                    redacted_at__isnull=True, redacted_by__isnull=True, redaction_reason=""
                )
                & ~models.Q(text="")
                | models.Q(redacted_at__isnull=False, redacted_by__isnull=False, text="")
                & ~models.Q(redaction_reason=""),
                name="comment_redaction_complete",
            ),
        ]
        indexes = [
            models.Index(fields=["claim", "created_at"], name="comment_by_claim_idx"),
            models.Index(fields=["event", "created_at"], name="comment_by_event_idx"),
        ]

    def __str__(self) -> str:
        return f"Comment by {self.author} on {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def is_redacted(self) -> bool:
        return self.redacted_at is not None
