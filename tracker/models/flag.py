from django.conf import settings
from django.db import models

from tracker.vocabularies import FlagKind, FlagReason


class Flag(models.Model):
    """A reporter's mark on a claim, open until an editor resolves it."""

    claim = models.ForeignKey("tracker.Claim", on_delete=models.PROTECT, related_name="flags")
    kind = models.CharField(max_length=32, choices=FlagKind.choices)
    reason = models.CharField(max_length=32, choices=FlagReason.choices)
    note = models.TextField(blank=True)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="flags_raised"
    )
    raised_at = models.DateTimeField(auto_now_add=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="flags_resolved",
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolution_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-raised_at", "-id"]
        permissions = [("resolve_flag", "Can resolve a flag")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=FlagKind.values), name="flag_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(reason__in=FlagReason.values), name="flag_reason_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(resolved_at__isnull=True, resolved_by__isnull=True)
                | models.Q(resolved_at__isnull=False, resolved_by__isnull=False),
                name="flag_resolution_complete",
            ),
            models.UniqueConstraint(
                fields=["claim", "kind", "raised_by"],
                condition=models.Q(resolved_at__isnull=True),
                name="flag_one_open_per_kind_user_claim",
            ),
        ]
        indexes = [
            models.Index(
                fields=["claim"],
                condition=models.Q(resolved_at__isnull=True),
                name="flag_open_by_claim_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on claim {self.claim_id}"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None
