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


@dataclass
class Touched:
    """What the services inside one boundary changed that derived rows depend on."""

    event_ids: set[int] = field(default_factory=set)
    claim_ids: set[int] = field(default_factory=set)


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
        with transaction.atomic(durable=durable):
            yield
            # Derived work runs outside the record, so anything it calls does
            # its work at once instead of noting it for a boundary that is closing.
            _local.touched = None
            _finish(record)
    finally:
        _local.touched = None


def _finish(record: Touched) -> None:
    if not (record.event_ids or record.claim_ids):
        return
    # Imported here: the findings module itself notes what it is asked to refresh.
    from tracker.services.findings import refresh_touched

    refresh_touched(event_ids=record.event_ids, claim_ids=record.claim_ids)


def service(func: Callable[P, R] | None = None, *, durable: bool = False):
    """Make ``func`` a public service: its own boundary when called first, a part otherwise."""

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(func)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            with write_transaction(durable=durable):
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
    """SQLite gave up waiting for another writer (after its busy timeout)."""
    return isinstance(error, OperationalError) and "database is locked" in str(error)


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
