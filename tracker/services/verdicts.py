"""What a verdict certifies: the claim as it was judged, and nothing else.

A status change records the claim's substance at that moment. Afterwards the
substance may change only by someone who can judge it again, and such a
change sends the claim back to review; a reporter who thinks it wrong flags
it. New or removed accounts leave the verdict alone but mark the claim for an
editor's attention (``Claim.accounts_changed_at``).
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.utils import timezone

from tracker.models import Claim, StatusChange
from tracker.services._common import Actor, history_user
from tracker.services.track_record import track_record_refresh_for_claims
from tracker.vocabularies import NO_VERDICT, VerificationStatus

# What a verdict is about; in the order a rationale names them.
SUBSTANCE_FIELDS = (
    "text", "aspect", "event", "count_min", "count_max", "count_approximate",
    "count_min_exclusive", "count_max_exclusive", "unit", "named_parties",
)  # fmt: skip


def has_verdict(claim: Claim) -> bool:
    return claim.status not in NO_VERDICT


def may_change_judged_substance(actor: Actor) -> bool:
    """Whether ``actor`` may change what a verdict judged: who can judge it again."""
    return actor is None or actor.has_perm("tracker.set_claim_status")


def judged_substance(claim: Claim) -> dict[str, Any]:
    """The claim's substance as a status change stores it (see StatusChange.judged_claim)."""
    event = claim.event
    return {
        "text": claim.text,
        "aspect": claim.aspect,
        "count_min": claim.count_min,
        "count_max": claim.count_max,
        "count_approximate": claim.count_approximate,
        "count_min_exclusive": claim.count_min_exclusive,
        "count_max_exclusive": claim.count_max_exclusive,
        "unit": claim.unit,
        "event": None if event is None else {"id": event.pk, "name": event.name},
        "named_parties": [
            {"id": pk, "name": name}
            for pk, name in claim.named_parties.order_by("pk").values_list("pk", "name")
        ],
    }


def require_may_change_substance(*, actor: Actor, claim: Claim, changed: list[str]) -> None:
    """Refuse a change of a judged claim's substance to whoever cannot judge it again."""
    if not changed or not has_verdict(claim) or may_change_judged_substance(actor):
        return
    raise PermissionDenied(
        f"This claim has a verdict ({claim.get_status_display()}), so its "
        f"{', '.join(in_substance_order(changed))} can no longer be changed. "
        "Flag the claim instead, saying what should change; an editor will review it."
    )


def in_substance_order(fields: list[str]) -> list[str]:
    return [field for field in SUBSTANCE_FIELDS if field in fields]


def status_change_record(
    *, actor: Actor, claim: Claim, status: str, rationale: str, sent_back: bool = False
) -> StatusChange:
    """Append a status change with the claim as judged, and give the claim its status.

    ``claim`` must be locked and hold its current substance. A status change
    means an editor has looked again, so the accounts mark is cleared; one
    made by an edit (``sent_back``) marks the claim as sent back to review.
    """
    change = StatusChange.objects.create(
        claim=claim,
        changed_by=history_user(actor),
        from_status=claim.status,
        to_status=status,
        rationale=rationale,
        judged_claim=judged_substance(claim),
    )
    claim.status = status
    claim.accounts_changed_at = None
    claim.sent_back_at = change.changed_at if sent_back else None
    claim._history_user = history_user(actor)
    claim._change_reason = rationale[:100]
    claim.save(update_fields=["status", "accounts_changed_at", "sent_back_at", "updated_at"])
    track_record_refresh_for_claims(claim_ids=[claim.pk])
    return change


def claim_back_to_review(*, actor: Actor, claim: Claim, changed: list[str]) -> None:
    """After ``changed`` fields of a judged claim changed: in review again, saying why."""
    if not changed or not has_verdict(claim):
        return
    fields = ", ".join(in_substance_order(changed))
    status_change_record(
        actor=actor,
        claim=claim,
        status=VerificationStatus.IN_REVIEW,
        rationale=f"Back to review: {fields} changed after the verdict.",
        sent_back=True,
    )


def claim_accounts_changed(*, claim: Claim) -> None:
    """Mark that the claim's accounts changed since its last status change, if it has one.

    Called after the findings refresh, which writes the event's claims: marking
    first would take this claim's row lock ahead of theirs, in the opposite
    order to a concurrent refresh.
    """
    has_status_change = Exists(StatusChange.objects.filter(claim=OuterRef("pk")))
    Claim.objects.filter(has_status_change, pk=claim.pk).update(accounts_changed_at=timezone.now())
