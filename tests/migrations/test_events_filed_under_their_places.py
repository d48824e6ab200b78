"""Migration 0027's backfill files the events stored before as the services file new ones."""

from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection

from tests.factories import make_event
from tracker import services
from tracker.models import EventPlace

pytestmark = pytest.mark.django_db

migration = import_module("tracker.migrations.0027_events_filed_under_their_places")


def filing() -> set[tuple[str, str]]:
    return set(EventPlace.objects.values_list("event__name", "entity__name"))


def test_the_backfill_files_events_as_the_services_do():
    services.entity_create(actor=None, name="Deir ez-Zor", kind="place", aliases=["Deir al-Zour"])
    services.entity_create(actor=None, name="Idlib", kind="place")
    services.entity_create(actor=None, name="Tal Zor-3", kind="place")
    services.entity_create(actor=None, name="Islamic State", kind="party")
    make_event(name="Strike on a bakery", place="Deir al-Zour province")
    make_event(name="Shelling between Idlib and Deir ez-Zor")
    make_event(name="Raid on Tal Zor-31", place="Tal Zor-31")
    make_event(name="Islamic State attack", place="Somewhere")
    by_services = filing()
    assert by_services == {
        ("Strike on a bakery", "Deir ez-Zor"),
        ("Shelling between Idlib and Deir ez-Zor", "Idlib"),
        ("Shelling between Idlib and Deir ez-Zor", "Deir ez-Zor"),
    }
    # As stored before 0027: nothing filed.
    EventPlace.objects.all().delete()
    migration.backfill(apps, connection.schema_editor())
    assert filing() == by_services


def test_the_backfill_of_an_archive_without_places_writes_nothing():
    make_event(name="Strike on a bakery", place="Deir al-Zour province")
    migration.backfill(apps, connection.schema_editor())
    assert not EventPlace.objects.exists()
