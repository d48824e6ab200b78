"""Twenty people adding claims and accounts to one event at once, over HTTP, on either database.

Each of twenty users, one thread and one connection each, creates ten
claims in the same event, each followed by an account of it: 400 writes, all
refreshing the same event's findings. Before the refresh was serialized per
event, PostgreSQL answered about a third of them with 500s (deadlocks and
duplicate findings). Now none may fail, every claim and account must be
stored, and the stored findings must be what a fresh comparison of the final
state gives.
"""

import threading
import time
from collections import Counter

import pytest
from django.db import connections

from tests.concurrency.conftest import Retries, api_session
from tests.factories import make_editor, make_event, make_reporter, make_source
from tracker.models import Account, Claim, Finding
from tracker.selectors.comparison_inputs import compare_claims, live_claims_of
from tracker.services._boundary import writer_times
from tracker.vocabularies import Aspect, Stance, Unit

# Serialized, as tests/concurrency/test_many_writers.py is: a plain flush after
# this test would recreate content types that its serialized copy then clashes with.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

THREADS = 20
PAIRS_EACH = 10
SOURCES = 5


def _write(base, session, index, event, sources, start, codes, errors, lock) -> None:
    try:
        start.wait(30)
        for n in range(PAIRS_EACH):
            low = 10 + (index * PAIRS_EACH + n) % 37
            claim = session.post(
                f"{base}/api/claims/",
                json={"text": f"At least {low} people were killed ({index}/{n})",
                      "aspect": Aspect.KILLED, "event": event, "count_min": low,
                      "count_max": low + 5, "unit": Unit.PEOPLE},
                timeout=60,
            )  # fmt: skip
            account = None
            if claim.status_code == 201:
                account = session.post(
                    f"{base}/api/accounts/",
                    json={"claim": claim.json()["id"], "source": sources[(index + n) % SOURCES],
                          "stance": Stance.ASSERTS if n % 4 else Stance.DENIES},
                    timeout=60,
                )  # fmt: skip
            with lock:
                for what, response in (("claim", claim), ("account", account)):
                    if response is None:
                        continue
                    codes[(what, response.status_code)] += 1
                    if response.status_code != 201:
                        errors.append(f"{what}: {response.status_code} {response.text[:200]}")
    except Exception as error:  # a thread's failure must reach the test, not vanish
        with lock:
            errors.append(f"writer {index}: {type(error).__name__}: {error}")
    finally:
        connections.close_all()


def test_twenty_writers_on_one_event_store_everything_and_the_right_findings(live_http):
    users = [make_reporter(username=f"reporter{n}") for n in range(THREADS // 2)]
    users += [make_editor(username=f"editor{n}") for n in range(THREADS - len(users))]
    sessions = [api_session(user) for user in users]
    event = make_event(name="Market strike")
    sources = [make_source(name=f"Agency {n}").pk for n in range(SOURCES)]
    retries = Retries()
    writer_times.reset()
    codes: Counter = Counter()
    errors: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(THREADS)
    threads = [
        threading.Thread(
            target=_write,
            args=(live_http, session, index, event.pk, sources, start, codes, errors, lock),
        )
        for index, session in enumerate(sessions)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)

    elapsed = time.monotonic() - started
    requests_sent = sum(codes.values())
    server_errors = sum(count for (_, code), count in codes.items() if code >= 500)
    print(
        f"\n{connections['default'].vendor}: {requests_sent} requests in {elapsed:.1f} s, "
        f"{server_errors} 5xx, "
        f"{retries.count} deadlock retries; {dict(codes)}; longest wait for the write lock "
        f"{writer_times.longest_wait:.2f} s, longest hold {writer_times.longest_hold:.2f} s, "
        f"{writer_times.count} holds totalling {writer_times.total_hold:.1f} s"
    )
    assert not any(thread.is_alive() for thread in threads), "a writer hung"
    assert not errors, f"{len(errors)} failed: " + "\n".join(errors[:20])
    assert requests_sent == 2 * THREADS * PAIRS_EACH

    assert Claim.objects.filter(event=event).count() == THREADS * PAIRS_EACH
    assert Account.objects.filter(claim__event=event).count() == THREADS * PAIRS_EACH

    claims = live_claims_of(event)
    fresh = compare_claims(event=event, claims=claims)
    stored = set(Finding.objects.filter(event=event).values_list("signature", flat=True))
    assert stored == {finding.signature for finding in fresh.findings}
    assert any(finding.severity != "info" for finding in fresh.findings)  # conflicts were found
    suggestions = {summary.claim_id: summary for summary in fresh.claims}
    for claim in claims:
        expected = suggestions[claim.pk]
        assert (claim.suggested_status, claim.independent_sources) == (
            expected.suggestion.status,
            expected.independent_sources,
        )
