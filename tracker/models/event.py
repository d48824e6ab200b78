from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from tracker.name_keys import name_key
from tracker.vocabularies import AirwarsGrade


class Event(models.Model):
    """What several claims are about: one strike, one attack, one battle."""

    name = models.CharField(max_length=300)
    place = models.CharField(max_length=300, blank=True)
    date_start = models.DateField(null=True, blank=True)
    date_end = models.DateField(null=True, blank=True)
    date_text = models.CharField(
        max_length=200, blank=True, help_text='The date as reported, e.g. "late Thursday".'
    )
    description = models.TextField(blank=True)
    parties = models.ManyToManyField(
        "tracker.Source",
        blank=True,
        related_name="events_as_party",
        help_text="Belligerents: their accounts of this event are marked interested.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The name as compared (tracker.name_keys): event names are unique ignoring case.
    name_key = models.TextField(editable=False)
    # The summary of the last comparison (tracker.conflicts.EventSummary as JSON),
    # stored by the findings refresh so lists and exports show it without comparing.
    summary = models.JSONField(default=dict, blank=True, editable=False)
    # The grade an editor recorded ("" until one does); its history is the
    # event's grade changes (tracker.models.EventGradeChange), not this table's.
    grade = models.CharField(
        max_length=16, choices=AirwarsGrade.choices, blank=True, default="", editable=False
    )
    history = HistoricalRecords(
        excluded_fields=["updated_at", "name_key", "summary", "grade"], m2m_fields=[parties]
    )

    class Meta:
        ordering = ["-date_start", "name"]
        constraints = [
            models.UniqueConstraint(fields=["name_key"], name="event_name_key_unique"),
            models.CheckConstraint(
                condition=models.Q(date_end__isnull=True)
                | models.Q(date_start__isnull=False, date_end__gte=models.F("date_start")),
                name="event_date_range_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(grade__in=[*AirwarsGrade.values, ""]),
                name="event_grade_valid",
            ),
        ]
        # Event candidates look near a report's dates (selectors.event_candidates).
        indexes = [models.Index(fields=["date_start", "id"], name="event_date_idx")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, update_fields=None, **kwargs):
        self.name_key = name_key(self.name)
        if update_fields is not None and "name" in update_fields:
            update_fields = {*update_fields, "name_key"}
        super().save(*args, update_fields=update_fields, **kwargs)


class EventPlace(models.Model):
    """A names-table place an event is filed under: its place or name holds a spelling of it.

    Kept by the services (``services.event_places``): when an event is saved
    with another place or name, and when a place entity gains, loses or
    changes a spelling or its kind. Event candidates look a report's places up
    here by entity id (``selectors.event_candidates``) instead of searching
    every event's text for every spelling.
    """

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="place_keys")
    entity = models.ForeignKey(
        # The unique (entity, event) index serves lookups by entity.
        "tracker.NamedEntity",
        on_delete=models.CASCADE,
        related_name="event_keys",
        db_index=False,
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entity", "event"], name="event_place_unique"),
        ]

    def __str__(self) -> str:
        return f"event {self.event_id} in entity {self.entity_id}"
