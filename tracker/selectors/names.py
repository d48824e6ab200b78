"""Reads of the names table (entities and their aliases): the list and a search,
and what the extractor needs to know about names (sources, entities, events)."""

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from tracker.extraction import Entity
from tracker.models import EntityAlias, Event, NamedEntity, Source, SourceAlias

SOURCE_KEY = "source:"
ENTITY_KEY = "entity:"
# A document naming more places than this is a round-up, not one event's report.
MAX_EVENT_CANDIDATES = 20


def entity_list_queryset() -> QuerySet[NamedEntity]:
    """Entities with their linked source (a join) and aliases (one prefetch)."""
    return NamedEntity.objects.select_related("source").prefetch_related(
        Prefetch("aliases", queryset=EntityAlias.objects.order_by("name", "pk"))
    )


def entity_search(queryset: QuerySet[NamedEntity], term: str) -> QuerySet[NamedEntity]:
    """Entities whose name or one of whose aliases contains every word of ``term``.

    EXISTS rather than a join, so an entity with several matching aliases
    appears once.
    """
    for word in term.split():
        alias = EntityAlias.objects.filter(entity=OuterRef("pk"), name__icontains=word)
        queryset = queryset.filter(Q(name__icontains=word) | Exists(alias))
    return queryset


def source_table() -> list[Entity]:
    """Every source with its aliases, keyed so the extractor's matches lead back to the row."""
    sources = Source.objects.only("pk", "name", "kind").prefetch_related(
        Prefetch("aliases", queryset=SourceAlias.objects.only("pk", "name", "source_id"))
    )
    return [
        Entity(
            key=f"{SOURCE_KEY}{source.pk}",
            name=source.name,
            aliases=tuple(alias.name for alias in source.aliases.all()),
            kind=source.kind,
        )
        for source in sources
    ]


def entity_table() -> list[Entity]:
    entities = NamedEntity.objects.prefetch_related(
        Prefetch("aliases", queryset=EntityAlias.objects.only("pk", "name", "entity_id"))
    )
    return [
        Entity(
            key=f"{ENTITY_KEY}{entity.pk}",
            name=entity.name,
            aliases=tuple(alias.name for alias in entity.aliases.all()),
            kind=entity.kind,
        )
        for entity in entities
    ]


def key_to_pk(key: str, prefix: str) -> int | None:
    if not key.startswith(prefix):
        return None
    rest = key[len(prefix) :]
    return int(rest) if rest.isdigit() else None


def sources_for_entities(entity_ids: set[int]) -> dict[int, int]:
    """entity id -> the id of the source that entity is, where it has one."""
    rows = NamedEntity.objects.filter(pk__in=entity_ids, source__isnull=False)
    return dict(rows.values_list("pk", "source_id"))


def event_matching_places(entity_ids: set[int]) -> Event | None:
    """The one event whose name or place mentions any spelling of these places.

    "Deir al-Zour" in a new report finds the event filed under "Deir ez-Zor".
    Several candidates are left for the reporter to choose among.
    """
    places = NamedEntity.objects.filter(pk__in=entity_ids, kind="place").prefetch_related("aliases")
    spellings = set()
    for place in places:
        spellings.add(place.name)
        spellings.update(alias.name for alias in place.aliases.all())
    if not spellings:
        return None
    condition = Q()
    for spelling in spellings:
        condition |= Q(name__icontains=spelling) | Q(place__icontains=spelling)
    candidates = list(Event.objects.filter(condition).order_by("pk")[: MAX_EVENT_CANDIDATES + 1])
    return candidates[0] if len(candidates) == 1 else None
