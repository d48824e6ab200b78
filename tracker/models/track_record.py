from django.db import models


class TrackRecordEntry(models.Model):
    """A claim as one source's track record counts it, kept so a record is one index range.

    One row for each (source, claim, stance, quarter) among the source's live
    accounts that assert or retract: the claim's current status, whether it
    gives a figure, whether any of those accounts stands apart in a
    best-supported finding (``FindingOutlier``), and the source's root. Every
    value is a copy of stored rows, rewritten for a claim by
    ``services.track_record.track_record_sync`` in the same transaction as
    the write that changed it (see docs/design.md, "Track records");
    ``manage.py track_record_check`` recomputes them all and compares.
    """

    claim = models.ForeignKey(
        "tracker.Claim", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    source = models.ForeignKey(
        "tracker.Source", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    # The source's root affiliation, as ``Source.root`` (which may be unset).
    root = models.ForeignKey(
        "tracker.Source",
        null=True,
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
    )
    stance = models.CharField(max_length=32)
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=32)
    has_figure = models.BooleanField()
    stands_apart = models.BooleanField()

    class Meta:
        constraints = [
            # Leads with the claim: it also serves the rewrite of a claim's rows.
            models.UniqueConstraint(
                fields=["claim", "source", "stance", "year", "quarter"],
                name="track_record_entry_unique",
            ),
        ]
        indexes = [
            # Every column a record reads, in the order its inner GROUP BY
            # (stance, status, claim[, year, quarter]) walks them: an index-only
            # scan of one range, already sorted, for a source or an affiliation.
            models.Index(
                fields=[
                    "source",
                    "stance",
                    "status",
                    "claim",
                    "year",
                    "quarter",
                    "has_figure",
                    "stands_apart",
                ],
                name="track_record_by_source",
            ),
            models.Index(
                fields=[
                    "root",
                    "stance",
                    "status",
                    "claim",
                    "year",
                    "quarter",
                    "has_figure",
                    "stands_apart",
                ],
                name="track_record_by_root",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"Source {self.source_id} {self.stance} claim {self.claim_id}"
            f" in {self.year} Q{self.quarter}"
        )
