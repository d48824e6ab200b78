"""Documents carry a working title when their published one belongs to another page.

SQLite would add a NOT NULL column by rebuilding the table, which drops the
trigger that freezes a document's text (0002); ALTER TABLE ADD COLUMN with a
constant default needs no rebuild, so SQLite gets that. The mismatched
documents already stored take their body's first sentence.
"""

from django.db import migrations, models

from tracker.text import first_sentence

HELP = "Shown instead of a published title that does not match the body."
TABLES = ("tracker_document", "tracker_historicaldocument")


def working_title_field() -> models.CharField:
    return models.CharField(blank=True, default="", help_text=HELP, max_length=500)


def add_columns(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for table in TABLES:
            schema_editor.execute(
                f"ALTER TABLE {table} ADD COLUMN working_title varchar(500) NOT NULL DEFAULT ''"
            )
        return
    for name in ("Document", "HistoricalDocument"):
        model = apps.get_model("tracker", name)
        field = working_title_field()
        field.set_attributes_from_name("working_title")
        field.model = model
        schema_editor.add_field(model, field)


def remove_columns(apps, schema_editor):
    for table in TABLES:
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN working_title")


def backfill(apps, schema_editor):
    Document = apps.get_model("tracker", "Document")
    mismatched = Document.objects.filter(title_mismatch=True, working_title="")
    for document in mismatched.only("pk", "title", "text").iterator(chunk_size=200):
        working_title = first_sentence(document.text, title=document.title)
        Document.objects.filter(pk=document.pk).update(working_title=working_title)


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0018_desk_assignments_comments_and_inbox_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="document", name="working_title", field=working_title_field()
                ),
                migrations.AddField(
                    model_name="historicaldocument",
                    name="working_title",
                    field=working_title_field(),
                ),
            ],
            database_operations=[migrations.RunPython(add_columns, remove_columns)],
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
