"""Twenty people at once on the same claims, through the API, on PostgreSQL.

Ten reporters and ten editors, one thread each, all released by one barrier.
Each flags every claim (no If-Match: a flag is a new child of the claim),
edits its text (PATCH with the If-Match it read, again after each 412) and,
for editors, resolves its own flag and gives the claim a verdict the same
way. Afterwards:

- every flag is recorded: one per user and claim, none lost; the editors'
  are resolved, the reporters' open, and the claim's oldest open flag agrees;
- no update is lost: each edit the API acknowledged (200) is in the claim's
  field history exactly once, and the claim ends with the last of them;
- stale writes were refused with 412, never applied; no 5xx anywhere;
- the verdict history is complete: the StatusChange rows chain, each one's
  ``from`` the previous one's ``to``, one row per 201, and the claim's status
  is the last ``to``.

SQLite's test database is a single in-memory connection shared by every
thread, so it cannot show transactions meeting; there the same paths are
covered by the single-threaded 412 tests in tests/api/test_etag.py.
"""

import itertools
import random
import threading
import time
from collections import Counter, defaultdict

import pytest
from django.core.cache import cache
from django.db import connection, connections

from tests.api.conftest import client_for
from tests.factories import make_claim, make_editor, make_reporter
from tests.roles import restore_roles
from tracker.models import Claim, Flag, StatusChange
from tracker.vocabularies import VerificationStatus

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite's in-memory test database is one connection shared "
        "by all threads, so no two transactions can meet (set DATABASE_URL to run it)",
    ),
    # Transactions must really commit for the other threads' connections to see
    # them; the serialized rollback restores the roles' groups the flush removes.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

THREADS = 20
CLAIMS = 2
# Enough for every writer to get through twenty-odd rivals on one claim.
ATTEMPTS = 80
VERDICTS = [s for s in VerificationStatus.values if s != VerificationStatus.UNVERIFIED]


@pytest.fixture(autouse=True)
def _no_throttles(settings):
    # Retries after 412 are many writes a minute; the throttle is tested elsewhere.
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"writes": None, "auth": None},
    }
    cache.clear()


class Log:
    """What the threads saw, shared between them under a lock."""

    def __init__(self):
        self.lock = threading.Lock()
        self.codes: Counter = Counter()
        self.edits: dict[int, list[str]] = defaultdict(list)  # claim -> texts acknowledged
        self.verdicts: Counter = Counter()  # claim -> 201s
        self.refused_edits: Counter = Counter()  # claim -> reporters told to flag instead
        self.errors: list[str] = []

    def saw(self, what: str, response) -> int:
        with self.lock:
            self.codes[(what, response.status_code)] += 1
            if response.status_code >= 500:
                self.errors.append(f"{what}: {response.status_code} {response.content[:300]!r}")
        return response.status_code


def _until_accepted(log: Log, what: str, send, *, refused=None) -> bool:
    """Read, write with the ETag read, and again after each 412, up to ATTEMPTS times.

    ``refused(response)`` says whether a 403 is the domain's answer rather than an error.
    """
    for _ in range(ATTEMPTS):
        response = send()
        code = log.saw(what, response)
        if code in (200, 201):
            return True
        if code == 403 and refused is not None and refused(response):
            return False
        if code != 412:
            with log.lock:
                log.errors.append(f"{what}: unexpected {code}")
            return False
        time.sleep(random.uniform(0, 0.02))  # a little jitter, as a real client backs off
    with log.lock:
        log.errors.append(f"{what}: still 412 after {ATTEMPTS} attempts")
    return False


