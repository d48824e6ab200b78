"""Two editors change the same claim at once: one wins, the other gets 412.

Run on PostgreSQL, where each thread has its own connection and row locks
are real. SQLite's test database is one in-memory connection shared by all
threads, so it cannot show two transactions meeting; there the same code path
is covered by the single-threaded 412 tests in test_etag.py.
"""

import threading
import time

import pytest
from django.db import connection, connections

from tests.api.conftest import client_for
from tests.factories import make_claim, make_editor
from tracker import services
from tracker.models import Claim, StatusChange

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: threads must hold separate connections and row locks "
        "(set DATABASE_URL to run it)",
    ),
    # Transactions must really commit for another connection to see them; the
    # serialized rollback restores the roles' groups the flush would remove.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def run_in_thread(results: dict, key: str, request, *, wait_for: threading.Event | None = None):
    def target():
        try:
            if wait_for is not None:
                assert wait_for.wait(10)
            started = time.monotonic()
            response = request()
            results[key] = (response.status_code, time.monotonic() - started)
        finally:
            # Each thread's own connection; left open it would block teardown.
            connections.close_all()

    thread = threading.Thread(target=target)
    thread.start()
    return thread


def test_one_edit_wins_the_other_is_told(monkeypatch):
    first, second = make_editor(username="first"), make_editor(username="second")
    claim = make_claim(text="Original wording")
    url = f"/api/claims/{claim.pk}/"
    a, b = client_for(first), client_for(second)
    etag = a.get(url)["ETag"]
    assert b.get(url)["ETag"] == etag  # both read the same version

    # The first writer holds the row lock a while after writing, so the second
    # arrives while the first transaction is still open.
    real_update = services.claim_update
    first_is_writing = threading.Event()

    def slow_update(**kwargs):
        result = real_update(**kwargs)
        first_is_writing.set()
        time.sleep(0.6)
        return result

    monkeypatch.setattr(services, "claim_update", slow_update)
    results: dict = {}
    threads = [
        run_in_thread(results, "first", lambda: a.patch(url, {"text": "First's wording"},
                                                        format="json", HTTP_IF_MATCH=etag)),
        run_in_thread(results, "second", lambda: b.patch(url, {"text": "Second's wording"},
                                                         format="json", HTTP_IF_MATCH=etag),
                      wait_for=first_is_writing),
    ]  # fmt: skip
    for thread in threads:
        thread.join(30)

    assert results["first"][0] == 200
    assert results["second"][0] == 412
    # The second request waited on the lock rather than reading the old row.
    assert results["second"][1] > 0.3
    claim.refresh_from_db()
    assert claim.text == "First's wording"
    assert not claim.history.filter(text="Second's wording").exists()


@pytest.mark.parametrize("round_", range(3))
def test_two_verdicts_at_once_one_is_recorded(round_):
    first, second = make_editor(username=f"a{round_}"), make_editor(username=f"b{round_}")
    claim = make_claim(text=f"Claim {round_}")
    url = f"/api/claims/{claim.pk}/"
    a, b = client_for(first), client_for(second)
    etag = a.get(url)["ETag"]
    start = threading.Barrier(2)
    results: dict = {}

    def verdict(client, status):
        def send():
            start.wait(10)
            return client.post(f"{url}status/", {"status": status, "rationale": "Checked."},
                               format="json", HTTP_IF_MATCH=etag)  # fmt: skip

        return send

    threads = [
        run_in_thread(results, "a", verdict(a, "confirmed")),
        run_in_thread(results, "b", verdict(b, "false")),
    ]
    for thread in threads:
        thread.join(30)

    assert sorted(code for code, _ in results.values()) == [201, 412]
    changes = list(StatusChange.objects.filter(claim=claim))
    assert len(changes) == 1
    assert Claim.objects.get(pk=claim.pk).status == changes[0].to_status


@pytest.mark.parametrize("second_action", ["accept", "reject"])
def test_two_reviewers_decide_one_suggestion_at_once(second_action):
    from tracker.models import Account, Suggestion

    first, second = make_editor(username="r1"), make_editor(username="r2")
    result = services.document_ingest(
        actor=None, title="", via="api",
        text="At least 12 people were killed in the strike, the governor said.\n",
    )  # fmt: skip
    suggestion = Suggestion.objects.filter(document=result.document).first()
    a, b = client_for(first), client_for(second)
    start = threading.Barrier(2)
    results: dict = {}

    url = f"/api/suggestions/{suggestion.pk}/"
    etag = a.get(url)["ETag"]
    assert b.get(url)["ETag"] == etag  # both read the same pending suggestion

    def decide(client, action):
        def send():
            start.wait(10)
            return client.post(f"{url}{action}/", {}, format="json", HTTP_IF_MATCH=etag)

        return send

    threads = [
        run_in_thread(results, "a", decide(a, "accept")),
        run_in_thread(results, "b", decide(b, second_action)),
    ]
    for thread in threads:
        thread.join(30)

    codes = sorted(code for code, _ in results.values())
    # One decision is recorded; the other reviewer's version is stale.
    winners = {"accept": [201, 412], "reject": [201, 412] if codes[0] == 201 else [200, 412]}
    assert codes == winners[second_action], results
    suggestion.refresh_from_db()
    assert suggestion.status in ("accepted", "rejected")
    assert Account.objects.count() == (1 if suggestion.status == "accepted" else 0)
