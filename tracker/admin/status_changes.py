"""The verdict log: read by everyone, written only by the services (services/verdicts.py)."""

from django.contrib import admin

from tracker import selectors
from tracker.admin.base import ReadOnlyAdmin
from tracker.admin.display import admin_link, shorten, status_badge, user_name
from tracker.conflicts.intervals import figure_words
from tracker.models import StatusChange


@admin.register(StatusChange)
class StatusChangeAdmin(ReadOnlyAdmin):
    list_display = ("changed_at", "claim_link", "from_badge", "to_badge", "by", "why")
    list_filter = ("to_status", "from_status")
    search_fields = ("rationale", "claim__text")
    date_hierarchy = "changed_at"
    fields = (
        "claim", "changed_by", "changed_at", "from_status", "to_status", "rationale",
        "judged",
    )  # fmt: skip

    def get_queryset(self, request):
        return selectors.status_change_list_queryset()

    @admin.display(description="claim", ordering="claim__text")
    def claim_link(self, obj: StatusChange):
        return admin_link(obj.claim, shorten(obj.claim.text, 80))

    @admin.display(description="from", ordering="from_status")
    def from_badge(self, obj: StatusChange):
        return status_badge(obj.from_status)

    @admin.display(description="to", ordering="to_status")
    def to_badge(self, obj: StatusChange):
        return status_badge(obj.to_status)

    @admin.display(description="by", ordering="changed_by__username")
    def by(self, obj: StatusChange) -> str:
        return user_name(obj.changed_by)

    @admin.display(description="rationale")
    def why(self, obj: StatusChange) -> str:
        return shorten(obj.rationale, 120)

    @admin.display(description="claim as judged")
    def judged(self, obj: StatusChange) -> str:
        judged = obj.judged_claim or {}
        parties = ", ".join(
            party["name"] or f"#{party['id']}" for party in judged.get("named_parties", [])
        )
        parts = [judged.get("text", ""), interval_of(judged), parties and f"names {parties}"]
        return "; ".join(part for part in parts if part)


def interval_of(judged: dict) -> str:
    """The judged figure in words, as Claim.interval_display writes it: "at least 35 people"."""
    low, high = judged.get("count_min"), judged.get("count_max")
    if low is None and high is None:
        return ""
    return figure_words(
        low, high, approximate=bool(judged.get("count_approximate")), unit=judged.get("unit", "")
    )
