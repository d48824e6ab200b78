from rest_framework import serializers

from tracker.api.serializers.common import (
    MAX_NOTE,
    StrictCharField,
    WriteSerializer,
    username_field,
)
from tracker.models import Flag
from tracker.vocabularies import FlagKind, FlagReason


class FlagSerializer(serializers.ModelSerializer):
    raised_by = username_field("raised_by")
    resolved_by = username_field("resolved_by")
    is_open = serializers.BooleanField(read_only=True)

    class Meta:
        model = Flag
        fields = [
            "id", "claim", "kind", "reason", "note", "raised_by", "raised_at", "is_open",
            "resolved_by", "resolved_at", "resolution_note",
        ]  # fmt: skip
        read_only_fields = fields


class FlagRaiseSerializer(WriteSerializer):
    kind = serializers.ChoiceField(choices=FlagKind.choices, default=FlagKind.COULD_NOT_VERIFY)
    reason = serializers.ChoiceField(choices=FlagReason.choices)
    note = StrictCharField(
        max_length=MAX_NOTE, allow_blank=True, default="",
        help_text='Required when the reason is "other".',
    )  # fmt: skip


class FlagResolveSerializer(WriteSerializer):
    note = StrictCharField(max_length=MAX_NOTE, allow_blank=True, default="")
