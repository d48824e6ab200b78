from django.conf import settings
from django.db import models
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from tracker.vocabularies import FindingKind, FindingSeverity


class FindingQuerySet(models.QuerySet):
    def delete(self):
        """Delete, leaving a tombstone per finding so its URL answers 410 Gone, not 404."""
        gone = [
            RemovedFinding(finding_id=pk, event_id=event_id, key=key)
            for pk, event_id, key in self.values_list("pk", "event_id", "key")
        ]
        if not gone:
            return 0, {}
        RemovedFinding.objects.bulk_create(gone, ignore_conflicts=True)
        return super().delete()

    delete.alters_data = True  # type: ignore[attr-defined]
    delete.queryset_only = True  # type: ignore[attr-defined]


class Finding(models.Model):
    """What the comparison of one event's accounts found, stored so lists can filter on it.

    Findings are recomputed by the services whenever the accounts of their
    event change. A finding keeps its row, and so its id, for as long as its
    ``key`` (what it is about) is found: a change of substance (its
    ``signature``) updates the row in place and reopens it if it had been
    acknowledged. When what it was about is gone the row is deleted and a
    ``RemovedFinding`` remembers its id.
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

    objects = FindingQuerySet.as_manager()

    class Meta:
        # Editors know these as conflicts; "finding" is the code's word.
        verbose_name = "conflict"
        verbose_name_plural = "conflicts"
        ordering = ["event_id", "-severity", "kind", "id"]
        permissions = [("acknowledge_finding", "Can acknowledge a conflict")]
        constraints = [
            models.UniqueConstraint(fields=["event", "signature"], name="finding_unique_signature"),
            # Findings of claims without an event have no event: NULLs never
            # collide, and those are kept apart per claim by the services.
            models.UniqueConstraint(fields=["event", "key"], name="finding_unique_key_per_event"),
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


class RemovedFinding(models.Model):
    """A finding that was deleted because what it was about is gone: its id answers 410."""

    # Not a foreign key: the finding no longer exists, and its event may not either.
    finding_id = models.BigIntegerField(primary_key=True)
    event_id = models.BigIntegerField(null=True, blank=True)
    key = models.TextField()
    removed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "removed conflict"
        verbose_name_plural = "removed conflicts"

    def __str__(self) -> str:
        return f"Removed finding #{self.finding_id} ({self.key})"


@receiver(pre_delete, sender="tracker.Event", dispatch_uid="tracker.finding_tombstones")
def _leave_tombstones_for_the_event(sender, instance, **kwargs) -> None:
    """An event's findings go with it, and each leaves its tombstone (410, not 404).

    The cascade would delete them row by row below ``FindingQuerySet.delete``,
    leaving no tombstones; deleting them here first, through the queryset,
    inside the same transaction, keeps the rule whatever deletes the event.
    """
    Finding.objects.filter(event_id=instance.pk).delete()


class FindingOutlier(models.Model):
    """An account whose figure a best-supported finding names as an outlier.

    The same fact is in the finding's ``details`` (its ``outliers``); kept as
    rows too, by the findings refresh, so a source's track record counts its
    outlying figures with an index join instead of reading every finding's JSON.
    """

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="outlier_links")
    # The unique index below leads with the account: it serves the lookups.
    account = models.ForeignKey(
        "tracker.Account", on_delete=models.CASCADE, related_name="outlier_links", db_index=False
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["account", "finding"], name="finding_outlier_unique_per_account"
            ),
        ]

    def __str__(self) -> str:
        return f"Account {self.account_id} stands apart in finding {self.finding_id}"
