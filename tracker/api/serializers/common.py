"""What the serializers share: strict input, summaries of related objects."""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tracker.models import Document, Source
from tracker.services.sources import source_named

MAX_NOTE = 5000
# Longer than any source name or alias may be.
MAX_NAME = 500


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


_ID = {"type": "integer", "minimum": 1}
_AS_READ = {
    "type": "object",
    "properties": {"id": _ID},
    "required": ["id"],
    "description": "The object as the API reads it; only its id is used.",
}


@extend_schema_field({"oneOf": [_ID, _AS_READ]})
class RelatedField(serializers.PrimaryKeyRelatedField):
    """A related object by its id, or as the API reads it: ``{"id": 1, "name": ...}``.

    What a GET gives back can be sent back with PUT or PATCH unchanged.
    """

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, Mapping):
            if "id" not in data:
                raise serializers.ValidationError('Give the id, or an object with its "id".')
            data = data["id"]
        if isinstance(data, bool):
            self.fail("incorrect_type", data_type=type(data).__name__)
        return super().to_internal_value(data)


@extend_schema_field(
    {
        "oneOf": [
            _ID,
            _AS_READ,
            {"type": "string", "description": "The source's name or one of its aliases."},
            {
                "type": "object",
                "properties": {"name": {"type": "string"}},
                "required": ["name"],
                "description": "By name or alias, as a tool that has only the name sends it.",
            },
        ]
    }
)
class SourceField(RelatedField):
    """A source by id, as read, or by name or alias ("SANA", {"name": "SANA"}).

    A name is looked up as the admin and the seeds look it up (ignoring case in
    every script); a name several sources share is refused with their labels
    and ids, a name no source has is refused too: sources are added on purpose
    (POST /api/sources/), not by a typo.
    """

    def to_internal_value(self, data: Any) -> Any:
        name = None
        if isinstance(data, str) and not data.strip().isdigit():
            name = data
        elif isinstance(data, Mapping) and "id" not in data and "name" in data:
            name = data["name"]
            if not isinstance(name, str):
                raise serializers.ValidationError('"name" must be text.')
        if name is None:
            return super().to_internal_value(data)
        if not name.strip():
            raise serializers.ValidationError("Give the source's id or name.")
        if len(name) > MAX_NAME or "\x00" in name:
            raise serializers.ValidationError("No source has such a name.")
        try:
            source = source_named(name)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from None
        if source is None or not self.get_queryset().filter(pk=source.pk).exists():
            raise serializers.ValidationError(
                f"No source is named {name.strip()!r}; give its id, or add it first "
                "(POST /api/sources/)."
            )
        return source


def username_field(source: str) -> serializers.CharField:
    """The username of a related user, or null (a system action, a deleted user)."""
    return serializers.CharField(source=f"{source}.username", read_only=True, allow_null=True)


class NamedSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)


# Summaries are nested in every account of a page (a claim's, an event's: fifty
# and more), where DRF's field-by-field path cost more than the query that
# read the rows. So they are read straight off the row; the declared fields
# still make the schema, and tests/api/test_summary_serializers.py holds the
# two paths to the same output.
_DATETIME = serializers.DateTimeField()


def source_summary(source: Source) -> dict[str, Any]:
    return {
        "id": source.pk,
        "name": source.name,
        "display_name": source.display_name,
        "kind": source.kind,
        "reliability": source.reliability,
    }


def document_summary(document: Document) -> dict[str, Any]:
    return {
        "id": document.pk,
        "title": document.title,
        "title_mismatch": document.title_mismatch,
        "url": document.url,
        "published_at": _DATETIME.to_representation(document.published_at),
    }


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

    def to_representation(self, source: Source) -> dict[str, Any]:
        return source_summary(source)


class RootedSourceSummarySerializer(SourceSummarySerializer):
    """A source with the root affiliation it counts for (SANA -> Syrian government)."""

    root = SourceSummarySerializer(read_only=True, allow_null=True)

    class Meta(SourceSummarySerializer.Meta):
        fields = [*SourceSummarySerializer.Meta.fields, "root"]
        read_only_fields = fields

    def to_representation(self, source: Source) -> dict[str, Any]:
        root = source.root
        return {**source_summary(source), "root": None if root is None else source_summary(root)}


class DocumentSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Document
        fields = ["id", "title", "title_mismatch", "url", "published_at"]
        read_only_fields = fields

    def to_representation(self, document: Document) -> dict[str, Any]:
        return document_summary(document)


class IntervalSerializer(serializers.Serializer):
    """An interval of counts; a null end is open."""

    min = serializers.IntegerField(allow_null=True, read_only=True)
    max = serializers.IntegerField(allow_null=True, read_only=True)
    words = serializers.CharField(read_only=True, help_text='In words: "at least 35 people".')


def interval_data(interval, unit: str = "") -> dict[str, int | str | None] | None:
    if interval is None:
        return None
    return {"min": interval.low, "max": interval.high, "words": interval.describe(unit)}
