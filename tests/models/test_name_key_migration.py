"""Migration 0012 fills the name keys, settling names that only the new key counts as one."""

import importlib

import pytest
from django.apps import apps

from tests.factories import make_source
from tracker import services
from tracker.models import Event, NamedEntity, Source, SourceAlias

migration = importlib.import_module(
    "tracker.migrations.0012_names_compared_by_a_stored_unicode_key"
)


def test_the_lowest_id_keeps_a_name_and_later_ones_are_listed_against_it():
    rows = [(7, 0, "ñandú"), (3, 0, "ñandú"), (5, 9, "ñandú"), (9, 0, "ñandú"), (4, 9, "x")]
    assert migration.duplicates(rows) == {7: 3, 9: 3}


def test_a_renamed_duplicate_fits_the_column():
    name = migration.renamed("x" * 200, 12, 200)
    assert len(name) == 200 and name.endswith("x (duplicate of #12)")


@pytest.mark.django_db
def test_the_keys_scopes_and_labels_are_filled_from_the_names():
    defence = make_source(name="Ministry of Defence", kind="government")
    person = make_source(
        name="ÑANDÚ Hassan", kind="spokesperson", parent=defence, aliases=["Abu Ñ"]
    )
    entity = services.entity_create(actor=None, name="Straße Front", kind="party", aliases=["SF"])
    event = services.event_create(actor=None, name="ＳＴＲＩＫＥ")
    for model in (Source, SourceAlias, NamedEntity, Event):
        for pk in model.objects.values_list("pk", flat=True):
            model.objects.filter(pk=pk).update(name_key=f"stale {pk}")
    Source.objects.update(display_name="")
    SourceAlias.objects.update(name_scope=-1)

    migration.fill_name_keys(apps, None)

    person.refresh_from_db()
    assert (person.name_key, person.name_scope) == ("ñandú hassan", defence.pk)
    assert person.display_name == "ÑANDÚ Hassan (Ministry of Defence)"
    alias = person.aliases.get()
    assert (alias.name_key, alias.name_scope) == ("abu ñ", defence.pk)
    assert NamedEntity.objects.get(pk=entity.pk).name_key == "strasse front"
    assert Event.objects.get(pk=event.pk).name_key == "strike"
