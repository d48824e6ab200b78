from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords

from tracker.vocabularies import Reliability, SourceKind


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
    history = HistoricalRecords(excluded_fields=["root", "updated_at"])

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="source_name_unique_ci"),
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
        return self.name


class SourceAlias(models.Model):
    """Another name a source goes by ("Syrian Arab News Agency" for SANA)."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "source aliases"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="source_alias_unique_ci"),
        ]

    def __str__(self) -> str:
        return self.name
