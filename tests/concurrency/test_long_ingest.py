"""A 4.8 MB report ingested while four other people write: they wait for rows, never for reading.

Extracting suggestions from a report that size takes tens of seconds. It used
to run inside the write transaction, so on SQLite every other writer waited
behind it and failed with "database is locked" 500s. Now the text is read
first, outside any transaction, and the document and its suggestions are
written in one short transaction: the other writers' requests all succeed,
none waiting anywhere near the 5 s the database allows.
"""

import io
import threading
import time

import pytest
from django.core.management import call_command
from django.db import connection, connections

from tests.concurrency.conftest import api_session
from tests.factories import make_event, make_reporter, make_source
from tracker.extraction import extract as real_extract
from tracker.models import Claim, Document, Extraction, Suggestion
from tracker.services import ingest
from tracker.services._boundary import writer_times
from tracker.vocabularies import Aspect, Unit

# Serialized, as tests/concurrency/test_many_writers.py is: a plain flush after
# this test would recreate content types that its serialized copy then clashes with.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WRITERS = 4
SAID = (
    "At least {n} people were killed in a strike on a market in block {k}, the Syrian "
    "Observatory for Human Rights said.\n\n"
)
FILLER = "The river runs past the old mill and the orchards beyond bridge {k}. "
# Longest any single write may take while the report is stored: the database's wait budget.
WAIT_BUDGET = 5.0


def long_report(megabytes: float) -> str:
    """Prose with an attributed figure every 2.4 kB or so, as a long wire digest reads."""
    parts, size, k = [], 0, 0
    while size < megabytes * 1_000_000:
        block = SAID.format(n=10 + k % 50, k=k) + "".join(
            FILLER.format(k=k * 100 + j) for j in range(28)
        )
        parts.append(block + "\n\n")
        size += len(block) + 2
        k += 1
    return "".join(parts)


def _keep_writing(base, session, event, done, log, lock) -> None:
    n = 0
    try:
        while not done.is_set() or n < 3:
            began = time.monotonic()
            response = session.post(
                f"{base}/api/claims/",
                json={"text": f"{n + 3} people were injured", "aspect": Aspect.INJURED,
                      "event": event, "count_min": n + 3, "unit": Unit.PEOPLE},
                timeout=120,
            )  # fmt: skip
            with lock:
                log.append((response.status_code, time.monotonic() - began, began))
            n += 1
            time.sleep(0.05)
    except Exception as error:  # a thread's failure must reach the test, not vanish
        with lock:
            log.append((f"{type(error).__name__}: {error}", 0.0, 0.0))
    finally:
        connections.close_all()


def test_other_writers_are_not_held_up_by_a_long_report(live_http, monkeypatch):
    make_source(name="Syrian Observatory for Human Rights", kind="ngo")
    event = make_event(name="Market strike")
    reporter = make_reporter(username="ingesting")
    writers = [api_session(make_reporter(username=f"writer{n}")) for n in range(WRITERS)]
    report = long_report(4.8)
    writer_times.reset()
    reading: list[float] = []  # when the server started and finished extracting

    def timed_extract(*args, **kwargs):
        reading.append(time.monotonic())
        try:
            return real_extract(*args, **kwargs)
        finally:
            reading.append(time.monotonic())

    monkeypatch.setattr(ingest, "extract", timed_extract)
    done, lock, log = threading.Event(), threading.Lock(), []
    threads = [
        threading.Thread(target=_keep_writing, args=(live_http, s, event.pk, done, log, lock))
        for s in writers
    ]
    for thread in threads:
        thread.start()
    began = time.monotonic()
    response = api_session(reporter).post(
        f"{live_http}/api/documents/", json={"title": "Digest", "text": report}, timeout=300
    )
    ingest_seconds = time.monotonic() - began
    done.set()
    for thread in threads:
        thread.join(120)

    codes = sorted({str(code) for code, _, _ in log})
    longest = max(seconds for _, seconds, _ in log)
    read_from, read_to = reading
    during = [1 for _, seconds, began in log if began >= read_from and began + seconds <= read_to]
    print(
        f"\n{connection.vendor}: {len(report) / 1e6:.1f} MB ingested in {ingest_seconds:.1f} s; "
        f"extraction {read_to - read_from:.1f} s; {len(log)} other writes, {len(during)} of "
        f"them while it ran, codes {codes}, longest took {longest:.2f} s; "
        f"write lock: longest wait {writer_times.longest_wait:.2f} s, "
        f"longest hold {writer_times.longest_hold:.2f} s"
    )
    assert response.status_code == 201, response.text[:300]
    assert codes == ["201"]
    assert longest < WAIT_BUDGET
    # Writes went through while the server was reading the report, not only after it.
    assert len(during) >= 2
    document = Document.objects.get(pk=response.json()["id"])
    stored = Suggestion.objects.filter(document=document).count()
    assert stored > 100
    assert Extraction.objects.get(document=document).suggestion_count == stored
    assert Claim.objects.filter(event=event).count() == len(log)
    assert reading and read_to - read_from > 1.0  # the reading was long enough to matter


def _extract_outside_transactions(calls):
    def extract(*args, **kwargs):
        calls.append(connection.in_atomic_block)
        return real_extract(*args, **kwargs)

    return extract


def test_the_ingest_command_extracts_outside_any_transaction(tmp_path, monkeypatch):
    make_source(name="Syrian Observatory for Human Rights", kind="ngo")
    calls: list[bool] = []
    monkeypatch.setattr(ingest, "extract", _extract_outside_transactions(calls))
    path = tmp_path / "report.txt"
    path.write_text("Market strike\n\n" + long_report(0.01), encoding="utf-8")
    call_command("ingest", str(path), "--no-progress", stdout=io.StringIO())
    assert calls == [False]
    document = Document.objects.get()
    assert Suggestion.objects.filter(document=document).count() > 0


def test_a_refused_report_is_refused_before_reading_and_stores_nothing(monkeypatch):
    reporter = make_reporter(username="ingesting")
    calls: list[bool] = []
    monkeypatch.setattr(ingest, "extract", _extract_outside_transactions(calls))
    with pytest.raises(Exception, match="http"):
        ingest.document_ingest(
            actor=reporter, title="t", text=long_report(0.01), via="api", url="not a url"
        )
    assert calls == []  # refused before the long read
    assert not Document.objects.exists() and not Suggestion.objects.exists()
