from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tracker.api.serializers.common import (
    MAX_NOTE,
    NamedSerializer,
    StrictCharField,
    WriteSerializer,
    username_field,
)
from tracker.models import Finding
from tracker.vocabularies import AirwarsGrade, FindingKind, FindingSeverity, Stance, label_of


def _label(vocabulary, field: str):
    def label(self, obj) -> str:
        return label_of(vocabulary, getattr(obj, field))

    return label


class FigureSerializer(serializers.Serializer):
    """A count in numbers and words; an open end is null and flagged."""

    min = serializers.IntegerField(allow_null=True)
    max = serializers.IntegerField(allow_null=True)
    open_low = serializers.BooleanField(help_text="No lower figure given.")
    open_high = serializers.BooleanField(help_text='No upper figure given ("at least").')
    approximate = serializers.BooleanField(help_text='Said as "about"; min and max as given.')
    unit = serializers.CharField()
    words = serializers.CharField(help_text='As a desk writes it: "at least 35 people".')


class FindingSideSerializer(serializers.Serializer):
    """One source's stance on one claim among the finding's accounts."""

    source = NamedSerializer()
    root = NamedSerializer(help_text="The root affiliation the source counts for.")
    interested = serializers.BooleanField(help_text="The source is a party to the event.")
    stance = serializers.ChoiceField(choices=Stance.choices)
    claim_id = serializers.IntegerField()
    interval = FigureSerializer(allow_null=True, help_text="The claim's figure, for a count.")
    parties = NamedSerializer(
        many=True, required=False, help_text="The parties a perpetrator claim names."
    )
    account_ids = serializers.ListField(child=serializers.IntegerField())


class VoiceDetailSerializer(serializers.Serializer):
    """An independent voice on a count: one root affiliation, or several sharing a quote."""

    key = serializers.CharField()
    label = serializers.CharField()
    root_ids = serializers.ListField(child=serializers.IntegerField())
    interested = serializers.BooleanField()
    interval = FigureSerializer(help_text="What the voice's figures come to, after tolerance.")
    words = serializers.CharField(help_text="The figure as the source gave it.")
    account_ids = serializers.ListField(child=serializers.IntegerField())


class SupportedGroupSerializer(serializers.Serializer):
    interval = FigureSerializer(help_text="The common part of the group's figures.")
    voices = VoiceDetailSerializer(many=True)


class FindingDetailsSerializer(serializers.Serializer):
    """The finding as data. The count fields appear on findings about a count only."""

    sides = FindingSideSerializer(many=True)
    aspect = serializers.CharField(required=False)
    unit = serializers.CharField(required=False)
    reported_range = FigureSerializer(
        required=False, allow_null=True, help_text="Lowest minimum to highest maximum."
    )
    consensus = FigureSerializer(
        required=False, allow_null=True, help_text="Null unless every voice agrees."
    )
    best_supported = SupportedGroupSerializer(
        many=True,
        required=False,
        help_text="When not all agree: the largest agreeing group, or every tied one.",
    )
    outliers = VoiceDetailSerializer(
        many=True, required=False, help_text="Voices outside every best-supported group."
    )


class FindingSerializer(serializers.ModelSerializer):
    """A stored finding: a conflict, a tension, or information about one event's accounts."""

    claims = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    accounts = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    acknowledged_by = username_field("acknowledged_by")
    kind_label = serializers.SerializerMethodField(help_text="The kind, in words.")
    severity_label = serializers.SerializerMethodField(help_text="The severity, in words.")
    get_kind_label = _label(FindingKind, "kind")
    get_severity_label = _label(FindingSeverity, "severity")
    details = serializers.SerializerMethodField()

    @extend_schema_field(FindingDetailsSerializer)
    def get_details(self, finding: Finding) -> dict:
        return finding.details

    class Meta:
        model = Finding
        fields = [
            "id", "event", "kind", "kind_label", "severity", "severity_label", "explanation",
            "claims", "accounts", "details", "is_open", "acknowledged_by", "acknowledged_at",
            "acknowledgement_note", "reopened_from", "created_at",
        ]  # fmt: skip
        read_only_fields = fields


class StoredEventSummarySerializer(serializers.Serializer):
    """The event's summary as of its last comparison, as its detail shows it."""

    lines = serializers.ListField(
        child=serializers.CharField(), help_text="One line per aspect, as the event detail says."
    )
    grade = serializers.ChoiceField(choices=AirwarsGrade.choices, allow_blank=True)
    grade_label = serializers.CharField()


class ConflictSerializer(FindingSerializer):
    """A finding with its event's summary, so a list of conflicts reads on its own."""

    event_summary = serializers.SerializerMethodField()

    class Meta(FindingSerializer.Meta):
        fields = [*FindingSerializer.Meta.fields, "event_summary"]
        read_only_fields = fields

    @extend_schema_field(StoredEventSummarySerializer(allow_null=True))
    def get_event_summary(self, finding: Finding) -> dict | None:
        return stored_event_summary(finding.event) if finding.event_id else None


def stored_event_summary(event) -> dict:
    summary = event.summary or {}
    grade = summary.get("grade", "")
    return {
        "lines": [line["text"] for line in summary.get("lines", [])],
        "grade": grade,
        "grade_label": label_of(AirwarsGrade, grade) if grade else "",
    }


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
