from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
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
    if Claim.objects.filter(pk=claim.pk, archived_at__isnull=False).exists():
        raise ValidationError({"claim": "This claim is archived."})
    if Flag.objects.filter(
        claim=claim, kind=kind, raised_by=actor, resolved_at__isnull=True
    ).exists():
        raise ValidationError({"kind": "You already have an open flag of this kind on this claim."})
    try:
        with transaction.atomic():
            return Flag.objects.create(
                claim=claim, kind=kind, reason=reason, note=note.strip(), raised_by=actor
            )
    except IntegrityError as error:
        # Two identical flags raced past the check above; the constraint kept one.
        raise ValidationError(
            {"kind": "You already have an open flag of this kind on this claim."}
        ) from error


@transaction.atomic
def flag_resolve(*, actor: Actor, flag: Flag, note: str = "") -> Flag:
    require_permission(actor, "tracker.resolve_flag", action="resolve flags")
    if actor is None:
        raise ValidationError({"resolved_by": "A flag must be resolved by a person."})
    note = clean_text("resolution_note", note or "", required=False, max_length=5000)
    flag = Flag.objects.select_for_update().get(pk=flag.pk)
    if flag.resolved_at is not None:
        raise ValidationError({"flag": "This flag is already resolved."})
    flag.resolved_at = timezone.now()
    flag.resolved_by = actor
    flag.resolution_note = note.strip()
    flag.save(update_fields=["resolved_at", "resolved_by", "resolution_note"])
    return flag
