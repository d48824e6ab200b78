"""Fill an empty database with a deterministic demo archive, in batches."""

from __future__ import annotations

import queue
import random
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TextIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from tqdm import tqdm

from tracker import capture_storage
from tracker.demo import marker, tables
from tracker.demo.stories import Batch, Ids, Staff, StoryTeller
from tracker.demo.world import World, build_world
from tracker.demo.writer import BulkWriter
from tracker.models import Account, Source, TrackRecordEntry
from tracker.name_keys import GLOBAL_SCOPE, label_with_affiliation, name_key
from tracker.services.track_record import rebuild_entries
from tracker.vocabularies import PERSON_KINDS, SourceKind

# Past this a run takes hours, and an archive that size is for a bigger machine.
MAX_CLAIMS = 10_000_000
MAX_BATCH = 1_000_000
EDITORS, REPORTERS = 3, 6
SOURCES_ADDED = datetime(2018, 6, 1, 9, 0, tzinfo=UTC)


class Refused(Exception):
    """The database or the arguments are not fit for generating demo data."""


@dataclass(frozen=True)
class Generated:
    claims: int
    accounts: int
    events: int
    documents: int
    captures: int
    findings: int
    sources: int
    seconds: float


def check_arguments(*, claims: object, seed: object, batch: object) -> None:
    for name, value, low, high in (
        ("--claims", claims, 1, MAX_CLAIMS),
        ("--batch", batch, 1, MAX_BATCH),
        ("--seed", seed, 0, 2**63 - 1),
    ):
        if isinstance(value, bool) or not isinstance(value, int):
            raise Refused(f"{name} must be a whole number, not {value!r}.")
        if not low <= value <= high:
            raise Refused(f"{name} must be between {low:,} and {high:,}, not {value:,}.")


def check_database(using: str) -> None:
    if not marker.holds_tracker_rows(using):
        return
    existing = marker.demo_dataset(using)
    if existing is None:
        raise Refused(
            "The database already holds tracker data that is not demo data. "
            "Demo data goes into an empty database only; create one (e.g. createdb) "
            "and point DATABASE_URL at it."
        )
    raise Refused(
        f"The database already holds a demo dataset ({existing.claims:,} claims, "
        f"seed {existing.seed}). Generate into an empty database."
    )


def _staff(using: str) -> Staff:
    User = get_user_model()
    groups = {group.name: group for group in Group.objects.using(using).all()}

    def user(username: str, group: str) -> int:
        account, created = User.objects.using(using).get_or_create(
            username=username, defaults={"is_staff": True}
        )
        if created:
            account.set_unusable_password()
            account.save(using=using, update_fields=["password"])
            account.groups.add(groups[group])
        return account.pk

    prefix = marker.DEMO_USER_PREFIX
    return Staff(
        editors=[user(f"{prefix}editor-{n}", "Editors") for n in range(1, EDITORS + 1)],
        reporters=[user(f"{prefix}reporter-{n}", "Reporters") for n in range(1, REPORTERS + 1)],
    )


def _write_world(writer: BulkWriter, world: World, staff: Staff, description: str) -> int:
    """The sources, their aliases and the marker; returns the marker's id."""
    editor = staff.editors[0]
    names = {s.id: s.name for s in world.sources}
    # The key, scope and label Source.save would give (tracker.models.source).
    affiliation = {
        s.id: s.parent_id if s.kind in PERSON_KINDS and s.parent_id else None for s in world.sources
    }
    rows = [
        (s.id, s.name, s.kind, s.parent_id, s.root_id, s.reliability, s.description,
         SOURCES_ADDED, SOURCES_ADDED, editor, name_key(s.name),
         affiliation[s.id] or GLOBAL_SCOPE,
         label_with_affiliation(s.name, names.get(affiliation[s.id])))
        for s in world.sources
    ]  # fmt: skip
    marker_id = len(rows) + 1
    rows.append(
        (marker_id, marker.MARKER_NAME, SourceKind.OTHER, None, marker_id, "F", description,
         SOURCES_ADDED, SOURCES_ADDED, editor, name_key(marker.MARKER_NAME), GLOBAL_SCOPE,
         marker.MARKER_NAME)
    )  # fmt: skip
    aliases = [(name, s.id) for s in world.sources for name in s.aliases]
    alias_rows = [
        (n, source_id, name, name_key(name), affiliation[source_id] or GLOBAL_SCOPE)
        for n, (name, source_id) in enumerate(aliases, start=1)
    ]
    writer.write(tables.SOURCE, rows)
    writer.write(tables.ALIAS, alias_rows)
    return marker_id


