"""Reads of the names table (entities and their aliases) for the API."""

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from tracker.models import EntityAlias, NamedEntity


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
