"""Editors acknowledge conflicts; reporters see them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    app_config = apps.get_app_config("tracker")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.get(content_type__app_label="tracker", codename="view_finding")
    acknowledge = Permission.objects.get(
        content_type__app_label="tracker", codename="acknowledge_finding"
    )
    Group.objects.get(name="Reporters").permissions.add(view)
    Group.objects.get(name="Editors").permissions.add(view, acknowledge)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=["Reporters", "Editors"]):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="tracker",
                codename__in=["view_finding", "acknowledge_finding"],
            )
        )


class Migration(migrations.Migration):
    dependencies = [("tracker", "0005_stored_findings_and_claim_suggestions")]

    operations = [migrations.RunPython(grant, revoke)]
