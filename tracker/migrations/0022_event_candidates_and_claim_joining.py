"""Event candidates at ingest, and suggestions that join an existing claim.

- ``Extraction.mentions``: the names-table names found in a report, with
  offsets, so its event candidates (``selectors.event_candidates``) and each
  paragraph's need not read the text again.
- ``Suggestion.claim`` / ``new_claim``: the claim of its event that accepting
  joins, as the reviewer chose it, or a new claim whatever says the same.
- ``event_date_idx`` (date_start, id): candidates are looked for near a
  report's dates.
- PostgreSQL only: trigram GIN indexes on ``UPPER(place)`` and ``UPPER(name)``
  of events, which serve the substring match of a place's spellings and the
  similarity of a report's title to event names; and a full-text GIN index
  on documents' text (``selectors.document_search``), so a report in a script
  the extractor does not read is still found. SQLite scans instead.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm;",
    "CREATE INDEX event_place_upper_trgm ON tracker_event USING gin (UPPER(place) gin_trgm_ops);",
    "CREATE INDEX event_name_upper_trgm ON tracker_event USING gin (UPPER(name) gin_trgm_ops);",
    "CREATE INDEX document_text_words ON tracker_document"
    " USING gin (to_tsvector('simple'::regconfig, left(text, 100000)));",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS document_text_words;",
    "DROP INDEX IF EXISTS event_name_upper_trgm;",
    "DROP INDEX IF EXISTS event_place_upper_trgm;",
]


def _on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0021_documents_can_be_assigned"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="extraction",
            name="mentions",
            field=models.JSONField(blank=True, default=None, null=True),
        ),
        migrations.AddField(
            model_name="historicalsuggestion",
            name="claim",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="The existing claim this account joins, when the reviewer chose one.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="tracker.claim",
            ),
        ),
        migrations.AddField(
            model_name="historicalsuggestion",
            name="new_claim",
            field=models.BooleanField(
                db_default=False,
                default=False,
                help_text="Make a new claim even if one of the event's claims says the same.",
            ),
        ),
        migrations.AddField(
            model_name="suggestion",
            name="claim",
            field=models.ForeignKey(
                blank=True,
                help_text="The existing claim this account joins, when the reviewer chose one.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="tracker.claim",
            ),
        ),
        migrations.AddField(
            model_name="suggestion",
            name="new_claim",
            field=models.BooleanField(
                db_default=False,
                default=False,
                help_text="Make a new claim even if one of the event's claims says the same.",
            ),
        ),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(fields=["date_start", "id"], name="event_date_idx"),
        ),
        migrations.RunPython(
            _on_postgresql(POSTGRES_FORWARD), _on_postgresql(POSTGRES_BACKWARD), elidable=False
        ),
    ]
