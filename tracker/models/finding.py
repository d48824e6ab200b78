from django.conf import settings
from django.db import models

from tracker.vocabularies import FindingKind, FindingSeverity


class Finding(models.Model):
    """What the comparison of one event's accounts found, stored so lists can filter on it.

    Findings are recomputed by the services whenever the accounts of their
    event change. A finding keeps its row (and any acknowledgement) for as
    long as its ``signature`` (the substance of what was compared) stays the
    same; a change that alters it replaces the row, which reopens it.
    """

    # Claims with no event are compared on their own; their findings have no event.
    event = models.ForeignKey(
        "tracker.Event", null=True, blank=True, on_delete=models.CASCADE, related_name="findings"
    )
    kind = models.CharField(max_length=40, choices=FindingKind.choices)
    key = models.TextField(help_text="What the finding is about; stays put while values move.")
    severity = models.CharField(max_length=16, choices=FindingSeverity.choices)
    explanation = models.TextField()
    signature = models.CharField(max_length=64, help_text="Digest of what was compared.")
    claims = models.ManyToManyField("tracker.Claim", related_name="findings", blank=True)
    accounts = models.ManyToManyField("tracker.Account", related_name="findings", blank=True)
    details = models.JSONField(default=dict, blank=True)
    # Open means a conflict or tension no editor has acknowledged yet.
    is_open = models.BooleanField(default=False)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledgement_note = models.TextField(blank=True)
    reopened_from = models.TextField(
        blank=True, help_text="The acknowledgement a later change overturned, for the record."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # Editors know these as conflicts; "finding" is the code's word.
        verbose_name = "conflict"
        verbose_name_plural = "conflicts"
        ordering = ["event_id", "-severity", "kind", "id"]
        permissions = [("acknowledge_finding", "Can acknowledge a conflict")]
        constraints = [
            models.UniqueConstraint(fields=["event", "signature"], name="finding_unique_signature"),
            models.CheckConstraint(
                condition=models.Q(kind__in=FindingKind.values), name="finding_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(severity__in=FindingSeverity.values),
                name="finding_severity_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(acknowledged_at__isnull=True, acknowledged_by__isnull=True)
                | models.Q(acknowledged_at__isnull=False, acknowledged_by__isnull=False),
                name="finding_acknowledgement_complete",
            ),
            models.CheckConstraint(
                condition=models.Q(is_open=False) | ~models.Q(severity=FindingSeverity.INFO),
                name="finding_only_conflicts_open",
            ),
        ]
        indexes = [
            models.Index(
                fields=["event"], condition=models.Q(is_open=True), name="finding_open_by_event_idx"
            ),
            # The inbox: open conflicts and tensions, oldest first.
            models.Index(
                fields=["created_at", "id"],
                condition=models.Q(is_open=True),
                name="finding_open_oldest_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_severity_display()}: {self.explanation}"
