"""Events; the detail shows every account of the event side by side.

The side-by-side part is built from the selector's ``EventComparisonData``
(the accounts and a fresh comparison) rather than from model fields, so it is
plain data serializers describe for the schema.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tracker.api.serializers.common import (
    DocumentSummarySerializer,
    IntervalSerializer,
    NamedSerializer,
    SourceField,
    SourceSummarySerializer,
    StrictCharField,
    WriteSerializer,
    document_summary,
    interval_data,
    source_summary,
)
from tracker.api.serializers.event_grades import EventGradeChangeSerializer
from tracker.api.serializers.findings import FindingSerializer
from tracker.conflicts.details import summary_details
from tracker.conflicts.intervals import figure_words
from tracker.conflicts.summary import count_line
from tracker.models import Event, Source
from tracker.selectors.events import EventComparisonData
from tracker.vocabularies import AirwarsGrade, Aspect, Stance, VerificationStatus, label_of


class EventSerializer(serializers.ModelSerializer):
    parties = SourceSummarySerializer(many=True, read_only=True)
    claim_count = serializers.IntegerField(read_only=True)
    grade = serializers.ChoiceField(
        choices=AirwarsGrade.choices,
        allow_blank=True,
        read_only=True,
        help_text="The grade an editor recorded (POST .../grade/); empty until one does. "
        "The comparison's suggestion is summary.grade.",
    )

    class Meta:
        model = Event
        fields = [
            "id", "name", "place", "date_start", "date_end", "date_text", "description",
            "parties", "claim_count", "grade", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields


class EventClaimSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    text = serializers.CharField()
    aspect = serializers.ChoiceField(choices=Aspect.choices)
    count_min = serializers.IntegerField(allow_null=True)
    count_max = serializers.IntegerField(allow_null=True)
    count_approximate = serializers.BooleanField()
    unit = serializers.CharField()
    status = serializers.ChoiceField(choices=VerificationStatus.choices)
    suggested_status = serializers.CharField()
    independent_sources = serializers.IntegerField()


class SideBySideAccountSerializer(serializers.Serializer):
    """One account, as the comparison read it: one row of the side-by-side table."""

    id = serializers.IntegerField()
    claim = serializers.IntegerField()
    aspect = serializers.ChoiceField(choices=Aspect.choices)
    source = SourceSummarySerializer()
    root = NamedSerializer(help_text="The root affiliation the account counts for.")
    interested = serializers.BooleanField(help_text="Said by a party to the event.")
    comparable = serializers.BooleanField()
    retracted = serializers.BooleanField()
    stance = serializers.ChoiceField(choices=Stance.choices)
    value = IntervalSerializer(allow_null=True, help_text="The claim's count, if it is one.")
    unit = serializers.CharField()
    quote = serializers.CharField()
    quote_start = serializers.IntegerField(allow_null=True)
    quote_end = serializers.IntegerField(allow_null=True)
    document = DocumentSummarySerializer(allow_null=True)
    intermediary = SourceSummarySerializer(allow_null=True)
    said_on = serializers.DateField(allow_null=True)


class CountBarSerializer(serializers.Serializer):
    voice = serializers.CharField(help_text="The independent source (root affiliation).")
    interested = serializers.BooleanField()
    interval = IntervalSerializer()
    accounts = serializers.ListField(child=serializers.IntegerField())
    hedged_only = serializers.BooleanField()
    consistent = serializers.BooleanField()
    words = serializers.CharField(help_text='The figure as the source gave it: "about 2,000".')
    said_on = serializers.DateField(allow_null=True, help_text="The date of its latest figure.")


class SupportedRangeSerializer(serializers.Serializer):
    interval = IntervalSerializer()
    voices = serializers.ListField(child=serializers.CharField())


class AspectLineSerializer(serializers.Serializer):
    aspect = serializers.ChoiceField(choices=Aspect.choices)
    unit = serializers.CharField()
    text = serializers.CharField()


class EventSummarySerializer(serializers.Serializer):
    """What an editor would write by hand; the grade is suggested, never applied."""

    lines = AspectLineSerializer(many=True)
    grade = serializers.ChoiceField(choices=AirwarsGrade.choices, allow_blank=True)
    grade_label = serializers.CharField()
    grade_reasons = serializers.ListField(child=serializers.CharField())


class AspectComparisonSerializer(serializers.Serializer):
    """One count aspect and unit: the bars, where they agree and how far they spread."""

    aspect = serializers.ChoiceField(choices=Aspect.choices)
    unit = serializers.CharField()
    claims = serializers.ListField(child=serializers.IntegerField())
    agree = serializers.BooleanField()
    consensus = IntervalSerializer(allow_null=True, help_text="Null unless every bar agrees.")
    spread = IntervalSerializer(allow_null=True, help_text="Lowest minimum to highest maximum.")
    best_supported = SupportedRangeSerializer(
        many=True, help_text="When not all agree: the largest agreeing group, or every tied one."
    )
    outliers = serializers.ListField(
        child=serializers.CharField(), help_text="Voices outside the best-supported range."
    )
    line = serializers.CharField(help_text="The summary line of this aspect.")
    bars = CountBarSerializer(many=True)


class EventDetailSerializer(EventSerializer):
    claims = serializers.SerializerMethodField()
    accounts = serializers.SerializerMethodField()
    aspects = serializers.SerializerMethodField()
    findings = serializers.SerializerMethodField()
    summary = serializers.SerializerMethodField()
    grade_history = serializers.SerializerMethodField()

    class Meta(EventSerializer.Meta):
        fields = [
            *EventSerializer.Meta.fields, "summary", "grade_history", "claims", "accounts",
            "aspects", "findings",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(EventGradeChangeSerializer(many=True))
    def get_grade_history(self, event: Event) -> list[dict]:
        """The editors' grades, latest first: who, when, why, and what was suggested then."""
        return EventGradeChangeSerializer(self.context["grade_history"], many=True).data

    def _side(self) -> EventComparisonData:
        return self.context["side_by_side"]

    @staticmethod
    def _summary(source: Source | None) -> dict | None:
        return None if source is None else source_summary(source)

    @extend_schema_field(EventClaimSerializer(many=True))
    def get_claims(self, event: Event) -> list[dict]:
        fields = EventClaimSerializer().fields
        return [
            {name: getattr(claim, name if name != "id" else "pk") for name in fields}
            for claim in self._side().claims
        ]

    @extend_schema_field(SideBySideAccountSerializer(many=True))
    def get_accounts(self, event: Event) -> list[dict]:
        side = self._side()
        claims = {claim.pk: claim for claim in side.claims}
        read = {summary.account_id: summary for summary in side.comparison.accounts}
        rows = []
        for account in side.accounts:
            claim, summary = claims[account.claim_id], read.get(account.pk)
            has_count = claim.count_min is not None or claim.count_max is not None
            rows.append(
                {
                    "id": account.pk,
                    "claim": claim.pk,
                    "aspect": claim.aspect,
                    "source": self._summary(account.source),
                    "root": (
                        {"id": summary.root_id, "name": summary.root_name}
                        if summary
                        else {"id": account.source_id, "name": account.source.name}
                    ),
                    "interested": bool(summary and summary.interested),
                    "comparable": bool(summary and summary.comparable),
                    "retracted": bool(summary and summary.retracted),
                    "stance": account.stance,
                    "value": (
                        {
                            "min": claim.count_min,
                            "max": claim.count_max,
                            "words": figure_words(
                                claim.count_min,
                                claim.count_max,
                                approximate=claim.count_approximate,
                                unit=claim.unit,
                                min_exclusive=claim.count_min_exclusive,
                                max_exclusive=claim.count_max_exclusive,
                            ),
                        }
                        if has_count
                        else None
                    ),
                    "unit": claim.unit,
                    "quote": account.quote,
                    "quote_start": account.quote_start,
                    "quote_end": account.quote_end,
                    "document": (document_summary(account.document) if account.document else None),
                    "intermediary": self._summary(account.intermediary),
                    "said_on": account.said_on.isoformat() if account.said_on else None,
                }
            )
        return rows

    @extend_schema_field(AspectComparisonSerializer(many=True))
    def get_aspects(self, event: Event) -> list[dict]:
        return [
            {
                "aspect": summary.aspect,
                "unit": summary.unit,
                "claims": list(summary.claim_ids),
                "agree": summary.consensus is not None,
                "consensus": interval_data(summary.consensus, summary.unit),
                "spread": spread_data(summary),
                "best_supported": [
                    {
                        "interval": interval_data(group.interval, summary.unit),
                        "voices": [summary.bar(key).voice.label for key in group.voice_keys],
                    }
                    for group in summary.best_supported
                ],
                "outliers": [summary.bar(key).voice.label for key in summary.outliers],
                "line": count_line(summary),
                "bars": [
                    {
                        "voice": bar.voice.label,
                        "interested": bar.voice.interested,
                        "interval": interval_data(bar.interval, summary.unit),
                        "accounts": list(bar.account_ids),
                        "hedged_only": bar.hedged_only,
                        "consistent": bar.consistent,
                        "words": bar.words,
                        "said_on": bar.said_on.isoformat() if bar.said_on else None,
                    }
                    for bar in summary.bars
                ],
            }
            for summary in self._side().comparison.counts
        ]

    @extend_schema_field(EventSummarySerializer)
    def get_summary(self, event: Event) -> dict:
        # The same mapping the findings refresh stores on the event for lists and exports.
        summary = summary_details(self._side().comparison.summary)
        grade = summary["grade"]
        return {**summary, "grade_label": label_of(AirwarsGrade, grade) if grade else ""}

    @extend_schema_field(FindingSerializer(many=True))
    def get_findings(self, event: Event) -> list[dict]:
        return FindingSerializer(self._side().findings, many=True).data


class EventWriteSerializer(WriteSerializer):
    ignored_fields = frozenset(
        {"id", "claim_count", "created_at", "updated_at", "summary", "claims", "accounts",
         "aspects", "findings", "grade", "grade_history"}
    )  # fmt: skip

    name = StrictCharField(max_length=300)
    place = StrictCharField(max_length=300, allow_blank=True, default="")
    date_start = serializers.DateField(allow_null=True, default=None)
    date_end = serializers.DateField(allow_null=True, default=None)
    date_text = StrictCharField(max_length=200, allow_blank=True, default="")
    description = StrictCharField(max_length=20000, allow_blank=True, default="")
    parties = SourceField(
        queryset=Source.objects.all(), many=True, default=list,
        help_text="Belligerents: their accounts of this event are marked interested.",
    )  # fmt: skip


def spread_data(summary) -> dict[str, int | str | None] | None:
    """The reported range, its words as the sources put its ends ("more than 30")."""
    data = interval_data(summary.spread, summary.unit)
    return None if data is None else {**data, "words": summary.spread_words}
