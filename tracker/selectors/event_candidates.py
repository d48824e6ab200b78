"""Which events a report may be about, best first, each with the reasons it fits.

Finding candidates is a few indexed lookups, whatever the archive's size:

1. the places the report names, with every spelling the names table knows;
2. events filed under one of those places near the report's dates: an
   indexed lookup by entity id in ``EventPlace``, which the services keep
   (an event is filed under a place when a spelling of it is in the event's
   place or name as whole words, ``tracker.matching.places``). No event's text
   is searched here: a report's places are names-table entities, so every
   event one of their spellings could match is already filed under it;
3. events of the report's dates that list a party the report names;
4. events of the report's days whose name reads like its title (trigram
   similarity, computed on PostgreSQL, in Python with the same measure on
   SQLite);
5. for those events only: their parties, their latest claims (when the report
   has suggestions to compare them with) and which of the report's speakers
   already speak on them.

On PostgreSQL the dates and the title share a GiST index (migration 0026),
and 2 to 5 are one query: two round trips a report in all (the names, then
the events). SQLite runs them one by one.

Then ``tracker.matching.scoring`` weighs the evidence, for the whole report
and for each paragraph, so a round-up whose paragraphs are about different
events says so. Nothing here writes or picks: the caller shows the ranking.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.fields import DateRangeField
from django.contrib.postgres.lookups import TrigramSimilar
from django.contrib.postgres.search import TrigramSimilarity
from django.db import connections
from django.db.backends.postgresql.psycopg_any import DateRange
from django.db.models import F, Func, OuterRef, Prefetch, Q, QuerySet, Value, Window
from django.db.models.functions import Coalesce, JSONObject, RowNumber

from tracker.extraction import AliasTable, Entity
from tracker.matching.dates import dates_in_text, days_apart
from tracker.matching.scoring import Evidence, PlaceMatch, Scored, rank
from tracker.models import (
    Account,
    Claim,
    Document,
    EntityAlias,
    Event,
    EventPlace,
    NamedEntity,
    Source,
)
from tracker.models.suggestion import Extraction, Suggestion
from tracker.selectors.search import similarity, trigrams
from tracker.vocabularies import COUNT_ASPECTS, Aspect

# Events fetched per way of finding them, before scoring.
PER_LOOKUP = 40
# Events around the report's dates that a place match looks among (days either side).
PLACE_WINDOW_DAYS = 60
# A party named and a date within this many days make an event a candidate.
PARTY_WINDOW_DAYS = 3
# An event's claims compared with the report's: its latest this many.
CLAIMS_PER_EVENT = 20
TITLE_SIMILARITY = 0.35
# Paragraphs ranked one by one: the first this many (a transcript can have thousands).
MAX_PARAGRAPHS = 200
DEFAULT_LIMIT = 5
PARAGRAPH_LIMIT = 3
# A document's suggestions read for its event: the first this many (a transcript
# can have twenty thousand; its event is named early).
MAX_SUGGESTIONS = 500
# Of those, the claims compared word for word with each candidate's.
SIMILARITY_SUGGESTIONS = 30
# Names looked for in a document whose extraction did not keep them.
FALLBACK_CHARS = 100_000
# SQLite looks at this many events naming the title's words.
SQLITE_TITLE_CANDIDATES = 500

_SUGGESTION_FIELDS = ("pk", "quote_start", "source_id", "aspect", "count_min", "count_max",
                      "unit", "claim_text")  # fmt: skip
_CLAIM_FIELDS = ("pk", "event_id", "text", "aspect", "count_min", "count_max", "count_approximate",
                 "count_min_exclusive", "count_max_exclusive", "unit")  # fmt: skip
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class MentionFact:
    """A name the extractor found in the text, pointing into the names table."""

    start: int
    text: str
    entity_id: int


@dataclass(frozen=True)
class SuggestionFact:
    """What one suggested account tells about the event: who speaks, whom it names, its figure."""

    start: int
    source_id: int | None
    party_ids: frozenset[int]
    aspect: str
    count_min: int | None
    count_max: int | None
    unit: str
    claim_text: str


@dataclass(frozen=True)
class ReportFacts:
    """A report, or one paragraph of it, as the ranking reads it."""

    title: str
    dates: tuple[date, ...]
    mentions: tuple[MentionFact, ...]
    suggestions: tuple[SuggestionFact, ...]
    start: int = 0
    end: int = 0
    excerpt: str = ""


@dataclass(frozen=True)
class EventCandidate:
    event: Event
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ParagraphCandidates:
    start: int
    end: int
    excerpt: str
    candidates: list[EventCandidate]


@dataclass(frozen=True)
class DocumentCandidates:
    """The ranking for a whole report, and per paragraph when its paragraphs disagree."""

    candidates: list[EventCandidate]
    paragraphs: list[ParagraphCandidates] = field(default_factory=list)

    @property
    def note(self) -> str:
        if not self.candidates:
            return "No event matches this report: file it under a new event."
        if len(self.candidates) > 1:
            return "Several events fit; none was chosen for you."
        return "One event fits."


# -- facts ------------------------------------------------------------------


def report_dates(text: str, published: date | None) -> tuple[date, ...]:
    """The dates a text names, then its publication date: the window its events lie in."""
    found = dates_in_text(text, published)
    if published is not None and published not in found:
        found.append(published)
    return tuple(found)


def _published(document: Document) -> date | None:
    return document.published_at.date() if document.published_at else None


def _stored_mentions(document: Document) -> tuple[MentionFact, ...]:
    extraction = Extraction.objects.filter(document_id=document.pk).only("mentions").first()
    stored = extraction.mentions if extraction is not None else None
    if stored is not None:
        return tuple(
            MentionFact(start=m["start"], text=m["text"], entity_id=m["entity_id"]) for m in stored
        )
    # Documents read before mentions were kept (or never read): find the names now,
    # in the stretch of text a report's event is named in.
    return mentions_in_text(document.text[:FALLBACK_CHARS])


def mentions_in_text(text: str) -> tuple[MentionFact, ...]:
    """Names of the names table in ``text``: for documents whose extraction kept none."""
    entities = NamedEntity.objects.prefetch_related(
        Prefetch("aliases", queryset=EntityAlias.objects.only("pk", "name", "entity_id"))
    ).only("pk", "name", "kind")
    table = AliasTable(
        [
            Entity(
                key=str(entity.pk),
                name=entity.name,
                aliases=tuple(alias.name for alias in entity.aliases.all()),
                kind=entity.kind,
            )
            for entity in entities
        ]
    )
    return tuple(
        MentionFact(start=m.start, text=m.text, entity_id=int(m.key)) for m in table.find(text)
    )


def _suggestion_facts(document: Document) -> tuple[SuggestionFact, ...]:
    rows = (
        Suggestion.objects.filter(document_id=document.pk)
        .only(*_SUGGESTION_FIELDS)
        .prefetch_related(Prefetch("named_parties", queryset=Source.objects.only("pk")))
        .order_by("ordinal")[:MAX_SUGGESTIONS]
    )
    return tuple(
        SuggestionFact(
            start=row.quote_start,
            source_id=row.source_id,
            party_ids=frozenset(party.pk for party in row.named_parties.all()),
            aspect=row.aspect,
            count_min=row.count_min,
            count_max=row.count_max,
            unit=row.unit,
            claim_text=row.claim_text,
        )
        for row in rows
    )


def document_facts(document: Document) -> ReportFacts:
    return ReportFacts(
        title=document.display_title,
        dates=report_dates(document.text, _published(document)),
        mentions=_stored_mentions(document),
        suggestions=_suggestion_facts(document),
        end=len(document.text),
    )


def paragraph_facts(text: str, published: date | None, whole: ReportFacts) -> list[ReportFacts]:
    """One ReportFacts per paragraph that names a place, a party or holds a suggestion."""
    paragraphs = []
    for match in _PARAGRAPH.finditer(text):
        start, end = match.start(), match.end()
        body = match.group(0).strip()
        if not body:
            continue
        mentions = tuple(m for m in whole.mentions if start <= m.start < end)
        suggestions = tuple(s for s in whole.suggestions if start <= s.start < end)
        if not mentions and not suggestions:
            continue
        paragraphs.append(
            ReportFacts(
                title="",
                dates=report_dates(body, published),
                mentions=mentions,
                suggestions=suggestions,
                start=start,
                end=end,
                excerpt=body[:160],
            )
        )
        if len(paragraphs) == MAX_PARAGRAPHS:
            break
    return paragraphs


# -- the pool of events -----------------------------------------------------


@dataclass
class _Pool:
    events: dict[int, Event]
    claims: dict[int, list[Claim]]
    speakers: dict[int, set[int]]  # event id -> report speakers already on it
    source_names: dict[int, str]
    # entity id -> (its spellings, source id if it is also a source); places only have spellings
    places: dict[int, tuple[str, ...]]
    entity_sources: dict[int, int]
    # event id -> its parties (id, name), read once for the whole report and its paragraphs
    parties: dict[int, tuple[tuple[int, str], ...]] = field(default_factory=dict)


def _names_of(entity_ids: set[int]) -> tuple[dict[int, tuple[str, ...]], dict[int, int]]:
    """The places among ``entity_ids`` with their spellings (name first), and their sources."""
    if not entity_ids:
        return {}, {}
    rows = (
        NamedEntity.objects.filter(pk__in=entity_ids)
        .order_by("pk", "aliases__name")
        .values_list("pk", "kind", "name", "source_id", "aliases__name")
    )
    places, sources = {}, {}
    for pk, kind, name, source_id, alias in rows:
        if kind == "place":
            spellings = places.setdefault(pk, (name,))
            if alias is not None:
                places[pk] = (*spellings, alias)
        if source_id is not None:
            sources[pk] = source_id
    return places, sources


def _near(dates: Iterable[date], days: int) -> Q | None:
    """Events whose date or range comes within ``days`` of the span of ``dates``."""
    dates = list(dates)
    if not dates:
        return None
    low, high = min(dates) - timedelta(days=days), max(dates) + timedelta(days=days)
    return Q(date_start__lte=high) & (Q(date_start__gte=low) | Q(date_end__gte=low))


# An event's days as a range: its one day, or its range (migration 0026 indexes it with its name).
_DAYS = Func(
    F("date_start"),
    Coalesce(F("date_end"), F("date_start")),
    Value("[]"),
    function="daterange",
    output_field=DateRangeField(),
)


def _events_near(dates: tuple[date, ...], days: int) -> QuerySet[Event] | None:
    """``_near`` as a query; on PostgreSQL one scan of the GiST index on the events' days.

    The condition ``date_start <= high AND (date_start >= low OR date_end >= low)``
    cannot be served by a B-tree (an event that began long before may still
    run), so the whole table was scanned: 70 ms at 265,000 events.
    """
    near = _near(dates, days)
    if near is None:
        return None
    if connections[Event.objects.db].vendor != "postgresql":
        return Event.objects.filter(near)
    low, high = min(dates) - timedelta(days=days), max(dates) + timedelta(days=days)
    # Without a start an event's range would be unbounded: it has no days yet.
    return Event.objects.annotate(days=_DAYS).filter(
        days__overlap=DateRange(low, high, "[]"), date_start__isnull=False
    )


# A lookup's event ids: a query not yet run (PostgreSQL runs the three as one), or a list.
_Ids = QuerySet | list[int]


def _by_place(place_ids: set[int], dates: tuple[date, ...]) -> _Ids | None:
    """Events filed under one of the report's places (``EventPlace``, kept by the services)."""
    if not place_ids:
        return None
    events = Event.objects.filter(
        pk__in=EventPlace.objects.filter(entity_id__in=place_ids).values("event_id")
    )
    near = _near(dates, PLACE_WINDOW_DAYS)
    if near is not None:
        # An event with no date yet is not ruled out by the report's.
        events = events.filter(near | Q(date_start__isnull=True))
    return events.order_by(F("date_start").desc(nulls_last=True), "pk").values_list(
        "pk", flat=True
    )[:PER_LOOKUP]


