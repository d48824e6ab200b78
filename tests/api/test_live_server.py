"""The API over a real socket: log in for a token, then read and write with it."""

import json
import urllib.error
import urllib.request

import pytest

from tests.factories import make_claim, make_reporter

PASSWORD = "correct horse battery staple"


def call(url: str, method: str = "GET", body: dict | None = None, **headers: str):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.loads(error.read() or b"null")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_tool_logs_in_reads_and_flags(live_server):
    make_reporter(username="tool")
    claim = make_claim(text="A claim seen over the wire")
    api = f"{live_server.url}/api"

    status, headers, _ = call(f"{api}/claims/")
    assert status == 401 and headers["WWW-Authenticate"] == "Token"

    status, _, body = call(f"{api}/auth/token/", "POST", {"username": "tool",
                                                          "password": PASSWORD})  # fmt: skip
    assert status == 200
    auth = {"Authorization": f"Token {body['token']}"}

    status, _, page = call(f"{api}/claims/", **auth)
    assert status == 200 and [row["id"] for row in page["results"]] == [claim.pk]

    status, headers, flag = call(f"{api}/claims/{claim.pk}/flags/", "POST",
                                 {"reason": "single_source"}, **auth)  # fmt: skip
    assert status == 201 and flag["claim"] == claim.pk
    assert headers["Location"] == f"{api}/flags/{flag['id']}/"

    status, _, detail = call(f"{api}/claims/{claim.pk}/", **auth)
    assert status == 200 and detail["open_flags"][0]["id"] == flag["id"]
