"""An editor's grade of an event, on the Airwars scale, with why.

The comparison suggests a grade (``Event.summary``); it is never applied. An
editor records the event's grade here, and each grade is an append-only
``EventGradeChange`` that keeps who, when, the rationale and what the
suggestion said at that moment, as a claim's status change does.
"""

from django.core.exceptions import ValidationError

from tracker.models import Event, EventGradeChange
from tracker.services._boundary import service, settle
from tracker.services._common import (
    Actor,
    check_choice,
    clean_text,
    history_user,
    require_permission,
)
from tracker.vocabularies import AirwarsGrade

MAX_RATIONALE = 5000


def may_grade_events(actor: Actor) -> bool:
    return actor is None or actor.has_perm("tracker.grade_event")


@service
def event_set_grade(*, actor: Actor, event: Event, grade: str, rationale: str) -> EventGradeChange:
    """Record the event's grade. A rationale is always required: a grade is a judgement."""
    require_permission(actor, "tracker.grade_event", action="record event grades")
    check_choice("grade", grade, AirwarsGrade)
    rationale = clean_text(
        "rationale", rationale or "", required=True, max_length=MAX_RATIONALE
    ).strip()
    # What this write already changed about the event is compared first, so the
    # suggestion kept beside the grade is the one the editor could see now.
    settle()
    # Two editors grading at once queue here, and the second sees the first's grade.
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.grade == grade:
        already = event.get_grade_display()
        raise ValidationError({"grade": f"The event is already graded {already}."})
    summary = dict(event.summary or {})
    change = EventGradeChange.objects.create(
        event=event,
        changed_by=history_user(actor),
        from_grade=event.grade,
        to_grade=grade,
        rationale=rationale,
        suggested_grade=summary.get("grade", ""),
        judged_summary=summary,
    )
    # An update, not a save: the grade's history is its changes, not the event's history.
    Event.objects.filter(pk=event.pk).update(grade=grade, updated_at=change.changed_at)
    event.grade = grade
    return change
