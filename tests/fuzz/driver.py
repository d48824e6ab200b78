"""Fuzz the API from its own OpenAPI schema with schemathesis, in process.

Every operation of ``/api/schema/`` is called with data schemathesis
generates from the schema: positive (data the schema allows) and negative
(data it forbids). Each response must not be a 5xx, and its status code,
content type, headers and body must be ones the schema documents for that
operation. Negative data must be refused with a 4xx.

Random data alone would only ever meet 404s and 428s: random ids name
nothing, and every write needs the ETag of the version it changes. So in
positive mode the driver may put a real id into the path and the foreign
keys of the body, and the current ETag into If-Match, each drawn by
Hypothesis like the rest of the case; that is what takes the fuzzer past the
front door into the serializers and the services.

"Schema-valid data must be accepted" (schemathesis' ``positive_data_acceptance``)
is not checked: a body can fit the schema and still name a claim that does
not exist or carry a stale ETag, and the API is right to refuse it.

The requests go through Django's WSGI handler in the test's own thread and
database connection, so a pytest-django transaction undoes everything.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, Phase, assume, given, seed, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from rest_framework.test import APIClient
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

# Foreign keys in request bodies, and the collection whose ids they take.
FOREIGN_KEYS = {
    "claim": "claims",
    "event": "events",
    "document": "documents",
    "source": "sources",
    "intermediary": "sources",
    "outlet": "sources",
    "parent": "sources",
    "named_parties": "sources",
    "parties": "sources",
}
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
DETAIL = re.compile(r"^(/api/[^/{]+/)\{id\}/")


@dataclass
class Failure:
    role: str
    operation: str
    mode: str
    message: str

    def __str__(self) -> str:
        return f"[{self.role}] {self.operation} ({self.mode}):\n{self.message}"


@dataclass
class Report:
    failures: list[Failure] = field(default_factory=list)
    # (role, operation, mode) -> examples asked for, and the seconds it took.
    runs: dict[tuple[str, str, str], tuple[int, float]] = field(default_factory=dict)
    over_budget: bool = False
    # (operation, status code) -> responses: shows how deep the fuzzing got.
    statuses: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        calls = sum(examples for examples, _ in self.runs.values())
        seconds = sum(spent for _, spent in self.runs.values())
        text = (
            f"{len(self.runs)} operation runs, up to {calls} examples, {seconds:.0f} s, "
            f"{len(self.failures)} failure(s)"
        )
        succeeded = {operation for (operation, code), _ in self.statuses.items() if code < 300}
        operations = {operation for operation, _ in self.statuses}
        text += f"; {len(succeeded)} of {len(operations)} operations answered 2xx at least once"
        if self.over_budget:
            text += "; over the time budget, the last runs had one example each"
        return text


def api_schema() -> schemathesis.schemas.BaseSchema:
    """The schema /api/schema/ serves, generated in process, bound to the WSGI app."""
    generated = SchemaGenerator().get_schema(request=None, public=True)
    # Through JSON, as a client reads it: lazy strings and the like become plain values.
    raw = json.loads(json.dumps(generated, default=str))
    schema = schemathesis.openapi.from_dict(raw)
    schema.app = KeepConnection(get_wsgi_application())
    return schema


class KeepConnection:
    """Django's WSGI handler, minus closing the database connection around each request.

    Closing would end the test's transaction on PostgreSQL (SQLite's in-memory
    test database is never closed). Django's own test client disconnects the
    same handler for the same reason; the connection is closed at the start of
    a request and when its response is closed, so both are covered here.
    """

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        request_started.disconnect(close_old_connections)
        try:
            response = self.app(environ, start_response)
        finally:
            request_started.connect(close_old_connections)
        close = response.close

        def close_keeping_connection():
            request_finished.disconnect(close_old_connections)
            try:
                close()
            finally:
                request_finished.connect(close_old_connections)

        response.close = close_keeping_connection
        return response


class Pools:
    """Ids that exist now, per collection, read through the API like a client would."""

    def __init__(self, client: APIClient):
        self.client = client
        self.ids: dict[str, list[int]] = {}

    def refresh(self) -> None:
        for collection in {*FOREIGN_KEYS.values(), "accounts", "flags", "conflicts",
                           "status-changes", "suggestions", "names"}:  # fmt: skip
            response = self.client.get(f"/api/{collection}/", {"archived": "all"})
            rows = response.json().get("results", []) if response.status_code == 200 else []
            self.ids[collection] = [row["id"] for row in rows if "id" in row]

    def pick(self, collection: str, choice: int) -> int | None:
        ids = self.ids.get(collection) or []
        return ids[choice % len(ids)] if ids else None


def _with_real_data(case, pools: Pools, etag_client: APIClient, draw: tuple[int, bool, bool]):
    """Point a positive case at real objects and, for a write, the current ETag."""
    choice, real_ids, current_etag = draw
    detail = DETAIL.match(case.path)
    if real_ids and detail and "id" in case.path_parameters:
        real = pools.pick(detail.group(1).strip("/").removeprefix("api/"), choice)
        if real is not None:
            case.path_parameters = {**case.path_parameters, "id": real}
    if real_ids and isinstance(case.body, dict):
        body = dict(case.body)
        for name, collection in FOREIGN_KEYS.items():
            if name not in body:
                continue
            real = pools.pick(collection, choice + len(name))
            if real is not None:
                body[name] = [real] if isinstance(body[name], list) else real
        case.body = body
    if current_etag and detail and case.method.upper() in UNSAFE and "id" in case.path_parameters:
        url = f"{detail.group(1)}{case.path_parameters['id']}/"
        etag = etag_client.get(url).headers.get("ETag")
        if etag:
            case.headers = {**(case.headers or {}), "If-Match": etag}


def fuzz(
    *,
    tokens: dict[str, str],
    examples: int,
    budget_seconds: float,
    derandomize: bool = True,
    random_seed: int | None = None,
    log: Callable[[str], None] = lambda line: None,
    before_each: Callable[[], None] = lambda: None,
    only: str = "",
) -> Report:
    """Fuzz every operation as each role in ``tokens`` (role -> API token).

    ``before_each`` runs before every request: DELETE /api/auth/token/ revokes
    the token the fuzzer signs in with, and it must be given back. ``only``
    keeps the operations whose label ("POST /api/documents/upload/") contains it.
    """
    schema = api_schema()
    operations = [result.ok() for result in schema.get_all_operations()]
    operations = [operation for operation in operations if only in operation.label]
    report = Report()
    started = time.monotonic()
    for role, token in tokens.items():
        auth = {"Authorization": f"Token {token}"}
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
        pools = Pools(client)
        for operation in operations:
            before_each()
            pools.refresh()
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                over = time.monotonic() - started > budget_seconds
                report.over_budget |= over
                wanted = 1 if over else examples
                spent = time.monotonic()
                failure = _run_one(operation, mode, auth, pools, client, wanted,
                                   derandomize, random_seed, report.statuses,
                                   before_each)  # fmt: skip
                spent = time.monotonic() - spent
                report.runs[(role, operation.label, mode.value)] = (wanted, spent)
                if failure is not None:
                    report.failures.append(Failure(role, operation.label, mode.value, failure))
                log(f"{role:8} {mode.value:8} {operation.label:55} {spent:5.1f} s"
                    + ("  FAILED" if failure else ""))  # fmt: skip
    return report


def _unsendable(value) -> bool:
    return value == "" or isinstance(value, dict) or (isinstance(value, list) and "" in value)


def _run_one(operation, mode, auth, pools, client, examples, derandomize, random_seed, statuses,
             before_each):  # fmt: skip
    """One operation in one mode; the failure's text, or None."""
    extra = st.tuples(st.integers(0, 10_000), st.booleans(), st.booleans())

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=derandomize,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
        print_blob=False,
    )
    @given(case=operation.as_strategy(generation_mode=mode), draw=extra)
    def run(case, draw):
        before_each()
        if mode is GenerationMode.POSITIVE:
            _with_real_data(case, pools, client, draw)
        else:
            # An empty query value means "not given" to django-filter, as an empty
            # field of an HTML form does, and an object in a query string is sent
            # as its keys: neither is the invalid value schemathesis meant to send.
            assume(not any(_unsendable(value) for value in (case.query or {}).values()))
        response = case.call(headers=auth)
        statuses[(operation.label, response.status_code)] += 1
        case.validate_response(response, excluded_checks=[positive_data_acceptance], headers=auth)

    if random_seed is not None and not derandomize:
        run = seed(random_seed)(run)
    try:
        run()
    except Unsatisfiable:
        # Nothing about this operation can be made invalid (no parameters, no body).
        return None
    # schemathesis reports failed checks as a BaseExceptionGroup.
    except (Exception, BaseExceptionGroup) as error:
        return str(error)
    return None
