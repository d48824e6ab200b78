"""Captures keep the name of an uploaded .txt or .html file.

On SQLite, adding a column with a default rebuilds the table, which drops its
append-only trigger (0024): it is created again here.
"""

from django.db import migrations, models

CAPTURE_TRIGGER = """
    CREATE TRIGGER tracker_capture_append_only
    BEFORE UPDATE ON tracker_capture
    BEGIN SELECT RAISE(ABORT, 'captures are never changed once recorded'); END;
"""


def trigger_again(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS tracker_capture_append_only;")
        schema_editor.execute(CAPTURE_TRIGGER)


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0025_event_evidence_bundle_exports"),
    ]

    operations = [
        # Backwards, removing the column rebuilds the table again: repaired after it.
        migrations.RunPython(migrations.RunPython.noop, trigger_again),
        migrations.AddField(
            model_name="capture",
            name="file_name",
            field=models.CharField(
                blank=True,
                help_text="The uploaded file's name, for an uploaded file.",
                max_length=255,
            ),
        ),
        migrations.RunPython(trigger_again, migrations.RunPython.noop),
    ]
