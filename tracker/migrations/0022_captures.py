"""Captures: the bytes each document came from, kept untouched, and their takedowns.

- Every document stored before this migration gets one capture, marked
  "reconstructed from stored text": its bytes are the stored text in UTF-8,
  written to the captures storage, so every document has a capture and none
  pretends to be what was originally captured.
- Captures and purge records are append-only: a trigger refuses UPDATE on
  both databases, as for status changes (0002). On SQLite, a later migration
  that rebuilds either table must create its trigger again
  (tests/models/test_capture_triggers.py fails if one goes missing).
- Reporters see captures; editors also purge their bytes (a legal takedown).
"""

import hashlib

import django.db.models.deletion
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

CAPTURE_FROZEN = "captures are never changed once recorded"
PURGE_FROZEN = "purge records are never changed"
TABLES = (("tracker_capture", CAPTURE_FROZEN), ("tracker_capturepurge", PURGE_FROZEN))

SQLITE_FORWARD = [
    f"""
    CREATE TRIGGER {table}_append_only
    BEFORE UPDATE ON {table}
    BEGIN SELECT RAISE(ABORT, '{message}'); END;
    """
    for table, message in TABLES
]
SQLITE_BACKWARD = [f"DROP TRIGGER IF EXISTS {table}_append_only;" for table, _ in TABLES]
POSTGRES_FORWARD = [
    statement
    for table, message in TABLES
    for statement in (
        f"""
        CREATE FUNCTION {table}_append_only() RETURNS trigger AS $$
        BEGIN
            RAISE EXCEPTION '{message}' USING ERRCODE = 'check_violation';
        END
        $$ LANGUAGE plpgsql;
        """,
        f"""
        CREATE TRIGGER {table}_append_only
        BEFORE UPDATE ON {table}
        FOR EACH ROW EXECUTE FUNCTION {table}_append_only();
        """,
    )
]
POSTGRES_BACKWARD = [
    statement
    for table, _ in TABLES
    for statement in (
        f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};",
        f"DROP FUNCTION IF EXISTS {table}_append_only();",
    )
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        statements = statements_by_vendor.get(schema_editor.connection.vendor)
        if statements is None:
            raise RuntimeError(
                f"tracker supports SQLite and PostgreSQL, not {schema_editor.connection.vendor}"
            )
        for statement in statements:
            schema_editor.execute(statement)

    return run


REPORTERS = ["view_capture", "view_capturepurge"]
EDITORS = [*REPORTERS, "purge_capture"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("tracker")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    tracker_perms = Permission.objects.filter(content_type__app_label="tracker")
    for name, codenames in (("Reporters", REPORTERS), ("Editors", EDITORS)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*tracker_perms.filter(codename__in=codenames))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    perms = Permission.objects.filter(content_type__app_label="tracker", codename__in=EDITORS)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=["Reporters", "Editors"]):
        group.permissions.remove(*perms)


RECONSTRUCTED_TOOL = "migration 0022: reconstructed from stored text"
BATCH = 500


def reconstruct(apps, schema_editor):
    """One capture per existing document, from its stored text, honestly marked."""
    # The storage helpers only, not the models: this runs against the historical ones.
    from tracker.capture_storage import write_once

    Document = apps.get_model("tracker", "Document")
    Capture = apps.get_model("tracker", "Capture")
    batch = []
    documents = Document.objects.order_by("pk").only(
        "pk", "text", "url", "retrieved_at", "created_at", "content_hash"
    )
    for document in documents.filter(captures__isnull=True).iterator(chunk_size=BATCH):
        content = document.text.encode("utf-8")
        sha256 = write_once(content)
        batch.append(
            Capture(
                document_id=document.pk,
                origin="reconstructed",
                sha256=sha256,
                size=len(content),
                content_type="text/plain; charset=utf-8",
                url=document.url,
                # When it was captured is not known; when it was stored is the
                # latest it can have been.
                captured_at=document.retrieved_at or document.created_at,
                tool=RECONSTRUCTED_TOOL,
                text_sha256=hashlib.sha256(content).hexdigest(),
            )
        )
        if len(batch) >= BATCH:
            Capture.objects.bulk_create(batch)
            batch = []
    Capture.objects.bulk_create(batch)


