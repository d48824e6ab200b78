from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords


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
    history = HistoricalRecords(excluded_fields=["updated_at"], m2m_fields=[parties])

    class Meta:
        ordering = ["-date_start", "name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="event_name_unique_ci"),
            models.CheckConstraint(
                condition=models.Q(date_end__isnull=True)
                | models.Q(date_start__isnull=False, date_end__gte=models.F("date_start")),
                name="event_date_range_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.name
