"""API tokens of our own: named, expiring, revocable, stored as hashes.

They replace DRF's authtoken (one token per user, its key stored in clear,
never expiring), which is no longer installed. Existing DRF tokens are
carried over, not dropped, so no running tool is cut off at the upgrade:
each becomes an ApiToken named "token from before expiry" that holds the same
key (hashed) and expires API_TOKEN_LIFETIME_DAYS after this migration. The
old ``authtoken_token`` table, with the keys in clear, is then dropped; its
rows in ``django_migrations`` stay and harm nothing. Going back recreates no
DRF tokens: their keys are no longer known.
"""

import hashlib
from datetime import timedelta

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

OLD_TABLE = "authtoken_token"


def carry_over_drf_tokens(apps, schema_editor):
    connection = schema_editor.connection
    if OLD_TABLE not in connection.introspection.table_names():
        return
    ApiToken = apps.get_model("tracker", "ApiToken")
    now = django.utils.timezone.now()
    expires = now + timedelta(days=settings.API_TOKEN_LIFETIME_DAYS)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT key, user_id FROM {OLD_TABLE}")
        rows = cursor.fetchall()
    ApiToken.objects.bulk_create(
        ApiToken(user_id=user_id, name="token from before expiry", prefix=key[:8],
                 key_hash=hashlib.sha256(key.encode()).hexdigest(),
                 created_at=now, expires_at=expires)
        for key, user_id in rows
    )  # fmt: skip
    schema_editor.execute(f"DROP TABLE {schema_editor.quote_name(OLD_TABLE)}")


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0013_verdicts_record_the_claim_as_judged"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ApiToken",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "name",
                    models.CharField(
                        help_text="Which tool or script holds this token.", max_length=100
                    ),
                ),
                ("key_hash", models.CharField(editable=False, max_length=64, unique=True)),
                ("prefix", models.CharField(editable=False, max_length=8)),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("expires_at", models.DateTimeField()),
                ("revoked_at", models.DateTimeField(blank=True, editable=False, null=True)),
                ("revoked_reason", models.CharField(blank=True, editable=False, max_length=100)),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="api_tokens",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "API token",
                "ordering": ["-created_at", "-id"],
                "indexes": [
                    models.Index(fields=["user", "revoked_at"], name="api_token_user_live_idx")
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("expires_at__gt", models.F("created_at"))),
                        name="api_token_expires_after_creation",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("revoked_at__isnull", True), ("revoked_reason", "")),
                            ("revoked_at__isnull", False),
                            _connector="OR",
                        ),
                        name="api_token_reason_only_when_revoked",
                    ),
                ],
            },
        ),
        migrations.RunPython(carry_over_drf_tokens, migrations.RunPython.noop),
    ]
