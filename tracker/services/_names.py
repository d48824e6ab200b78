"""What the services share to keep names unique: a per-name lock, and the index as a backstop.

The key (tracker.name_keys) is unique per table by an index, but a name must
also differ from the other table's (a source's name from every alias): two
transactions could each check, find nothing, and write the same name into the
two tables. ``lock_name`` makes writers of one name take turns on PostgreSQL;
SQLite already runs one write transaction at a time (IMMEDIATE).
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction


def lock_name(namespace: str, scope: int, key: str) -> None:
    """Hold, until the transaction ends, the right to give out ``key`` in ``scope``."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))",
                [f"tracker.{namespace}:{scope}:{key}"],
            )


@contextmanager
def refused_if_taken(error: Callable[[], ValidationError | None]) -> Iterator[None]:
    """Turn the unique index's refusal into the same 400 the check gives.

    The check before a write cannot see a rival transaction's uncommitted row;
    the index waits for it and refuses. ``error`` looks again (the rival has
    committed by then) and names the holder; other integrity errors pass.
    """
    try:
        with transaction.atomic():
            yield
    except IntegrityError as integrity_error:
        refusal = error()
        if refusal is None:
            raise
        raise refusal from integrity_error
