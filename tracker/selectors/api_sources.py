"""Reads of sources for the API."""

from django.db.models import Exists, OuterRef, Q, QuerySet

from tracker.models import Source, SourceAlias


def source_search(queryset: QuerySet[Source], term: str) -> QuerySet[Source]:
    """Sources whose name or one of whose aliases contains every word of ``term``."""
    for word in term.split():
        alias = SourceAlias.objects.filter(source=OuterRef("pk"), name__icontains=word)
        queryset = queryset.filter(Q(name__icontains=word) | Exists(alias))
    return queryset
