from django.core.exceptions import ValidationError
from django.utils import timezone

from tracker.models import Claim, Event, Flag, Source, StatusChange
from tracker.services._boundary import service
from tracker.services._common import (
    Actor,
    check_choice,
    clean_text,
    history_user,
    require_permission,
    unknown_fields,
)
from tracker.services.findings import findings_refresh_for_claim, findings_refresh_for_event
from tracker.services.flags import flag_resolve
from tracker.services.verdicts import (
    claim_back_to_review,
    require_may_change_substance,
    status_change_record,
)
from tracker.vocabularies import Aspect, Unit, VerificationStatus

UNITS = set(Unit.values)
MAX_COUNT = 10**12


def check_interval(count_min: int | None, count_max: int | None, unit: str) -> None:
    for field, value in (("count_min", count_min), ("count_max", count_max)):
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError({field: "Must be a whole number."})
        if value < 0 or value > MAX_COUNT:
            raise ValidationError({field: f"Must be between 0 and {MAX_COUNT:,}."})
    if count_min is not None and count_max is not None and count_min > count_max:
        raise ValidationError(
            {"count_max": f"The maximum ({count_max}) is below the minimum ({count_min})."}
        )
    if unit and unit not in UNITS:
        raise ValidationError({"unit": f"Unknown unit {unit!r}; expected one of: {sorted(UNITS)}."})
    if (count_min is not None or count_max is not None) and not unit:
        raise ValidationError({"unit": "A count needs a unit."})


def check_bounds_said(
    count_min: int | None, count_max: int | None, *, min_exclusive: bool, max_exclusive: bool
) -> None:
    """ "More than N" is stored as a minimum of N+1, "fewer than N" as a maximum of N-1."""
    if min_exclusive and (count_min is None or count_min < 1):
        raise ValidationError(
            {"count_min_exclusive": '"More than N" needs a minimum of N+1 (at least 1).'}
        )
    if max_exclusive and count_max is None:
        raise ValidationError({"count_max_exclusive": '"Fewer than N" needs a maximum (N-1).'})


# Said to whoever leaves a perpetrator claim without its party.
NAME_THE_PARTY = (
    "A perpetrator claim must name the party it says did it. If the source does not "
    'know who ("unidentified gunmen", "an unknown aircraft"), name the source '
    '"Unidentified".'
)


def check_perpetrator_named(aspect: str, named_parties) -> None:
    if aspect == Aspect.PERPETRATOR and not named_parties:
        raise ValidationError({"named_parties": NAME_THE_PARTY})


@service
def claim_create(
    *,
    actor: Actor,
    text: str,
    aspect: str = Aspect.OTHER,
    event: Event | None = None,
    count_min: int | None = None,
    count_max: int | None = None,
    count_approximate: bool = False,
    count_min_exclusive: bool = False,
    count_max_exclusive: bool = False,
    unit: str = "",
    named_parties: list[Source] | tuple[Source, ...] = (),
) -> Claim:
    require_permission(actor, "tracker.add_claim", action="add claims")
    text = clean_text("text", text, required=True, max_length=5000).strip()
    check_choice("aspect", aspect, Aspect)
    check_interval(count_min, count_max, unit)
    check_bounds_said(
        count_min, count_max, min_exclusive=count_min_exclusive, max_exclusive=count_max_exclusive
    )
    check_perpetrator_named(aspect, named_parties)
    claim = Claim(
        text=text,
        aspect=aspect,
        event=event,
        count_min=count_min,
        count_max=count_max,
        count_approximate=count_approximate,
        count_min_exclusive=count_min_exclusive,
        count_max_exclusive=count_max_exclusive,
        unit=unit,
        created_by=history_user(actor),
    )
    claim._history_user = history_user(actor)
    claim.save()
    if named_parties:
        claim.named_parties.set(named_parties)
    findings_refresh_for_claim(claim=claim)
    return claim


CLAIM_EDITABLE = (
    "text", "aspect", "event", "count_min", "count_max", "count_approximate",
    "count_min_exclusive", "count_max_exclusive", "unit", "named_parties",
)  # fmt: skip