def _by_party(party_ids: set[int], dates: tuple[date, ...]) -> _Ids | None:
    events = _events_near(dates, PARTY_WINDOW_DAYS)
    if not party_ids or events is None:
        return None
    events = events.filter(pk__in=Event.parties.through.objects.filter(
        source_id__in=party_ids).values("event_id"))  # fmt: skip
    return events.order_by("-date_start", "pk").values_list("pk", flat=True)[:PER_LOOKUP]


def _by_title(title: str, dates: tuple[date, ...]) -> _Ids | None:
    """Events of the report's days whose name reads like its title.

    Only near the report's dates: across the archive the name trigrams of a
    war's events ("strike", "in", "killed") are shared by nearly every row, and
    the index would merge postings of hundreds of thousands (seconds at
    265,000 events). On PostgreSQL the GiST index on (days, name trigrams)
    answers both at once (``name % title`` at pg_trgm's default threshold,
    0.3, then the exact similarity); on SQLite the similarity of the latest
    events of those days is computed in Python, the same measure. Without a
    date the title is not used.
    """
    title = title.strip()
    events = _events_near(dates, PARTY_WINDOW_DAYS)
    if not trigrams(title) or events is None:
        return None
    if connections[events.db].vendor != "postgresql":
        rows = events.order_by("-pk").values_list("pk", "name")[:SQLITE_TITLE_CANDIDATES]
        scored = [(similarity(title, name), pk) for pk, name in rows]
        scored = [item for item in scored if item[0] >= TITLE_SIMILARITY]
        return [pk for _, pk in sorted(scored, key=lambda item: (-item[0], item[1]))][:PER_LOOKUP]
    return (
        events.filter(TrigramSimilar(F("name"), Value(title)))
        .annotate(likeness=TrigramSimilarity("name", Value(title)))
        .filter(likeness__gte=TITLE_SIMILARITY)
        .order_by("-likeness", "pk")
        .values_list("pk", flat=True)[:PER_LOOKUP]
    )


