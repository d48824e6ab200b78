from django.conf import settings
from django.db import models


class BundleExport(models.Model):
    """One evidence bundle exported for an event: who, when, and its manifest's SHA-256.

    ``manage.py verify_bundle`` looks the bundle up by ``bundle_id`` (written in
    its manifest) and compares manifests: a bundle whose manifest was rewritten
    together with its files no longer matches. Append-only (a trigger).
    """

    event = models.ForeignKey(
        "tracker.Event", on_delete=models.PROTECT, related_name="bundle_exports"
    )
    bundle_id = models.UUIDField(unique=True, editable=False)
    exported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    exported_at = models.DateTimeField()
    manifest_sha256 = models.CharField(max_length=64)
    file_count = models.PositiveIntegerField()
    total_bytes = models.PositiveBigIntegerField(help_text="Of the files, before compression.")

    class Meta:
        ordering = ["-exported_at", "-id"]
        permissions = [("export_bundle", "Can export an event's evidence bundle")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(manifest_sha256__regex=r"^[0-9a-f]{64}$"),
                name="bundleexport_manifest_sha256",
            )
        ]

    def __str__(self) -> str:
        return f"Bundle {self.bundle_id} of event {self.event_id}"

    @property
    def exporter(self) -> str:
        return self.exported_by.get_username() if self.exported_by else "the system"
