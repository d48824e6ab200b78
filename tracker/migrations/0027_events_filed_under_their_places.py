"""Events filed under the names-table places their place or name holds (``EventPlace``).

Event candidates look a report's places up by entity id instead of searching
every event's place and name for every spelling (``selectors.event_candidates``).
The services keep the table from here on; ``backfill`` files the events stored
before, as ``services.event_places`` would have: a place entity's name or alias
in the event's place or name as whole words (``tracker.matching.places``).

The other lookups of a report's candidates, made index scans at a million claims:

- ``event_parties_source_event`` (source, event) on events' parties: the events
  of a party, read from the index alone (a party of a long war has tens of
  thousands, each row on another page of the table);
- PostgreSQL only: ``event_days_name_gist``, a GiST index on the event's days
  (``daterange(date_start, COALESCE(date_end, date_start), '[]')``) and its name
  (trigrams), so "events of these days" is one index range scan, including
  events whose range began long before, and "whose name reads like the title"
  is checked inside it (the ``%`` operator) instead of computing the similarity
  of every event of those days.
"""

import django.db.models.deletion
from django.db import migrations, models

from tracker.matching.places import place_keys

BATCH = 5_000


POSTGRES_FORWARD = [
    "CREATE INDEX event_days_name_gist ON tracker_event USING gist"
    " (daterange(date_start, COALESCE(date_end, date_start), '[]'), name gist_trgm_ops);",
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS event_days_name_gist;"]


def _on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


def backfill(apps, schema_editor):
    NamedEntity = apps.get_model("tracker", "NamedEntity")
    EntityAlias = apps.get_model("tracker", "EntityAlias")
    Event = apps.get_model("tracker", "Event")
    EventPlace = apps.get_model("tracker", "EventPlace")
    db = schema_editor.connection.alias
    # Every spelling of every place, by its key (keys are unique across both tables).
    places = dict(NamedEntity.objects.using(db).filter(kind="place").values_list("name_key", "pk"))
    places.update(
        EntityAlias.objects.using(db)
        .filter(entity__kind="place")
        .values_list("name_key", "entity_id")
    )
    if not places:
        return
    rows = []
    events = Event.objects.using(db).order_by("pk").values_list("pk", "place", "name")
    for pk, place, name in events.iterator(chunk_size=BATCH):
        for entity_id in sorted({places[key] for key in place_keys((place, name)) & places.keys()}):
            rows.append(EventPlace(event_id=pk, entity_id=entity_id))
        if len(rows) >= BATCH:
            EventPlace.objects.using(db).bulk_create(rows, ignore_conflicts=True)
            rows = []
    EventPlace.objects.using(db).bulk_create(rows, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0026_captures_keep_the_uploaded_file_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="EventPlace",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "entity",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="event_keys",
                        to="tracker.namedentity",
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="place_keys",
                        to="tracker.event",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("entity", "event"), name="event_place_unique")
                ],
            },
        ),
        migrations.RunSQL(
            "CREATE INDEX event_parties_source_event"
            " ON tracker_event_parties (source_id, event_id);",
            "DROP INDEX event_parties_source_event;",
        ),
        migrations.RunPython(_on_postgresql(POSTGRES_FORWARD), _on_postgresql(POSTGRES_BACKWARD)),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
