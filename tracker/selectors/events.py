"""Reads of events."""

from django.db.models import Count, OuterRef, Prefetch, QuerySet

from tracker.models import Claim, Event, Source
from tracker.selectors._counts import subquery_count


def event_list_queryset() -> QuerySet[Event]:
    """Events with their parties loaded and how many claims are about them."""
    return Event.objects.prefetch_related(
        Prefetch("parties", queryset=Source.objects.only("pk", "name").order_by("name"))
    ).annotate(
        claim_count=subquery_count(
            Claim.objects.filter(event=OuterRef("pk")), outer="event", aggregate=Count("pk")
        )
    )


def event_detail_queryset() -> QuerySet[Event]:
    """Events with ``event_claims``: the claims about each, in aspect order."""
    claims = Claim.objects.only(
        "pk", "text", "aspect", "status", "archived_at", "event_id"
    ).order_by("aspect", "pk")
    return event_list_queryset().prefetch_related(
        Prefetch("claims", queryset=claims, to_attr="event_claims")
    )
