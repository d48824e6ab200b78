from rest_framework import serializers

from tracker.api.serializers.common import (
    MAX_NOTE,
    StrictCharField,
    WriteSerializer,
    username_field,
)
from tracker.models import StatusChange
from tracker.vocabularies import VerificationStatus


class StatusChangeSerializer(serializers.ModelSerializer):
    changed_by = username_field("changed_by")
    judged_claim = serializers.JSONField(
        read_only=True,
        help_text="The claim as judged: text, aspect, count_min, count_max, count_approximate, "
        "unit, event {id, name} and named_parties [{id, name}].",
    )

    class Meta:
        model = StatusChange
        fields = ["id", "claim", "from_status", "to_status", "rationale", "changed_by",
                  "changed_at", "judged_claim"]  # fmt: skip
        read_only_fields = fields


class StatusSetSerializer(WriteSerializer):
    status = serializers.ChoiceField(choices=VerificationStatus.choices)
    rationale = StrictCharField(
        max_length=MAX_NOTE, allow_blank=True, default="",
        help_text="Why; required for every change after the first.",
    )  # fmt: skip
