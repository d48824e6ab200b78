"""An event's recorded grades: the editors' calls, latest first."""

from django.db.models import QuerySet

from tracker.models import Event, EventGradeChange

# The latest grade changes a page shows; an event is rarely graded more often.
GRADE_HISTORY_ROWS = 50


def grade_history(*, event: Event | int) -> list[EventGradeChange]:
    """The event's grade changes, latest first, with who made them. One query."""
    event_id = event if isinstance(event, int) else event.pk
    rows: QuerySet[EventGradeChange] = (
        EventGradeChange.objects.filter(event_id=event_id)
        .select_related("changed_by")
        .order_by("-changed_at", "-id")
    )
    return list(rows[:GRADE_HISTORY_ROWS])
