from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from tracker.name_keys import GLOBAL_SCOPE, label_with_affiliation, name_key
from tracker.vocabularies import PERSON_KINDS, Reliability, SourceKind

# Kept in step with the name, kind and parent by ``save``; never edited by hand.
DERIVED_NAME_FIELDS = ("name_key", "name_scope", "display_name")
# What ``str(source)`` reads: a queryset limited with ``only()`` must load these.
SOURCE_LABEL = ("pk", "name", "display_name")


class Source(models.Model):
    """Who makes claims: an outlet, agency, government body, armed party, person."""

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=32, choices=SourceKind.choices)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="The body this source speaks for (a spokesperson's army, an agency's state).",
    )
    # The top of the parent chain, kept by the services so that counting
    # independent sources is one GROUP BY rather than a walk up the tree per row.
    root = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reliability = models.CharField(max_length=1, choices=Reliability.choices, default=Reliability.F)
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The name as compared (tracker.name_keys), and where it must be unique:
    # the parent's id for a person (two spokesmen called Ahmed Hassan may speak
    # for two ministries), GLOBAL_SCOPE for everyone else.
    name_key = models.TextField(editable=False)
    name_scope = models.BigIntegerField(editable=False, default=GLOBAL_SCOPE)
    # How the source is shown wherever it is listed or chosen: a person with
    # the body they speak for, "Ahmed Hassan (Ministry of Defence)". Stored so
    # that showing it costs no query for the parent.
    display_name = models.CharField(max_length=500, editable=False)
    history = HistoricalRecords(
        excluded_fields=["root", "updated_at", "name_key", "name_scope", "display_name"]
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["name_scope", "name_key"], name="source_name_unique_in_scope"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=SourceKind.values), name="source_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(reliability__in=Reliability.values),
                name="source_reliability_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")), name="source_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.display_name or self.name

    def save(self, *args, update_fields=None, **kwargs):
        self.refresh_derived_names()
        if update_fields is not None and {"name", "kind", "parent"} & set(update_fields):
            update_fields = {*update_fields, *DERIVED_NAME_FIELDS}
        super().save(*args, update_fields=update_fields, **kwargs)

    @property
    def is_person(self) -> bool:
        return self.kind in PERSON_KINDS

    def refresh_derived_names(self) -> None:
        """Set the key, scope and display name from the name, kind and parent."""
        self.name_key = name_key(self.name)
        speaks_for = self.parent if self.is_person else None
        self.name_scope = speaks_for.pk if speaks_for is not None else GLOBAL_SCOPE
        self.display_name = label_with_affiliation(
            self.name, speaks_for.name if speaks_for is not None else None
        )


class SourceAlias(models.Model):
    """Another name a source goes by ("Syrian Arab News Agency" for SANA)."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    # As on Source: an alias of a person is unique among those of the same parent.
    name_key = models.TextField(editable=False)
    name_scope = models.BigIntegerField(editable=False, default=GLOBAL_SCOPE)
    history = HistoricalRecords(excluded_fields=["name_key", "name_scope"])

    class Meta:
        verbose_name_plural = "source aliases"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["name_scope", "name_key"], name="source_alias_unique_in_scope"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, update_fields=None, **kwargs):
        self.name_key = name_key(self.name)
        self.name_scope = self.source.name_scope
        if update_fields is not None and "name" in update_fields:
            update_fields = {*update_fields, "name_key", "name_scope"}
        super().save(*args, update_fields=update_fields, **kwargs)
