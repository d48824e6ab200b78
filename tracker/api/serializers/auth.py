from rest_framework import serializers

from tracker.api.serializers.common import WriteSerializer
from tracker.models import ApiToken
from tracker.services.api_tokens import MAX_LIFETIME_DAYS

NAME_HELP = "Which tool or script will hold the token, to tell your tokens apart."
LIFETIME_HELP = "Days until the token expires; the server's default (30) when left out."


class TokenLoginSerializer(WriteSerializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=4096, trim_whitespace=False)
    name = serializers.CharField(max_length=100, required=False, help_text=NAME_HELP)


class TokenCreateSerializer(WriteSerializer):
    name = serializers.CharField(max_length=100, help_text=NAME_HELP)
    lifetime_days = serializers.IntegerField(
        min_value=1, max_value=MAX_LIFETIME_DAYS, required=False, help_text=LIFETIME_HELP
    )


class ApiTokenSerializer(serializers.ModelSerializer):
    class Meta:
        model = ApiToken
        fields = ["id", "name", "prefix", "created_at", "expires_at", "revoked_at",
                  "revoked_reason"]  # fmt: skip
        read_only_fields = fields


class NewTokenSerializer(ApiTokenSerializer):
    """A token as it is made: the only time its key is shown."""

    token = serializers.CharField(
        read_only=True,
        source="key",
        help_text="Send as `Authorization: Token <key>`. Shown only now.",
    )
    username = serializers.CharField(read_only=True, source="user.username")

    class Meta(ApiTokenSerializer.Meta):
        fields = ["token", "username", *ApiTokenSerializer.Meta.fields]
        read_only_fields = fields
