"""A source's track record as the API reads it (``GET /api/sources/{id}/track-record/``)."""

from rest_framework import serializers

from tracker.api.serializers.common import SourceSummarySerializer
from tracker.selectors.track_record import Tally, TrackRecord
from tracker.vocabularies import VerificationStatus


class TallySerializer(serializers.Serializer):
    asserted = serializers.IntegerField(help_text="Claims asserted, each counted once.")
    status = serializers.SerializerMethodField(
        help_text="Of the claims asserted, how many stand at each status now "
        f"({', '.join(VerificationStatus.values)}); every status is present."
    )
    retracted = serializers.IntegerField(help_text="Claims retracted.")
    figures = serializers.IntegerField(help_text="Asserted claims that give a figure.")
    outliers = serializers.IntegerField(
        help_text="Of those, how many the comparison found outside the best-supported range."
    )

    def get_status(self, tally: Tally) -> dict[str, int]:
        return dict(tally.statuses)


class QuarterSerializer(serializers.Serializer):
    quarter = serializers.CharField(source="code", help_text='"2024-Q1"')
    year = serializers.IntegerField()
    number = serializers.IntegerField(source="quarter", help_text="1 to 4.")
    counts = TallySerializer(source="tally")


class TrackRecordSerializer(serializers.Serializer):
    total = TallySerializer(help_text="Every quarter together; a claim is counted once.")
    quarters = QuarterSerializer(
        many=True,
        help_text="Oldest first, from the first quarter with an account to the last; "
        "quarters between with nothing are present with zeros.",
    )


class SourceTrackRecordSerializer(serializers.Serializer):
    source = SourceSummarySerializer()
    own = TrackRecordSerializer(help_text="The source's own accounts.")
    affiliation = TrackRecordSerializer(
        allow_null=True,
        help_text="When others speak for this source (it is their root affiliation): its "
        "accounts and theirs, a claim several of them asserted counted once. Else null.",
    )

    @staticmethod
    def build(source, own: TrackRecord, affiliation: TrackRecord | None) -> dict:
        return {"source": source, "own": own, "affiliation": affiliation}