def unreconstruct(apps, schema_editor):
    # The table goes with the migration's reversal; the bytes stay where they are.
    pass


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0019_documents_carry_a_working_title_when_their_published_one_is_wrong"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="Capture",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "origin",
                    models.CharField(
                        choices=[
                            ("pasted", "Pasted in the admin"),
                            ("api", "Sent to the API"),
                            ("file", "A .txt or .html file"),
                            ("jsonl_line", "A line of a .jsonl file"),
                            ("web_archive", "A web archive record"),
                            ("reconstructed", "Reconstructed from stored text"),
                        ],
                        max_length=20,
                    ),
                ),
                (
                    "sha256",
                    models.CharField(
                        help_text="SHA-256 of the bytes: their address.", max_length=64
                    ),
                ),
                ("size", models.PositiveBigIntegerField(help_text="Bytes.")),
                ("content_type", models.CharField(blank=True, max_length=200)),
                ("url", models.CharField(blank=True, max_length=2000)),
                ("captured_at", models.DateTimeField()),
                (
                    "tool",
                    models.CharField(
                        blank=True,
                        help_text="The program that captured or imported it.",
                        max_length=200,
                    ),
                ),
                ("http_status", models.PositiveSmallIntegerField(blank=True, null=True)),
                ("http_headers", models.JSONField(blank=True, default=list)),
                ("html_extractor_version", models.CharField(blank=True, max_length=40)),
                ("attribution_extractor_version", models.CharField(blank=True, max_length=40)),
                (
                    "text_sha256",
                    models.CharField(
                        help_text="SHA-256 of the text derived from the bytes.", max_length=64
                    ),
                ),
                ("recorded_at", models.DateTimeField(auto_now_add=True)),
                (
                    "captured_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "document",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="captures",
                        to="tracker.document",
                    ),
                ),
                (
                    "supersedes",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="superseding_captures",
                        to="tracker.document",
                    ),
                ),
            ],
            options={
                "ordering": ["captured_at", "id"],
                "permissions": [
                    ("purge_capture", "Can purge a capture's bytes (a legal takedown)")
                ],
            },
        ),
        migrations.CreateModel(
            name="CapturePurge",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("purged_at", models.DateTimeField(auto_now_add=True)),
                ("reason", models.TextField()),
                (
                    "capture",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="purge",
                        to="tracker.capture",
                    ),
                ),
                (
                    "purged_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["purged_at", "id"],
            },
        ),
        migrations.AddIndex(
            model_name="capture",
            index=models.Index(fields=["url", "captured_at"], name="capture_url_time"),
        ),
        migrations.AddIndex(
            model_name="capture",
            index=models.Index(fields=["sha256"], name="capture_by_sha256"),
        ),
        migrations.AddConstraint(
            model_name="capture",
            constraint=models.CheckConstraint(
                condition=models.Q(("sha256__regex", "^[0-9a-f]{64}$")), name="capture_sha256"
            ),
        ),
        migrations.AddConstraint(
            model_name="capture",
            constraint=models.CheckConstraint(
                condition=models.Q(("text_sha256__regex", "^[0-9a-f]{64}$")),
                name="capture_text_sha256",
            ),
        ),
        migrations.AddConstraint(
            model_name="capture",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "origin__in",
                        ["pasted", "api", "file", "jsonl_line", "web_archive", "reconstructed"],
                    )
                ),
                name="capture_origin_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="capture",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("http_status__isnull", True),
                    models.Q(("http_status__gte", 100), ("http_status__lte", 599)),
                    _connector="OR",
                ),
                name="capture_http_status_range",
            ),
        ),
        migrations.AddConstraint(
            model_name="capturepurge",
            constraint=models.CheckConstraint(
                condition=models.Q(("reason", ""), _negated=True), name="capturepurge_has_reason"
            ),
        ),
        migrations.RunPython(reconstruct, unreconstruct),
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
        migrations.RunPython(grant, revoke),
    ]
