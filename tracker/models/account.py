from django.conf import settings
from django.db import models
from django.db.models.functions import Length
from simple_history.models import HistoricalRecords

from tracker.vocabularies import Stance


class Account(models.Model):
    """A source's stance on a claim, as found in one document.

    The quote is verbatim: ``document.text[quote_start:quote_end] == quote``.
    The service checks it with a clear message; a database trigger (see the
    migration ``account_quote_inside_document``) holds it for every other path.
    """

    claim = models.ForeignKey("tracker.Claim", on_delete=models.PROTECT, related_name="accounts")
    source = models.ForeignKey("tracker.Source", on_delete=models.PROTECT, related_name="accounts")
    document = models.ForeignKey(
        "tracker.Document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="accounts",
    )
    quote = models.TextField(blank=True)
    quote_start = models.PositiveIntegerField(null=True, blank=True)
    quote_end = models.PositiveIntegerField(null=True, blank=True)
    stance = models.CharField(max_length=32, choices=Stance.choices, default=Stance.ASSERTS)
    intermediary = models.ForeignKey(
        "tracker.Source",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="relayed_accounts",
        help_text='The outlet the statement came through ("told Rudaw English").',
    )
    said_on = models.DateField(null=True, blank=True, help_text="When the source said it.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["claim_id", "quote_start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(stance__in=Stance.values), name="account_stance_valid"
            ),
            # Either no quote at all, or a quote with both offsets, non-empty,
            # whose length is exactly the span it claims to cover.
            models.CheckConstraint(
                condition=models.Q(quote="", quote_start__isnull=True, quote_end__isnull=True)
                | models.Q(
                    document__isnull=False,
                    quote_start__isnull=False,
                    quote_end__gt=models.F("quote_start"),
                    quote_end=models.F("quote_start") + Length("quote"),
                ),
                name="account_quote_span_consistent",
            ),
            models.CheckConstraint(
                condition=~models.Q(intermediary=models.F("source")),
                name="account_intermediary_not_source",
            ),
            models.UniqueConstraint(
                fields=["claim", "source", "document", "quote_start"],
                name="account_unique_per_quote",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.get_stance_display().lower()}: {self.claim}"