@dataclass
class _Read:
    """What the pool reads about the events the lookups found."""

    events: dict[int, Event]
    parties: dict[int, list[tuple[int, str]]] = field(default_factory=lambda: defaultdict(list))
    claims: dict[int, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    speakers: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    speaker_names: dict[int, str] = field(default_factory=dict)


def _latest_first(claims: list[Claim]) -> list[Claim]:
    """An event's claims in the claims' own order (latest change first), as a query gives them."""
    return sorted(claims, key=lambda claim: (claim.updated_at, claim.pk), reverse=True)


def _read_on_postgresql(found: list[_Ids], *, with_claims: bool, speaker_ids: set[int]) -> _Read:
    """One round trip: the three lookups as a UNION (each its best PER_LOOKUP) inside
    the query that reads the events, with their parties, latest claims and the
    report's speakers on them as arrays alongside."""
    first, *rest = found
    rows = (
        Event.objects.defer("summary", "description")
        .filter(pk__in=first.union(*rest) if rest else first)
        .annotate(
            party_list=ArraySubquery(
                Event.parties.through.objects.filter(event_id=OuterRef("pk"))
                .order_by()
                .values(pair=JSONObject(id="source_id", name="source__name"))
            )
        )
    )
    if with_claims:
        latest = (
            Claim.objects.filter(event_id=OuterRef("pk"), archived_at__isnull=True)
            .order_by("-pk")
            .values(row=JSONObject(**{name: name for name in (*_CLAIM_FIELDS[1:], "updated_at")},
                                   id="pk"))[:CLAIMS_PER_EVENT]
        )  # fmt: skip
        rows = rows.annotate(claim_list=ArraySubquery(latest))
    if speaker_ids:
        on_event = (
            Account.objects.filter(claim__event_id=OuterRef("pk"), source_id__in=speaker_ids)
            .order_by()
            .values(pair=JSONObject(id="source_id", name="source__name"))
            .distinct()
        )
        rows = rows.annotate(speaker_list=ArraySubquery(on_event))
    read = _Read(events={})
    for event in rows:
        read.events[event.pk] = event
        read.parties[event.pk] = [(pair["id"], pair["name"]) for pair in event.party_list]
        if with_claims:
            read.claims[event.pk] = _latest_first(
                [Claim(**{**row, "updated_at": datetime.fromisoformat(row["updated_at"])})
                 for row in event.claim_list]
            )  # fmt: skip
        for pair in getattr(event, "speaker_list", ()):
            read.speakers[event.pk].add(pair["id"])
            read.speaker_names[pair["id"]] = pair["name"]
    return read


def _read(found: list[_Ids], *, with_claims: bool, speaker_ids: set[int]) -> _Read:
    """The events the lookups found, their parties (id, name), latest claims and speakers.

    SQLite: the lookups, the events, their parties, their claims, the speakers.
    """
    if connections[Event.objects.db].vendor == "postgresql":
        return _read_on_postgresql(found, with_claims=with_claims, speaker_ids=speaker_ids)
    ids = {pk for lookup in found for pk in lookup}
    read = _Read(events=dict(
        Event.objects.defer("summary", "description").filter(pk__in=ids).in_bulk()
    ))  # fmt: skip
    ids = set(read.events)
    if not ids:
        return read
    pairs = Event.parties.through.objects.filter(event_id__in=ids).values_list(
        "event_id", "source_id", "source__name"
    )
    for event_id, source_id, name in pairs:
        read.parties[event_id].append((source_id, name))
    if with_claims:
        latest = (
            Claim.objects.filter(event_id__in=ids, archived_at__isnull=True)
            .annotate(
                rank=Window(RowNumber(), partition_by=[F("event_id")], order_by=[F("pk").desc()])
            )
            .filter(rank__lte=CLAIMS_PER_EVENT)
            .only(*_CLAIM_FIELDS, "updated_at")
        )
        for claim in latest:
            read.claims[claim.event_id].append(claim)
    if speaker_ids:
        # order_by(): the accounts' default ordering would make every account distinct.
        on_events = (
            Account.objects.filter(claim__event_id__in=ids, source_id__in=speaker_ids)
            .order_by()
            .values_list("claim__event_id", "source_id", "source__name")
            .distinct()
        )
        for event_id, source_id, name in on_events:
            read.speakers[event_id].add(source_id)
            read.speaker_names[source_id] = name
    return read


def _pool(facts: ReportFacts) -> _Pool:
    entity_ids = {m.entity_id for m in facts.mentions}
    places, entity_sources = _names_of(entity_ids)
    party_ids = _party_ids(facts, entity_sources)
    found = [
        ids
        for ids in (
            _by_place(set(places), facts.dates),
            _by_party(party_ids, facts.dates),
            _by_title(facts.title, facts.dates),
        )
        if ids is not None
    ]
    if not found:
        return _Pool({}, {}, {}, {}, places, entity_sources)
    speaker_ids = {s.source_id for s in facts.suggestions if s.source_id is not None}
    # Claims are compared with the report's suggestions only (figures, wording).
    read = _read(found, with_claims=bool(facts.suggestions), speaker_ids=speaker_ids)
    return _Pool(
        read.events, dict(read.claims), dict(read.speakers), read.speaker_names, places,
        entity_sources, {pk: tuple(read.parties[pk]) for pk in read.events},
    )  # fmt: skip


def _party_ids(facts: ReportFacts, entity_sources: dict[int, int]) -> set[int]:
    ids = {entity_sources[m.entity_id] for m in facts.mentions if m.entity_id in entity_sources}
    for suggestion in facts.suggestions:
        ids |= suggestion.party_ids
    return ids


# -- evidence ---------------------------------------------------------------


def _place(event: Event, facts: ReportFacts, pool: _Pool) -> PlaceMatch | None:
    filed_in = f"{event.place} \n {event.name}".casefold()
    for mention in facts.mentions:
        for spelling in pool.places.get(mention.entity_id, ()):
            if spelling.casefold() in filed_in:
                return PlaceMatch(said=mention.text, filed=spelling)
    return None


def _figure_key(aspect: str, unit: str, low, high) -> tuple | None:
    if aspect not in COUNT_ASPECTS or not unit or (low is None and high is None):
        return None
    return aspect, unit, low, high


def _figures(claims: list[Claim], facts: ReportFacts) -> tuple[str, ...]:
    wanted = {
        key
        for s in facts.suggestions
        if (key := _figure_key(s.aspect, s.unit, s.count_min, s.count_max)) is not None
    }
    found = []
    for claim in claims:
        key = _figure_key(claim.aspect, claim.unit, claim.count_min, claim.count_max)
        if key in wanted:
            words = f"{claim.interval_display} {Aspect(claim.aspect).label.lower()}"
            if words not in found:
                found.append(words)
    return tuple(found)


class _Grams:
    """Trigram sets, each text's computed once however many events it is compared with."""

    def __init__(self):
        self._cache: dict[str, frozenset[str]] = {}

    def __call__(self, text: str) -> frozenset[str]:
        grams = self._cache.get(text)
        if grams is None:
            grams = self._cache[text] = frozenset(trigrams(text))
        return grams


def _jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    if not left or not right:
        return 0.0
    shared = len(left & right)
    return shared / (len(left) + len(right) - shared)


def _similarity(event: Event, claims: list[Claim], facts: ReportFacts, grams: _Grams) -> float:
    best = _jaccard(grams(facts.title), grams(event.name)) if facts.title else 0.0
    for suggestion in facts.suggestions[:SIMILARITY_SUGGESTIONS]:
        mine = grams(suggestion.claim_text)
        for claim in claims:
            best = max(best, _jaccard(mine, grams(claim.text)))
    return best


def _evidence(facts: ReportFacts, pool: _Pool, grams: _Grams) -> list[Evidence]:
    party_ids = _party_ids(facts, pool.entity_sources)
    speaker_ids = {s.source_id for s in facts.suggestions if s.source_id is not None}
    found = []
    for event in pool.events.values():
        claims = pool.claims.get(event.pk, [])
        parties = tuple(name for pk, name in pool.parties[event.pk] if pk in party_ids)
        speakers = tuple(
            sorted(pool.source_names[pk] for pk in pool.speakers.get(event.pk, set()) & speaker_ids)
        )
        found.append(
            Evidence(
                event_id=event.pk,
                place=_place(event, facts, pool),
                days_apart=days_apart(facts.dates, event.date_start, event.date_end),
                parties=tuple(sorted(parties)),
                speakers=speakers,
                figures=_figures(claims, facts),
                similarity=_similarity(event, claims, facts, grams),
            )
        )
    return found


def _candidates(scored: list[Scored], pool: _Pool) -> list[EventCandidate]:
    return [EventCandidate(pool.events[s.event_id], s.score, s.reasons) for s in scored]


def rank_for_facts(
    facts: ReportFacts, *, limit: int = DEFAULT_LIMIT, paragraphs: list[ReportFacts] = ()
) -> DocumentCandidates:
    """The ranking for ``facts``; for ``paragraphs`` too, kept only when they disagree."""
    pool = _pool(facts)
    grams = _Grams()
    whole = _candidates(rank(_evidence(facts, pool, grams), limit=limit), pool)
    per_paragraph = [
        ParagraphCandidates(
            start=paragraph.start,
            end=paragraph.end,
            excerpt=paragraph.excerpt,
            candidates=_candidates(
                rank(_evidence(paragraph, pool, grams), limit=PARAGRAPH_LIMIT), pool
            ),
        )
        for paragraph in paragraphs
    ]
    per_paragraph = [p for p in per_paragraph if p.candidates]
    if len({p.candidates[0].event.pk for p in per_paragraph}) < 2:
        per_paragraph = []
    return DocumentCandidates(candidates=whole, paragraphs=per_paragraph)


# -- entry points -----------------------------------------------------------


def event_candidates_for_document(
    *, document: Document, limit: int = DEFAULT_LIMIT
) -> list[EventCandidate]:
    """The events ``document`` may be about, best first, at most ``limit``; [] when none fits."""
    return rank_for_facts(document_facts(document), limit=limit).candidates


def event_candidates_by_paragraph(
    *, document: Document, limit: int = DEFAULT_LIMIT
) -> DocumentCandidates:
    """The whole report's ranking and, when its paragraphs point at different events, theirs."""
    facts = document_facts(document)
    paragraphs = paragraph_facts(document.text, _published(document), facts)
    return rank_for_facts(facts, limit=limit, paragraphs=paragraphs)
