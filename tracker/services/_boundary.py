"""The outer boundary of a write: one transaction, derived work once at its end, retried.

A public service runs inside ``write_transaction``. The first such block a
thread opens is the boundary; services it calls join it. What they change
that other rows derive from (an event's findings, an event-less claim's
findings) is only *noted* while they run. Just before the boundary's
transaction commits, each noted event is refreshed once, after its row is
locked, in primary-key order: two transactions that touch the same events
queue on those locks instead of deadlocking or racing to insert the same
findings.

``retry_when_lost`` wraps the outermost call (a service called from a command,
an API view's write). When PostgreSQL picks the transaction as a deadlock
victim or finds a serialization conflict, the whole call runs again from the
start, a few times, after a short random pause. ``lost_races`` counts those
retries so tests and operators can see them.
"""

import functools
import logging
import random
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import ParamSpec, TypeVar

from django.db import DatabaseError, OperationalError, connection, transaction

logger = logging.getLogger("tracker.transactions")

P = ParamSpec("P")
R = TypeVar("R")

# A transaction that loses this many times in a row is reported, not retried
# forever: under that much contention the client should come back later (503).
MAX_ATTEMPTS = 5
# PostgreSQL's SQLSTATEs for "your transaction lost to a concurrent one; run it again".
RETRYABLE_SQLSTATES = {"40P01", "40001"}  # deadlock_detected, serialization_failure
LOCK_NOT_AVAILABLE = "55P03"  # lock_timeout ran out


@dataclass
class Touched:
    """What the services inside one boundary changed that derived rows depend on."""

    event_ids: set[int] = field(default_factory=set)
    claim_ids: set[int] = field(default_factory=set)
    # Claims whose track record rows need rewriting besides those the findings
    # refresh rewrites (a status set, a document's date changed).
    record_claim_ids: set[int] = field(default_factory=set)


_local = threading.local()


def touched() -> Touched | None:
    """The open boundary's record of touched rows, or None outside any boundary."""
    return getattr(_local, "touched", None)


@contextmanager
def write_transaction(*, durable: bool = False) -> Iterator[None]:
    """Open the boundary's transaction, or join the one already open.

    ``durable=True`` refuses to run inside any other transaction (Django's
    check, which TestCase's own transaction is exempt from).
    """
    if touched() is not None:
        with transaction.atomic(durable=durable):
            yield
        return
    record = _local.touched = Touched()
    try:
        with _writers_queue(), transaction.atomic(durable=durable):
            yield
            # Derived work runs outside the record, so anything it calls does
            # its work at once instead of noting it for a boundary that is closing.
            _local.touched = None
            _finish(record)
    finally:
        _local.touched = None


class _FifoLock:
    """A lock handed to its waiters in the order they came, each waiting at most a timeout."""

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._waiters: deque[threading.Event] = deque()
        self._held = False

    def acquire(self, timeout: float) -> bool:
        with self._mutex:
            if not self._held and not self._waiters:
                self._held = True
                return True
            turn = threading.Event()
            self._waiters.append(turn)
        if turn.wait(timeout):
            return True
        with self._mutex:
            if turn.is_set():  # handed over just as the wait ran out
                return True
            self._waiters.remove(turn)
            return False

    def release(self) -> None:
        with self._mutex:
            if self._waiters:
                self._waiters.popleft().set()  # straight to the next in line
            else:
                self._held = False


# SQLite lets one writer in at a time, and its busy handler lets waiters poll
# for the lock at random: under twenty writers one can starve past its timeout
# while others pass it. This process's writers queue here instead, first come
# first served, and so reach SQLite's lock one by one.
_sqlite_writers = _FifoLock()
SQLITE_WAIT_SECONDS = 5.0


@contextmanager
def _writers_queue() -> Iterator[None]:
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        # Inside a transaction this connection may already hold SQLite's lock;
        # queueing behind a writer that waits for it would stall both.
        yield
        return
    asked = time.monotonic()
    if not _sqlite_writers.acquire(SQLITE_WAIT_SECONDS):
        writer_times.record(wait=time.monotonic() - asked, hold=0.0)
        raise OperationalError("database is locked (waited for other writers in this process)")
    got = time.monotonic()
    try:
        yield
    finally:
        _sqlite_writers.release()
        writer_times.record(wait=got - asked, hold=time.monotonic() - got)


