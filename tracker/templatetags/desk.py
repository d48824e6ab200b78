"""The inbox's counts, for the admin's index page."""

from django import template
from django.urls import reverse

from tracker.selectors.inbox import REASONS, count_label, inbox_counts

register = template.Library()


@register.inclusion_tag("admin/tracker/desk/counts.html", takes_context=True)
def inbox_summary(context) -> dict:
    user = context["request"].user
    if not user.has_perm("tracker.view_claim"):
        return {"show": False}
    counts = inbox_counts()
    inbox = reverse("admin:tracker_inbox")
    return {
        "show": True,
        "inbox_url": inbox,
        "mine_url": reverse("admin:tracker_my_desk"),
        "reasons": [
            {"label": r.label, "count": count_label(counts[r.key]), "empty": not counts[r.key],
             "url": f"{inbox}?reason={r.key}", "key": r.key}
            for r in REASONS
        ],
    }  # fmt: skip
