"""Filing a document's suggestions under an event: a chosen candidate, or a new event.

One click on the document page (or one API call) files every pending
suggestion of the document under the event; a live blog's suggestions can
then be moved one by one (``suggestion_update(event=...)``). Decided
suggestions stay where they were accepted.
"""

from datetime import date

from django.core.exceptions import ValidationError
from simple_history.utils import bulk_update_with_history

from tracker.models import Claim, Document, Event, Source, Suggestion
from tracker.services._boundary import service
from tracker.services._common import Actor, history_user, require_permission
from tracker.services.events import event_create
from tracker.vocabularies import SuggestionStatus


@service
def document_file_under_event(
    *,
    actor: Actor,
    document: Document,
    event: Event,
    suggestions: list[Suggestion] | None = None,
) -> int:
    """File the document's pending suggestions (all, or those given) under ``event``.

    A claim a reviewer chose under another event is let go: it is not one of
    this event's. Returns how many suggestions were filed.
    """
    require_permission(actor, "tracker.change_suggestion", action="review suggestions")
    if not isinstance(event, Event) or event.pk is None:
        raise ValidationError({"event": "Choose an event to file the suggestions under."})
    pending = Suggestion.objects.select_for_update(of=("self",)).filter(
        document_id=document.pk, status=SuggestionStatus.PENDING
    )
    if suggestions is not None:
        wanted = {s.pk for s in suggestions}
        pending = pending.filter(pk__in=wanted)
        rows = list(pending.order_by("pk"))
        if missing := wanted - {row.pk for row in rows}:
            raise ValidationError(
                {"suggestions": f"Not pending suggestions of this document: {sorted(missing)}."}
            )
    else:
        rows = list(pending.order_by("pk"))
    chosen = {row.claim_id for row in rows if row.claim_id}
    elsewhere = set(
        Claim.objects.filter(pk__in=chosen).exclude(event_id=event.pk).values_list("pk", flat=True)
    )
    for row in rows:
        row.event = event
        if row.claim_id in elsewhere:
            row.claim = None
    if rows:
        bulk_update_with_history(
            rows, Suggestion, ["event", "claim"], default_user=history_user(actor)
        )
    return len(rows)


@service
def event_create_for_document(
    *,
    actor: Actor,
    document: Document,
    name: str,
    place: str = "",
    date_start: date | None = None,
    date_end: date | None = None,
    date_text: str = "",
    description: str = "",
    parties: list[Source] | tuple[Source, ...] = (),
) -> Event:
    """A new event for a report no event fits, with every pending suggestion filed under it."""
    require_permission(actor, "tracker.change_suggestion", action="review suggestions")
    event = event_create(
        actor=actor,
        name=name,
        place=place,
        date_start=date_start,
        date_end=date_end,
        date_text=date_text,
        description=description,
        parties=parties,
    )
    document_file_under_event(actor=actor, document=document, event=event)
    return event
