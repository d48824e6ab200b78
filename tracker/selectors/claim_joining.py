"""Which existing claim accepting a suggestion will join, so the reviewer sees it first.

In order: a new claim when the reviewer asked for one; the claim the reviewer
chose; no claim when the suggestion has no event (an event-less suggestion is
never attached to an existing claim by itself); else the oldest live claim of
its event that says the same (``tracker.matching.claims``). One query for a
page of suggestions, whatever their number.
"""

from collections import defaultdict
from collections.abc import Iterable

from tracker.matching.claims import ClaimShape, same_claim
from tracker.models import Claim, Suggestion

_FIELDS = ("pk", "event_id", "text", "aspect", "count_min", "count_max", "count_approximate",
           "count_min_exclusive", "count_max_exclusive", "unit", "status")  # fmt: skip


def shape_of(item: Claim | Suggestion) -> ClaimShape:
    text = item.text if isinstance(item, Claim) else item.claim_text
    return ClaimShape(
        pk=item.pk or 0,
        aspect=item.aspect,
        text=text,
        count_min=item.count_min,
        count_max=item.count_max,
        unit=item.unit,
    )


def claims_to_join(suggestions: Iterable[Suggestion]) -> dict[int, Claim | None]:
    """suggestion id -> the claim accepting it joins now (None: a new claim)."""
    suggestions = list(suggestions)
    chosen_ids = {s.claim_id for s in suggestions if s.claim_id and not s.new_claim}
    event_ids = {s.event_id for s in suggestions if s.event_id and not s.claim_id}
    aspects = {s.aspect for s in suggestions}
    if not chosen_ids and not event_ids:
        return {s.pk: None for s in suggestions}
    rows = Claim.objects.filter(pk__in=chosen_ids) | Claim.objects.filter(
        event_id__in=event_ids, aspect__in=aspects, archived_at__isnull=True
    )
    claims = {claim.pk: claim for claim in rows.only(*_FIELDS).order_by("pk")}
    by_event = defaultdict(list)
    for claim in claims.values():
        by_event[claim.event_id].append(claim)
    joined: dict[int, Claim | None] = {}
    for suggestion in suggestions:
        if suggestion.new_claim:
            joined[suggestion.pk] = None
        elif suggestion.claim_id:
            joined[suggestion.pk] = claims.get(suggestion.claim_id)
        elif suggestion.event_id is None:
            joined[suggestion.pk] = None
        else:
            existing = by_event.get(suggestion.event_id, [])
            pk = same_claim(shape_of(suggestion), [shape_of(claim) for claim in existing])
            joined[suggestion.pk] = claims.get(pk) if pk is not None else None
    return joined


def claim_to_join(suggestion: Suggestion) -> Claim | None:
    return claims_to_join([suggestion])[suggestion.pk]