class _WriterTimes:
    """The longest wait for and hold of the write queue, for tests and operators."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        self.longest_wait = self.longest_hold = self.total_hold = 0.0
        self.count = 0

    def record(self, *, wait: float, hold: float) -> None:
        with self._lock:
            self.count += 1
            self.longest_wait = max(self.longest_wait, wait)
            self.longest_hold = max(self.longest_hold, hold)
            self.total_hold += hold
        if hold > 1.0 or wait > 1.0:
            logger.info("write waited %.2f s for the database and held it %.2f s", wait, hold)


writer_times = _WriterTimes()


def settle() -> None:
    """Do the derived work noted so far now, inside the open boundary, before reading it back.

    A view that answers with the object it just wrote (and its ETag) from
    inside the transaction calls this first, so the answer shows the refreshed
    findings and suggestion. What is noted afterwards is still done at the end.
    """
    record = touched()
    if record is None:
        return
    pending = Touched(
        event_ids=set(record.event_ids),
        claim_ids=set(record.claim_ids),
        record_claim_ids=set(record.record_claim_ids),
    )
    record.event_ids.clear()
    record.claim_ids.clear()
    record.record_claim_ids.clear()
    _finish(pending)


def _finish(record: Touched) -> None:
    # Imported here: these modules themselves note what they are asked to refresh.
    from tracker.services.findings import refresh_touched
    from tracker.services.track_record import track_record_sync

    rewritten: set[int] = set()
    if record.event_ids or record.claim_ids:
        rewritten = refresh_touched(event_ids=record.event_ids, claim_ids=record.claim_ids)
    if record.record_claim_ids - rewritten:
        track_record_sync(claim_ids=record.record_claim_ids - rewritten)


def _lock_ahead(arguments: dict) -> None:
    """Take the refresh's locks before the service writes, where a database has row locks.

    The refresh at the end rewrites the event's claims, and writing an
    account rewrites its claim too (PostgreSQL's search trigger): a writer
    that took its claim's row first and the event's lock last would deadlock
    with a refresh holding the event and waiting for that claim.
    """
    if not connection.features.has_select_for_update:
        return  # SQLite: one writer at a time already
    wanted = {name: arguments.get(name) for name in ("event", "claim", "account")}
    if any(value is not None for value in wanted.values()):
        from tracker.services.findings import lock_for_refresh

        lock_for_refresh(**wanted)


def service(func: Callable[P, R] | None = None, *, durable: bool = False):
    """Make ``func`` a public service: its own boundary when called first, a part otherwise."""

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(func)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            with write_transaction(durable=durable):
                _lock_ahead(kwargs)
                return func(*args, **kwargs)

        return retry_when_lost(run)

    return decorate if func is None else decorate(func)


# -- losing to other writers -------------------------------------------------


class _Counter:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.value = 0

    def add(self) -> None:
        with self._lock:
            self.value += 1


lost_races = _Counter()


def is_lost_race(error: BaseException) -> bool:
    """A deadlock or serialization failure: the same transaction may well succeed again."""
    cause = error.__cause__
    return isinstance(error, DatabaseError) and (
        getattr(cause, "sqlstate", None) in RETRYABLE_SQLSTATES
    )


def is_lock_timeout(error: BaseException) -> bool:
    """The wait for another writer's lock ran out (SQLite busy_timeout, PostgreSQL lock_timeout)."""
    if not isinstance(error, OperationalError):
        return False
    sqlstate = getattr(error.__cause__, "sqlstate", None)
    return sqlstate == LOCK_NOT_AVAILABLE or "database is locked" in str(error)


def retry_when_lost(func: Callable[P, R]) -> Callable[P, R]:
    """Run ``func`` again when its transaction loses a race, if it is the outermost one.

    Inside another transaction a retry is impossible (that transaction is
    already aborted), so the error goes up to whoever opened it.
    """

    @functools.wraps(func)
    def attempt(*args: P.args, **kwargs: P.kwargs) -> R:
        if connection.in_atomic_block:
            return func(*args, **kwargs)
        for number in range(1, MAX_ATTEMPTS + 1):
            try:
                return func(*args, **kwargs)
            except DatabaseError as error:
                if not is_lost_race(error) or number == MAX_ATTEMPTS:
                    raise
                lost_races.add()
                logger.warning(
                    "%s lost a race (%s), attempt %d of %d; retrying",
                    func.__qualname__,
                    getattr(error.__cause__, "sqlstate", "?"),
                    number,
                    MAX_ATTEMPTS,
                )
                time.sleep(random.uniform(0, 0.02 * 2**number))
        raise AssertionError("unreachable")  # the loop returns or raises

    return attempt
