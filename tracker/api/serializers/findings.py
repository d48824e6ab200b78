from rest_framework import serializers

from tracker.api.serializers.common import (
    MAX_NOTE,
    StrictCharField,
    WriteSerializer,
    username_field,
)
from tracker.models import Finding
from tracker.vocabularies import FindingKind, FindingSeverity, label_of


def _label(vocabulary, field: str):
    def label(self, obj) -> str:
        return label_of(vocabulary, getattr(obj, field))

    return label


class FindingSerializer(serializers.ModelSerializer):
    """A stored finding: a conflict, a tension, or information about one event's accounts."""

    claims = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    accounts = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    acknowledged_by = username_field("acknowledged_by")
    kind_label = serializers.SerializerMethodField(help_text="The kind, in words.")
    severity_label = serializers.SerializerMethodField(help_text="The severity, in words.")
    get_kind_label = _label(FindingKind, "kind")
    get_severity_label = _label(FindingSeverity, "severity")

    class Meta:
        model = Finding
        fields = [
            "id", "event", "kind", "kind_label", "severity", "severity_label", "explanation",
            "claims", "accounts", "details", "is_open", "acknowledged_by", "acknowledged_at",
            "acknowledgement_note", "reopened_from", "created_at",
        ]  # fmt: skip
        read_only_fields = fields


class FindingSummarySerializer(serializers.ModelSerializer):
    """A finding as a claim's detail lists it."""

    acknowledged_by = username_field("acknowledged_by")
    kind_label = serializers.SerializerMethodField(help_text="The kind, in words.")
    severity_label = serializers.SerializerMethodField(help_text="The severity, in words.")
    get_kind_label = _label(FindingKind, "kind")
    get_severity_label = _label(FindingSeverity, "severity")

    class Meta:
        model = Finding
        fields = [
            "id", "kind", "kind_label", "severity", "severity_label", "explanation", "is_open",
            "acknowledged_by", "acknowledged_at", "acknowledgement_note", "reopened_from",
        ]  # fmt: skip
        read_only_fields = fields


class AcknowledgeSerializer(WriteSerializer):
    note = StrictCharField(max_length=MAX_NOTE, help_text="Why the conflict may stand (required).")
