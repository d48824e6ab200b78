"""Reporters and editors review extracted suggestions and keep the names table."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

BOTH = [
    "view_namedentity", "add_namedentity", "change_namedentity",
    "view_entityalias", "add_entityalias", "change_entityalias",
    "view_suggestion", "change_suggestion",
    "view_extraction",
]  # fmt: skip
EDITORS_ONLY = ["delete_entityalias"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("tracker")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    tracker_perms = Permission.objects.filter(content_type__app_label="tracker")
    Group.objects.get(name="Reporters").permissions.add(*tracker_perms.filter(codename__in=BOTH))
    Group.objects.get(name="Editors").permissions.add(
        *tracker_perms.filter(codename__in=BOTH + EDITORS_ONLY)
    )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    perms = Permission.objects.filter(
        content_type__app_label="tracker", codename__in=BOTH + EDITORS_ONLY
    )
    for group in apps.get_model("auth", "Group").objects.filter(name__in=["Reporters", "Editors"]):
        group.permissions.remove(*perms)


class Migration(migrations.Migration):
    dependencies = [("tracker", "0007_entities_extractions_and_suggestions")]

    operations = [migrations.RunPython(grant, revoke)]
