"""How well an event fits a report: one score from what they share, and the reasons in words.

The selector (``tracker.selectors.event_candidates``) gathers the evidence
from the database; this module only weighs it, so the arithmetic is tested
on its own. Pure: no ORM, no clock.

The weights, and why:

- **Place** (0.35): the strongest single sign, through the names table's
  aliases, so "Deir al-Zour" finds an event filed under "Deir ez-Zor". A place
  alone is enough to be offered, not to be chosen over a closer date.
- **Date** (up to 0.25): full on the same day, falling off linearly to
  nothing past ``DATE_WINDOW_DAYS``. Dates ``FAR_APART_DAYS`` or more away
  take 0.25 off: the same town a month later is usually another strike.
- **Parties** the event lists and the report names (0.1 each, at most 0.2).
- **Speakers** already quoted on the event who speak in the report too
  (0.05 each, at most 0.1): a ministry's second statement on the same strike.
- **Figures**: a suggestion whose aspect and figure equal one of the event's
  claims (0.15 each, at most 0.3).
- **Text** that reads alike (trigram similarity, 0 to 1, times 0.4).

Below ``MIN_SCORE`` an event is not offered at all: a date or one party alone
would make every event of that day a candidate.
"""

from dataclasses import dataclass, field

PLACE_WEIGHT = 0.35
DATE_WEIGHT = 0.25
DATE_WINDOW_DAYS = 3
FAR_APART_DAYS = 30
FAR_APART_PENALTY = 0.25
PARTY_WEIGHT, PARTY_CAP = 0.1, 0.2
SPEAKER_WEIGHT, SPEAKER_CAP = 0.05, 0.1
FIGURE_WEIGHT, FIGURE_CAP = 0.15, 0.3
TEXT_WEIGHT = 0.4
# Similarity under this is not worth a reason: most texts of one war share some trigrams.
TEXT_REASON_FLOOR = 0.3
MIN_SCORE = 0.3


@dataclass(frozen=True)
class PlaceMatch:
    """A place the report names (as written) that the event is filed under (as filed)."""

    said: str
    filed: str


@dataclass(frozen=True)
class Evidence:
    """What one event shares with a report (or one of its paragraphs)."""

    event_id: int
    place: PlaceMatch | None = None
    days_apart: int | None = None
    parties: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()
    similarity: float = 0.0


@dataclass(frozen=True)
class Scored:
    event_id: int
    score: float
    reasons: tuple[str, ...] = field(default=())


def _names(names: tuple[str, ...]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def date_points(days: int | None) -> float:
    if days is None:
        return 0.0
    if days >= FAR_APART_DAYS:
        return -FAR_APART_PENALTY
    return DATE_WEIGHT * max(0.0, 1 - days / (DATE_WINDOW_DAYS + 1))


def date_reason(days: int | None) -> str | None:
    if days is None:
        return None
    if days == 0:
        return "same day"
    if days > DATE_WINDOW_DAYS and days < FAR_APART_DAYS:
        return None
    words = "1 day apart" if days == 1 else f"{days:,} days apart"
    return words if days < FAR_APART_DAYS else f"{words}: perhaps another occasion"


def score(evidence: Evidence) -> Scored:
    """The evidence weighed (rounded to thousandths, so ties are ties) with its reasons."""
    points, reasons = 0.0, []
    if evidence.place is not None:
        points += PLACE_WEIGHT
        said, filed = evidence.place.said, evidence.place.filed
        same = said.casefold() == filed.casefold()
        reasons.append(f"same place: {said}" if same else f"same place: {said} = {filed}")
    points += date_points(evidence.days_apart)
    if (reason := date_reason(evidence.days_apart)) is not None:
        reasons.append(reason)
    if evidence.parties:
        points += min(PARTY_WEIGHT * len(evidence.parties), PARTY_CAP)
        reasons.append(f"names {_names(evidence.parties)}")
    if evidence.speakers:
        points += min(SPEAKER_WEIGHT * len(evidence.speakers), SPEAKER_CAP)
        verb = "speaks" if len(evidence.speakers) == 1 else "speak"
        reasons.append(f"{_names(evidence.speakers)} already {verb} on it")
    if evidence.figures:
        points += min(FIGURE_WEIGHT * len(evidence.figures), FIGURE_CAP)
        reasons.append(f"same figure: {_names(evidence.figures)}")
    similarity = min(max(evidence.similarity, 0.0), 1.0)
    points += TEXT_WEIGHT * similarity
    if similarity >= TEXT_REASON_FLOOR:
        reasons.append(f"reads alike ({similarity:.0%})")
    return Scored(event_id=evidence.event_id, score=round(points, 3), reasons=tuple(reasons))


def rank(evidence: list[Evidence], *, limit: int) -> list[Scored]:
    """The events worth offering, best first; equal scores in event order, the same every time."""
    scored = [item for item in map(score, evidence) if item.score >= MIN_SCORE]
    scored.sort(key=lambda item: (-item.score, item.event_id))
    return scored[:limit]
