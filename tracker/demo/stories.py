"""One event as reports tell it: claims, accounts, the documents they quote, and verdicts.

``StoryTeller.unit`` appends the rows of one event (or of one claim about no
event) to a ``Batch``. Ids are taken in order from ``Ids``, so the same seed
gives the same rows whatever the batch size.

What the services would compute is computed the same way here: the findings
and each claim's suggestion come from ``tracker.conflicts.compare_event`` over
the event's live claims, their accounts and the sources with all their
ancestors, exactly the inputs ``selectors.comparison_inputs.comparison_inputs``
loads. An archived claim keeps the suggestion of the last comparison it took
part in (with every claim live), as ``claim_archive`` leaves it.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from tracker.conflicts import (
    AccountInfo,
    ClaimInfo,
    EventComparison,
    EventInfo,
    SourceInfo,
    compare_event,
)
from tracker.conflicts.details import outlier_account_ids, summary_details
from tracker.demo import phrases, tables
from tracker.demo.world import Place, Theatre, World
from tracker.name_keys import name_key
from tracker.text import first_sentence, title_matches_body
from tracker.vocabularies import (
    OPEN_SEVERITIES,
    Aspect,
    CaptureOrigin,
    FindingKind,
    FlagKind,
    FlagReason,
    SourceKind,
    Stance,
    Unit,
    VerificationStatus,
)

FIRST_DAY = date(2019, 1, 1)
SPAN_DAYS = (date(2025, 5, 31) - FIRST_DAY).days
MAX_ACCOUNTS_PER_EVENT = 50
# Accounts per claim: about three on average, so a million claims carry about three million.
ACCOUNTS_PER_CLAIM = (1, 2, 3, 4, 5, 6)
ACCOUNT_WEIGHTS = (15, 20, 20, 18, 14, 13)
STANDALONE_SHARE = 0.1
PUBLISHING_KINDS = {SourceKind.OUTLET, SourceKind.NEWS_AGENCY, SourceKind.STATE_MEDIA}
# The order an event's aspects are told in, until its accounts run out.
ASPECT_ROUND = [
    Aspect.KILLED, Aspect.PERPETRATOR, Aspect.KILLED, Aspect.INJURED, Aspect.CHARACTERIZATION,
    Aspect.KILLED, Aspect.TERRITORIAL_CONTROL, Aspect.OTHER, Aspect.PERPETRATOR,
]  # fmt: skip
VERDICTS = [
    (VerificationStatus.CORROBORATED, 30), (VerificationStatus.CONFIRMED, 12),
    (VerificationStatus.DISPUTED, 22), (VerificationStatus.UNVERIFIABLE, 22),
    (VerificationStatus.FALSE, 8), (VerificationStatus.IN_REVIEW, 6),
]  # fmt: skip
# Stances by where the speaker stands relative to the claim's lead voice.
STANCES = {
    "independent": [
        (Stance.ASSERTS, 60), (Stance.CANNOT_VERIFY, 18), (Stance.HEDGES, 8),
        (Stance.INVESTIGATING, 6), (Stance.DENIES, 5), (Stance.RETRACTS, 3),
    ],
    "same": [(Stance.ASSERTS, 85), (Stance.HEDGES, 10), (Stance.RETRACTS, 5)],
    "opposing": [
        (Stance.DENIES, 60), (Stance.ASSERTS, 15), (Stance.HEDGES, 15),
        (Stance.INVESTIGATING, 10),
    ],
}  # fmt: skip


# Each demo document's capture: its generated text, marked "reconstructed from
# stored text" as migration 0024 marks documents stored before captures, and
# named as demo data, so that none pretends to have been captured anywhere.
DEMO_CAPTURE_TOOL = "generate_demo_data: demo data, reconstructed from its generated text"
DEMO_CAPTURE_TYPE = "text/plain; charset=utf-8"


class Ids:
    """The next id of every table; the generator writes into empty tables."""

    def __init__(self) -> None:
        self.next = {table: 1 for table in tables.LOAD_ORDER}

    def take(self, table: str) -> int:
        value = self.next[table]
        self.next[table] = value + 1
        return value


@dataclass
class Batch:
    rows: dict[str, list[tuple]] = field(
        default_factory=lambda: {table: [] for table in tables.LOAD_ORDER}
    )
    claims: int = 0
    accounts: int = 0
    # (sha256, bytes) of each document's capture, stored before the rows are written.
    capture_bytes: list[tuple[str, bytes]] = field(default_factory=list)


@dataclass(frozen=True)
class Staff:
    editors: list[int]
    reporters: list[int]


@dataclass
class PlannedClaim:
    id: int
    text: str
    aspect: str
    count_min: int | None
    count_max: int | None
    approximate: bool
    unit: str
    named: tuple[int, ...]
    core: str
    hedged: str
    # "more than 30": the minimum (31) was said as "more than" (count_form).
    min_exclusive: bool = False

    def info(self) -> ClaimInfo:
        return ClaimInfo(
            id=self.id,
            text=self.text,
            aspect=self.aspect,
            count_min=self.count_min,
            count_max=self.count_max,
            approximate=self.approximate,
            min_exclusive=self.min_exclusive,
            unit=self.unit,
            named_party_ids=frozenset(self.named),
        )


@dataclass
class PlannedAccount:
    id: int
    claim_id: int
    source_id: int
    stance: str
    quote: str
    form: str
    intermediary_id: int | None
    said_on: date | None
    document: PlannedDocument | None = None
    start: int = 0
    added: datetime | None = None

    def info(self) -> AccountInfo:
        return AccountInfo(
            id=self.id,
            claim_id=self.claim_id,
            source_id=self.source_id,
            stance=self.stance,
            intermediary_id=self.intermediary_id,
            document_id=self.document.id if self.document else None,
            quote=self.quote,
            said_on=self.said_on,
        )


@dataclass
class PlannedDocument:
    id: int
    outlet_id: int
    accounts: list[PlannedAccount] = field(default_factory=list)


@dataclass
class Scene:
    """What every claim of one event shares."""

    theatre: Theatre
    place: Place
    kind: str
    kind_title: str
    target: str
    day: date
    pools: dict[str, list[int]]
    attacker: int
    victim: int
    toll: int


def _weighted(rng: random.Random, choices: list[tuple[str, int]]) -> str:
    values, weights = zip(*choices, strict=True)
    return rng.choices(values, weights)[0]


def _at(day: date, hours: float) -> datetime:
    return datetime.combine(day, time(6), tzinfo=UTC) + timedelta(hours=hours)


class StoryTeller:
    def __init__(self, rng: random.Random, world: World, ids: Ids, staff: Staff):
        self.rng = rng
        self.world = world
        self.ids = ids
        self.staff = staff
        self.event_names: set[str] = set()
        self.source_infos = {
            source.id: SourceInfo(id=source.id, name=source.name, parent_id=source.parent_id)
            for source in world.sources
        }
        self.lineage = {source.id: tuple(world.ancestors(source.id)) for source in world.sources}
        self.kinds = {source.id: source.kind for source in world.sources}

    # -- units --------------------------------------------------------------

    def unit(self, batch: Batch, room: int) -> int:
        """Append one event (or one claim without an event) of at most ``room`` claims."""
        if self.rng.random() < STANDALONE_SHARE:
            return self.standalone(batch)
        return self.event(batch, room)

    def event(self, batch: Batch, room: int) -> int:
        rng, world = self.rng, self.world
        theatre = rng.choice(world.theatres)
        attacker, victim = rng.sample(theatre.belligerents, 2)
        parties = [attacker, victim]
        others = [b for b in theatre.belligerents if b not in parties]
        if others and rng.random() < 0.15:
            parties.append(rng.choice(others))
        independents = (
            rng.sample(world.agencies, 2)
            + rng.sample(world.outlets, 2)
            + rng.sample(world.ngos, 2)
            + [rng.choice(world.international)]
            + theatre.local_outlets
            + rng.sample(theatre.witnesses, min(3, len(theatre.witnesses)))
        )
        kind_title, kind = rng.choice(phrases.EVENT_KINDS)
        scene = Scene(
            theatre=theatre,
            place=rng.choice(theatre.places),
            kind=kind,
            kind_title=kind_title,
            target=rng.choice(phrases.TARGETS),
            day=FIRST_DAY + timedelta(days=rng.randrange(SPAN_DAYS)),
            pools={
                "attacker": theatre.speakers[attacker],
                "victim": theatre.speakers[victim],
                "independent": independents,
            },
            attacker=attacker,
            victim=victim,
            toll=max(1, int(rng.lognormvariate(2.0, 1.0))),
        )
        event_id = self.ids.take(tables.EVENT)
        created = _at(scene.day, rng.uniform(2, 48))
        event_name = self._event_rows(batch, event_id, scene, parties, created)

        budget = min(MAX_ACCOUNTS_PER_EVENT, max(1, round(rng.lognormvariate(2.1, 0.75))))
        claims: list[PlannedClaim] = []
        accounts: list[PlannedAccount] = []
        slot = 0
        while budget > 0 and len(claims) < room:
            aspect = ASPECT_ROUND[slot % len(ASPECT_ROUND)]
            slot += 1
            count = min(budget, rng.choices(ACCOUNTS_PER_CLAIM, ACCOUNT_WEIGHTS)[0])
            claim, voices = self._claim(scene, aspect, count)
            claims.append(claim)
            accounts += self._accounts(scene, claim, voices)
            budget -= count
        publishers = [s for s in independents if self.kinds[s] in PUBLISHING_KINDS]
        victim_media = [s for s in scene.pools["victim"] if self.kinds[s] == SourceKind.STATE_MEDIA]
        document_count = min(1 + (len(accounts) - 1) // 8, len(publishers))
        outlets = rng.sample(publishers, document_count)
        if victim_media and rng.random() < 0.3:
            outlets[-1] = victim_media[0]
        documents = [PlannedDocument(self.ids.take(tables.DOCUMENT), o) for o in outlets]
        self._place_accounts(accounts, documents)
        finished = self._documents(batch, scene, documents, created)
        archived = {claims[-1].id} if len(claims) > 1 and rng.random() < 0.01 else set()
        self._store(
            batch, claims, accounts, event_id, parties, finished, archived, event_name=event_name
        )
        return len(claims)

    def standalone(self, batch: Batch) -> int:
        """A claim about no event, compared on its own."""
        rng, world = self.rng, self.world
        theatre = rng.choice(world.theatres)
        place = rng.choice(theatre.places)
        group = rng.choice(theatre.belligerents)
        text, core, hedged = rng.choice(
            [
                (
                    f"Aid convoys were blocked at {place.name}",
                    "aid convoys were blocked",
                    "aid convoys may have been blocked",
                ),
                (
                    f"Electricity was cut across {place.name}",
                    "electricity was cut",
                    "electricity may have been cut",
                ),
                (
                    f"The {world.name(group)} announced an offensive in the {theatre.region}",
                    "an offensive has begun",
                    "an offensive may have begun",
                ),
            ]
        )
        claim = PlannedClaim(
            self.ids.take(tables.CLAIM), text, Aspect.OTHER, None, None, False, "", (), core, hedged
        )
        independents = rng.sample(world.agencies + world.outlets + world.ngos, 4) + rng.sample(
            theatre.witnesses, min(2, len(theatre.witnesses))
        )
        scene = Scene(
            theatre=theatre,
            place=place,
            kind="incident",
            kind_title="Incident",
            target="the area",
            day=FIRST_DAY + timedelta(days=rng.randrange(SPAN_DAYS)),
            pools={
                "attacker": theatre.speakers[group],
                "victim": independents,
                "independent": independents,
            },
            attacker=group,
            victim=group,
            toll=0,
        )
        voices = self._voices(scene, "independent", "attacker", rng.choice((1, 1, 2, 3)))
        accounts = self._accounts(scene, claim, voices)
        outlet = rng.choice(world.agencies + world.outlets)
        document = PlannedDocument(self.ids.take(tables.DOCUMENT), outlet)
        self._place_accounts(accounts, [document])
        created = _at(scene.day, rng.uniform(2, 48))
        finished = self._documents(batch, scene, [document], created)
        archived = {claim.id} if rng.random() < 0.05 else set()
        self._store(batch, [claim], accounts, None, [], finished, archived)
        return 1

    # -- claims and their voices ----------------------------------------------

    def _claim(
        self, scene: Scene, aspect: str, count: int
    ) -> tuple[PlannedClaim, list[tuple[int, str]]]:
        rng = self.rng
        place, kind = scene.place.name, scene.kind
        claim_id = self.ids.take(tables.CLAIM)
        low = high = None
        approximate, unit, named = False, "", ()
        if aspect in (Aspect.KILLED, Aspect.INJURED):
            lead = _weighted(rng, [("independent", 50), ("victim", 35), ("attacker", 15)])
            factor = {"independent": (0.8, 1.25), "victim": (1.0, 2.2), "attacker": (0.1, 0.7)}
            figure = scene.toll * (1.6 if aspect == Aspect.INJURED else 1.0)
            n = max(1, round(figure * rng.uniform(*factor[lead])))
            form, low, high, approximate = phrases.count_form(rng, n)
            unit = Unit.PEOPLE
            who = rng.choice(("civilians", "people"))
            verb = "killed" if aspect == Aspect.KILLED else rng.choice(("injured", "wounded"))
            text = f"{form} {who} were {verb} in the {kind} on {scene.target} in {place}"
            core, hedged = f"{form} {who} were {verb}", f"{form} {who} may have been {verb}"
            opposing = "attacker" if lead != "attacker" else "victim"
        elif aspect == Aspect.PERPETRATOR:
            blamed = scene.attacker if rng.random() < 0.8 else scene.victim
            side = "attacker" if blamed == scene.attacker else "victim"
            speakers = scene.pools[side]
            # A state is blamed through its armed forces; a coalition may be
            # named with its task force as alternatives ("it or partner forces").
            party = speakers[4] if self.kinds[blamed] == SourceKind.GOVERNMENT else blamed
            name = phrases.speaker(self.world.name(party), self.kinds[party])
            if blamed == scene.theatre.coalition and rng.random() < 0.3:
                named = (blamed, speakers[1])
                name = f"{name} or partner forces"
            named = named or (party,)
            text = f"{name} carried out the {kind} in {place}"
            core = f"{name} carried out the {kind}"
            hedged = f"{name} may have carried out the {kind}"
            lead = "victim" if side == "attacker" else "attacker"
            lead = lead if rng.random() < 0.7 else "independent"
            opposing = side
        elif aspect == Aspect.CHARACTERIZATION:
            text = f"The {kind} in {place} was a massacre of civilians"
            core, hedged = f"the {kind} was a massacre", f"the {kind} may amount to a massacre"
            lead, opposing = "victim", "attacker"
        elif aspect == Aspect.TERRITORIAL_CONTROL:
            holder = rng.choice((scene.attacker, scene.victim))
            name = phrases.speaker(self.world.name(holder), self.kinds[holder])
            named = (holder,)
            text = f"{name} controls {place}"
            core, hedged = text, f"{name} appears to control {place}"
            lead = "independent"
            opposing = "attacker" if holder == scene.victim else "victim"
        else:
            lead, opposing = "independent", "attacker"
            if rng.random() < 0.15:
                n = rng.randint(2, 40)
                form, low, high, approximate = phrases.count_form(rng, n)
                unit = Unit.STRIKES
                text = f"{form} strikes hit {place}"
                core, hedged = text, f"{form} strikes may have hit {place}"
            else:
                text = f"{scene.target} was hit in the {kind} in {place}"
                core, hedged = f"{scene.target} was hit", f"{scene.target} may have been hit"
        claim = PlannedClaim(
            claim_id,
            phrases.capitalize(text),
            aspect,
            low,
            high,
            approximate,
            unit,
            named,
            core[:1].lower() + core[1:],
            hedged[:1].lower() + hedged[1:],
            min_exclusive=text.startswith("more than "),
        )
        return claim, self._voices(scene, lead, opposing, count)

    def _voices(self, scene: Scene, lead: str, opposing: str, count: int) -> list[tuple[int, str]]:
        """``count`` (source, stance) pairs; the first is the lead voice asserting the claim."""
        rng = self.rng
        voices = [(rng.choice(scene.pools[lead]), Stance.ASSERTS)]
        used = {voices[0][0]}
        while len(voices) < count:
            group = _weighted(rng, [("independent", 55), (lead, 25), (opposing, 20)])
            relation = (
                "same" if group == lead else "opposing" if group == opposing else "independent"
            )
            pool = scene.pools[group]
            source = rng.choice(pool)
            for _ in range(4):
                if source not in used:
                    break
                source = rng.choice(pool)
            used.add(source)
            voices.append((source, _weighted(rng, STANCES[relation])))
        return voices

    def _accounts(
        self, scene: Scene, claim: PlannedClaim, voices: list[tuple[int, str]]
    ) -> list[PlannedAccount]:
        rng = self.rng
        tails = ["", "", f" in {scene.place.variant or scene.place.name}", f" in the {scene.kind}"]
        accounts = []
        for source, stance in voices:
            quote, form = phrases.stance_quote(rng, stance, claim.core, claim.hedged)
            if stance == Stance.ASSERTS:
                # Different words from different mouths; the same words under two
                # roots would be one statement copied (and counted once).
                quote += rng.choice(tails)
            said_on = scene.day + timedelta(days=rng.choice((0, 1))) if rng.random() < 0.5 else None
            accounts.append(
                PlannedAccount(
                    self.ids.take(tables.ACCOUNT),
                    claim.id,
                    source,
                    stance,
                    quote,
                    form,
                    None,
                    said_on,
                )
            )
        return accounts

    def _place_accounts(
        self, accounts: list[PlannedAccount], documents: list[PlannedDocument]
    ) -> None:
        """Put each account in a document; some are relayed by the document's outlet."""
        rng = self.rng
        for account in accounts:
            document = rng.choice(documents)
            account.document = document
            document.accounts.append(account)
            speaks_for_a_party = self.kinds[account.source_id] in (
                SourceKind.SPOKESPERSON,
                SourceKind.GOVERNMENT,
                SourceKind.ARMED_PARTY,
            )
            relayable = speaks_for_a_party and document.outlet_id != account.source_id
            if relayable and rng.random() < 0.25:
                # "told Rudaw English": the outlet relays, the speaker speaks.
                account.intermediary_id = document.outlet_id
                account.form = rng.choice(phrases.RELAYED_FORMS)

    # -- documents ------------------------------------------------------------

    def _documents(
        self, batch: Batch, scene: Scene, documents: list[PlannedDocument], created: datetime
    ) -> datetime:
        """Write the documents, each quote at its offset; return when the last account came."""
        rng = self.rng
        day, place = scene.day, scene.place
        latest = created
        for index, document in enumerate(documents):
            outlet = self.world.by_id[document.outlet_id]
            spelling = place.variant if place.variant and rng.random() < 0.3 else place.name
            parts: list[str] = []
            length = 0

            def add(piece: str, parts: list[str] = parts) -> None:
                nonlocal length
                parts.append(piece)
                length += len(piece)

            add(
                f"{spelling.upper()}, {day.day} {day:%B %Y} ({outlet.name}) — "
                f"A {scene.kind} hit {scene.target} in {spelling} "
                f"{rng.choice(phrases.TIMES_OF_DAY)} {day:%A}."
            )
            for position, account in enumerate(document.accounts):
                add("\n\n" if position % 2 == 0 else " ")
                source = self.world.by_id[account.source_id]
                relay = (
                    self.world.by_id[account.intermediary_id] if account.intermediary_id else None
                )
                sentence = phrases.capitalize(
                    account.form.format(
                        S=phrases.speaker(source.name, source.kind),
                        I=phrases.speaker(relay.name, relay.kind) if relay else "",
                        Q="\x00",
                    )
                )
                before, after = sentence.split("\x00")
                add(before)
                account.start = length
                add(account.quote)
                add(after)
            for line in rng.sample(phrases.BACKGROUND, 2):
                add("\n\n" + line.format(region=scene.theatre.region, kind=scene.kind))
            text = "".join(parts)
            if rng.random() < 0.01:
                # Scraped pages sometimes carry another page's headline.
                title = f"Live Score: {self.world.name(rng.choice(self.world.outlets))} Cup final"
            else:
                title = f"{scene.kind_title} in {spelling}: {outlet.name} report"
            published = _at(day, rng.uniform(3, 72))
            retrieved = published + timedelta(hours=rng.uniform(1, 30))
            added = retrieved + timedelta(minutes=rng.uniform(1, 120))
            reporter = rng.choice(self.staff.reporters)
            slug = "".join(ch for ch in outlet.name.lower() if ch.isalnum())[:30]
            mismatch = not title_matches_body(title, text)
            # As document_create gives it: a mismatched title's document goes by its first sentence.
            working_title = first_sentence(text, title=title) if mismatch else ""
            url = f"https://{slug}.example/{day:%Y/%m/%d}/{document.id}-{index}"
            content = text.encode("utf-8")
            sha256 = hashlib.sha256(content).hexdigest()  # content_hash(text), hashed once
            batch.rows[tables.DOCUMENT].append(
                (
                    document.id, outlet.id, title, mismatch, working_title, url,
                    published, retrieved, text, sha256, added, reporter,
                )
            )  # fmt: skip
            # Its capture: the text itself, as migration 0024 gives a document stored
            # before captures, marked reconstructed and named as demo data; nothing
            # was captured from anywhere.
            batch.rows[tables.CAPTURE].append(
                (
                    self.ids.take(tables.CAPTURE), document.id, None,
                    CaptureOrigin.RECONSTRUCTED, sha256, len(content), DEMO_CAPTURE_TYPE, "",
                    url, retrieved, None, DEMO_CAPTURE_TOOL, None, [], "", "", sha256, added,
                )
            )  # fmt: skip
            batch.capture_bytes.append((sha256, content))
            for offset, account in enumerate(document.accounts):
                account_added = added + timedelta(minutes=5 * (offset + 1))
                account.added = account_added
                latest = max(latest, account_added)
                batch.rows[tables.ACCOUNT].append(
                    (
                        account.id, account.claim_id, account.source_id, document.id,
                        account.quote, account.start, account.start + len(account.quote),
                        account.stance, account.intermediary_id, account.said_on,
                        account_added, account_added, reporter,
                    )
                )  # fmt: skip
                batch.accounts += 1
        return latest

    def _event_rows(
        self, batch: Batch, event_id: int, scene: Scene, parties: list[int], created: datetime
    ) -> str:
        """Append the event and its parties; returns the event's name."""
        rng = self.rng
        base = f"{scene.kind_title} on {scene.target} in {scene.place.name}, {scene.day.day} "
        name = base + f"{scene.day:%B %Y}"
        number = 2
        while name_key(name) in self.event_names:
            name = base + f"{scene.day:%B %Y} ({number})"
            number += 1
        self.event_names.add(name_key(name))
        end = scene.day + timedelta(days=rng.randint(1, 3)) if rng.random() < 0.15 else None
        batch.rows[tables.EVENT].append(
            (
                event_id, name, f"{scene.place.name}, {scene.theatre.region}", scene.day, end,
                f"{rng.choice(phrases.TIMES_OF_DAY)} {scene.day:%A}",
                f"{scene.kind_title} reported in {scene.place.name}. Demo data.",
                created, created, rng.choice(self.staff.reporters), name_key(name),
                "",  # no grade: only an editor records one
                {},  # the summary, filled in once the event's accounts are compared
            )
        )  # fmt: skip
        for party in sorted(parties):
            batch.rows[tables.EVENT_PARTY].append(
                (self.ids.take(tables.EVENT_PARTY), event_id, party)
            )
        return name

    # -- comparison, findings, verdicts ------------------------------------------

    def _compare(
        self,
        event_id: int | None,
        parties: list[int],
        claims: list[PlannedClaim],
        accounts: list[PlannedAccount],
    ) -> EventComparison:
        wanted = set(parties)
        for account in accounts:
            wanted.add(account.source_id)
            if account.intermediary_id is not None:
                wanted.add(account.intermediary_id)
        for claim in claims:
            wanted.update(claim.named)
        sources = {
            ancestor: self.source_infos[ancestor]
            for source_id in wanted
            for ancestor in self.lineage[source_id]
        }
        return compare_event(
            EventInfo(id=event_id or 0, party_ids=frozenset(parties)),
            [claim.info() for claim in claims],
            [account.info() for account in accounts],
            sources,
        )

    def _store(
        self,
        batch: Batch,
        claims: list[PlannedClaim],
        accounts: list[PlannedAccount],
        event_id: int | None,
        parties: list[int],
        compared_at: datetime,
        archived: set[int],
        event_name: str | None = None,
    ) -> None:
        live = [claim for claim in claims if claim.id not in archived]
        live_ids = {claim.id for claim in live}
        live_accounts = [account for account in accounts if account.claim_id in live_ids]
        summaries = {}
        if archived:
            # The archived claim's suggestion is from before it was archived.
            before = self._compare(event_id, parties, claims, accounts)
            summaries.update({summary.claim_id: summary for summary in before.claims})
        comparison = self._compare(event_id, parties, live, live_accounts)
        summaries.update({summary.claim_id: summary for summary in comparison.claims})
        if live:
            self._findings(batch, event_id, comparison, compared_at)
        if event_id is not None:
            self._summarise(batch, event_id, comparison)
        # A claim is entered just before its first account.
        first_account: dict[int, datetime] = {}
        for account in accounts:
            earlier = first_account.get(account.claim_id, account.added)
            first_account[account.claim_id] = min(earlier, account.added)
        for claim in claims:
            created = first_account[claim.id] - timedelta(minutes=1)
            summary = summaries.get(claim.id)
            event = None if event_id is None else {"id": event_id, "name": event_name}
            self._claim_row(batch, claim, event, summary, created, claim.id in archived)
            batch.claims += 1
            for party in claim.named:
                batch.rows[tables.NAMED_PARTY].append(
                    (self.ids.take(tables.NAMED_PARTY), claim.id, party)
                )

    @staticmethod
    def _summarise(batch: Batch, event_id: int, comparison: EventComparison) -> None:
        """Store the event's summary on its row, as the findings refresh does."""
        rows = batch.rows[tables.EVENT]
        # The event was the last one appended: its accounts are stored before the next.
        assert rows[-1][0] == event_id
        rows[-1] = (*rows[-1][:-1], summary_details(comparison.summary))

    def _findings(
        self,
        batch: Batch,
        event_id: int | None,
        comparison: EventComparison,
        compared_at: datetime,
    ) -> None:
        rng = self.rng
        for finding in comparison.findings:
            finding_id = self.ids.take(tables.FINDING)
            is_open = finding.severity in OPEN_SEVERITIES
            acknowledged_by = acknowledged_at = None
            note = ""
            if is_open and rng.random() < 0.15:
                is_open = False
                acknowledged_by = rng.choice(self.staff.editors)
                acknowledged_at = compared_at + timedelta(days=rng.uniform(0.1, 10))
                note = rng.choice(phrases.RATIONALES)
            batch.rows[tables.FINDING].append(
                (
                    finding_id, event_id, finding.kind, finding.key, finding.severity,
                    finding.explanation, finding.signature, dict(finding.details), is_open,
                    acknowledged_by,
                    acknowledged_at, note, "", compared_at,
                )
            )  # fmt: skip
            for claim_id in finding.claim_ids:
                batch.rows[tables.FINDING_CLAIM].append(
                    (self.ids.take(tables.FINDING_CLAIM), finding_id, claim_id)
                )
            for account_id in finding.account_ids:
                batch.rows[tables.FINDING_ACCOUNT].append(
                    (self.ids.take(tables.FINDING_ACCOUNT), finding_id, account_id)
                )
            if finding.kind == FindingKind.BEST_SUPPORTED:
                for account_id in outlier_account_ids(finding.details):
                    batch.rows[tables.FINDING_OUTLIER].append(
                        (self.ids.take(tables.FINDING_OUTLIER), finding_id, account_id)
                    )

    def _claim_row(
        self,
        batch: Batch,
        claim: PlannedClaim,
        event: dict | None,
        summary,
        created: datetime,
        archived: bool,
    ) -> None:
        """The claim's row; ``event`` is its event's id and name, as a verdict records them."""
        rng = self.rng
        event_id = None if event is None else event["id"]
        suggested, basis, reasons, independent = "", "", [], 0
        if summary is not None:
            suggested = summary.suggestion.status
            basis = summary.suggestion.basis
            reasons = list(summary.suggestion.reasons)
            independent = summary.independent_sources
        judged = {
            "text": claim.text,
            "aspect": claim.aspect,
            "count_min": claim.count_min,
            "count_max": claim.count_max,
            "count_approximate": claim.approximate,
            "count_min_exclusive": claim.min_exclusive,
            "count_max_exclusive": False,
            "unit": claim.unit,
            "event": event,
            "named_parties": [
                {"id": party, "name": self.source_infos[party].name}
                for party in sorted(claim.named)
            ],
        }
        status, changed = self._verdicts(batch, claim.id, suggested, created, judged)
        oldest_open_flag = self._flags(batch, claim.id, created)
        updated = max([created, *changed])
        archived_at = archived_by = None
        if archived:
            archived_at = updated + timedelta(days=rng.uniform(1, 20))
            archived_by = rng.choice(self.staff.editors)
            updated = archived_at
        batch.rows[tables.CLAIM].append(
            (
                claim.id, claim.text, event_id, claim.aspect, claim.count_min, claim.count_max,
                claim.approximate, claim.min_exclusive, False, claim.unit, status, suggested,
                basis, reasons, independent,
                archived_at, archived_by, created, updated, rng.choice(self.staff.reporters),
                oldest_open_flag, None, None,
            )
        )  # fmt: skip

    def _verdicts(
        self, batch: Batch, claim_id: int, suggested: str, created: datetime, judged: dict
    ) -> tuple[str, list[datetime]]:
        """The claim's status and its history, as claim_set_status records it."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.55:
            return VerificationStatus.UNVERIFIED, []
        if roll < 0.65:
            path = [VerificationStatus.IN_REVIEW]
        else:
            final = (
                suggested
                if suggested and suggested != VerificationStatus.UNVERIFIED and rng.random() < 0.6
                else _weighted(rng, VERDICTS)
            )
            path = [final] if rng.random() < 0.5 else [VerificationStatus.IN_REVIEW, final]
            if path[0] == path[-1] and len(path) == 2:
                path = [final]
        previous, when, times = VerificationStatus.UNVERIFIED, created, []
        editor = rng.choice(self.staff.editors)
        for position, status in enumerate(path):
            when = when + timedelta(hours=rng.uniform(1, 96))
            # Every verdict after the first needs a rationale.
            rationale = rng.choice(phrases.RATIONALES) if position or rng.random() < 0.5 else ""
            batch.rows[tables.STATUS_CHANGE].append(
                (self.ids.take(tables.STATUS_CHANGE), claim_id, editor, when, previous, status,
                 rationale, judged)
            )  # fmt: skip
            previous = status
            times.append(when)
        return path[-1], times

    def _flags(self, batch: Batch, claim_id: int, created: datetime) -> datetime | None:
        """Flags on the claim; returns when the oldest still open was raised."""
        rng = self.rng
        if rng.random() >= 0.06:
            return None
        oldest_open = None
        kinds = rng.sample(FlagKind.values, rng.choice((1, 1, 2)))
        for kind in kinds:
            reason = rng.choice(FlagReason.values)
            note = rng.choice(phrases.FLAG_NOTES)
            if reason == FlagReason.OTHER and not note:
                note = "See the reporter's notes."
            raised = created + timedelta(hours=rng.uniform(1, 200))
            resolved_by = resolved_at = None
            resolution = ""
            if rng.random() < 0.35:
                resolved_by = rng.choice(self.staff.editors)
                resolved_at = raised + timedelta(hours=rng.uniform(1, 100))
                resolution = "Checked with the desk."
            elif oldest_open is None or raised < oldest_open:
                oldest_open = raised
            batch.rows[tables.FLAG].append(
                (
                    self.ids.take(tables.FLAG), claim_id, kind, reason, note,
                    rng.choice(self.staff.reporters), raised, resolved_by, resolved_at,
                    resolution,
                )
            )  # fmt: skip
        return oldest_open
