from rest_framework import serializers

from tracker.api.serializers.common import (
    DocumentSummarySerializer,
    RelatedField,
    RootedSourceSummarySerializer,
    SourceField,
    SourceSummarySerializer,
    StrictCharField,
    WriteSerializer,
)
from tracker.models import Account, Claim, Document, Source
from tracker.vocabularies import Stance

# Offsets into a document's text, which is at most 10 MiB of characters.
MAX_OFFSET = 20 * 1024 * 1024


class AccountSerializer(serializers.ModelSerializer):
    """An account with summaries of its source, intermediary and document."""

    source = RootedSourceSummarySerializer(read_only=True)
    intermediary = SourceSummarySerializer(read_only=True, allow_null=True)
    document = DocumentSummarySerializer(read_only=True, allow_null=True)

    class Meta:
        model = Account
        fields = [
            "id", "claim", "source", "stance", "quote", "quote_start", "quote_end", "document",
            "intermediary", "said_on", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields


class AccountUpdateSerializer(WriteSerializer):
    ignored_fields = frozenset({"id", "created_at", "updated_at"})

    # Sent back as read it is ignored; another claim is refused by the view: an
    # account stays with its claim.
    claim = RelatedField(
        queryset=Claim.objects.all(), required=False, write_only=True,
        help_text="Read-only here: an account stays with its claim.",
    )  # fmt: skip

    source = SourceField(queryset=Source.objects.all(), help_text="The original speaker.")
    stance = serializers.ChoiceField(choices=Stance.choices, default=Stance.ASSERTS)
    document = RelatedField(queryset=Document.objects.defer("text"), allow_null=True, default=None)
    quote = StrictCharField(
        allow_blank=True, default="", trim_whitespace=False, max_length=20000,
        help_text="Verbatim from the document's text.",
    )  # fmt: skip
    quote_start = serializers.IntegerField(
        min_value=0, max_value=MAX_OFFSET, allow_null=True, default=None,
        help_text="Where the quote starts in the text; found by the server when omitted.",
    )  # fmt: skip
    quote_end = serializers.IntegerField(
        min_value=0, max_value=MAX_OFFSET, allow_null=True, default=None
    )
    intermediary = SourceField(
        queryset=Source.objects.all(), allow_null=True, default=None,
        help_text='The outlet it came through ("told Rudaw English").',
    )  # fmt: skip
    said_on = serializers.DateField(allow_null=True, default=None)


class AccountCreateSerializer(AccountUpdateSerializer):
    claim = RelatedField(queryset=Claim.objects.all())
