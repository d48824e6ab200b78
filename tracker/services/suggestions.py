"""A person's decision on a suggested account: accept (perhaps edited first) or reject.

Accepting goes through the same services as manual entry (source_create,
claim_create, account_add), so permissions, validation and the conflict
refresh are the same whichever way an account arrives.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone

from tracker.models import Account, Claim, Event, Source, Suggestion
from tracker.services._boundary import service
from tracker.services._common import (
    Actor,
    check_choice,
    clean_text,
    history_user,
    require_permission,
    unknown_fields,
)
from tracker.services.accounts import account_add, locate_quote
from tracker.services.claims import check_bounds_said, check_interval, claim_create
from tracker.services.sources import source_create, source_named
from tracker.vocabularies import (
    COUNT_ASPECTS,
    Aspect,
    SourceKind,
    Stance,
    SuggestionStatus,
    SuggestionVoice,
)

SUGGESTION_EDITABLE = (
    "source", "stance", "intermediary", "claim_text", "aspect", "count_min", "count_max",
    "count_approximate", "count_min_exclusive", "count_max_exclusive", "unit", "event",
    "named_parties", "quote", "quote_start", "quote_end",
)  # fmt: skip


def _pending(suggestion: Suggestion) -> Suggestion:
    suggestion = (
        Suggestion.objects.select_for_update(of=("self",))
        .select_related("document", "document__outlet")
        .get(pk=suggestion.pk)
    )
    if suggestion.status != SuggestionStatus.PENDING:
        raise ValidationError(
            {"status": f"This suggestion was already {suggestion.get_status_display().lower()}."}
        )
    return suggestion


@service
def suggestion_update(*, actor: Actor, suggestion: Suggestion, **changes) -> Suggestion:
    """Correct a suggestion before accepting it; every edit is kept in its history."""
    require_permission(actor, "tracker.change_suggestion", action="review suggestions")
    unknown_fields(changes, SUGGESTION_EDITABLE)
    suggestion = _pending(suggestion)
    if "stance" in changes:
        check_choice("stance", changes["stance"], Stance)
    if "aspect" in changes:
        check_choice("aspect", changes["aspect"], Aspect)
    if "claim_text" in changes:
        changes["claim_text"] = clean_text(
            "claim_text", changes["claim_text"], required=True, max_length=5000
        ).strip()
    if {"quote", "quote_start", "quote_end"} & changes.keys():
        quote = clean_text("quote", changes.get("quote", suggestion.quote), required=True)
        start, end = locate_quote(
            document=suggestion.document,
            quote=quote,
            quote_start=changes.get("quote_start"),
            quote_end=changes.get("quote_end"),
        )
        changes.update(quote=quote, quote_start=start, quote_end=end)
    check_interval(
        changes.get("count_min", suggestion.count_min),
        changes.get("count_max", suggestion.count_max),
        changes.get("unit", suggestion.unit),
    )
    check_bounds_said(
        changes.get("count_min", suggestion.count_min),
        changes.get("count_max", suggestion.count_max),
        min_exclusive=changes.get("count_min_exclusive", suggestion.count_min_exclusive),
        max_exclusive=changes.get("count_max_exclusive", suggestion.count_max_exclusive),
    )
    parties = changes.pop("named_parties", None)
    for field, value in changes.items():
        setattr(suggestion, field, value)
    suggestion._history_user = history_user(actor)
    suggestion.save()
    if parties is not None:
        suggestion.named_parties.set(parties)
    return suggestion


def _known_source(
    name: str, *, field: str = "source", speaks_for: Source | None = None
) -> Source | None:
    """The source a speaker's name means; a name several people share must be chosen by hand."""
    try:
        return source_named(name, speaks_for=speaks_for)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from error


def _speaker(actor: Actor, suggestion: Suggestion) -> Source:
    if suggestion.source is not None:
        return suggestion.source
    if suggestion.voice == SuggestionVoice.OUTLET:
        if suggestion.document.outlet is None:
            raise ValidationError(
                {"source": "This is the article's own voice, and the document has no outlet: "
                 "choose the source, or set the document's outlet first."}
            )  # fmt: skip
        return suggestion.document.outlet
    name = suggestion.proposed_source_name.strip()
    if not name:
        raise ValidationError({"source": "Choose who said this; no speaker was recognised."})
    parent = suggestion.proposed_source_parent or _proposed_parent(actor, suggestion)
    existing = _known_source(name, speaks_for=parent)
    if existing is not None:
        return existing
    kind = suggestion.proposed_source_kind or SourceKind.OTHER
    return source_create(actor=actor, name=name, kind=kind, parent=parent)


def _speaker_is_the_party(suggestion: Suggestion) -> bool:
    parties = suggestion.extracted.get("named_parties") or []
    return any(party.get("speaker") for party in parties)


