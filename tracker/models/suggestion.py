from django.conf import settings
from django.db import models
from django.db.models.functions import Length
from simple_history.models import HistoricalRecords

from tracker.models.figures import FigureInWords
from tracker.vocabularies import (
    Aspect,
    SourceKind,
    Stance,
    SuggestionStatus,
    SuggestionVoice,
    Unit,
)


class Suggestion(FigureInWords, models.Model):
    """An account the extractor proposes; a person accepts, edits or rejects it.

    Nothing here is verified: accepting creates an account through the same
    services as manual entry, with the claim left unverified.
    """

    document = models.ForeignKey(
        "tracker.Document", on_delete=models.CASCADE, related_name="suggestions"
    )
    ordinal = models.PositiveIntegerField(help_text="Order of appearance in the document.")
    status = models.CharField(
        max_length=16, choices=SuggestionStatus.choices, default=SuggestionStatus.PENDING
    )
    voice = models.CharField(max_length=16, choices=SuggestionVoice.choices)
    # Who said it: a known source, or a proposed new one.
    speaker_text = models.CharField(max_length=500, blank=True)
    source = models.ForeignKey(
        "tracker.Source", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    proposed_source_name = models.CharField(max_length=200, blank=True)
    proposed_source_kind = models.CharField(max_length=32, choices=SourceKind.choices, blank=True)
    proposed_source_parent = models.ForeignKey(
        "tracker.Source", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cue_text = models.CharField(max_length=500, blank=True)
    quote = models.TextField()
    quote_start = models.PositiveIntegerField()
    quote_end = models.PositiveIntegerField()
    stance = models.CharField(max_length=32, choices=Stance.choices)
    intermediary_text = models.CharField(max_length=500, blank=True)
    intermediary = models.ForeignKey(
        "tracker.Source", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The claim it makes.
    claim_text = models.TextField()
    aspect = models.CharField(max_length=32, choices=Aspect.choices, default=Aspect.OTHER)
    count_min = models.PositiveBigIntegerField(null=True, blank=True)
    count_max = models.PositiveBigIntegerField(null=True, blank=True)
    count_approximate = models.BooleanField(default=False)
    # "More than 30" / "fewer than 10", as on Claim.
    count_min_exclusive = models.BooleanField(default=False, db_default=False)
    count_max_exclusive = models.BooleanField(default=False, db_default=False)
    unit = models.CharField(max_length=32, choices=Unit.choices, blank=True)
    named_parties = models.ManyToManyField("tracker.Source", blank=True, related_name="+")
    event = models.ForeignKey(
        "tracker.Event", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Which claim of its event accepting joins: chosen by the reviewer, or
    # (when empty) the one that says the same (services.suggestions). With
    # ``new_claim`` accepting creates a claim even when one says the same.
    claim = models.ForeignKey(
        "tracker.Claim",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The existing claim this account joins, when the reviewer chose one.",
    )
    new_claim = models.BooleanField(
        default=False,
        db_default=False,
        help_text="Make a new claim even if one of the event's claims says the same.",
    )
    rules = models.JSONField(default=list, help_text="Every rule that produced this suggestion.")
    extracted = models.JSONField(default=dict, help_text="What the extractor returned, as is.")
    # The decision.
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)
    account = models.ForeignKey(
        "tracker.Account", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["extracted"])

    class Meta:
        ordering = ["document_id", "ordinal"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "ordinal"], name="suggestion_ordinal_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=SuggestionStatus.values),
                name="suggestion_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(stance__in=Stance.values), name="suggestion_stance_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(
                    quote_end__gt=models.F("quote_start"),
                    quote_end=models.F("quote_start") + Length("quote"),
                ),
                name="suggestion_quote_span_consistent",
            ),
            models.CheckConstraint(
                condition=models.Q(status="pending", decided_at__isnull=True)
                | ~models.Q(status="pending") & models.Q(decided_at__isnull=False),
                name="suggestion_decision_recorded",
            ),
            models.CheckConstraint(
                condition=models.Q(count_min__isnull=True)
                | models.Q(count_max__isnull=True)
                | models.Q(count_min__lte=models.F("count_max")),
                name="suggestion_interval_min_le_max",
            ),
        ]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=models.Q(status="pending"),
                name="suggestion_pending_idx",
            ),
        ]

    def __str__(self) -> str:
        who = self.speaker_text or "the outlet"
        return f"{who}: {self.claim_text[:70]}"

    @property
    def speaker_display(self) -> str:
        if self.source_id:
            return str(self.source)
        return self.proposed_source_name or self.speaker_text or "the outlet"


class Extraction(models.Model):
    """One run of the extractor over a document: what it set aside and how the text came."""

    document = models.OneToOneField(
        "tracker.Document", on_delete=models.CASCADE, related_name="extraction"
    )
    via = models.CharField(max_length=16, help_text="How the text arrived: paste, api, command.")
    # Stretches judged to belong to another story or to the page (captions,
    # teasers, navigation): [{"start", "end", "text", "kind", "reason"}].
    noise = models.JSONField(default=list, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    title_matches = models.BooleanField(null=True)
    # Names of the names table found in the text: [{"start", "text", "entity_id"}],
    # so the event candidates of a stored document need not read it again.
    # Null for extractions made before they were kept.
    mentions = models.JSONField(null=True, blank=True, default=None)
    suggestion_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"Extraction of document {self.document_id}"
