from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from tracker.api.serializers.captures import CaptureSerializer, DocumentVersionSerializer
from tracker.api.serializers.common import (
    SourceField,
    SourceSummarySerializer,
    StrictCharField,
    WriteSerializer,
)
from tracker.extraction import html_to_text
from tracker.models import Account, Document, Extraction, Source
from tracker.selectors.captures import document_versions
from tracker.services.documents import MAX_DOCUMENT_CHARS
from tracker.vocabularies import SuggestionStatus

# Text has next to no control characters (tabs and line breaks aside); a
# larger share than this is a binary file pasted or decoded as text. The same
# threshold as tracker.extraction.decoding uses for uploaded files.
MAX_CONTROL_SHARE = 0.05
# Enough of the text to judge it by without scanning 10 MB.
CONTROL_SAMPLE = 64 * 1024


def looks_binary(text: str) -> bool:
    sample = text[:CONTROL_SAMPLE]
    control = sum(1 for ch in sample if (ch < " " and ch not in "\t\n\r\f\v") or ch == "\x7f")
    return control > MAX_CONTROL_SHARE * len(sample)


class DocumentSerializer(serializers.ModelSerializer):
    """A document in a list: no text, which can run to megabytes."""

    outlet = SourceSummarySerializer(read_only=True, allow_null=True)
    account_count = serializers.IntegerField(read_only=True)
    pending_suggestion_count = serializers.IntegerField(
        read_only=True, help_text="Suggested accounts still awaiting a decision."
    )

    class Meta:
        model = Document
        fields = [
            "id", "title", "title_mismatch", "working_title", "display_title", "outlet", "url",
            "published_at", "retrieved_at", "content_hash", "account_count",
            "pending_suggestion_count", "created_at",
        ]  # fmt: skip
        read_only_fields = fields
        extra_kwargs = {
            "working_title": {
                "help_text": "What the document goes by when its published title does not fit "
                "its body (title_mismatch): the body's first sentence unless someone wrote one."
            }
        }

    display_title = serializers.CharField(
        read_only=True,
        help_text="The working title of a mismatched document, else the published title.",
    )


class QuotingAccountSerializer(serializers.ModelSerializer):
    source = SourceSummarySerializer(read_only=True)

    class Meta:
        model = Account
        fields = ["id", "claim", "source", "stance", "quote", "quote_start", "quote_end"]
        read_only_fields = fields


class NoiseSpanSerializer(serializers.Serializer):
    start = serializers.IntegerField(read_only=True)
    end = serializers.IntegerField(read_only=True)
    kind = serializers.CharField(
        read_only=True, help_text="title_mismatch, teaser, caption, ... (see the extractor)."
    )
    reason = serializers.CharField(read_only=True)
    text = serializers.CharField(read_only=True)


class ExtractionSerializer(serializers.ModelSerializer):
    """What the extractor set aside and noticed when it read the document."""

    noise = NoiseSpanSerializer(
        many=True, read_only=True, help_text="Stretches left out of extraction, with why."
    )
    warnings = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = Extraction
        fields = ["via", "title_matches", "suggestion_count", "noise", "warnings", "created_at"]
        read_only_fields = fields


class DocumentSuggestionsSerializer(serializers.Serializer):
    total = serializers.IntegerField()
    pending = serializers.IntegerField()
    accepted = serializers.IntegerField()
    rejected = serializers.IntegerField()
    ids = serializers.ListField(
        child=serializers.IntegerField(), help_text="In order of appearance in the text."
    )
    url = serializers.CharField(help_text="The path of the suggestions list for this document.")
    by_event = serializers.ListField(
        child=serializers.DictField(),
        help_text='Where they are filed: [{"event": id or null, "count": n}], by event id.',
    )


