"""The plain values the comparison takes and gives back.

Everything is a frozen dataclass of ints, strings, tuples and frozensets, so a
comparison can be built in a test by hand and its result compared with ``==``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tracker.conflicts.intervals import Interval
from tracker.vocabularies import OPEN_SEVERITIES

# --- Input ----------------------------------------------------------------


@dataclass(frozen=True)
class SourceInfo:
    id: int
    name: str
    parent_id: int | None = None


@dataclass(frozen=True)
class ClaimInfo:
    id: int
    text: str
    aspect: str
    count_min: int | None = None
    count_max: int | None = None
    approximate: bool = False
    unit: str = ""
    # "More than 30" ([31, open)) and "fewer than 10" ([0, 9]), for the wording only.
    min_exclusive: bool = False
    max_exclusive: bool = False
    # Several parties on one claim are alternatives: "it or partner forces".
    named_party_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class AccountInfo:
    id: int
    claim_id: int
    # The original speaker; a relaying outlet is the intermediary, never the source.
    source_id: int
    stance: str
    intermediary_id: int | None = None
    document_id: int | None = None
    quote: str = ""
    # When the source said it; a voice with several figures speaks with its latest.
    said_on: date | None = None


@dataclass(frozen=True)
class EventInfo:
    id: int
    party_ids: frozenset[int] = frozenset()


# --- Findings -------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One thing an editor should know about the accounts of an event.

    ``key`` names what the finding is about (kind and scope: the claim, the
    pair of sources, the aspect and unit) and stays put while the values move;
    ``signature`` also covers the accounts, severity and values compared, so an
    acknowledged finding whose signature changes has been altered.

    ``details`` is the same finding as plain JSON values for an integrator:
    its ``sides`` (who said what, see ``tracker.conflicts.details``) and, for
    counts, the reported range, best-supported range and outliers.
    """

    kind: str
    severity: str
    claim_ids: tuple[int, ...]
    account_ids: tuple[int, ...]
    explanation: str
    key: str
    signature: str
    # Not hashed: a mapping is not hashable, and key and signature identify a finding.
    details: Mapping[str, Any] = field(default_factory=dict, hash=False)

    @property
    def is_open_conflict(self) -> bool:
        return self.severity in OPEN_SEVERITIES


# --- Summaries ------------------------------------------------------------


@dataclass(frozen=True)
class Voice:
    """Accounts that count as one independent source.

    Usually one root affiliation; a quote copied word for word under another
    root joins it, since it is one statement.
    """

    key: str
    label: str
    root_ids: tuple[int, ...]
    source_ids: tuple[int, ...]
    account_ids: tuple[int, ...]
    interested: bool


@dataclass(frozen=True)
class CountBar:
    """What one independent source says about one count: one bar of the chart."""

    voice: Voice
    interval: Interval
    account_ids: tuple[int, ...]
    hedged_only: bool
    # False when the voice's own figures do not overlap; the bar then spans them
    # and the voice joins no group of agreeing voices.
    consistent: bool
    # The figure in words, as the source gave it ("about 2,000", not "1,800 to 2,200").
    words: str = ""
    # The latest date the figure was given on, when its accounts are dated.
    said_on: date | None = None


@dataclass(frozen=True)
class SupportedRange:
    """A largest group of independent voices whose figures share a common part."""

    interval: Interval
    voice_keys: tuple[str, ...]


@dataclass(frozen=True)
class CountSummary:
    aspect: str
    unit: str
    claim_ids: tuple[int, ...]
    bars: tuple[CountBar, ...]
    # None unless every bar agrees with every other and with itself.
    consensus: Interval | None
    # The reported range: the lowest minimum to the highest maximum of every account.
    spread: Interval | None
    # When not all agree: the best-supported group, or every group still tied.
    best_supported: tuple[SupportedRange, ...] = ()
    # Voices outside every best-supported group, which conflict with it.
    outliers: tuple[str, ...] = ()
    # The reported range as the sources put its ends ("more than 30"), "" without one.
    spread_words: str = ""

    def bar(self, voice_key: str) -> CountBar:
        return next(bar for bar in self.bars if bar.voice.key == voice_key)


@dataclass(frozen=True)
class SuggestedStatus:
    status: str
    basis: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ClaimSummary:
    claim_id: int
    # Voices that assert or hedge the claim, directly or through a claim that implies it.
    supporting_voices: tuple[Voice, ...]
    suggestion: SuggestedStatus

    @property
    def independent_sources(self) -> int:
        return len(self.supporting_voices)

    @property
    def interested_sources(self) -> int:
        return sum(1 for voice in self.supporting_voices if voice.interested)


@dataclass(frozen=True)
class AccountSummary:
    """How one account was read: the columns of the event page."""

    account_id: int
    root_id: int
    root_name: str
    interested: bool
    comparable: bool
    # The same source retracts this claim, so this account no longer counts.
    retracted: bool


@dataclass(frozen=True)
class AspectLine:
    """One line of an event's summary: what is said about one aspect."""

    aspect: str
    unit: str
    text: str


@dataclass(frozen=True)
class EventSummary:
    lines: tuple[AspectLine, ...]
    # An Airwars grade (tracker.vocabularies.AirwarsGrade), or "" with no accounts.
    grade: str
    grade_reasons: tuple[str, ...]


@dataclass(frozen=True)
class EventComparison:
    event_id: int
    findings: tuple[Finding, ...]
    counts: tuple[CountSummary, ...]
    claims: tuple[ClaimSummary, ...]
    accounts: tuple[AccountSummary, ...]
    summary: EventSummary = EventSummary((), "", ())

    @property
    def open_conflicts(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.is_open_conflict)

    def claim(self, claim_id: int) -> ClaimSummary | None:
        return next((c for c in self.claims if c.claim_id == claim_id), None)

    def findings_for_claim(self, claim_id: int) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if claim_id in f.claim_ids)
