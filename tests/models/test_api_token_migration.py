"""Migration 0014 carries DRF's tokens over as hashed, expiring tokens and drops their table."""

import importlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.db import connection
from django.utils import timezone
from rest_framework.test import APIClient

from tests.factories import make_reporter
from tracker.models import ApiToken
from tracker.models.api_token import hash_key

pytestmark = pytest.mark.django_db

migration = importlib.import_module(
    "tracker.migrations.0014_api_tokens_expire_and_are_stored_hashed"
)
OLD_KEY = "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"


class SchemaEditor:
    """What the migration uses of a schema editor; SQLite's own refuses to open in a test."""

    connection = connection
    quote_name = staticmethod(connection.ops.quote_name)

    def execute(self, sql: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute(sql)


def test_drf_tokens_are_carried_over_and_their_clear_keys_dropped(settings):
    rita = make_reporter(username="rita")
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, created timestamp, "
            "user_id integer NOT NULL)"
        )
        cursor.execute(
            "INSERT INTO authtoken_token (key, created, user_id) VALUES (%s, %s, %s)",
            [OLD_KEY, timezone.now(), rita.pk],
        )
    migration.carry_over_drf_tokens(apps, SchemaEditor())

    assert "authtoken_token" not in connection.introspection.table_names()
    token = ApiToken.objects.get()
    assert token.user == rita and token.key_hash == hash_key(OLD_KEY)
    assert token.name == "token from before expiry" and token.revoked_at is None
    lifetime = timedelta(days=settings.API_TOKEN_LIFETIME_DAYS)
    assert abs(token.expires_at - timezone.now() - lifetime) < timedelta(minutes=1)
    # The tool holding the old key keeps working, until the new expiry.
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {OLD_KEY}")
    assert client.get("/api/claims/").status_code == 200


def test_without_drf_tokens_it_does_nothing():
    migration.carry_over_drf_tokens(apps, SchemaEditor())
    assert not ApiToken.objects.exists()
