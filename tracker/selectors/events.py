"""Reads of events."""

from django.db.models import Count, OuterRef, Prefetch, QuerySet

from tracker.models import Claim, Event, Finding, Source
from tracker.models.source import SOURCE_LABEL
from tracker.selectors._counts import subquery_count


def event_list_queryset() -> QuerySet[Event]:
    """Events with their parties loaded, how many claims are about them
    (``claim_count``) and how many conflicts and tensions no editor has
    acknowledged yet (``open_conflict_count``)."""
    return Event.objects.prefetch_related(
        Prefetch(
            "parties",
            queryset=Source.objects.only(*SOURCE_LABEL, "kind", "reliability").order_by("name"),
        )
    ).annotate(
        claim_count=subquery_count(
            Claim.objects.filter(event=OuterRef("pk")), outer="event", aggregate=Count("pk")
        ),
        open_conflict_count=subquery_count(
            Finding.objects.filter(event=OuterRef("pk"), is_open=True),
            outer="event",
            aggregate=Count("pk"),
        ),
    )


def event_detail_queryset() -> QuerySet[Event]:
    """Events with ``event_claims``: the claims about each, in aspect order."""
    claims = Claim.objects.only(
        "pk", "text", "aspect", "status", "archived_at", "event_id"
    ).order_by("aspect", "pk")
    return event_list_queryset().prefetch_related(
        Prefetch("claims", queryset=claims, to_attr="event_claims")
    )


def event_claims(*, event_id: int) -> QuerySet[Claim]:
    """The claims about one event in aspect order, with what a list of them shows."""
    return (
        Claim.objects.filter(event_id=event_id)
        .only("pk", "text", "aspect", "status", "archived_at", "event_id")
        .order_by("aspect", "pk")
    )