def _batches(teller: StoryTeller, claims: int, size: int) -> Iterator[Batch]:
    made = 0
    while made < claims:
        rows = Batch()
        while rows.claims < size and made + rows.claims < claims:
            teller.unit(rows, claims - made - rows.claims)
        made += rows.claims
        # The captures' bytes first, as capture_store does: no row names missing bytes.
        # Here, in the thread that makes the batches, while the last one is written.
        capture_storage.write_many(rows.capture_bytes)
        rows.capture_bytes = []
        yield rows


def _ahead(batches: Iterator[Batch], depth: int = 2) -> Iterator[Batch]:
    """Make the next batches in a thread while the caller writes this one.

    Writing is mostly waiting for the database (triggers, indexes, the
    deferred foreign-key checks at commit), which releases the GIL, so the
    two overlap. One thread makes every batch in order: the data does not
    depend on the timing.
    """
    handoff: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()
    done = object()

    def make() -> None:
        try:
            for rows in batches:
                while not stop.is_set():
                    try:
                        handoff.put(rows, timeout=0.5)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            handoff.put(done)
        except BaseException as error:  # handed to the writer, which raises it
            handoff.put(error)

    maker = threading.Thread(target=make, name="demo-data-maker", daemon=True)
    maker.start()
    try:
        while (item := handoff.get()) is not done:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        maker.join(timeout=5)


def generate(
    *,
    claims: int,
    seed: int = 1,
    batch: int = 10_000,
    using: str = "default",
    progress: TextIO | None = None,
) -> Generated:
    """Generate ``claims`` claims with their world into the empty database ``using``.

    ``progress``: a stream for the progress bar, or None for none.
    """
    check_arguments(claims=claims, seed=seed, batch=batch)
    tables.check_columns()
    check_database(using)
    started = time.monotonic()
    rng = random.Random(seed)
    world = build_world(rng, claims)
    writer = BulkWriter(using)
    ids = Ids()
    with transaction.atomic(using=using):
        staff = _staff(using)
        description = marker.marker_description(
            seed=seed, claims=claims, accounts=0, complete=False
        )
        marker_id = _write_world(writer, world, staff, description)
    teller = StoryTeller(rng, world, ids, staff)
    made = accounts = 0
    bar = tqdm(total=claims, unit="claim", disable=progress is None, file=progress, smoothing=0.1)
    writer.begin_session()
    next_analyze = 1
    try:
        for number, rows in enumerate(_ahead(_batches(teller, claims, batch)), start=1):
            with transaction.atomic(using=using):
                for table in tables.LOAD_ORDER:
                    writer.write(table, rows.rows[table])
            if number == next_analyze:
                # After batches 1, 2, 4, 8 and so on: statistics never lag by more than half.
                writer.refresh_statistics()
                next_analyze *= 2
            made += rows.claims
            accounts += rows.accounts
            bar.update(rows.claims)
            bar.set_postfix(accounts=f"{accounts:,}", refresh=False)
    finally:
        writer.end_session()
        bar.close()
    writer.reset_sequences()
    with transaction.atomic(using=using):
        # The rows were written past the services: the track records' kept rows at once.
        rebuild_entries(TrackRecordEntry.objects.using(using), Account.objects.using(using))
    complete = marker.marker_description(seed=seed, claims=made, accounts=accounts, complete=True)
    Source.objects.using(using).filter(pk=marker_id).update(description=complete)
    writer.analyze()
    return Generated(
        claims=made,
        accounts=accounts,
        events=ids.next[tables.EVENT] - 1,
        documents=ids.next[tables.DOCUMENT] - 1,
        captures=ids.next[tables.CAPTURE] - 1,
        findings=ids.next[tables.FINDING] - 1,
        sources=len(world.sources),
        seconds=time.monotonic() - started,
    )
