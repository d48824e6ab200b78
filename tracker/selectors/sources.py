"""Reads of sources."""

from django.db.models import Count, OuterRef, QuerySet

from tracker.models import Account, Source
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
