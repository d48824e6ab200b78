from rest_framework import serializers

from tracker.api.serializers.common import WriteSerializer


class TokenLoginSerializer(WriteSerializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=4096, trim_whitespace=False)


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(read_only=True, help_text="Send as `Authorization: Token <key>`.")
    username = serializers.CharField(read_only=True)
