"""The event's grade in the admin: the answer on the event page, and recording a grade.

The event page leads with what an editor needs in ten seconds: the summary
line per aspect, the suggested grade with its reasons, the grade an editor
recorded (if any) and the way to the comparison. Recording a grade is a page
of its own, as a claim's verdict is: the suggestion and its reasons, the
claims' verdicts as they read on the same scale, and the open conflicts are
shown as evidence beside the form, and the rationale is required.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from tracker import services
from tracker.admin.base import add_service_error
from tracker.admin.display import status_badge
from tracker.models import Claim, Event, EventGradeChange
from tracker.selectors.event_grades import grade_history
from tracker.vocabularies import (
    AIRWARS_MEANING,
    STATUS_AIRWARS,
    AirwarsGrade,
    Aspect,
    VerificationStatus,
    label_of,
)

if TYPE_CHECKING:
    from tracker.admin.events import EventAdmin


def grade_badge(grade: str) -> SafeString:
    """A grade as a badge; the CSS class comes from the vocabulary, never from input."""
    if grade not in AirwarsGrade.values:
        return format_html('<span class="tracker-badge tracker-grade-none">{}</span>', "ungraded")
    return format_html(
        '<span class="tracker-badge tracker-grade-{}">{}</span>', grade, AirwarsGrade(grade).label
    )


def grade_url(event_id: int) -> str:
    return reverse("admin:tracker_event_grade", args=[event_id])


@dataclass
class SummaryLine:
    aspect: str
    text: str


@dataclass
class VerdictCount:
    badge: SafeString
    count: int
    reads_as: str  # the Airwars grade the status reads as, or ""


@dataclass
class EventAnswer:
    """What the event page leads with; read from the stored summary, not recomputed."""

    lines: list[SummaryLine]
    suggested: str
    suggested_badge: SafeString | None
    suggested_reasons: list[str]
    recorded: str
    recorded_badge: SafeString
    latest: EventGradeChange | None
    differs: bool  # the recorded grade is not the one suggested now

    @property
    def recorded_meaning(self) -> str:
        return AIRWARS_MEANING.get(self.recorded, "")


def event_answer(event: Event, history: list[EventGradeChange]) -> EventAnswer:
    summary: dict[str, Any] = event.summary or {}
    suggested = summary.get("grade", "")
    return EventAnswer(
        lines=[
            SummaryLine(label_of(Aspect, line.get("aspect", "")), line.get("text", ""))
            for line in summary.get("lines", [])
        ],
        suggested=suggested,
        suggested_badge=grade_badge(suggested) if suggested else None,
        suggested_reasons=list(summary.get("grade_reasons", [])),
        recorded=event.grade,
        recorded_badge=grade_badge(event.grade),
        latest=history[0] if history else None,
        differs=bool(event.grade and suggested and event.grade != suggested),
    )


def verdict_counts(event: Event) -> list[VerdictCount]:
    """The live claims' statuses, and how each reads on the Airwars scale. One query."""
    rows = (
        Claim.objects.filter(event=event, archived_at__isnull=True)
        .order_by()
        .values("status")
        .annotate(count=Count("pk"))
    )
    order = {status: index for index, status in enumerate(VerificationStatus.values)}
    counts = sorted(rows, key=lambda row: order.get(row["status"], 99))
    verdicts = []
    for row in counts:
        grade = STATUS_AIRWARS.get(row["status"], "")
        verdicts.append(
            VerdictCount(
                badge=status_badge(row["status"]),
                count=row["count"],
                reads_as=AirwarsGrade(grade).label if grade else "",
            )
        )
    return verdicts


class EventGradeForm(forms.Form):
    grade = forms.ChoiceField(
        choices=AirwarsGrade.choices,
        widget=forms.RadioSelect,
        help_text="On the Airwars scale. The suggestion is only a suggestion.",
    )
    rationale = forms.CharField(
        required=False,  # the service requires it, and says so on the form
        widget=forms.Textarea(attrs={"rows": 4, "cols": 70}),
        help_text="Why this grade. Always required: it is kept with the grade.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each choice says what it means, so the scale is read, not remembered.
        self.fields["grade"].choices = [
            (grade, f"{label}: {AIRWARS_MEANING[grade]}") for grade, label in AirwarsGrade.choices
        ]


def record_grade_view(model_admin: EventAdmin, request, object_id: str):
    """Ask for a grade and a rationale, with the evidence beside them; record it."""
    if not request.user.has_perm("tracker.grade_event"):
        raise PermissionDenied
    if not str(object_id).isdigit():
        raise Http404("No such event.")
    event = Event.objects.filter(pk=int(object_id)).first()
    if event is None:
        raise Http404("No such event.")
    history = grade_history(event=event)
    answer = event_answer(event, history)
    if request.method == "POST":
        form = EventGradeForm(request.POST)
        if form.is_valid():
            try:
                change = services.event_set_grade(
                    actor=request.user,
                    event=event,
                    grade=form.cleaned_data["grade"],
                    rationale=form.cleaned_data["rationale"],
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                label = AirwarsGrade(change.to_grade).label
                messages.success(request, f"Grade recorded: “{label}”.")
                return redirect(reverse("admin:tracker_event_change", args=[event.pk]))
    else:
        wanted = request.GET.get("grade", "")
        initial = wanted if wanted in AirwarsGrade.values else answer.suggested
        form = EventGradeForm(initial={"grade": initial} if initial else {})
    for change in history:
        change.from_badge = grade_badge(change.from_grade)
        change.to_badge = grade_badge(change.to_grade)
        change.suggested_badge = grade_badge(change.suggested_grade)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "media": model_admin.media,
        "title": f"Record the grade: {event}",
        "event": event,
        "original": event,
        "answer": answer,
        "verdicts": verdict_counts(event),
        "open_conflicts": event.findings.filter(is_open=True).count(),
        "history": history,
        "form": form,
        "compare_url": reverse("admin:tracker_event_compare", args=[event.pk]),
    }
    return TemplateResponse(request, "admin/tracker/event/grade.html", context)
