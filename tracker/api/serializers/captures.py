from rest_framework import serializers
from rest_framework.reverse import reverse

from tracker.api.serializers.common import (
    MAX_NOTE,
    StrictCharField,
    WriteSerializer,
    username_field,
)
from tracker.models import Capture, CapturePurge


class CapturePurgeSerializer(serializers.ModelSerializer):
    purged_by = username_field("purged_by")

    class Meta:
        model = CapturePurge
        fields = ["purged_by", "purged_at", "reason"]
        read_only_fields = fields


class CaptureSerializer(serializers.ModelSerializer):
    """A capture's custody record: what was captured, when, by whom or what, and its hash."""

    captured_by = username_field("captured_by")
    http_headers = serializers.ListField(
        child=serializers.ListField(child=serializers.CharField(), min_length=2, max_length=2),
        read_only=True,
        help_text="[name, value] pairs in the order received.",
    )
    reconstructed = serializers.BooleanField(
        read_only=True, help_text="Rebuilt from the stored text: not what was captured."
    )
    purge = CapturePurgeSerializer(
        read_only=True, allow_null=True, help_text="Set when the bytes were purged (a takedown)."
    )
    content_url = serializers.SerializerMethodField(
        help_text="Where the bytes are served as stored; null once purged."
    )

    class Meta:
        model = Capture
        fields = [
            "id", "document", "supersedes", "origin", "reconstructed", "sha256", "size",
            "content_type", "file_name", "url", "captured_at", "captured_by", "tool", "http_status",
            "http_headers", "html_extractor_version", "attribution_extractor_version",
            "text_sha256", "recorded_at", "purge", "content_url",
        ]  # fmt: skip
        read_only_fields = fields

    def get_content_url(self, capture: Capture) -> str | None:
        if _purge_of(capture) is not None:
            return None
        # A path: the ETag is a digest of this data and must not vary with the host.
        return reverse("api:capture-content", kwargs={"pk": capture.pk})

    def to_representation(self, capture: Capture):
        data = super().to_representation(capture)
        data["purge"] = (
            CapturePurgeSerializer(purge).data if (purge := _purge_of(capture)) else None
        )
        return data


def _purge_of(capture: Capture) -> CapturePurge | None:
    try:
        return capture.purge
    except CapturePurge.DoesNotExist:
        return None


class DocumentVersionSerializer(serializers.Serializer):
    document = serializers.IntegerField(source="document_id")
    title = serializers.CharField()
    first_captured_at = serializers.DateTimeField()
    last_captured_at = serializers.DateTimeField()
    capture_count = serializers.IntegerField()
    previous = serializers.IntegerField(
        source="previous_id", allow_null=True, help_text="The version before this one."
    )


class CapturePurgeRequestSerializer(WriteSerializer):
    reason = StrictCharField(
        max_length=MAX_NOTE, help_text="Why the bytes must go (a court order, a legal request)."
    )
