"""Evidence bundles: each export of an event's bundle is recorded, append-only.

Editors export (``export_bundle``); everyone who reads events sees the exports.
The table refuses UPDATE on both databases, as captures do (0022).
"""

import django.db.models.deletion
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

MESSAGE = "bundle exports are never changed once recorded"
SQLITE_FORWARD = [
    f"""
    CREATE TRIGGER tracker_bundleexport_append_only
    BEFORE UPDATE ON tracker_bundleexport
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;
    """
]
SQLITE_BACKWARD = ["DROP TRIGGER IF EXISTS tracker_bundleexport_append_only;"]
POSTGRES_FORWARD = [
    f"""
    CREATE FUNCTION tracker_bundleexport_append_only() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'check_violation';
    END
    $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER tracker_bundleexport_append_only
    BEFORE UPDATE ON tracker_bundleexport
    FOR EACH ROW EXECUTE FUNCTION tracker_bundleexport_append_only();
    """,
]
POSTGRES_BACKWARD = [
    "DROP TRIGGER IF EXISTS tracker_bundleexport_append_only ON tracker_bundleexport;",
    "DROP FUNCTION IF EXISTS tracker_bundleexport_append_only();",
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


REPORTERS = ["view_bundleexport"]
EDITORS = [*REPORTERS, "export_bundle"]


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


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0022_captures"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="BundleExport",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("bundle_id", models.UUIDField(editable=False, unique=True)),
                ("exported_at", models.DateTimeField()),
                ("manifest_sha256", models.CharField(max_length=64)),
                ("file_count", models.PositiveIntegerField()),
                (
                    "total_bytes",
                    models.PositiveBigIntegerField(help_text="Of the files, before compression."),
                ),
                (
                    "event",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="bundle_exports",
                        to="tracker.event",
                    ),
                ),
                (
                    "exported_by",
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
                "ordering": ["-exported_at", "-id"],
                "permissions": [("export_bundle", "Can export an event's evidence bundle")],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("manifest_sha256__regex", "^[0-9a-f]{64}$")),
                        name="bundleexport_manifest_sha256",
                    )
                ],
            },
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
        migrations.RunPython(grant, revoke),
    ]
