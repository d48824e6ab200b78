"""Event candidates of a document, and filing its suggestions under one or a new event."""

from typing import Any

from rest_framework import serializers

from tracker.api.serializers.common import (
    RelatedField,
    SourceField,
    StrictCharField,
    WriteSerializer,
)
from tracker.models import Event, Source, Suggestion


class CandidateEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = Event
        fields = ["id", "name", "place", "date_start", "date_end"]
        read_only_fields = fields


class EventCandidateSerializer(serializers.Serializer):
    event = CandidateEventSerializer()
    score = serializers.FloatField(help_text="0 to about 1.6; only the order matters.")
    reasons = serializers.ListField(
        child=serializers.CharField(), help_text='Why it fits, e.g. "same place: A = B".'
    )


class ParagraphCandidatesSerializer(serializers.Serializer):
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    excerpt = serializers.CharField()
    candidates = EventCandidateSerializer(many=True)


class EventDraftSerializer(serializers.Serializer):
    name = serializers.CharField()
    place = serializers.CharField()
    date_start = serializers.DateField(allow_null=True)
    parties = serializers.SerializerMethodField()

    def get_parties(self, draft) -> list[dict[str, Any]]:
        return [{"id": party.pk, "name": party.name} for party in draft.parties]


class DocumentEventCandidatesSerializer(serializers.Serializer):
    candidates = EventCandidateSerializer(many=True, help_text="Best first; empty: none fits.")
    paragraphs = ParagraphCandidatesSerializer(
        many=True, help_text="Per paragraph, only when the paragraphs point at different events."
    )
    note = serializers.CharField(help_text="None fits, one fits, or several (none chosen).")
    new_event = EventDraftSerializer(help_text="A new event pre-filled from the text.")


class FileUnderEventSerializer(WriteSerializer):
    event = RelatedField(queryset=Event.objects.all())
    suggestions = RelatedField(
        queryset=Suggestion.objects.all(), many=True, required=False,
        help_text="Only these (pending, of this document); all pending ones when left out.",
    )  # fmt: skip


class NewEventForDocumentSerializer(WriteSerializer):
    name = StrictCharField(max_length=300)
    place = StrictCharField(max_length=300, required=False, allow_blank=True, default="")
    date_start = serializers.DateField(required=False, allow_null=True, default=None)
    date_end = serializers.DateField(required=False, allow_null=True, default=None)
    date_text = StrictCharField(max_length=200, required=False, allow_blank=True, default="")
    description = StrictCharField(required=False, allow_blank=True, default="")
    parties = SourceField(queryset=Source.objects.all(), many=True, required=False, default=list)


class FiledSerializer(serializers.Serializer):
    event = CandidateEventSerializer()
    filed = serializers.IntegerField(help_text="How many suggestions were filed under it.")
