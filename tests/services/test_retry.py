"""A transaction that loses a deadlock runs again, a bounded number of times, and is counted.

No database here: outside any transaction (as a request's write is) the
retry wraps the call; the error stands in for PostgreSQL's deadlock_detected.
"""

import pytest
from django.db import DatabaseError

from tracker.services import _boundary


class _Deadlock(Exception):
    sqlstate = "40P01"


def _lost() -> DatabaseError:
    error = DatabaseError("deadlock detected")
    error.__cause__ = _Deadlock()
    return error


def test_a_transaction_that_loses_a_deadlock_runs_again_and_is_counted():
    calls = []

    @_boundary.retry_when_lost
    def write():
        calls.append(1)
        if len(calls) < 3:
            raise _lost()
        return "stored"

    start = _boundary.lost_races.value
    assert write() == "stored"
    assert len(calls) == 3
    assert _boundary.lost_races.value - start == 2


def test_retries_are_bounded_and_other_errors_are_not_retried():
    calls = []

    @_boundary.retry_when_lost
    def always_loses():
        calls.append(1)
        raise _lost()

    with pytest.raises(DatabaseError):
        always_loses()
    assert len(calls) == _boundary.MAX_ATTEMPTS

    @_boundary.retry_when_lost
    def broken():
        calls.append(1)
        raise DatabaseError("no such column")

    calls.clear()
    with pytest.raises(DatabaseError):
        broken()
    assert len(calls) == 1
