from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class Document(models.Model):
    """One published report. Its text is fixed once stored: quotes point into it."""

    outlet = models.ForeignKey(
        "tracker.Source", null=True, blank=True, on_delete=models.PROTECT, related_name="documents"
    )
    title = models.CharField(max_length=500, help_text="The title exactly as published.")
    title_mismatch = models.BooleanField(
        default=False,
        editable=False,
        help_text="The published title shares almost no words with the body.",
    )
    # What the page calls the document when its published title belongs to
    # another page: the body's first sentence unless an editor writes a better one.
    working_title = models.CharField(
        max_length=500,
        blank=True,
        default="",
        help_text="Shown instead of a published title that does not match the body.",
    )
    url = models.URLField(max_length=2000, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    retrieved_at = models.DateTimeField(null=True, blank=True)
    text = models.TextField()
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords(excluded_fields=["text"])

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(text=""), name="document_text_not_empty"),
            models.CheckConstraint(
                condition=models.Q(content_hash__regex=r"^[0-9a-f]{64}$"),
                name="document_content_hash_sha256",
            ),
        ]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        """The working title of a mismatched document, else the title as published."""
        if self.title_mismatch and self.working_title:
            return self.working_title
        return self.title or f"Document {self.pk}"
