from rest_framework import serializers

from tracker.api.serializers.common import SourceSummarySerializer, WriteSerializer
from tracker.models import Account, Document, Source
from tracker.services.documents import MAX_DOCUMENT_CHARS


class DocumentSerializer(serializers.ModelSerializer):
    """A document in a list: no text, which can run to megabytes."""

    outlet = SourceSummarySerializer(read_only=True, allow_null=True)
    account_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Document
        fields = [
            "id", "title", "title_mismatch", "outlet", "url", "published_at", "retrieved_at",
            "content_hash", "account_count", "created_at",
        ]  # fmt: skip
        read_only_fields = fields


class QuotingAccountSerializer(serializers.ModelSerializer):
    source = SourceSummarySerializer(read_only=True)

    class Meta:
        model = Account
        fields = ["id", "claim", "source", "stance", "quote", "quote_start", "quote_end"]
        read_only_fields = fields


class DocumentDetailSerializer(DocumentSerializer):
    """One document with its text and the accounts quoting it, in text order."""

    account_count = serializers.SerializerMethodField()
    accounts = QuotingAccountSerializer(source="quoting_accounts", many=True, read_only=True)

    class Meta(DocumentSerializer.Meta):
        fields = [*DocumentSerializer.Meta.fields, "text", "accounts"]
        read_only_fields = fields

    def get_account_count(self, document: Document) -> int:
        return len(document.quoting_accounts)


class DocumentUpdateSerializer(WriteSerializer):
    ignored_fields = frozenset(
        {"id", "title_mismatch", "content_hash", "account_count", "created_at", "accounts"}
    )

    title = serializers.CharField(max_length=500, allow_blank=True, default="")
    outlet = serializers.PrimaryKeyRelatedField(
        queryset=Source.objects.all(), allow_null=True, default=None
    )
    url = serializers.CharField(max_length=2000, allow_blank=True, default="")
    published_at = serializers.DateTimeField(allow_null=True, default=None)
    retrieved_at = serializers.DateTimeField(allow_null=True, default=None)
    # Accepted so a client may send back what it read; the service refuses a
    # different text (quotes point into it by offset).
    text = serializers.CharField(
        required=False, trim_whitespace=False, max_length=MAX_DOCUMENT_CHARS,
        help_text="Fixed once stored: may be sent only unchanged.",
    )  # fmt: skip


class DocumentCreateSerializer(DocumentUpdateSerializer):
    text = serializers.CharField(
        trim_whitespace=False, max_length=MAX_DOCUMENT_CHARS,
        help_text="The full text as published. The same text twice is refused.",
    )  # fmt: skip
