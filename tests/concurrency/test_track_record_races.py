"""Two writers change one claim's track record at the same moment: the kept rows end as a
fresh count says.

One sets the claim's status while the other moves its document to another
quarter. Each rewrites the claim's kept rows from what it reads; without the
claim's row lock (services/track_record.py) the later commit could write rows
from a view that misses the other's change. On PostgreSQL the two run in
their own connections; on SQLite the file database of ``writers_database``
queues them as production does.
"""

import threading
from datetime import UTC, datetime

import pytest
from django.db import connections

from tests.factories import make_account, make_claim, make_document, make_editor, make_source
from tracker import services
from tracker.models import Claim, Document, TrackRecordEntry
from tracker.selectors.track_record import entry_differences
from tracker.vocabularies import VerificationStatus as S

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
ROUNDS = 6
QUARTERS = (datetime(2024, 2, 1, tzinfo=UTC), datetime(2024, 8, 1, tzinfo=UTC))
STATUSES = (S.CONFIRMED, S.DISPUTED)


def at_once(*writes) -> list[BaseException]:
    """Run the writes in threads released together; the errors they raised."""
    barrier = threading.Barrier(len(writes))
    errors: list[BaseException] = []

    def run(write):
        try:
            barrier.wait(10)
            write()
        except BaseException as error:  # reported by the test, not lost in the thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(write,)) for write in writes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return errors


def test_a_status_and_a_document_date_changed_at_once_leave_the_rows_right(writers_database):
    editor = make_editor(username="desk-editor")
    source = make_source(name="State agency")
    document = make_document(published_at=QUARTERS[0])
    claim = make_claim(text="Twelve people were killed")
    make_account(claim=claim, source=source, document=document)
    for n in range(ROUNDS):
        status, quarter = STATUSES[n % 2], QUARTERS[(n + 1) % 2]
        errors = at_once(
            lambda status=status: services.claim_set_status(
                actor=editor, claim=Claim.objects.get(pk=claim.pk), status=status, rationale="."
            ),
            lambda quarter=quarter: services.document_update(
                actor=editor, document=Document.objects.get(pk=document.pk), published_at=quarter
            ),
        )
        assert errors == []
        assert entry_differences() == (set(), set())
        kept = TrackRecordEntry.objects.get(claim=claim)
        assert (kept.status, kept.year, kept.quarter) == (
            status,
            quarter.year,
            quarter.month // 3 + 1,
        )
