"""Correlated-subquery counts.

A list that shows "how many accounts, sources, flags" per row must not join the
many side into the outer query: two such joins multiply each other's rows and
the counts come out wrong, and any search or filter that joins again makes it
worse. A scalar subquery per row keeps the outer query one row per object, so
the counts stay right whatever filters are applied and the page is one query.
"""

from django.db.models import Expression, IntegerField, QuerySet, Subquery
from django.db.models.functions import Coalesce


def subquery_count(queryset: QuerySet, *, outer: str, aggregate: Expression) -> Coalesce:
    """``aggregate`` over ``queryset`` grouped by its ``outer`` column, as a scalar.

    ``queryset`` must already be filtered on ``outer=OuterRef(...)`` so the
    subquery yields at most one group; a row with no related rows gets 0.
    """
    counted = queryset.order_by().values(outer).annotate(n=aggregate).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)
