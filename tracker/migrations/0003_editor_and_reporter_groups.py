"""The two newsroom roles, as groups with their permissions.

Reporters add and edit material and raise flags. Editors do all of that and
also set verdicts, resolve flags, archive claims and remove accounts. Nobody
hard-deletes a claim: claims are archived.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REPORTER_PERMISSIONS = [
    "view_source",
    "add_source",
    "change_source",
    "view_sourcealias",
    "add_sourcealias",
    "change_sourcealias",
    "view_document",
    "add_document",
    "change_document",
    "view_event",
    "add_event",
    "change_event",
    "view_claim",
    "add_claim",
    "change_claim",
    "view_reviewqueueclaim",
    "view_account",
    "add_account",
    "change_account",
    "view_flag",
    "add_flag",
    "view_statuschange",
]
EDITOR_PERMISSIONS = REPORTER_PERMISSIONS + [
    "set_claim_status",
    "archive_claim",
    "resolve_flag",
    "change_flag",
    "delete_account",
    "delete_sourcealias",
]


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations ran; create them
    # now so the groups can hold them on a fresh database.
    app_config = apps.get_app_config("tracker")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in (
        ("Reporters", REPORTER_PERMISSIONS),
        ("Editors", EDITOR_PERMISSIONS),
    ):
        group, _ = Group.objects.get_or_create(name=group_name)
        permissions = list(
            Permission.objects.filter(content_type__app_label="tracker", codename__in=codenames)
        )
        missing = set(codenames) - {p.codename for p in permissions}
        if missing:
            raise RuntimeError(f"permissions missing for {group_name}: {sorted(missing)}")
        group.permissions.add(*permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Reporters", "Editors"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0002_integrity_triggers"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
