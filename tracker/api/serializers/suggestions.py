"""Suggested accounts: what the extractor found, how a reviewer corrects it, the decision."""

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tracker.api.serializers.accounts import MAX_OFFSET
from tracker.api.serializers.common import (
    DocumentSummarySerializer,
    NamedSerializer,
    RelatedField,
    SourceField,
    SourceSummarySerializer,
    StrictCharField,
    WriteSerializer,
    username_field,
)
from tracker.models import Claim, Event, Source, Suggestion
from tracker.selectors.claim_joining import claim_to_join
from tracker.services.claims import MAX_COUNT
from tracker.vocabularies import Aspect, Stance, SuggestionStatus, Unit

# Characters of the document shown either side of the quote, as the admin does.
CONTEXT_CHARS = 160


def interval_text(suggestion: Suggestion) -> str:
    """The figure in words, as the claims list writes it: "more than 30", "at least 35"."""
    return suggestion.interval_display


class SuggestedAccountSerializer(serializers.ModelSerializer):
    """A suggestion in a list: who, the stance, the quote and its offsets, the claim."""

    document = DocumentSummarySerializer(read_only=True)
    speaker = serializers.CharField(
        source="speaker_display",
        read_only=True,
        help_text="The matched source, else the proposed one, else the speaker as written.",
    )
    source = SourceSummarySerializer(
        read_only=True, allow_null=True, help_text="The known source the speaker matched."
    )
    intermediary = SourceSummarySerializer(
        read_only=True, allow_null=True, help_text="The known source it was relayed through."
    )
    interval = serializers.SerializerMethodField(
        help_text='The figure in words, e.g. "more than 30 people".'
    )
    event = NamedSerializer(read_only=True, allow_null=True, help_text="The event it is about.")

    class Meta:
        model = Suggestion
        fields = [
            "id", "document", "ordinal", "status", "voice", "speaker", "speaker_text", "source",
            "proposed_source_name", "cue_text", "stance", "quote", "quote_start", "quote_end",
            "intermediary_text", "intermediary", "claim_text", "aspect", "count_min",
            "count_max", "count_approximate", "count_min_exclusive", "count_max_exclusive",
            "unit", "interval", "event", "account", "created_at",
        ]  # fmt: skip
        read_only_fields = fields

    def get_interval(self, suggestion: Suggestion) -> str:
        return interval_text(suggestion)


class ProposedSourceSerializer(serializers.Serializer):
    name = serializers.CharField(read_only=True)
    kind = serializers.CharField(read_only=True, help_text="A source kind, or empty.")
    parent = SourceSummarySerializer(read_only=True, allow_null=True)


class ContextSerializer(serializers.Serializer):
    before = serializers.CharField(read_only=True, help_text="The text just before the quote.")
    after = serializers.CharField(read_only=True, help_text="The text just after it.")


class DecisionSerializer(serializers.Serializer):
    status = serializers.CharField(read_only=True)
    decided_by = username_field("decided_by")
    decided_at = serializers.DateTimeField(read_only=True, allow_null=True)
    note = serializers.CharField(source="decision_note", read_only=True)
    account = serializers.IntegerField(source="account_id", read_only=True, allow_null=True)
    claim = serializers.IntegerField(
        source="account.claim_id",
        read_only=True,
        allow_null=True,
        help_text="The claim the accepted account supports.",
    )


class JoinedClaimSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    text = serializers.CharField()


