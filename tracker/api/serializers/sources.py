from rest_framework import serializers

from tracker.api.serializers.common import (
    SourceField,
    SourceSummarySerializer,
    StrictCharField,
    WriteSerializer,
)
from tracker.models import Source
from tracker.vocabularies import Reliability, SourceKind


class SourceSerializer(serializers.ModelSerializer):
    parent = SourceSummarySerializer(read_only=True, allow_null=True)
    root = SourceSummarySerializer(read_only=True, allow_null=True)
    aliases = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    account_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Source
        fields = [
            "id", "name", "display_name", "kind", "reliability", "description", "parent", "root",
            "aliases", "account_count", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields


class SourceWriteSerializer(WriteSerializer):
    ignored_fields = frozenset(
        {"id", "display_name", "root", "account_count", "created_at", "updated_at"}
    )

    name = StrictCharField(max_length=200)
    kind = serializers.ChoiceField(choices=SourceKind.choices)
    parent = SourceField(
        queryset=Source.objects.all(), allow_null=True, default=None,
        help_text="The source this one speaks for (its army, its state).",
    )  # fmt: skip
    reliability = serializers.ChoiceField(choices=Reliability.choices, default=Reliability.F)
    description = StrictCharField(allow_blank=True, default="", max_length=20000)


class SourceCreateSerializer(SourceWriteSerializer):
    aliases = serializers.ListField(
        child=serializers.CharField(max_length=200), default=list, max_length=50,
        help_text="Other names it goes by.",
    )  # fmt: skip


class SourceUpdateSerializer(SourceWriteSerializer):
    # Aliases are added one by one (POST /api/sources/{id}/aliases/); a client
    # sending back the list it read changes nothing.
    ignored_fields = SourceWriteSerializer.ignored_fields | {"aliases"}


class AliasCreateSerializer(WriteSerializer):
    name = serializers.CharField(max_length=200)
