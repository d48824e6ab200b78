from rest_framework import serializers

from tracker.api.serializers.common import (
    MAX_NOTE,
    StrictCharField,
    WriteSerializer,
    username_field,
)
from tracker.models import Finding


class FindingSerializer(serializers.ModelSerializer):
    """A stored finding: a conflict, a tension, or information about one event's accounts."""

    claims = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    accounts = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    acknowledged_by = username_field("acknowledged_by")

    class Meta:
        model = Finding
        fields = [
            "id", "event", "kind", "severity", "explanation", "claims", "accounts", "details",
            "is_open", "acknowledged_by", "acknowledged_at", "acknowledgement_note",
            "reopened_from", "created_at",
        ]  # fmt: skip
        read_only_fields = fields


class FindingSummarySerializer(serializers.ModelSerializer):
    """A finding as a claim's detail lists it."""

    acknowledged_by = username_field("acknowledged_by")

    class Meta:
        model = Finding
        fields = [
            "id", "kind", "severity", "explanation", "is_open", "acknowledged_by",
            "acknowledged_at", "acknowledgement_note", "reopened_from",
        ]  # fmt: skip
        read_only_fields = fields


class AcknowledgeSerializer(WriteSerializer):
    note = StrictCharField(max_length=MAX_NOTE, help_text="Why the conflict may stand (required).")
