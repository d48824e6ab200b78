"""Load what the pure comparison (tracker.conflicts) needs for one event or claim.

The query count depends on the depth of the affiliation trees involved, not
on the number of accounts or the size of the database.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from tracker.conflicts import (
    AccountInfo,
    ClaimInfo,
    EventComparison,
    EventInfo,
    SourceInfo,
    compare_event,
)
from tracker.models import Account, Claim, Event, Source
from tracker.vocabularies import Unit

# A figure in a unit outside the vocabulary (a row written before units were
# checked) is reported as not comparable rather than compared.
KNOWN_UNITS = frozenset(Unit.values)
# Affiliation chains deeper than this are data errors; stop walking rather than loop.
MAX_AFFILIATION_DEPTH = 20


@dataclass(frozen=True)
class ComparisonInputs:
    event: EventInfo
    claims: tuple[ClaimInfo, ...]
    accounts: tuple[AccountInfo, ...]
    sources: dict[int, SourceInfo]


def sources_with_ancestors(source_ids: Iterable[int]) -> dict[int, SourceInfo]:
    found: dict[int, SourceInfo] = {}
    wanted = set(source_ids)
    for _ in range(MAX_AFFILIATION_DEPTH):
        wanted -= found.keys()
        if not wanted:
            break
        rows = Source.objects.filter(pk__in=wanted).values_list("pk", "name", "parent_id")
        for pk, name, parent_id in rows:
            found[pk] = SourceInfo(id=pk, name=name, parent_id=parent_id)
        wanted = {info.parent_id for info in found.values() if info.parent_id is not None}
    return found


def _claim_info(claim: Claim) -> ClaimInfo:
    return ClaimInfo(
        id=claim.pk,
        text=claim.text,
        aspect=claim.aspect,
        count_min=claim.count_min,
        count_max=claim.count_max,
        approximate=claim.count_approximate,
        min_exclusive=claim.count_min_exclusive,
        max_exclusive=claim.count_max_exclusive,
        unit=claim.unit,
        named_party_ids=frozenset(party.pk for party in claim.named_parties.all()),
    )


def comparison_inputs(*, event: Event | None, claims: Iterable[Claim]) -> ComparisonInputs:
    """Inputs for comparing ``claims`` (the live claims of ``event``, or one event-less claim)."""
    claims = list(claims)
    accounts = list(
        Account.objects.filter(claim__in=claims)
        .order_by("pk")
        .values_list(
            "pk",
            "claim_id",
            "source_id",
            "stance",
            "intermediary_id",
            "document_id",
            "quote",
            "said_on",
        )
    )
    party_ids = frozenset(event.parties.values_list("pk", flat=True)) if event else frozenset()
    source_ids = set(party_ids)
    for _, _, source_id, _, intermediary_id, _, _, _ in accounts:
        source_ids.add(source_id)
        if intermediary_id is not None:
            source_ids.add(intermediary_id)
    claim_infos = tuple(_claim_info(claim) for claim in claims)
    for info in claim_infos:
        source_ids |= info.named_party_ids
    return ComparisonInputs(
        event=EventInfo(id=event.pk if event else 0, party_ids=party_ids),
        claims=claim_infos,
        # The columns are selected in AccountInfo's field order.
        accounts=tuple(AccountInfo(*row) for row in accounts),
        sources=sources_with_ancestors(source_ids),
    )


def live_claims_of(event: Event) -> list[Claim]:
    """The claims an event's comparison covers: archived claims drop out."""
    return list(
        Claim.objects.filter(event=event, archived_at__isnull=True)
        .prefetch_related("named_parties")
        .order_by("pk")
    )


def compare_claims(*, event: Event | None, claims: list[Claim]) -> EventComparison:
    """The comparison every reader and the stored findings share, so they agree."""
    inputs = comparison_inputs(event=event, claims=claims)
    return compare_event(
        inputs.event, inputs.claims, inputs.accounts, inputs.sources, known_units=KNOWN_UNITS
    )
