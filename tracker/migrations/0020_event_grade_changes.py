"""Editors record an event's grade on the Airwars scale, with a rationale and history.

The grade changes are append-only (a trigger refuses an UPDATE, as for status
changes); editors hold the new permission, reporters do not.
"""

import django.db.models.deletion
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

GRADES = [
    ("confirmed", "Confirmed"),
    ("contested", "Contested"),
    ("fair", "Fair"),
    ("weak", "Weak"),
    ("discounted", "Discounted"),
]
GRADE_VALUES = [value for value, _ in GRADES]
EDITORS_ONLY = ["grade_event", "view_eventgradechange"]
REPORTERS_TOO = ["view_eventgradechange"]

APPEND_ONLY = "event grade changes are append-only"
SQLITE_FORWARD = [
    f"""
    CREATE TRIGGER tracker_eventgradechange_append_only
    BEFORE UPDATE ON tracker_eventgradechange
    BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END;
    """
]
SQLITE_BACKWARD = ["DROP TRIGGER IF EXISTS tracker_eventgradechange_append_only;"]
POSTGRES_FORWARD = [
    f"""
    CREATE FUNCTION tracker_eventgradechange_append_only() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION '{APPEND_ONLY}' USING ERRCODE = 'check_violation';
    END
    $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER tracker_eventgradechange_append_only
    BEFORE UPDATE ON tracker_eventgradechange
    FOR EACH ROW EXECUTE FUNCTION tracker_eventgradechange_append_only();
    """,
]
POSTGRES_BACKWARD = [
    "DROP TRIGGER IF EXISTS tracker_eventgradechange_append_only ON tracker_eventgradechange;",
    "DROP FUNCTION IF EXISTS tracker_eventgradechange_append_only();",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor[schema_editor.connection.vendor]:
            schema_editor.execute(statement)

    return run


def grant(apps, schema_editor):
    app_config = apps.get_app_config("tracker")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    tracker_perms = Permission.objects.filter(content_type__app_label="tracker")
    Group.objects.get(name="Reporters").permissions.add(
        *tracker_perms.filter(codename__in=REPORTERS_TOO)
    )
    Group.objects.get(name="Editors").permissions.add(
        *tracker_perms.filter(codename__in=EDITORS_ONLY)
    )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    perms = Permission.objects.filter(content_type__app_label="tracker", codename__in=EDITORS_ONLY)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=["Reporters", "Editors"]):
        group.permissions.remove(*perms)


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0019_documents_carry_a_working_title_when_their_published_one_is_wrong"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="EventGradeChange",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("changed_at", models.DateTimeField(auto_now_add=True)),
                ("from_grade", models.CharField(blank=True, choices=GRADES, max_length=16)),
                ("to_grade", models.CharField(choices=GRADES, max_length=16)),
                ("rationale", models.TextField()),
                ("suggested_grade", models.CharField(blank=True, choices=GRADES, max_length=16)),
                ("judged_summary", models.JSONField(blank=True, default=dict, editable=False)),
                (
                    "changed_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="grade_changes",
                        to="tracker.event",
                    ),
                ),
            ],
            options={
                "ordering": ["-changed_at", "-id"],
                "permissions": [("grade_event", "Can record an event's grade")],
                "get_latest_by": "changed_at",
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("to_grade__in", GRADE_VALUES),
                            ("from_grade__in", [*GRADE_VALUES, ""]),
                            ("suggested_grade__in", [*GRADE_VALUES, ""]),
                        ),
                        name="event_grade_change_grades_valid",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("from_grade", models.F("to_grade")), _negated=True),
                        name="event_grade_change_changes_something",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("rationale", ""), _negated=True),
                        name="event_grade_change_has_rationale",
                    ),
                ],
            },
        ),
        migrations.AddField(
            model_name="event",
            name="grade",
            field=models.CharField(
                blank=True, choices=GRADES, default="", editable=False, max_length=16
            ),
        ),
        migrations.AddConstraint(
            model_name="event",
            constraint=models.CheckConstraint(
                condition=models.Q(("grade__in", [*GRADE_VALUES, ""])), name="event_grade_valid"
            ),
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
        migrations.RunPython(grant, revoke),
    ]
