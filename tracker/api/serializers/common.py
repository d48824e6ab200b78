"""What the serializers share: strict input, summaries of related objects."""

from collections.abc import Mapping
from typing import Any

from rest_framework import serializers

from tracker.models import Document, Source

MAX_NOTE = 5000


class WriteSerializer(serializers.Serializer):
    """Checks a request body's shape and types; the service then writes it.

    A key the endpoint does not know is refused rather than dropped, so a
    misspelt field ("cout_min") is an error the client sees, not a change
    silently not made. Keys of the resource's own representation that cannot
    be written (``id``, ``created_at``, ...) are ignored, so a client may send
    back what it read, edited.
    """

    ignored_fields: frozenset[str] = frozenset()
    # Keys with a message of their own, e.g. where that change is made instead.
    refused_fields: Mapping[str, str] = {}

    def to_internal_value(self, data: Any) -> dict[str, Any]:
        if isinstance(data, Mapping):
            errors = {
                key: [self.refused_fields.get(key, "Unknown field.")]
                for key in sorted(map(str, data))
                if key not in self.fields
                and (key in self.refused_fields or key not in self.ignored_fields)
            }
            if errors:
                raise serializers.ValidationError(errors)
        return super().to_internal_value(data)

    def create(self, validated_data):  # pragma: no cover - writes go through services
        raise NotImplementedError("Views call the services; serializers never save.")

    def update(self, instance, validated_data):  # pragma: no cover
        raise NotImplementedError("Views call the services; serializers never save.")


class StrictCharField(serializers.CharField):
    """Text, and only text: DRF's CharField turns 42 or 1.5 into "42" and "1.5".

    A number where text belongs is a client's mistake it should hear about,
    not a document whose whole text is "42".
    """

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


def username_field(source: str) -> serializers.CharField:
    """The username of a related user, or null (a system action, a deleted user)."""
    return serializers.CharField(source=f"{source}.username", read_only=True, allow_null=True)


class NamedSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)


class SourceSummarySerializer(serializers.ModelSerializer):
    display_name = serializers.CharField(
        read_only=True,
        help_text="How to show the source: a person with whom they speak for, "
        '"Ahmed Hassan (Ministry of Defence)"; else its name.',
    )

    class Meta:
        model = Source
        fields = ["id", "name", "display_name", "kind", "reliability"]
        read_only_fields = fields


class RootedSourceSummarySerializer(SourceSummarySerializer):
    """A source with the root affiliation it counts for (SANA -> Syrian government)."""

    root = SourceSummarySerializer(read_only=True, allow_null=True)

    class Meta(SourceSummarySerializer.Meta):
        fields = [*SourceSummarySerializer.Meta.fields, "root"]
        read_only_fields = fields


class DocumentSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Document
        fields = ["id", "title", "title_mismatch", "url", "published_at"]
        read_only_fields = fields


class IntervalSerializer(serializers.Serializer):
    """An interval of counts; a null end is open."""

    min = serializers.IntegerField(allow_null=True, read_only=True)
    max = serializers.IntegerField(allow_null=True, read_only=True)
    words = serializers.CharField(read_only=True, help_text='In words: "at least 35 people".')


def interval_data(interval, unit: str = "") -> dict[str, int | str | None] | None:
    if interval is None:
        return None
    return {"min": interval.low, "max": interval.high, "words": interval.describe(unit)}