def _proposed_parent(actor: Actor, suggestion: Suggestion) -> Source | None:
    """The organisation a new speaker speaks for, found or created with it.

    "X, a spokesman for the General Coordination" proposes X under the
    General Coordination; with no source of that name yet, accepting creates
    both, so the organisation and its spokesman count once.
    """
    proposed = (suggestion.extracted.get("proposed_source") or {}).get("proposed_parent") or {}
    name = (proposed.get("name") or "").strip()
    if not name:
        return None
    existing = _known_source(name)
    if existing is not None:
        return existing
    kind = proposed.get("kind") if proposed.get("kind") in SourceKind.values else SourceKind.OTHER
    return source_create(actor=actor, name=name, kind=kind)


def _intermediary(actor: Actor, suggestion: Suggestion) -> Source | None:
    if suggestion.intermediary is not None or not suggestion.intermediary_text:
        return suggestion.intermediary
    proposed = (suggestion.extracted.get("intermediary") or {}).get("proposed") or {}
    name = (proposed.get("name") or "").strip()
    if not name:
        return None
    existing = _known_source(name, field="intermediary")
    if existing is not None:
        return existing
    kind = proposed.get("kind") if proposed.get("kind") in SourceKind.values else SourceKind.OUTLET
    return source_create(actor=actor, name=name, kind=kind)


def _claim(actor: Actor, suggestion: Suggestion, event: Event | None) -> Claim:
    """Reuse a live claim of the same event that says the same thing, or create one."""
    same = Claim.objects.filter(
        event=event, aspect=suggestion.aspect, archived_at__isnull=True
    ).order_by("pk")
    if suggestion.aspect in COUNT_ASPECTS and suggestion.unit:
        same = same.filter(
            count_min=suggestion.count_min, count_max=suggestion.count_max, unit=suggestion.unit
        )
    else:
        same = same.filter(text__iexact=suggestion.claim_text.strip())
    existing = same.first()
    if existing is not None:
        return existing
    return claim_create(
        actor=actor,
        text=suggestion.claim_text,
        aspect=suggestion.aspect,
        event=event,
        count_min=suggestion.count_min,
        count_max=suggestion.count_max,
        count_approximate=suggestion.count_approximate,
        count_min_exclusive=suggestion.count_min_exclusive,
        count_max_exclusive=suggestion.count_max_exclusive,
        unit=suggestion.unit,
        named_parties=list(suggestion.named_parties.all()),
    )


@service
def suggestion_accept(*, actor: Actor, suggestion: Suggestion, **changes) -> Account:
    """Accept a suggestion, with any corrections, creating or reusing source, claim and account."""
    require_permission(actor, "tracker.change_suggestion", action="review suggestions")
    if changes:
        suggestion = suggestion_update(actor=actor, suggestion=suggestion, **changes)
    suggestion = _pending(suggestion)
    parties_named = suggestion.named_parties.exists()
    if (
        suggestion.aspect == Aspect.PERPETRATOR
        and not parties_named
        and not _speaker_is_the_party(suggestion)
    ):
        raise ValidationError(
            {
                "named_parties": "The extractor could not tell which party this account "
                'blames: choose it (or "Unidentified" when the source does not know) '
                "before accepting."
            }
        )
    source = _speaker(actor, suggestion)
    if suggestion.aspect == Aspect.PERPETRATOR and not parties_named:
        # "The army denied any role in the attack": the army, or whom its
        # spokesman speaks for, is the party the claim is about.
        spokesperson = source.kind == SourceKind.SPOKESPERSON and source.parent is not None
        suggestion.named_parties.set([source.parent if spokesperson else source])
    intermediary = _intermediary(actor, suggestion)
    if intermediary is not None and intermediary.pk == source.pk:
        intermediary = None
    claim = _claim(actor, suggestion, suggestion.event)
    if Account.objects.filter(
        claim=claim,
        source=source,
        document=suggestion.document,
        quote_start=suggestion.quote_start,
    ).exists():
        raise ValidationError({"status": "This account is already recorded."})
    account = account_add(
        actor=actor,
        claim=claim,
        source=source,
        stance=suggestion.stance,
        document=suggestion.document,
        quote=suggestion.quote,
        quote_start=suggestion.quote_start,
        quote_end=suggestion.quote_end,
        intermediary=intermediary,
    )
    _decide(actor, suggestion, SuggestionStatus.ACCEPTED, note="", account=account)
    return account


@service
def suggestion_reject(*, actor: Actor, suggestion: Suggestion, note: str = "") -> Suggestion:
    require_permission(actor, "tracker.change_suggestion", action="review suggestions")
    note = clean_text("note", note or "", required=False, max_length=2000).strip()
    suggestion = _pending(suggestion)
    _decide(actor, suggestion, SuggestionStatus.REJECTED, note=note, account=None)
    return suggestion


def _decide(actor: Actor, suggestion: Suggestion, status: str, *, note: str, account) -> None:
    if history_user(actor) is None:
        raise ValidationError({"status": "A suggestion is decided by a person."})
    suggestion.status = status
    suggestion.decided_by = history_user(actor)
    suggestion.decided_at = timezone.now()
    suggestion.decision_note = note
    suggestion.account = account
    suggestion._history_user = history_user(actor)
    suggestion.save(
        update_fields=["status", "decided_by", "decided_at", "decision_note", "account"]
    )
