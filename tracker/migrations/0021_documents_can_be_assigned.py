"""A document can be assigned too: a reporter asked to process a report."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("tracker", "0020_event_grade_changes")]

    operations = [
        migrations.RemoveConstraint(model_name="assignment", name="assignment_one_subject"),
        migrations.AddField(
            model_name="assignment",
            name="document",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="assignments",
                to="tracker.document",
            ),
        ),
        migrations.AddConstraint(
            model_name="assignment",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("claim__isnull", False),
                        ("document__isnull", True),
                        ("event__isnull", True),
                    ),
                    models.Q(
                        ("claim__isnull", True),
                        ("document__isnull", True),
                        ("event__isnull", False),
                    ),
                    models.Q(
                        ("claim__isnull", True),
                        ("document__isnull", False),
                        ("event__isnull", True),
                    ),
                    _connector="OR",
                ),
                name="assignment_one_assigned_subject",
            ),
        ),
        migrations.AddConstraint(
            model_name="assignment",
            constraint=models.UniqueConstraint(
                condition=models.Q(("document__isnull", False), ("ended_at__isnull", True)),
                fields=("document",),
                name="assignment_one_current_per_document",
            ),
        ),
    ]
