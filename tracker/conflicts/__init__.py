"""Where the accounts of one event agree and where they conflict.

Pure: plain frozen dataclasses in, findings out; no ORM, no database, no
clock. The caller (the services) loads an event's claims, accounts and
sources into ``ClaimInfo``, ``AccountInfo`` and ``SourceInfo``, calls
``compare_event`` and stores the findings. The same input always gives the
same output, in the same order.

The rules, each documented in its module:

- ``intervals``: counts are closed integer intervals with optional open ends;
  approximate figures are widened by ``APPROXIMATE_TOLERANCE_PERCENT``.
- ``independence``: a source counts for its root affiliation; a relayed
  account counts for its speaker; a quote copied word for word counts once;
  an account is interested when its speaker's root is a party's root.
- ``prepared``: what cannot be compared is reported, never dropped; a
  retraction takes back the same source's assertions on the claim.
- ``counts``: one bar per independent voice, per count aspect and unit;
  bars that do not overlap conflict, a hedged side makes it a tension.
- ``stances``: asserts against denies conflict; against hedges, a tension;
  could-not-verify and investigating are "unconfirmed by".
- ``exclusive``: perpetrator claims naming parties with no root in common
  contest each other; alternatives on one claim contest nothing.
- ``support``: the best-supported range of a count and who stands apart.
- ``differ``: overlapping figures that differ widely, or a toll that rose.
- ``status``: the suggested status of each claim and why.
- ``summary``: a line per aspect and a suggested Airwars grade for the event.

Severities ``conflict`` and ``tension`` make a finding an open conflict
(``tracker.vocabularies.OPEN_SEVERITIES``); ``info`` findings explain. Each finding has a ``key``
(what it is about) and a ``signature`` (its substance), so a caller can tell
that an acknowledged conflict has since been altered.
"""

from tracker.conflicts.compare import compare_event
from tracker.conflicts.independence import normalize_quote, resolve_roots
from tracker.conflicts.intervals import (
    APPROXIMATE_TOLERANCE_PERCENT,
    Interval,
    IntervalComparison,
    compare_intervals,
    widen,
)
from tracker.conflicts.prepared import (
    SUPPORTING_STANCES,
    UNCOMPARABLE_UNITS,
    UNCONFIRMED_STANCES,
)
from tracker.conflicts.values import (
    AccountInfo,
    AccountSummary,
    AspectLine,
    ClaimInfo,
    ClaimSummary,
    CountBar,
    CountSummary,
    EventComparison,
    EventInfo,
    EventSummary,
    Finding,
    SourceInfo,
    SuggestedStatus,
    SupportedRange,
    Voice,
)

__all__ = [
    "APPROXIMATE_TOLERANCE_PERCENT",
    "SUPPORTING_STANCES",
    "UNCOMPARABLE_UNITS",
    "UNCONFIRMED_STANCES",
    "AccountInfo",
    "AccountSummary",
    "AspectLine",
    "ClaimInfo",
    "ClaimSummary",
    "CountBar",
    "CountSummary",
    "EventComparison",
    "EventInfo",
    "EventSummary",
    "Finding",
    "Interval",
    "IntervalComparison",
    "SourceInfo",
    "SuggestedStatus",
    "SupportedRange",
    "Voice",
    "compare_event",
    "compare_intervals",
    "normalize_quote",
    "resolve_roots",
    "widen",
]