def _work(user, claims, start: threading.Barrier, verdicts: threading.Barrier, log: Log) -> None:
    api = client_for(user)
    is_editor = user.groups.filter(name="Editors").exists()
    try:
        start.wait(30)
        for claim in claims:
            url = f"/api/claims/{claim.pk}/"
            flag = api.post(f"{url}flags/", {"reason": "single_source",
                                              "note": f"{user.username} could not reach them"},
                            format="json")  # fmt: skip
            if log.saw("flag", flag) != 201:
                with log.lock:
                    log.errors.append(f"flag by {user.username}: {flag.status_code} {flag.content}")
            elif is_editor:
                # Resolving is a change of the flag: If-Match, while the
                # reporters are still raising theirs on the same claim.
                flag_url = f"/api/flags/{flag.json()['id']}/"

                def resolve(flag_url=flag_url):
                    etag = api.get(flag_url)["ETag"]
                    return api.post(f"{flag_url}resolve/", {"note": "Second source found."},
                                    format="json", HTTP_IF_MATCH=etag)  # fmt: skip

                _until_accepted(log, "resolve", resolve)

            text = f"Claim {claim.pk}, worded by {user.username}"

            def edit(url=url, text=text):
                etag = api.get(url)["ETag"]
                return api.patch(url, {"text": text}, format="json", HTTP_IF_MATCH=etag)

            def judged_meanwhile(response, claim_pk=claim.pk) -> bool:
                # A reporter who reaches a claim after an editor's verdict on it may
                # no longer reword it (issue 11): told to flag it instead.
                if is_editor or "Flag the claim instead" not in response.json()["detail"]:
                    return False
                with log.lock:
                    log.refused_edits[claim_pk] += 1
                return True

            if _until_accepted(log, "edit", edit, refused=judged_meanwhile):
                with log.lock:
                    log.edits[claim.pk].append(text)

            if not is_editor:
                continue
            # The editors meet again here, so their verdicts on this claim collide
            # however the edits above happened to spread them out.
            verdicts.wait(60)

            def verdict(url=url):
                current = api.get(url)
                status = random.choice([s for s in VERDICTS if s != current.json()["status"]])
                return api.post(f"{url}status/", {"status": status,
                                                  "rationale": f"Checked by {user.username}."},
                                format="json", HTTP_IF_MATCH=current["ETag"])  # fmt: skip

            if _until_accepted(log, "verdict", verdict):
                with log.lock:
                    log.verdicts[claim.pk] += 1
    except Exception as error:  # a thread's failure must reach the test, not vanish
        with log.lock:
            log.errors.append(f"{user.username}: {type(error).__name__}: {error}")
    finally:
        # Each thread has its own connection; left open it would block the teardown flush.
        connections.close_all()


def test_twenty_writers_on_the_same_claims():
    restore_roles()
    users = [make_editor(username=f"editor{n}") for n in range(THREADS // 2)]
    users += [make_reporter(username=f"reporter{n}") for n in range(THREADS - len(users))]
    claims = [make_claim(text=f"Shared claim {n}") for n in range(CLAIMS)]
    log = Log()
    start = threading.Barrier(THREADS)
    verdicts = threading.Barrier(THREADS // 2)
    threads = [
        threading.Thread(target=_work, args=(user, claims, start, verdicts, log)) for user in users
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(240)
    assert not any(thread.is_alive() for thread in threads), "a writer hung"
    assert not log.errors, "\n".join(log.errors)
    # Writers did meet: some wrote with an ETag that another had made stale.
    assert log.codes[("edit", 412)] > 0 and log.codes[("verdict", 412)] > 0, log.codes

    editors = THREADS // 2
    for claim in claims:
        claim = Claim.objects.get(pk=claim.pk)

        # Every flag recorded: one per user, distinct users; each editor's
        # resolved by that editor, the reporters' still open.
        flags = Flag.objects.filter(claim=claim)
        assert flags.count() == THREADS
        assert len(set(flags.values_list("raised_by", flat=True))) == THREADS
        resolved = flags.filter(resolved_at__isnull=False)
        assert resolved.count() == editors
        assert all(flag.resolved_by_id == flag.raised_by_id for flag in resolved)
        assert not resolved.filter(raised_by__groups__name="Reporters").exists()
        open_flags = flags.filter(resolved_at__isnull=True).order_by("raised_at")
        assert claim.oldest_open_flag_at == open_flags.first().raised_at

        # No lost update: each acknowledged edit is in the history exactly once,
        # in the order the row lock let them through, and the last one stands.
        acknowledged = log.edits[claim.pk]
        assert len(acknowledged) + log.refused_edits[claim.pk] == THREADS
        texts = list(
            claim.history.order_by("history_date", "history_id").values_list("text", flat=True)
        )
        changes = [text for before, text in itertools.pairwise(texts) if text != before]
        assert sorted(changes) == sorted(acknowledged)
        assert claim.text == changes[-1]

        # The verdicts chain, one row per 201, ending in the claim's status.
        chain = list(StatusChange.objects.filter(claim=claim).order_by("changed_at", "pk"))
        assert len(chain) == log.verdicts[claim.pk] == editors
        assert chain[0].from_status == VerificationStatus.UNVERIFIED
        for before, after in itertools.pairwise(chain):
            assert after.from_status == before.to_status
        assert claim.status == chain[-1].to_status
