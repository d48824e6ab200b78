"""Keeping ``EventPlace`` true: the names-table places each event is filed under.

An event is filed under a place entity when one of the entity's spellings is
in its place or name as whole words (``tracker.matching.places``). Both sides
can change, and each side's service refreshes the keys in its own
transaction:

- an event saved with a new place or name (``events.event_create``,
  ``event_update``): ``event_places_refresh`` recomputes that event's keys,
  two indexed lookups in the names table and its aliases;
- a place entity created, renamed or changed in kind, an alias added or
  removed (``services.entities``): ``event_places_refresh_for_entity``
  rechecks the events filed under the entity and the events whose text holds
  one of its spellings (the trigram index on PostgreSQL finds those).

On PostgreSQL the two take an advisory lock, shared by event saves and
exclusive for names-table changes, so an alias added while an event is saved
is seen by one of the two refreshes: each waits for the other to commit.
SQLite runs one write transaction at a time already.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection
from django.db.models import Q

from tracker.matching.places import place_keys
from tracker.models import EntityAlias, EntityKind, Event, EventPlace, NamedEntity
from tracker.name_keys import name_key

_LOCK = "tracker.event_places"
# Keys per IN (...): SQLite's bound variables are limited.
_CHUNK = 500


def _lock(*, exclusive: bool) -> None:
    if connection.vendor == "postgresql":
        function = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {function}(hashtextextended(%s, 0))", [_LOCK])


def place_entities_named(keys: Iterable[str]) -> set[int]:
    """The place entities whose name or an alias has one of ``keys`` (name keys)."""
    keys = sorted(set(keys))
    found: set[int] = set()
    for at in range(0, len(keys), _CHUNK):
        chunk = keys[at : at + _CHUNK]
        found.update(
            NamedEntity.objects.filter(kind=EntityKind.PLACE, name_key__in=chunk).values_list(
                "pk", flat=True
            )
        )
        found.update(
            EntityAlias.objects.filter(
                entity__kind=EntityKind.PLACE, name_key__in=chunk
            ).values_list("entity_id", flat=True)
        )
    return found


def event_places_refresh(*, event: Event, created: bool = False) -> None:
    """File ``event`` under the place entities its place or name names now, and no others."""
    _lock(exclusive=False)
    wanted = place_entities_named(place_keys((event.place, event.name)))
    held = set()
    if not created:
        held = set(EventPlace.objects.filter(event=event).values_list("entity_id", flat=True))
    if held - wanted:
        EventPlace.objects.filter(event=event, entity_id__in=held - wanted).delete()
    if wanted - held:
        EventPlace.objects.bulk_create(
            [EventPlace(event=event, entity_id=pk) for pk in sorted(wanted - held)]
        )


def event_places_refresh_for_entity(
    *, entity: NamedEntity, look_for: Iterable[str] | None = None, recheck: bool = True
) -> None:
    """After ``entity`` gained, lost or changed a spelling or its kind: its events, rechecked.

    ``look_for``: the spellings it gained, whose events may now be filed under
    it (all of its spellings when None); ``recheck``: whether the events filed
    under it may have lost theirs (a spelling removed or renamed). An alias
    added looks only for the events holding it; one removed rechecks only the
    events filed under the entity.
    """
    _lock(exclusive=True)
    filed = EventPlace.objects.filter(entity=entity)
    if entity.kind != EntityKind.PLACE:
        filed.delete()
        return
    aliases = EntityAlias.objects.filter(entity=entity).values_list("name", flat=True)
    spellings = [entity.name, *aliases]
    keys = {name_key(spelling) for spelling in spellings}
    look_for = spellings if look_for is None else list(look_for)
    # Events whose text holds a spelling looked for (substrings: a superset of
    # whole words, served by the trigram index), and those to recheck.
    holding = Q(pk__in=filed.values("event_id")) if recheck else Q(pk__in=[])
    for spelling in look_for:
        holding |= Q(place__icontains=spelling) | Q(name__icontains=spelling)
    seen, wanted = set(), set()
    for pk, place, name in Event.objects.filter(holding).values_list("pk", "place", "name"):
        seen.add(pk)
        if keys & place_keys((place, name)):
            wanted.add(pk)
    if recheck and seen - wanted:
        filed.filter(event_id__in=sorted(seen - wanted)).delete()
    if wanted:
        EventPlace.objects.bulk_create(
            [EventPlace(event_id=pk, entity=entity) for pk in sorted(wanted)],
            ignore_conflicts=True,
        )
