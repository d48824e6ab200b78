"""An event's recorded grade: the change an editor made, and the request to make one."""

from rest_framework import serializers

from tracker.api.serializers.common import (
    MAX_NOTE,
    StrictCharField,
    WriteSerializer,
    username_field,
)
from tracker.models import EventGradeChange
from tracker.vocabularies import AirwarsGrade


class EventGradeChangeSerializer(serializers.ModelSerializer):
    changed_by = username_field("changed_by")
    judged_summary = serializers.JSONField(
        read_only=True,
        help_text="The event's summary when it was graded: lines, grade (the suggestion) "
        "and grade_reasons.",
    )

    class Meta:
        model = EventGradeChange
        fields = ["id", "event", "from_grade", "to_grade", "rationale", "suggested_grade",
                  "changed_by", "changed_at", "judged_summary"]  # fmt: skip
        read_only_fields = fields


class EventGradeSetSerializer(WriteSerializer):
    grade = serializers.ChoiceField(
        choices=AirwarsGrade.choices,
        help_text="Confirmed, contested, fair, weak or discounted (the Airwars scale).",
    )
    rationale = StrictCharField(max_length=MAX_NOTE, help_text="Why this grade; always required.")
