"""The names table: one party, place or body under all the names reports use for it."""

from rest_framework import serializers

from tracker.api.serializers.common import (
    SourceField,
    SourceSummarySerializer,
    StrictCharField,
    WriteSerializer,
)
from tracker.models import EntityAlias, NamedEntity, Source
from tracker.models.entity import EntityKind


class EntityAliasSerializer(serializers.ModelSerializer):
    class Meta:
        model = EntityAlias
        fields = ["id", "name"]
        read_only_fields = fields


class NamedEntitySerializer(serializers.ModelSerializer):
    source = SourceSummarySerializer(
        read_only=True, allow_null=True, help_text="The source it is, when it also makes claims."
    )
    aliases = EntityAliasSerializer(many=True, read_only=True)

    class Meta:
        model = NamedEntity
        fields = ["id", "name", "kind", "source", "description", "aliases"]
        read_only_fields = fields


class NamedEntityWriteSerializer(WriteSerializer):
    ignored_fields = frozenset({"id"})

    name = StrictCharField(max_length=200)
    kind = serializers.ChoiceField(choices=EntityKind.choices)
    source = SourceField(
        queryset=Source.objects.all(), allow_null=True, default=None,
        help_text="The source this entity is, when it also makes claims (at most one entity).",
    )  # fmt: skip
    description = StrictCharField(allow_blank=True, default="", max_length=20000)


class NamedEntityCreateSerializer(NamedEntityWriteSerializer):
    aliases = serializers.ListField(
        child=StrictCharField(max_length=200), default=list, max_length=50,
        help_text='Other names for it ("ISIS", "Daesh", "Islamic State").',
    )  # fmt: skip


class NamedEntityUpdateSerializer(NamedEntityWriteSerializer):
    # Aliases are added and removed one by one (.../aliases/); a client sending
    # back the list it read changes nothing.
    ignored_fields = NamedEntityWriteSerializer.ignored_fields | {"aliases"}


class EntityAliasCreateSerializer(WriteSerializer):
    name = StrictCharField(max_length=200, help_text="Another name for the entity.")
