"""Timing a piece of the application against its floor.

The floor of an operation is the database work it cannot avoid: the very
statements Django issued for it (captured with a connection execute wrapper,
parameters and all), re-run through the driver's own cursor, every row
fetched and serialized with ``json.dumps``. What the application adds on top
(URL routing, middleware, authentication, the ORM, serializers, templates)
is the ratio between the two. Both are timed in the same run, alternately,
so a busy machine slows them alike.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction


@dataclass(frozen=True)
class Statement:
    sql: str
    params: Any
    many: bool
    # Whether Django ran it inside a transaction (SET LOCAL, say, needs one).
    in_transaction: bool


@dataclass(frozen=True)
class Figure:
    name: str
    median_ms: float
    p95_ms: float
    queries: int
    # Writes rotate over several events whose statements may number differently.
    queries_max: int
    floor_median_ms: float
    floor_p95_ms: float
    runs: int

    @property
    def ratio(self) -> float:
        return self.median_ms / self.floor_median_ms if self.floor_median_ms else float("nan")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    # Nearest rank: the value below which ``fraction`` of the runs fall.
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


# Transaction control is the wrapper's business, not the operation's: on SQLite
# Django opens its transactions with a statement of its own (BEGIN IMMEDIATE).
TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "END")
SAVEPOINTS = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")


def capture(operation: Callable[[], Any]) -> list[Statement]:
    """Every statement ``operation`` sends to the database, in order."""
    statements: list[Statement] = []

    def record(execute, sql, params, many, context):
        words = sql.lstrip().upper()
        if words.startswith(TRANSACTION_CONTROL) and not words.startswith(SAVEPOINTS):
            return execute(sql, params, many, context)
        in_transaction = context["connection"].in_atomic_block
        statements.append(Statement(sql, params, many, in_transaction))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        operation()
    return statements


def _driver_cursor():
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        # Django's SQLite cursor is the driver's cursor plus the %s -> ? rewrite.
        from django.db.backends.sqlite3.base import SQLiteCursorWrapper

        return connection.connection.cursor(factory=SQLiteCursorWrapper)
    return connection.connection.cursor()


def replay(statements: list[Statement]) -> None:
    """Run ``statements`` through the driver, fetch every row, serialize it all."""
    cursor = _driver_cursor()
    try:
        results = []
        for statement in statements:
            if statement.many:
                cursor.executemany(statement.sql, statement.params)
                continue
            if statement.params is None:
                cursor.execute(statement.sql)
            else:
                cursor.execute(statement.sql, statement.params)
            if cursor.description is not None:
                results.append(cursor.fetchall())
        json.dumps(results, default=str)
    finally:
        cursor.close()


def rolled_back(operation: Callable[[], Any]) -> Callable[[], None]:
    """``operation`` in a transaction that is undone: a write can be repeated as it was."""

    def run() -> None:
        with transaction.atomic():
            operation()
            transaction.set_rollback(True)

    return run


def _floor_of(statements: list[Statement], *, write: bool) -> Callable[[], None]:
    def floor() -> None:
        replay(statements)

    # The transaction's own BEGIN/ROLLBACK are not statements Django issued: the
    # floor of a write gets the same wrapper as the write, so they cancel out.
    if write or any(s.in_transaction for s in statements):
        return rolled_back(floor)
    return floor


def measure(
    name: str,
    operation: Callable[[], Any] | list[Callable[[], Any]],
    *,
    runs: int,
    warmup: int,
    write: bool = False,
) -> Figure:
    """Median and 95th percentile of ``operation`` and of its floor, over ``runs`` runs each.

    A list of operations is taken in turn, run after run, each against its own floor.
    """
    operations = operation if isinstance(operation, list) else [operation]
    acts = [rolled_back(op) if write else op for op in operations]
    for _ in range(warmup):
        for act in acts:
            act()
    captured = [capture(act) for act in acts]
    floors_of = [_floor_of(statements, write=write) for statements in captured]
    for floor in floors_of:
        floor()
    timings, floors = [], []
    for run in range(runs):
        act, floor = acts[run % len(acts)], floors_of[run % len(acts)]
        started = time.perf_counter()
        act()
        timings.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        floor()
        floors.append((time.perf_counter() - started) * 1000)
    queries = [
        sum(1 for s in statements if not s.sql.lstrip().upper().startswith(SAVEPOINTS))
        for statements in captured
    ]
    return Figure(
        name=name,
        median_ms=statistics.median(timings),
        p95_ms=percentile(timings, 0.95),
        queries=min(queries),
        queries_max=max(queries),
        floor_median_ms=statistics.median(floors),
        floor_p95_ms=percentile(floors, 0.95),
        runs=runs,
    )
