from django.db import models
from simple_history.models import HistoricalRecords

from tracker.name_keys import name_key


class EntityKind(models.TextChoices):
    PARTY = "party", "Party or group"
    PLACE = "place", "Place"
    ORGANISATION = "organisation", "Organisation"
    PERSON = "person", "Person"
    OTHER = "other", "Other"


class NamedEntity(models.Model):
    """One party, place or body that reports name in several ways.

    Extraction uses this table to read "IS", "ISIS", "Daesh" and "Islamic State"
    as one party, and "Deir ez-Zor" and "Deir al-Zour" as one place. A party
    that also makes claims links to its Source.
    """

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=EntityKind.choices)
    source = models.OneToOneField(
        "tracker.Source",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="entity",
        help_text="The source this entity is, when it also makes claims.",
    )
    description = models.TextField(blank=True)
    # The name as compared (tracker.name_keys), unique across the table.
    name_key = models.TextField(editable=False)
    history = HistoricalRecords(excluded_fields=["name_key"])

    class Meta:
        ordering = ["name"]
        verbose_name = "named entity"
        verbose_name_plural = "names and aliases"
        constraints = [
            models.UniqueConstraint(fields=["name_key"], name="entity_name_key_unique"),
            models.CheckConstraint(
                condition=models.Q(kind__in=EntityKind.values), name="entity_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, update_fields=None, **kwargs):
        self.name_key = name_key(self.name)
        if update_fields is not None and "name" in update_fields:
            update_fields = {*update_fields, "name_key"}
        super().save(*args, update_fields=update_fields, **kwargs)


class EntityAlias(models.Model):
    entity = models.ForeignKey(NamedEntity, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    name_key = models.TextField(editable=False)
    history = HistoricalRecords(excluded_fields=["name_key"])

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "entity aliases"
        constraints = [
            models.UniqueConstraint(fields=["name_key"], name="entity_alias_name_key_unique")
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, update_fields=None, **kwargs):
        self.name_key = name_key(self.name)
        if update_fields is not None and "name" in update_fields:
            update_fields = {*update_fields, "name_key"}
        super().save(*args, update_fields=update_fields, **kwargs)
