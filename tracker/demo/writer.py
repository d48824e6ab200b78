"""Bulk writes: COPY on PostgreSQL, executemany on SQLite, inside Django's transaction.

Rows are tuples of Python values in ``tables.columns`` order. The database's
triggers and constraints see every row, as they would a service's write: an
account whose quote is not its document's text at its offsets is refused by
the trigger of migration 0002, whichever way it arrives.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from django.db import connections

from tracker.demo import tables


class BulkWriter:
    def __init__(self, using: str = "default"):
        self.connection = connections[using]
        self.vendor = self.connection.vendor
        if self.vendor not in ("postgresql", "sqlite"):
            raise RuntimeError(f"tracker supports SQLite and PostgreSQL, not {self.vendor}")

    # -- session ------------------------------------------------------------

    def begin_session(self) -> None:
        if self.vendor != "postgresql":
            return
        with self.connection.cursor() as cursor:
            # A lost last batch on a crash costs a rerun, not integrity: the
            # generator refuses a database it has half filled.
            cursor.execute("SET synchronous_commit = off")
            # Accounts go in before their claims (tables.LOAD_ORDER); each claim
            # then computes its own search vector on insert (migration 0009).
            cursor.execute("SET tracker.search_vectors_deferred = on")
            # The triggers' queries are planned on the statistics of tables that
            # grow under them; an estimate past jit_above_cost would compile each
            # one, per row, for longer than it runs. refresh_statistics keeps the
            # estimates true; this keeps a stale one harmless.
            cursor.execute("SET jit = off")

    def end_session(self) -> None:
        if self.vendor != "postgresql":
            return
        with self.connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")
            cursor.execute("RESET tracker.search_vectors_deferred")
            cursor.execute("RESET jit")

    # -- rows ---------------------------------------------------------------

    def write(self, table: str, rows: Sequence[tuple]) -> None:
        if not rows:
            return
        names = tables.columns(table)
        if self.vendor == "postgresql":
            self._copy(table, names, rows)
        else:
            self._insert(table, names, rows)

    def _copy(self, table: str, names: list[str], rows: Iterable[tuple]) -> None:
        quoted = ", ".join(self.connection.ops.quote_name(name) for name in names)
        statement = f"COPY {self.connection.ops.quote_name(table)} ({quoted}) FROM STDIN"
        # Django's cursor wraps psycopg's; COPY needs the driver's own.
        with self.connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row([_pg_value(value) for value in row])

    def _insert(self, table: str, names: list[str], rows: Iterable[tuple]) -> None:
        ops = self.connection.ops
        placeholders = ", ".join("?" for _ in names)
        statement = (
            f"INSERT INTO {ops.quote_name(table)} "
            f"({', '.join(ops.quote_name(name) for name in names)}) VALUES ({placeholders})"
        )
        self.connection.ensure_connection()
        converted = [tuple(_sqlite_value(ops, value) for value in row) for row in rows]
        # The driver's connection, in Django's transaction: executemany with
        # qmark parameters, without Django's per-statement bookkeeping.
        self.connection.connection.executemany(statement, converted)

    # -- afterwards ---------------------------------------------------------

    def reset_sequences(self) -> None:
        """Let the next id a service takes follow the ids written here."""
        if self.vendor != "postgresql":
            return  # SQLite's AUTOINCREMENT follows the largest id by itself.
        with self.connection.cursor() as cursor:
            for table in [tables.SOURCE, tables.ALIAS, *tables.LOAD_ORDER]:
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence(%s, 'id'), "
                    f"COALESCE((SELECT MAX(id) FROM {self.connection.ops.quote_name(table)}), 1))",
                    [table],
                )

    def refresh_statistics(self) -> None:
        """ANALYZE the tables being loaded, so the triggers' lookups stay index lookups.

        Without statistics the planner guesses a claim's accounts from the size
        of the whole table, and at a million claims it reads the sources table
        once per claim inserted. (Autovacuum would do this, where it runs.)
        """
        if self.vendor != "postgresql":
            return  # SQLite plans these lookups by its indexes, statistics or not.
        names = [tables.SOURCE, tables.ALIAS, *tables.LOAD_ORDER]
        with self.connection.cursor() as cursor:
            quote = self.connection.ops.quote_name
            cursor.execute(f"ANALYZE {', '.join(quote(name) for name in names)}")

    def analyze(self) -> None:
        """Fresh planner statistics, and on PostgreSQL a visibility map for index-only scans."""
        names = [tables.SOURCE, tables.ALIAS, *tables.LOAD_ORDER, tables.TRACK_RECORD]
        with self.connection.cursor() as cursor:
            if self.vendor == "postgresql":
                # Rows a GIN index took in bulk wait in its pending list, which
                # the planner prices as a slow scan; merge them now. VACUUM
                # would too, but not inside a transaction.
                cursor.execute(
                    "SELECT gin_clean_pending_list(i.indexrelid) FROM pg_index i "
                    "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam "
                    "WHERE am.amname = 'gin' AND i.indrelid = ANY(%s::regclass[])",
                    [names],
                )
                quoted = ", ".join(self.connection.ops.quote_name(name) for name in names)
                # VACUUM cannot run in a transaction (a test's, say); ANALYZE can.
                vacuum = "ANALYZE" if self.connection.in_atomic_block else "VACUUM (ANALYZE)"
                cursor.execute(f"{vacuum} {quoted}")
            else:
                cursor.execute("ANALYZE")


def _pg_value(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value)
    return value


def _sqlite_value(ops, value: Any) -> Any:
    if isinstance(value, datetime):
        return ops.adapt_datetimefield_value(value)
    if isinstance(value, date):
        return ops.adapt_datefield_value(value)
    if isinstance(value, list | dict):
        return json.dumps(value)
    return value