class DocumentDetailSerializer(DocumentSerializer):
    """One document with its text, the accounts quoting it, and its review state."""

    account_count = serializers.SerializerMethodField()
    pending_suggestion_count = serializers.SerializerMethodField()
    accounts = QuotingAccountSerializer(source="quoting_accounts", many=True, read_only=True)
    extraction = ExtractionSerializer(
        read_only=True, allow_null=True, help_text="Null for a document stored without it."
    )
    suggestions = serializers.SerializerMethodField()
    captures = CaptureSerializer(
        source="capture_list", many=True, read_only=True,
        help_text="What the text was read from, oldest first: every document has one.",
    )  # fmt: skip
    versions = serializers.SerializerMethodField(
        help_text="The texts the document's URLs have had, oldest first (this one included); "
        "empty when it has no URL."
    )

    class Meta(DocumentSerializer.Meta):
        fields = [
            *DocumentSerializer.Meta.fields, "text", "accounts", "extraction", "suggestions",
            "captures", "versions",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(DocumentVersionSerializer(many=True))
    def get_versions(self, document: Document) -> list[dict[str, Any]]:
        captures = getattr(document, "capture_list", None)  # prefetched by the detail view
        urls = None if captures is None else [capture.url for capture in captures]
        return DocumentVersionSerializer(document_versions(document, urls=urls), many=True).data

    def get_account_count(self, document: Document) -> int:
        return len(document.quoting_accounts)

    def get_pending_suggestion_count(self, document: Document) -> int:
        return self._counts(document)[SuggestionStatus.PENDING]

    @extend_schema_field(DocumentSuggestionsSerializer)
    def get_suggestions(self, document: Document) -> dict[str, Any]:
        counts = self._counts(document)
        # A path, not an absolute URL: the ETag is a digest of this data and must
        # not change with the host name a client happens to use.
        url = reverse("api:suggestion-list")
        return {
            "total": len(document.review_suggestions),
            **counts,
            "ids": [suggestion.pk for suggestion in document.review_suggestions],
            "url": f"{url}?document={document.pk}",
            "by_event": self._by_event(document),
        }

    def _by_event(self, document: Document) -> list[dict[str, Any]]:
        counts: dict[int | None, int] = {}
        for suggestion in document.review_suggestions:
            counts[suggestion.event_id] = counts.get(suggestion.event_id, 0) + 1
        return [
            {"event": event, "count": counts[event]}
            for event in sorted(counts, key=lambda pk: (pk is not None, pk or 0))
        ]

    def _counts(self, document: Document) -> dict[str, int]:
        counts = dict.fromkeys(SuggestionStatus.values, 0)
        for suggestion in document.review_suggestions:
            counts[suggestion.status] += 1
        return counts


class DocumentUpdateSerializer(WriteSerializer):
    ignored_fields = frozenset(
        {"id", "title_mismatch", "content_hash", "account_count", "created_at", "accounts",
         "pending_suggestion_count", "extraction", "suggestions", "display_title", "captures",
         "versions"}
    )  # fmt: skip

    title = StrictCharField(max_length=500, allow_blank=True, default="")
    working_title = StrictCharField(
        max_length=500, allow_blank=True, required=False,
        help_text="Left out: unchanged. Empty, on a mismatched document: taken again from "
        "the body's first sentence.",
    )  # fmt: skip
    outlet = SourceField(queryset=Source.objects.all(), allow_null=True, default=None)
    url = StrictCharField(max_length=2000, allow_blank=True, default="")
    published_at = serializers.DateTimeField(allow_null=True, default=None)
    retrieved_at = serializers.DateTimeField(allow_null=True, default=None)
    # Accepted so a client may send back what it read; the service refuses a
    # different text (quotes point into it by offset).
    text = StrictCharField(
        required=False, trim_whitespace=False, max_length=MAX_DOCUMENT_CHARS,
        help_text="Fixed once stored: may be sent only unchanged.",
    )  # fmt: skip


class DocumentCreateSerializer(DocumentUpdateSerializer):
    """A new report, as plain text or as an HTML page; it is stored and read for accounts."""

    text = StrictCharField(
        required=False, trim_whitespace=False, max_length=MAX_DOCUMENT_CHARS,
        help_text="The full text as published. The same text twice is refused. "
        "Send this or `html`.",
    )  # fmt: skip
    html = StrictCharField(
        required=False, trim_whitespace=False, max_length=MAX_DOCUMENT_CHARS, write_only=True,
        help_text="An HTML page instead of `text`: its visible prose is kept, scripts, "
        "navigation and figures dropped; its <title> is the title unless one is given.",
    )  # fmt: skip

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if ("text" in attrs) == ("html" in attrs):
            raise serializers.ValidationError(
                {"text": ["Send the document's text, or its HTML as `html` (not both)."]}
            )
        field = "html" if "html" in attrs else "text"
        if looks_binary(attrs[field]):
            raise serializers.ValidationError(
                {field: ["This is full of control characters: it looks binary, not text."]}
            )
        if field == "html":
            html = attrs.pop("html")
            # The page as sent is the capture; its prose is the document.
            attrs["raw"] = html.encode("utf-8")
            attrs["content_type"] = "text/html; charset=utf-8"
            page = html_to_text(html)
            if not page.text.strip():
                raise serializers.ValidationError({"html": ["The page has no readable text."]})
            attrs["text"] = page.text
            if not attrs.get("title"):
                attrs["title"] = page.title[:500]
        return attrs


class DocumentUploadSerializer(WriteSerializer):
    """A .txt or .html file as multipart/form-data, with the document's metadata."""

    file = serializers.FileField(
        allow_empty_file=True,  # the service says why an empty file is no document
        help_text="A .txt file (plain text) or an .html/.htm file (a saved web page); PDF is "
        "out of scope. Its bytes are kept untouched as the document's capture. Text must "
        "be UTF-8 (a byte-order mark, a `charset` on the part's Content-Type, or a page's "
        "<meta charset> may say otherwise).",
    )
    title = StrictCharField(
        max_length=500, allow_blank=True, default="",
        help_text="Left empty: a page's <title>.",
    )  # fmt: skip
    outlet = SourceField(queryset=Source.objects.all(), allow_null=True, default=None)
    url = StrictCharField(
        max_length=2000, allow_blank=True, default="",
        help_text="Where it was published, if known.",
    )  # fmt: skip
    published_at = serializers.DateTimeField(allow_null=True, default=None)
    retrieved_at = serializers.DateTimeField(
        allow_null=True, default=None, help_text="When it was saved; left out, now."
    )
