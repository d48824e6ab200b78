from django.conf import settings
from django.db import models

from tracker.vocabularies import VerificationStatus


class StatusChange(models.Model):
    """One verdict on a claim. Append-only: never updated, never deleted."""

    claim = models.ForeignKey(
        "tracker.Claim", on_delete=models.PROTECT, related_name="status_changes"
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    from_status = models.CharField(max_length=32, choices=VerificationStatus.choices)
    to_status = models.CharField(max_length=32, choices=VerificationStatus.choices)
    rationale = models.TextField(blank=True)
    # The claim as it stood when judged, so a verdict never certifies words it
    # did not see: {"text", "aspect", "count_min", "count_max",
    # "count_approximate", "unit", "event": {"id", "name"} | null,
    # "named_parties": [{"id", "name"}, ...]}. Null only before migration 0012
    # filled it in; nullable so SQLite adds the column without rebuilding the
    # table (which would drop the append-only trigger).
    judged_claim = models.JSONField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-changed_at", "-id"]
        get_latest_by = "changed_at"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(from_status__in=VerificationStatus.values)
                & models.Q(to_status__in=VerificationStatus.values),
                name="status_change_statuses_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(from_status=models.F("to_status")),
                name="status_change_changes_something",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status} on claim {self.claim_id}"

    @property
    def judged_text(self) -> str | None:
        return (self.judged_claim or {}).get("text")
