from django.conf import settings
from django.db import models

from tracker.vocabularies import CaptureOrigin

SHA256 = r"^[0-9a-f]{64}$"


class Capture(models.Model):
    """The bytes one document was read from, as they arrived, and how they arrived.

    The bytes live in the captures storage at their SHA-256 (tracker.capture_storage);
    this row is their custody record. Neither ever changes: a trigger refuses any
    UPDATE, and the storage never writes an address twice. A takedown removes the
    bytes and records why (``CapturePurge``); the row stays.
    """

    document = models.ForeignKey(
        "tracker.Document", on_delete=models.PROTECT, related_name="captures"
    )
    # A capture of a URL whose text differs from that URL's capture before it
    # starts a new version of the page: this is the document it follows.
    supersedes = models.ForeignKey(
        "tracker.Document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseding_captures",
    )
    origin = models.CharField(max_length=20, choices=CaptureOrigin.choices)
    sha256 = models.CharField(max_length=64, help_text="SHA-256 of the bytes: their address.")
    size = models.PositiveBigIntegerField(help_text="Bytes.")
    content_type = models.CharField(max_length=200, blank=True)
    file_name = models.CharField(
        max_length=255, blank=True, help_text="The uploaded file's name, for an uploaded file."
    )
    url = models.CharField(max_length=2000, blank=True)
    captured_at = models.DateTimeField()
    captured_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    tool = models.CharField(
        max_length=200, blank=True, help_text="The program that captured or imported it."
    )
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    # [[name, value], ...] in the order received: a header may come more than once.
    http_headers = models.JSONField(default=list, blank=True)
    html_extractor_version = models.CharField(max_length=40, blank=True)
    attribution_extractor_version = models.CharField(max_length=40, blank=True)
    text_sha256 = models.CharField(
        max_length=64, help_text="SHA-256 of the text derived from the bytes."
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["captured_at", "id"]
        permissions = [("purge_capture", "Can purge a capture's bytes (a legal takedown)")]
        indexes = [
            models.Index(fields=["url", "captured_at"], name="capture_url_time"),
            models.Index(fields=["sha256"], name="capture_by_sha256"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(sha256__regex=SHA256), name="capture_sha256"),
            models.CheckConstraint(
                condition=models.Q(text_sha256__regex=SHA256), name="capture_text_sha256"
            ),
            models.CheckConstraint(
                condition=models.Q(origin__in=CaptureOrigin.values), name="capture_origin_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(http_status__isnull=True)
                | models.Q(http_status__gte=100, http_status__lte=599),
                name="capture_http_status_range",
            ),
        ]

    def __str__(self) -> str:
        where = self.url or f"document {self.document_id}"
        return f"Capture {self.sha256[:12]} of {where} at {self.captured_at:%Y-%m-%d %H:%M}"

    @property
    def reconstructed(self) -> bool:
        return self.origin == CaptureOrigin.RECONSTRUCTED


class CapturePurge(models.Model):
    """A legal takedown: the capture's bytes were deleted, by whom, when and why."""

    capture = models.OneToOneField(Capture, on_delete=models.PROTECT, related_name="purge")
    purged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    purged_at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField()

    class Meta:
        ordering = ["purged_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(reason=""), name="capturepurge_has_reason")
        ]

    def __str__(self) -> str:
        return f"Purge of capture {self.capture_id}"
