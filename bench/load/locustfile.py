"""The load test's newsroom: editors and reporters using the API at once.

Run by scripts/load (which prepares the database and starts gunicorn); the
fixture file named by TRACKER_LOAD_FIXTURE holds one token per simulated
user and the ids to work on. Each user reads far more than it writes, as a
desk does: lists with filters, claims, event comparisons; and now and then
flags a claim, edits one (GET, then PATCH with If-Match) or, as an editor,
gives a verdict.

A 412 is the API doing its job (someone else changed the claim between the
read and the write), so it counts as a success here; scripts/load reports
how many there were from the server's access log.
"""

import itertools
import json
import os
import random
import re

from locust import HttpUser, between, task

FIXTURE = json.loads(open(os.environ["TRACKER_LOAD_FIXTURE"]).read())  # noqa: SIM115
_users = itertools.count()
STATUSES = ["in_review", "corroborated", "confirmed", "disputed", "unverifiable", "false"]
REASONS = ["no_independent_access", "single_source", "source_unreachable", "conflicting_accounts"]
REVISION = re.compile(r" \[rev \d+\]$")


class DeskUser(HttpUser):
    # Think time between actions; with 50 users, about 70 requests a second offered.
    wait_time = between(0.2, 1.0)

    def on_start(self):
        n = next(_users)
        self.is_editor = n % 2 == 0
        pool = FIXTURE["editors"] if self.is_editor else FIXTURE["reporters"]
        self.client.headers["Authorization"] = f"Token {pool[(n // 2) % len(pool)]}"
        self.flagged: set[tuple[int, str]] = set()
        self.revisions = itertools.count(1)

    def claim_id(self) -> int:
        return random.choice(FIXTURE["claims"])

    # -- reads ---------------------------------------------------------------

    @task(6)
    def list_claims(self):
        params = random.choice(
            [{}, {"status": "unverified"}, {"has_open_flags": "true"}, {"ordering": "-id"},
             {"has_open_conflict": "true"}, {"aspect": "killed"}]
        )  # fmt: skip
        self.client.get("/api/claims/", params=params, name="/api/claims/?filters")

    @task(5)
    def read_claim(self):
        self.client.get(f"/api/claims/{self.claim_id()}/", name="/api/claims/[id]/")

    @task(2)
    def compare_event(self):
        event = random.choice(FIXTURE["events"])
        self.client.get(f"/api/events/{event}/", name="/api/events/[id]/")

    @task(1)
    def list_sources(self):
        self.client.get("/api/sources/", name="/api/sources/")

    @task(1)
    def list_flags(self):
        self.client.get("/api/flags/", name="/api/flags/")

    # -- writes --------------------------------------------------------------

    @task(2)
    def flag(self):
        claim, reason = self.claim_id(), random.choice(REASONS)
        # One open flag of a kind per user and claim: the kind follows the reason here.
        kind = {"single_source": "needs_second_source"}.get(reason, "could_not_verify")
        if (claim, kind) in self.flagged:
            return
        self.flagged.add((claim, kind))
        self.client.post(f"/api/claims/{claim}/flags/", json={"kind": kind, "reason": reason,
                         "note": "Load test."}, name="/api/claims/[id]/flags/")  # fmt: skip

    @task(2)
    def edit(self):
        url = f"/api/claims/{self.claim_id()}/"
        current = self.client.get(url, name="/api/claims/[id]/")
        if current.status_code != 200:
            return
        text = REVISION.sub("", current.json()["text"]) + f" [rev {next(self.revisions)}]"
        if_match = {"If-Match": current.headers["ETag"]}
        with self.client.patch(
            url, json={"text": text}, headers=if_match, name="PATCH /api/claims/[id]/",
            catch_response=True,
        ) as response:  # fmt: skip
            if response.status_code in (200, 412):
                response.success()

    @task(1)
    def verdict(self):
        if not self.is_editor:
            return self.read_claim()
        url = f"/api/claims/{self.claim_id()}/"
        current = self.client.get(url, name="/api/claims/[id]/")
        if current.status_code != 200:
            return None
        status = random.choice([s for s in STATUSES if s != current.json()["status"]])
        body = {"status": status, "rationale": "Load test."}
        with self.client.post(
            f"{url}status/", json=body, headers={"If-Match": current.headers["ETag"]},
            name="/api/claims/[id]/status/", catch_response=True,
        ) as response:  # fmt: skip
            if response.status_code in (201, 412):
                response.success()
        return None