@service
def claim_update(*, actor: Actor, claim: Claim, **changes) -> Claim:
    """Edit a claim's wording, event, aspect or interval. Never its status.

    Once a claim has a verdict, only who can judge it again may change it, and
    the change sends it back to review (services/verdicts.py).
    """
    require_permission(actor, "tracker.change_claim", action="edit claims")
    if "status" in changes:
        raise ValidationError(
            {"status": "Set a status with a rationale, not by editing the claim."}
        )
    unknown_fields(changes, CLAIM_EDITABLE)
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if "text" in changes:
        changes["text"] = clean_text("text", changes["text"], required=True, max_length=5000)
        changes["text"] = changes["text"].strip()
    if "aspect" in changes:
        check_choice("aspect", changes["aspect"], Aspect)
    check_interval(
        changes.get("count_min", claim.count_min),
        changes.get("count_max", claim.count_max),
        changes.get("unit", claim.unit),
    )
    check_bounds_said(
        changes.get("count_min", claim.count_min),
        changes.get("count_max", claim.count_max),
        min_exclusive=changes.get("count_min_exclusive", claim.count_min_exclusive),
        max_exclusive=changes.get("count_max_exclusive", claim.count_max_exclusive),
    )
    named_parties = changes.pop("named_parties", None)
    if "aspect" in changes or named_parties is not None:
        # Only when the edit touches the aspect or the parties: an older perpetrator
        # claim without a party can still have its wording corrected.
        check_perpetrator_named(
            changes.get("aspect", claim.aspect),
            named_parties if named_parties is not None else claim.named_parties.exists(),
        )
    previous_event = claim.event
    changed = [field for field, value in changes.items() if getattr(claim, field) != value]
    parties_changed = named_parties is not None and {p.pk for p in named_parties} != set(
        claim.named_parties.values_list("pk", flat=True)
    )
    substance_changed = [*changed, "named_parties"] if parties_changed else changed
    require_may_change_substance(actor=actor, claim=claim, changed=substance_changed)
    for field in changed:
        setattr(claim, field, changes[field])
    if changed:
        claim._history_user = history_user(actor)
        claim.save(update_fields=[*changed, "updated_at"])
    if parties_changed:
        claim.named_parties.set(named_parties)
        changed.append("named_parties")
    if changed:
        claim_back_to_review(actor=actor, claim=claim, changed=changed)
        findings_refresh_for_claim(claim=claim)
        if previous_event is not None and previous_event != claim.event:
            findings_refresh_for_event(event=previous_event)
    return claim


@service
def claim_set_status(
    *,
    actor: Actor,
    claim: Claim,
    status: str,
    rationale: str,
    resolve_open_flags: bool = False,
) -> StatusChange:
    """Record an editor's verdict. Every verdict after the first needs a rationale.

    With ``resolve_open_flags`` the verdict also answers the claim's open
    flags: each is resolved in the same transaction, its resolution note
    naming the verdict, and the verdict's rationale says which it resolved.
    """
    require_permission(actor, "tracker.set_claim_status", action="set verification statuses")
    if resolve_open_flags:
        require_permission(actor, "tracker.resolve_flag", action="resolve flags")
    check_choice("status", status, VerificationStatus)
    rationale = clean_text("rationale", rationale or "", required=False, max_length=5000).strip()
    # Lock the row so two editors' verdicts queue instead of both reading the old status.
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.archived_at is not None:
        raise ValidationError({"status": "This claim is archived; restore it first."})
    if claim.status == status:
        raise ValidationError({"status": f"The claim is already {claim.get_status_display()!r}."})
    if not rationale and claim.status_changes.exists():
        raise ValidationError({"rationale": "Say why the status changes: a rationale is required."})
    open_flags = list(claim.flags.filter(resolved_at__isnull=True).order_by("raised_at", "pk"))
    if not resolve_open_flags or not open_flags:
        return status_change_record(actor=actor, claim=claim, status=status, rationale=rationale)
    resolved_line = flags_resolved_line(open_flags)
    change = status_change_record(
        actor=actor,
        claim=claim,
        status=status,
        rationale=f"{rationale}\n\n{resolved_line}" if rationale else resolved_line,
    )
    note = f"Resolved by the verdict “{VerificationStatus(status).label}”"
    note = f"{note}: {rationale}" if rationale else f"{note}."
    for flag in open_flags:
        flag_resolve(actor=actor, flag=flag, note=note[:5000])
    return change


def flags_resolved_line(flags: list[Flag]) -> str:
    """The verdict's own word on the flags it resolved, for the history."""
    described = "; ".join(
        f"{flag.get_kind_display()} ({flag.get_reason_display().lower()})" for flag in flags
    )
    noun = "open flag" if len(flags) == 1 else f"{len(flags)} open flags"
    return f"This verdict resolved the {noun}: {described}."


@service
def claim_archive(*, actor: Actor, claim: Claim) -> Claim:
    """Take a claim out of the working lists. Nothing is deleted; it can be restored."""
    require_permission(actor, "tracker.archive_claim", action="archive claims")
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.archived_at is not None:
        raise ValidationError({"archived": "This claim is already archived."})
    claim.archived_at = timezone.now()
    claim.archived_by = history_user(actor)
    claim._history_user = history_user(actor)
    claim.save(update_fields=["archived_at", "archived_by", "updated_at"])
    findings_refresh_for_claim(claim=claim)
    return claim


@service
def claim_restore(*, actor: Actor, claim: Claim) -> Claim:
    require_permission(actor, "tracker.archive_claim", action="restore archived claims")
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.archived_at is None:
        raise ValidationError({"archived": "This claim is not archived."})
    claim.archived_at = None
    claim.archived_by = None
    claim._history_user = history_user(actor)
    claim.save(update_fields=["archived_at", "archived_by", "updated_at"])
    findings_refresh_for_claim(claim=claim)
    return claim
