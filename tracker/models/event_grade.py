from django.conf import settings
from django.db import models

from tracker.vocabularies import AirwarsGrade

GRADES_OR_NONE = [*AirwarsGrade.values, ""]


class EventGradeChange(models.Model):
    """One editor's grade of an event on the Airwars scale. Append-only, like a verdict.

    The comparison only suggests a grade (``Event.summary``); this is the
    editor's own call, with why, and what the suggestion was when it was made,
    so a later reader sees whether the editor went with it or against it.
    """

    event = models.ForeignKey(
        "tracker.Event", on_delete=models.PROTECT, related_name="grade_changes"
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    # "" when the event had no grade before.
    from_grade = models.CharField(max_length=16, choices=AirwarsGrade.choices, blank=True)
    to_grade = models.CharField(max_length=16, choices=AirwarsGrade.choices)
    rationale = models.TextField()
    # The suggestion as it stood: its grade ("" with no accounts) and the
    # event's stored summary ({"lines", "grade", "grade_reasons"}).
    suggested_grade = models.CharField(max_length=16, choices=AirwarsGrade.choices, blank=True)
    judged_summary = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        ordering = ["-changed_at", "-id"]
        get_latest_by = "changed_at"
        permissions = [("grade_event", "Can record an event's grade")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(to_grade__in=AirwarsGrade.values)
                & models.Q(from_grade__in=GRADES_OR_NONE)
                & models.Q(suggested_grade__in=GRADES_OR_NONE),
                name="event_grade_change_grades_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(from_grade=models.F("to_grade")),
                name="event_grade_change_changes_something",
            ),
            models.CheckConstraint(
                condition=~models.Q(rationale=""), name="event_grade_change_has_rationale"
            ),
        ]

    def __str__(self) -> str:
        before = self.from_grade or "ungraded"
        return f"{before} → {self.to_grade} on event {self.event_id}"