class SuggestedAccountDetailSerializer(SuggestedAccountSerializer):
    """One suggestion in full, with the text around its quote and the decision."""

    proposed_source = serializers.SerializerMethodField(
        help_text="The new source accepting would add, when the speaker matched none."
    )
    named_parties = SourceSummarySerializer(many=True, read_only=True)
    context = serializers.SerializerMethodField()
    decision = serializers.SerializerMethodField()
    joins_claim = serializers.SerializerMethodField(
        help_text="The existing claim accepting joins now (the one chosen in `claim`, else "
        "one of the event's that says the same); null: a new claim. A suggestion with no "
        "event joins none unless one is chosen."
    )

    class Meta(SuggestedAccountSerializer.Meta):
        fields = [
            *SuggestedAccountSerializer.Meta.fields, "proposed_source", "named_parties", "rules",
            "context", "decision", "claim", "new_claim", "joins_claim",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(ProposedSourceSerializer(allow_null=True))
    def get_proposed_source(self, suggestion: Suggestion) -> dict[str, Any] | None:
        if suggestion.source_id is not None or not suggestion.proposed_source_name:
            return None
        return ProposedSourceSerializer(
            {
                "name": suggestion.proposed_source_name,
                "kind": suggestion.proposed_source_kind,
                "parent": suggestion.proposed_source_parent,
            }
        ).data

    @extend_schema_field(JoinedClaimSerializer(allow_null=True))
    def get_joins_claim(self, suggestion: Suggestion) -> dict[str, Any] | None:
        if suggestion.status != SuggestionStatus.PENDING:
            return None
        claim = claim_to_join(suggestion)
        return None if claim is None else {"id": claim.pk, "text": claim.text}

    @extend_schema_field(ContextSerializer)
    def get_context(self, suggestion: Suggestion) -> dict[str, str]:
        text = suggestion.document.text
        return {
            "before": text[max(0, suggestion.quote_start - CONTEXT_CHARS) : suggestion.quote_start],
            "after": text[suggestion.quote_end : suggestion.quote_end + CONTEXT_CHARS],
        }

    @extend_schema_field(DecisionSerializer)
    def get_decision(self, suggestion: Suggestion) -> dict[str, Any]:
        return DecisionSerializer(suggestion).data


class SuggestionEditSerializer(WriteSerializer):
    """Corrections to a pending suggestion: in a PATCH, or with POST .../accept/.

    Every field is optional; what is left out stays as suggested. The service
    checks the rest (the quote against the document, min against max).
    """

    ignored_fields = frozenset(
        set(SuggestedAccountDetailSerializer.Meta.fields) - {"source", "stance", "intermediary",
         "claim_text", "aspect", "count_min", "count_max", "count_approximate",
         "count_min_exclusive", "count_max_exclusive", "unit", "event",
         "named_parties", "quote", "quote_start", "quote_end", "status", "claim", "new_claim"}
    )  # fmt: skip

    source = SourceField(
        queryset=Source.objects.all(), allow_null=True, required=False,
        help_text="Who said it; null falls back to the proposed new source.",
    )  # fmt: skip
    stance = serializers.ChoiceField(choices=Stance.choices, required=False)
    intermediary = SourceField(
        queryset=Source.objects.all(), allow_null=True, required=False,
        help_text='The outlet it came through ("told Rudaw English").',
    )  # fmt: skip
    claim_text = StrictCharField(max_length=5000, required=False)
    aspect = serializers.ChoiceField(choices=Aspect.choices, required=False)
    count_min = serializers.IntegerField(
        min_value=0, max_value=MAX_COUNT, allow_null=True, required=False,
        help_text="Lowest count; null is open.",
    )  # fmt: skip
    count_max = serializers.IntegerField(
        min_value=0, max_value=MAX_COUNT, allow_null=True, required=False,
        help_text="Highest count; null is open.",
    )  # fmt: skip
    count_approximate = serializers.BooleanField(required=False)
    count_min_exclusive = serializers.BooleanField(
        required=False, help_text='Said as "more than count_min - 1".'
    )
    count_max_exclusive = serializers.BooleanField(
        required=False, help_text='Said as "fewer than count_max + 1".'
    )
    unit = serializers.ChoiceField(choices=Unit.choices, allow_blank=True, required=False)
    event = RelatedField(queryset=Event.objects.all(), allow_null=True, required=False)
    named_parties = SourceField(
        queryset=Source.objects.all(), many=True, required=False,
        help_text="Parties the claim names; several are alternatives.",
    )  # fmt: skip
    quote = StrictCharField(
        trim_whitespace=False, max_length=20000, required=False,
        help_text="Verbatim from the document's text; offsets are found when omitted.",
    )  # fmt: skip
    claim = RelatedField(
        queryset=Claim.objects.all(), allow_null=True, required=False,
        help_text="The claim of its event to join; null lets the rule choose (joins_claim).",
    )  # fmt: skip
    new_claim = serializers.BooleanField(
        required=False, help_text="Make a new claim even if one of the event's says the same."
    )
    quote_start = serializers.IntegerField(min_value=0, max_value=MAX_OFFSET, required=False)
    quote_end = serializers.IntegerField(min_value=0, max_value=MAX_OFFSET, required=False)
    # Sent back as read ("pending") it is ignored; anything else would look
    # like a decision made by editing, which is not how one is made.
    status = serializers.CharField(
        required=False, write_only=True,
        help_text="Read-only here: decide with POST .../accept/ or .../reject/.",
    )  # fmt: skip

    def validate_status(self, value: str) -> str:
        if value != SuggestionStatus.PENDING:
            raise serializers.ValidationError(
                "Decide with POST /api/suggestions/{id}/accept/ or .../reject/, not by editing."
            )
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs.pop("status", None)
        # Both ends in the body are compared here; one end against the stored
        # other end is the service's check.
        low, high = attrs.get("count_min"), attrs.get("count_max")
        if low is not None and high is not None and low > high:
            raise serializers.ValidationError({"count_max": ["The maximum is below the minimum."]})
        return attrs


class SuggestionAcceptSerializer(SuggestionEditSerializer):
    """Corrections sent with an acceptance; a ``status`` sent along is the decision itself."""

    def validate_status(self, value: str) -> str:
        return value


class SuggestionRejectSerializer(WriteSerializer):
    note = StrictCharField(
        max_length=2000, allow_blank=True, default="", help_text="Why it was rejected."
    )
