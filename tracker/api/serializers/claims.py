"""Claims: compact in lists; in detail with accounts, findings, flags and the suggestion."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tracker.api.serializers.accounts import AccountSerializer
from tracker.api.serializers.common import (
    RelatedField,
    SourceField,
    SourceSummarySerializer,
    StrictCharField,
    WriteSerializer,
)
from tracker.api.serializers.findings import FindingSummarySerializer
from tracker.api.serializers.flags import FlagSerializer
from tracker.api.serializers.status_changes import StatusChangeSerializer
from tracker.models import Claim, Event, Source
from tracker.services.claims import MAX_COUNT
from tracker.vocabularies import Aspect, SuggestionBasis, Unit, label_of


class ClaimSerializer(serializers.ModelSerializer):
    """A claim in a list: enough to pick it, without its accounts."""

    event_name = serializers.CharField(source="event.name", read_only=True, allow_null=True)
    interval = serializers.CharField(
        source="interval_display",
        read_only=True,
        help_text='The figure in words, e.g. "at least 35 people".',
    )
    account_count = serializers.IntegerField(read_only=True)
    open_flag_count = serializers.IntegerField(read_only=True)
    has_open_conflict = serializers.BooleanField(read_only=True)
    archived = serializers.BooleanField(source="is_archived", read_only=True)

    class Meta:
        model = Claim
        fields = [
            "id", "text", "event", "event_name", "aspect", "count_min", "count_max",
            "count_approximate", "count_min_exclusive", "count_max_exclusive", "unit",
            "interval", "status", "suggested_status",
            "independent_sources", "account_count", "open_flag_count", "has_open_conflict",
            "archived", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields

    def to_representation(self, claim: Claim) -> dict:
        """The declared fields' output, read straight off the row.

        DRF's field-by-field path (a lookup, a call and a conversion for each
        of nineteen fields) costs more than the query for a page of claims;
        the declared fields above still make the schema, and a test holds
        this to what DRF's generic path gives for the same claims.
        """
        return {
            "id": claim.pk,
            "text": claim.text,
            "event": claim.event_id,
            "event_name": claim.event.name if claim.event_id is not None else None,
            "aspect": claim.aspect,
            "count_min": claim.count_min,
            "count_max": claim.count_max,
            "count_approximate": claim.count_approximate,
            "count_min_exclusive": claim.count_min_exclusive,
            "count_max_exclusive": claim.count_max_exclusive,
            "unit": claim.unit,
            "interval": claim.interval_display,
            "status": claim.status,
            "suggested_status": claim.suggested_status,
            "independent_sources": claim.independent_sources,
            "account_count": claim.account_count,
            "open_flag_count": claim.open_flag_count,
            "has_open_conflict": bool(claim.has_open_conflict),
            "archived": claim.is_archived,
            "created_at": _DATETIME.to_representation(claim.created_at),
            "updated_at": _DATETIME.to_representation(claim.updated_at),
        }


# Formats a datetime as every DRF DateTimeField does (settings' format and zone).
_DATETIME = serializers.DateTimeField()


class SuggestionSerializer(serializers.Serializer):
    status = serializers.CharField(help_text="What the comparison suggests; editors decide.")
    basis = serializers.ChoiceField(choices=SuggestionBasis.choices)
    basis_label = serializers.CharField(help_text='Why, in words: completes "because ...".')
    reasons = serializers.ListField(child=serializers.CharField())
    independent_sources = serializers.IntegerField()


class ClaimDetailSerializer(ClaimSerializer):
    named_parties = SourceSummarySerializer(many=True, read_only=True)
    suggestion = serializers.SerializerMethodField()
    accounts = AccountSerializer(source="api_accounts", many=True, read_only=True)
    findings = FindingSummarySerializer(source="api_findings", many=True, read_only=True)
    open_flags = FlagSerializer(many=True, read_only=True)
    status_history = StatusChangeSerializer(source="verdicts", many=True, read_only=True)
    archived_at = serializers.DateTimeField(read_only=True, allow_null=True)
    archived_by = serializers.CharField(
        source="archived_by.username", read_only=True, allow_null=True
    )
    created_by = serializers.CharField(
        source="created_by.username", read_only=True, allow_null=True
    )
    accounts_changed_at = serializers.DateTimeField(
        read_only=True,
        allow_null=True,
        help_text="When accounts were added, edited or removed after the last status change; "
        "null if not since. The verdict stands, but an editor should look again.",
    )

    class Meta(ClaimSerializer.Meta):
        fields = [
            *ClaimSerializer.Meta.fields, "named_parties", "suggestion", "accounts", "findings",
            "open_flags", "status_history", "accounts_changed_at", "archived_at", "archived_by",
            "created_by",
        ]  # fmt: skip
        read_only_fields = fields

    # Its many nested fields go DRF's generic way, the list's fast path aside.
    to_representation = serializers.ModelSerializer.to_representation

    @extend_schema_field(SuggestionSerializer)
    def get_suggestion(self, claim: Claim) -> dict:
        return {
            "status": claim.suggested_status,
            "basis": claim.suggestion_basis,
            "basis_label": label_of(SuggestionBasis, claim.suggestion_basis),
            "reasons": list(claim.suggestion_reasons or []),
            "independent_sources": claim.independent_sources,
        }


class ClaimWriteSerializer(WriteSerializer):
    """A claim's wording, event, aspect, interval and named parties. Never its status."""

    ignored_fields = frozenset(
        set(ClaimDetailSerializer.Meta.fields) - {"text", "event", "aspect", "count_min",
         "count_max", "count_approximate", "count_min_exclusive", "count_max_exclusive", "unit",
         "named_parties", "status"}
    )  # fmt: skip

    text = StrictCharField(max_length=5000)
    event = RelatedField(queryset=Event.objects.all(), allow_null=True, default=None)
    aspect = serializers.ChoiceField(choices=Aspect.choices, default=Aspect.OTHER)
    count_min = serializers.IntegerField(
        min_value=0, max_value=MAX_COUNT, allow_null=True, default=None,
        help_text='Lowest count; null is open ("at most 10").',
    )  # fmt: skip
    count_max = serializers.IntegerField(
        min_value=0, max_value=MAX_COUNT, allow_null=True, default=None,
        help_text='Highest count; null is open ("at least 35").',
    )  # fmt: skip
    count_approximate = serializers.BooleanField(default=False)
    count_min_exclusive = serializers.BooleanField(
        default=False,
        help_text='The minimum was said as "more than" one less: "more than 30" is count_min '
        "31 with this true.",
    )
    count_max_exclusive = serializers.BooleanField(
        default=False,
        help_text='The maximum was said as "fewer than" one more: "fewer than 10" is count_max '
        "9 with this true.",
    )
    unit = serializers.ChoiceField(choices=Unit.choices, allow_blank=True, default="")
    named_parties = SourceField(
        queryset=Source.objects.all(), many=True, default=list,
        help_text="Parties the claim names; several are alternatives.",
    )  # fmt: skip
    # Sent back unchanged it is ignored; a different value is refused by the view:
    # a verdict needs POST /api/claims/{id}/status/ with a rationale.
    status = serializers.CharField(
        required=False, write_only=True, help_text="Read-only here; see /status/."
    )
