"""A terse way to write comparison scenarios by hand: ids are assigned in order."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date

from tracker.conflicts import (
    AccountInfo,
    ClaimInfo,
    EventComparison,
    EventInfo,
    Finding,
    SourceInfo,
    compare_event,
)
from tracker.vocabularies import Aspect, Stance


@dataclass
class Scenario:
    sources: dict[int, SourceInfo] = field(default_factory=dict)
    claims: list[ClaimInfo] = field(default_factory=list)
    accounts: list[AccountInfo] = field(default_factory=list)
    parties: set[int] = field(default_factory=set)
    known_units: frozenset[str] | None = None
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    def source(self, name: str, parent: int | None = None, *, party: bool = False) -> int:
        source_id = next(self._ids)
        self.sources[source_id] = SourceInfo(source_id, name, parent)
        if party:
            self.parties.add(source_id)
        return source_id

    def claim(
        self,
        text: str = "",
        aspect: str = Aspect.OTHER,
        *,
        low: int | None = None,
        high: int | None = None,
        approximate: bool = False,
        unit: str = "people",
        parties: tuple[int, ...] = (),
        min_exclusive: bool = False,
        max_exclusive: bool = False,
    ) -> int:
        claim_id = next(self._ids)
        self.claims.append(
            ClaimInfo(
                id=claim_id,
                text=text or f"claim {claim_id}",
                aspect=aspect,
                count_min=low,
                count_max=high,
                approximate=approximate,
                unit=unit,
                named_party_ids=frozenset(parties),
                min_exclusive=min_exclusive,
                max_exclusive=max_exclusive,
            )
        )
        return claim_id

    def count(
        self,
        low: int | None,
        high: int | None,
        *,
        aspect: str = Aspect.KILLED,
        unit: str = "people",
        approximate: bool = False,
        min_exclusive: bool = False,
        max_exclusive: bool = False,
    ) -> int:
        return self.claim(
            f"{low}-{high} {unit} {aspect}",
            aspect,
            low=low,
            high=high,
            unit=unit,
            approximate=approximate,
            min_exclusive=min_exclusive,
            max_exclusive=max_exclusive,
        )

    def perpetrator(self, *parties: int) -> int:
        return self.claim(f"done by {parties}", Aspect.PERPETRATOR, parties=parties)

    def account(
        self,
        claim: int,
        source: int,
        stance: str = Stance.ASSERTS,
        *,
        via: int | None = None,
        document: int | None = None,
        quote: str = "",
        said_on: date | None = None,
    ) -> int:
        account_id = next(self._ids)
        self.accounts.append(
            AccountInfo(
                id=account_id,
                claim_id=claim,
                source_id=source,
                stance=stance,
                intermediary_id=via,
                document_id=document,
                quote=quote,
                said_on=said_on,
            )
        )
        return account_id

    def compare(self) -> EventComparison:
        return compare_event(
            EventInfo(id=1, party_ids=frozenset(self.parties)),
            self.claims,
            self.accounts,
            self.sources,
            known_units=self.known_units,
        )


def of_kind(result: EventComparison, kind: str) -> list[Finding]:
    return [f for f in result.findings if f.kind == kind]


def kinds(result: EventComparison) -> set[str]:
    return {f.kind for f in result.findings}


def open_kinds(result: EventComparison) -> set[tuple[str, str]]:
    return {(f.kind, f.severity) for f in result.findings if f.is_open_conflict}
