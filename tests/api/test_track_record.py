"""``GET /api/sources/{id}/track-record/``: the same numbers as the source page, read-only."""

import json
import urllib.error
import urllib.request

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_claim, make_reporter
from tests.track_records import assert_by, build_desk

PASSWORD = "correct horse battery staple"
# Authentication and permissions, the source, and the record's two queries.
LEAF_QUERIES = 7


def call(url: str, method: str = "GET", body: dict | None = None, **headers: str):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_tool_reads_a_track_record_over_the_wire(live_server):
    make_reporter(username="tool")
    desk = build_desk()
    api = f"{live_server.url}/api"
    url = f"{api}/sources/{desk.sana.pk}/track-record/"

    assert call(url)[0] == 401
    _, body = call(f"{api}/auth/token/", "POST", {"username": "tool", "password": PASSWORD})
    auth = {"Authorization": f"Token {body['token']}"}

    status, record = call(url, **auth)
    assert status == 200
    assert record["source"]["id"] == desk.sana.pk
    assert record["affiliation"] is None
    total = record["own"]["total"]
    assert total == {
        "asserted": 8,
        "status": {
            "unverified": 2, "in_review": 1, "corroborated": 1, "confirmed": 1, "disputed": 1,
            "unverifiable": 1, "false": 1,
        },
        "retracted": 1,
        "figures": 1,
        "outliers": 1,
    }  # fmt: skip
    quarters = record["own"]["quarters"]
    assert [q["quarter"] for q in quarters] == [
        "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2",
    ]  # fmt: skip
    assert quarters[3]["year"] == 2024 and quarters[3]["number"] == 4
    assert quarters[3]["counts"]["retracted"] == 1
    assert quarters[4]["counts"]["asserted"] == 0

    status, root = call(f"{api}/sources/{desk.government.pk}/track-record/", **auth)
    assert status == 200
    assert root["own"]["total"]["asserted"] == 0
    assert root["affiliation"]["total"]["asserted"] == 9

    # Read-only, and strict about what it is asked.
    assert call(url, "POST", {}, **auth)[0] == 405
    status, error = call(f"{url}?quarter=2024-Q1", **auth)
    assert status == 400 and "quarter" in json.dumps(error)
    assert call(f"{api}/sources/999999/track-record/", **auth)[0] == 404


@pytest.mark.django_db
def test_the_query_count_does_not_grow_with_the_record(reporter_api):
    desk = build_desk()

    def queries(source) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert reporter_api.get(f"/api/sources/{source.pk}/track-record/").status_code == 200
        return len(captured)

    # Authentication reads and the source, then two per record; a root asks for members.
    leaf, root = queries(desk.sana), queries(desk.government)
    assert (leaf, root) == (LEAF_QUERIES, LEAF_QUERIES + 3)
    for n in range(5):
        assert_by(desk.sana, make_claim(text=f"More {n}"))
    assert queries(desk.sana) == leaf
