from django.contrib.auth import get_user_model
from rest_framework import serializers

from tracker.api.serializers.common import StrictCharField, WriteSerializer, username_field
from tracker.models import Assignment, Claim, Comment, Document, Event


class CommentSerializer(serializers.ModelSerializer):
    author = username_field("author")
    redacted_by = username_field("redacted_by")
    is_redacted = serializers.BooleanField(read_only=True)

    class Meta:
        model = Comment
        fields = [
            "id", "claim", "event", "author", "created_at", "text", "is_redacted",
            "redacted_by", "redacted_at", "redaction_reason",
        ]  # fmt: skip
        read_only_fields = fields


class SubjectSerializer(WriteSerializer):
    """A claim or an event (exactly one; the service says so when not)."""

    claim = serializers.PrimaryKeyRelatedField(
        queryset=Claim.objects.all(), required=False, allow_null=True, default=None
    )
    event = serializers.PrimaryKeyRelatedField(
        queryset=Event.objects.all(), required=False, allow_null=True, default=None
    )


class CommentCreateSerializer(SubjectSerializer):
    ignored_fields = frozenset(CommentSerializer.Meta.fields) - {"text", "claim", "event"}
    text = StrictCharField(max_length=10000)


class CommentRedactSerializer(WriteSerializer):
    reason = StrictCharField(max_length=2000, help_text="Why the text is removed; recorded.")


class AssignmentSerializer(serializers.ModelSerializer):
    assignee = username_field("assignee")
    assigned_by = username_field("assigned_by")
    ended_by = username_field("ended_by")
    is_current = serializers.BooleanField(read_only=True)

    class Meta:
        model = Assignment
        fields = [
            "id", "claim", "event", "document", "assignee", "request", "assigned_by",
            "assigned_at", "is_current", "ended_by", "ended_at",
        ]  # fmt: skip
        read_only_fields = fields


class AssignmentCreateSerializer(SubjectSerializer):
    """A claim, an event or a document (exactly one), and who is to look at it."""

    document = serializers.PrimaryKeyRelatedField(
        queryset=Document.objects.only("pk"),
        required=False,
        allow_null=True,
        default=None,
        help_text="A document to process (its suggestions reviewed).",
    )
    assignee = serializers.SlugRelatedField(
        slug_field="username",
        queryset=get_user_model().objects.filter(is_active=True),
        allow_null=True,
        help_text="A username; null ends the current assignment. Your own takes it.",
    )
    request = StrictCharField(max_length=2000, allow_blank=True, default="")


class TimelineEntrySerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    kind = serializers.CharField()
    who = serializers.SerializerMethodField()
    summary = serializers.SerializerMethodField()
    id = serializers.IntegerField(source="obj.pk")

    def get_who(self, entry) -> str | None:
        return None if entry.who is None else entry.who.get_username()

    def get_summary(self, entry) -> str:
        if entry.kind != "comment":
            return entry.summary
        comment = entry.obj
        if comment.is_redacted:
            return f"(redacted by {comment.redacted_by.get_username()}: {comment.redaction_reason})"
        return comment.text


class InboxItemSerializer(serializers.Serializer):
    reason = serializers.CharField(source="reason.key")
    reason_label = serializers.CharField(source="reason.label")
    why = serializers.CharField(source="reason.why")
    also = serializers.SerializerMethodField()
    since = serializers.DateTimeField()
    kind = serializers.SerializerMethodField()
    id = serializers.SerializerMethodField()
    title = serializers.CharField()
    event = serializers.SerializerMethodField()
    assigned_to = serializers.SerializerMethodField()

    def get_also(self, item) -> list[str]:
        return [reason.key for reason in item.also]

    def get_kind(self, item) -> str:
        return item.key[0]

    def get_id(self, item) -> int:
        return item.key[1]

    def get_event(self, item) -> dict | None:
        event = item.event
        return None if event is None else {"id": event.pk, "name": event.name}

    def get_assigned_to(self, item) -> str | None:
        return None if item.assignment is None else item.assignment.assignee.get_username()
