from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Min, Subquery
from django.utils import timezone

from tracker.models import Claim, Flag
from tracker.services._common import Actor, check_choice, clean_text, require_permission
from tracker.vocabularies import FlagKind, FlagReason


@transaction.atomic
def flag_raise(*, actor: Actor, claim: Claim, kind: str, reason: str, note: str = "") -> Flag:
    """Mark a claim, typically "could not verify", for an editor's attention."""
    require_permission(actor, "tracker.add_flag", action="flag claims")
    if actor is None:
        raise ValidationError({"raised_by": "A flag must be raised by a person."})
    check_choice("kind", kind, FlagKind)
    check_choice("reason", reason, FlagReason)
    note = clean_text("note", note or "", required=reason == FlagReason.OTHER, max_length=5000)
    # The claim's row lock orders flag writes on one claim, so each sees the
    # others' flags when it recomputes the claim's oldest open flag.
    locked = (
        Claim.objects.select_for_update().filter(pk=claim.pk).values_list("archived_at", flat=True)
    )
    if locked.first() is not None:
        raise ValidationError({"claim": "This claim is archived."})
    if Flag.objects.filter(
        claim=claim, kind=kind, raised_by=actor, resolved_at__isnull=True
    ).exists():
        raise ValidationError({"kind": "You already have an open flag of this kind on this claim."})
    try:
        with transaction.atomic():
            flag = Flag.objects.create(
                claim=claim, kind=kind, reason=reason, note=note.strip(), raised_by=actor
            )
    except IntegrityError as error:
        # Two identical flags raced past the check above; the constraint kept one.
        raise ValidationError(
            {"kind": "You already have an open flag of this kind on this claim."}
        ) from error
    _store_oldest_open_flag(claim_id=claim.pk)
    return flag


@transaction.atomic
def flag_resolve(*, actor: Actor, flag: Flag, note: str = "") -> Flag:
    require_permission(actor, "tracker.resolve_flag", action="resolve flags")
    if actor is None:
        raise ValidationError({"resolved_by": "A flag must be resolved by a person."})
    note = clean_text("resolution_note", note or "", required=False, max_length=5000)
    # The claim's row before the flag's, as flag_raise takes them, so the two
    # never wait on each other the other way round.
    list(Claim.objects.select_for_update().filter(pk=flag.claim_id).values_list("pk"))
    flag = Flag.objects.select_for_update().get(pk=flag.pk)
    if flag.resolved_at is not None:
        raise ValidationError({"flag": "This flag is already resolved."})
    flag.resolved_at = timezone.now()
    flag.resolved_by = actor
    flag.resolution_note = note.strip()
    flag.save(update_fields=["resolved_at", "resolved_by", "resolution_note"])
    _store_oldest_open_flag(claim_id=flag.claim_id)
    return flag


def _store_oldest_open_flag(*, claim_id: int) -> None:
    # update(), not save(): a flag is not an edit of the claim, so its
    # updated_at (and the lists' order and the API's ETag) stay as they were.
    oldest = (
        Flag.objects.filter(claim_id=claim_id, resolved_at__isnull=True)
        .order_by()
        .values("claim_id")
        .annotate(first=Min("raised_at"))
        .values("first")
    )
    Claim.objects.filter(pk=claim_id).update(oldest_open_flag_at=Subquery(oldest))
