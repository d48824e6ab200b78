"""Reads of sources for the API."""

from django.db.models import Exists, OuterRef, Q, QuerySet

from tracker.models import Source, SourceAlias
from tracker.name_keys import name_key


def source_search(queryset: QuerySet[Source], term: str) -> QuerySet[Source]:
    """Sources whose name or one of whose aliases contains every word of ``term``.

    Compared by the names' keys, so "ñandú" finds "ÑANDÚ Agency" on SQLite too.
    """
    for word in name_key(term).split():
        alias = SourceAlias.objects.filter(source=OuterRef("pk"), name_key__contains=word)
        queryset = queryset.filter(Q(name_key__contains=word) | Exists(alias))
    return queryset
