from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from simple_history.models import HistoricalRecords

from tracker.models.figures import FigureInWords
from tracker.vocabularies import Aspect, Unit, VerificationStatus


class Claim(FigureInWords, models.Model):
    """One checkable proposition, such as "at least 35 civilians were killed"."""

    text = models.TextField()
    event = models.ForeignKey(
        "tracker.Event", null=True, blank=True, on_delete=models.PROTECT, related_name="claims"
    )
    aspect = models.CharField(max_length=32, choices=Aspect.choices, default=Aspect.OTHER)
    # A count is an interval: "at least 35" is [35, open); either end may be open.
    count_min = models.PositiveBigIntegerField(null=True, blank=True)
    count_max = models.PositiveBigIntegerField(null=True, blank=True)
    count_approximate = models.BooleanField(
        default=False, help_text='The number was given loosely ("roughly 2,000").'
    )
    # How a bound was said. "More than 30" is stored as [31, open) for the
    # comparison, with count_min_exclusive so it still reads "more than 30";
    # "fewer than 10" is [0, 9] with count_max_exclusive.
    count_min_exclusive = models.BooleanField(
        default=False,
        db_default=False,
        help_text='The lower bound was said as "more than" the number below the minimum.',
    )
    count_max_exclusive = models.BooleanField(
        default=False,
        db_default=False,
        help_text='The upper bound was said as "fewer than" the number above the maximum.',
    )
    unit = models.CharField(max_length=32, choices=Unit.choices, blank=True)
    # Who the claim says did it (perpetrator) or holds the ground (territory).
    # Several parties on one claim are alternatives: "it or partner forces".
    named_parties = models.ManyToManyField(
        "tracker.Source",
        blank=True,
        related_name="claims_naming",
        help_text="Parties the claim names; several are offered as alternatives.",
    )
    status = models.CharField(
        max_length=32,
        choices=VerificationStatus.choices,
        default=VerificationStatus.UNVERIFIED,
        editable=False,
    )
    # Derived by the conflict refresh (services/findings.py), stored so lists
    # can show and filter them without recomputing. Suggestions only.
    suggested_status = models.CharField(
        max_length=32, choices=VerificationStatus.choices, blank=True, editable=False
    )
    suggestion_basis = models.CharField(max_length=40, blank=True, editable=False)
    suggestion_reasons = models.JSONField(default=list, blank=True, editable=False)
    independent_sources = models.PositiveIntegerField(default=0, editable=False)
    # The claim's text, its accounts' quotes and their sources' names and aliases
    # as one full-text document. PostgreSQL triggers keep it current and a GIN
    # index serves it (migration 0009); on SQLite it stays empty and search
    # falls back to substring matching. Lists defer it: nothing displays it.
    search_vector = SearchVectorField(null=True, blank=True, editable=False)
    # When its oldest unresolved flag was raised; null when none is open. Kept
    # by the flag services so the review queue is an index walk, not a sort of
    # every flagged claim by a subquery (a second a page at a million claims).
    oldest_open_flag_at = models.DateTimeField(null=True, blank=True, editable=False)
    # When an account was added, edited or removed after the claim's last status
    # change; cleared by the next one. The verdict stands (accounts are evidence,
    # not the claim), but the claim needs an editor's eyes again.
    accounts_changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # When an edit of its substance sent the claim back to review (the
    # automatic "Back to review" status change); cleared by the next status
    # change, so the inbox finds these claims by an index walk.
    sent_back_at = models.DateTimeField(null=True, blank=True, editable=False)
    archived_at = models.DateTimeField(null=True, blank=True, editable=False)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
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
    history = HistoricalRecords(
        excluded_fields=[
            "updated_at", "suggested_status", "suggestion_basis", "suggestion_reasons",
            "independent_sources", "search_vector", "oldest_open_flag_at", "accounts_changed_at",
            "sent_back_at",
        ],
        m2m_fields=[named_parties],
    )  # fmt: skip

    class Meta:
        ordering = ["-updated_at", "-id"]
        permissions = [
            ("set_claim_status", "Can set the verification status of a claim"),
            ("archive_claim", "Can archive a claim"),
        ]
        constraints = [
            models.CheckConstraint(condition=~models.Q(text=""), name="claim_text_not_empty"),
            models.CheckConstraint(
                condition=models.Q(status__in=VerificationStatus.values), name="claim_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(aspect__in=Aspect.values), name="claim_aspect_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(count_min__isnull=True)
                | models.Q(count_max__isnull=True)
                | models.Q(count_min__lte=models.F("count_max")),
                name="claim_interval_min_le_max",
            ),
            models.CheckConstraint(
                condition=models.Q(count_min__isnull=True, count_max__isnull=True)
                | ~models.Q(unit=""),
                name="claim_interval_has_unit",
            ),
            # "More than 0" is [1, open); "fewer than" needs an upper bound.
            models.CheckConstraint(
                condition=models.Q(count_min_exclusive=False) | models.Q(count_min__gte=1),
                name="claim_exclusive_min_above_zero",
            ),
            models.CheckConstraint(
                condition=models.Q(count_max_exclusive=False) | models.Q(count_max__isnull=False),
                name="claim_exclusive_max_given",
            ),
        ]
        indexes = [
            models.Index(fields=["event", "aspect"], name="claim_event_aspect_idx"),
            # Lists are newest first ("-updated_at", "-id"): a page is an index walk,
            # not a sort, with or without a status filter (which the second one
            # also serves alone, so it replaces the plain status index).
            models.Index(fields=["updated_at", "id"], name="claim_updated_idx"),
            models.Index(fields=["status", "updated_at", "id"], name="claim_status_updated_idx"),
            # The review queue: flagged claims not archived, oldest flag first.
            models.Index(
                fields=["oldest_open_flag_at", "id"],
                name="claim_review_queue_idx",
                condition=models.Q(oldest_open_flag_at__isnull=False, archived_at__isnull=True),
            ),
            # The editors' inbox: live claims whose accounts changed since their verdict.
            models.Index(
                fields=["accounts_changed_at", "id"],
                name="claim_accounts_changed_idx",
                condition=models.Q(accounts_changed_at__isnull=False, archived_at__isnull=True),
            ),
            models.Index(
                fields=["sent_back_at", "id"],
                name="claim_sent_back_idx",
                condition=models.Q(sent_back_at__isnull=False, archived_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else self.text[:79] + "…"

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


class ReviewQueueClaim(Claim):
    """Claims with open flags, as the editors' review queue shows them."""

    class Meta:
        proxy = True
        verbose_name = "review queue item"
        verbose_name_plural = "review queue"
