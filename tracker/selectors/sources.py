"""Reads of sources: the list, and a search by any of their names."""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from tracker.models import Account, Source, SourceAlias
from tracker.name_keys import name_key
from tracker.selectors._counts import subquery_count


def source_list_queryset() -> QuerySet[Source]:
    """Sources with parent, root and aliases loaded, and how many accounts they gave."""
    return (
        Source.objects.select_related("parent", "root")
        .prefetch_related("aliases")
        .annotate(
            account_count=subquery_count(
                Account.objects.filter(source=OuterRef("pk")),
                outer="source",
                aggregate=Count("pk"),
            )
        )
    )


def source_search(queryset: QuerySet[Source], term: str) -> QuerySet[Source]:
    """Sources whose name or one of whose aliases contains every word of ``term``.

    Compared by the names' keys, so "ñandú" finds "ÑANDÚ Agency" on SQLite too.
    """
    for word in name_key(term).split():
        alias = SourceAlias.objects.filter(source=OuterRef("pk"), name_key__contains=word)
        queryset = queryset.filter(Q(name_key__contains=word) | Exists(alias))
    return queryset
