"""Bad input is a 400 (or 413) with field-level messages: never a 500, nothing written."""

import base64
import json

import pytest
from django.conf import settings

from tests.api.conftest import etag_of
from tracker.models import Account, Claim, Document, Event, Flag, Source


def counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Account, Claim, Document, Event, Flag, Source))


@pytest.fixture
def unchanged(newsroom):
    """Assert that nothing was written by the test."""
    before = counts()
    yield
    assert counts() == before


def post_raw(client, url: str, body: bytes, content_type: str = "application/json"):
    return client.generic("POST", url, body, content_type=content_type)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'{"text": ', "JSON parse error"),
        (b"\xff\xfe not utf-8", "JSON parse error"),
        (b'{"text": "x", "count_min": NaN}', "JSON parse error"),
        (b"[" * 100_000 + b"]" * 100_000, "JSON parse error"),
    ],
    ids=["truncated", "not-utf8", "nan", "nested-too-deep"],
)
def test_malformed_json(editor_api, unchanged, body, message):
    response = post_raw(editor_api, "/api/claims/", body)
    assert response.status_code == 400
    assert message in response.data["detail"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ([], "non_field_errors"),
        ("a claim", "non_field_errors"),
        ({}, "text"),
        ({"text": ""}, "text"),
        ({"text": True}, "text"),
        ({"text": {"nested": 1}}, "text"),
        ({"text": "x" * 5001}, "text"),
        ({"text": "a\x00b"}, "text"),
        ({"text": "x", "aspect": "casualties"}, "aspect"),
        ({"text": "x", "unit": "furlongs", "count_min": 1}, "unit"),
        ({"text": "x", "count_min": "many", "unit": "people"}, "count_min"),
        ({"text": "x", "count_min": 1.5, "unit": "people"}, "count_min"),
        ({"text": "x", "count_min": True, "unit": "people"}, "count_min"),
        ({"text": "x", "count_min": -1, "unit": "people"}, "count_min"),
        ({"text": "x", "count_min": 10**13, "unit": "people"}, "count_min"),
        ({"text": "x", "count_min": 10**40, "unit": "people"}, "count_min"),
        ({"text": "x", "count_min": 40, "count_max": 30, "unit": "people"}, "count_max"),
        ({"text": "x", "count_min": 40}, "unit"),
        ({"text": "x", "event": "first"}, "event"),
        ({"text": "x", "event": 10**30}, "event"),
        ({"text": "x", "event": 424242}, "event"),
        ({"text": "x", "named_parties": "SANA"}, "named_parties"),
        ({"text": "x", "named_parties": [None]}, "named_parties"),
        ({"text": "x", "cout_min": 3}, "cout_min"),
        ({"text": "x", "evil\x00key": 3}, "evil\x00key"),
    ],
)
def test_claim_fields(editor_api, unchanged, body, field):
    response = editor_api.post("/api/claims/", body, format="json")
    assert response.status_code == 400, response.data
    assert field in response.data


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"quote": "not in the article"}, "quote"),
        ({"quote": "more than 30 civilians", "quote_start": 0}, "quote"),
        ({"quote": "more than 30 civilians", "quote_start": 10, "quote_end": 999_999}, "quote_end"),
        ({"quote": "civilians"}, "quote_start"),  # occurs more than once: give offsets
        ({"quote": "x", "document": None}, "document"),
        ({"quote_start": -1, "quote": "more"}, "quote_start"),
        ({"stance": "maybe"}, "stance"),
        ({"said_on": "late Thursday"}, "said_on"),
        ({"intermediary": "self"}, "intermediary"),
    ],
)
def test_account_fields(editor_api, newsroom, unchanged, change, field):
    body = {"claim": newsroom.perpetrator.pk, "source": newsroom.reuters.pk,
            "document": newsroom.document.pk, **change}  # fmt: skip
    if body.get("intermediary") == "self":
        body["intermediary"] = newsroom.reuters.pk
    response = editor_api.post("/api/accounts/", body, format="json")
    assert response.status_code == 400, response.data
    assert field in response.data


def test_a_quote_not_in_its_document_on_update(editor_api, newsroom, unchanged):
    url = f"/api/accounts/{newsroom.sana_account.pk}/"
    response = editor_api.patch(url, {"quote": "fifty civilians"}, format="json",
                                HTTP_IF_MATCH=etag_of(editor_api, url))  # fmt: skip
    assert response.status_code == 400 and "quote" in response.data
    assert Account.objects.get(pk=newsroom.sana_account.pk).quote == "more than 30 civilians"


@pytest.mark.parametrize(
    ("url", "body", "field"),
    [
        ("/api/sources/", {"name": "X", "kind": "blogger"}, "kind"),
        ("/api/sources/", {"name": "X", "kind": "outlet", "reliability": "G"}, "reliability"),
        ("/api/sources/", {"name": "X\x00", "kind": "outlet"}, "name"),
        ("/api/sources/", {"name": "X", "kind": "outlet", "aliases": "Y"}, "aliases"),
        ("/api/documents/", {"title": "t"}, "text"),
        ("/api/documents/", {"title": "t", "text": "body", "url": "not a url"}, "url"),
        (
            "/api/documents/",
            {"title": "t", "text": "body", "published_at": "yesterday"},
            "published_at",
        ),
        ("/api/events/", {"name": "E", "date_start": "2017-02-30"}, "date_start"),
        ("/api/events/", {"name": "E", "parties": [424242]}, "parties"),
    ],
)
def test_other_resources(editor_api, unchanged, url, body, field):
    response = editor_api.post(url, body, format="json")
    assert response.status_code == 400, response.data
    assert field in response.data


@pytest.mark.parametrize(
    ("url", "body", "field"),
    [
        ("flags/", {"reason": "bored"}, "reason"),
        ("flags/", {"kind": "whatever", "reason": "other", "note": "x"}, "kind"),
        ("flags/", {"reason": "other"}, "note"),
        ("status/", {"status": "probably"}, "status"),
        ("status/", {}, "status"),
        ("status/", {"status": "unverified"}, "status"),  # already so
    ],
)
def test_actions(editor_api, newsroom, unchanged, url, body, field):
    claim_url = f"/api/claims/{newsroom.perpetrator.pk}/"
    response = editor_api.post(f"{claim_url}{url}", body, format="json",
                               HTTP_IF_MATCH=etag_of(editor_api, claim_url))  # fmt: skip
    assert response.status_code == 400, response.data
    assert field in response.data


def test_an_oversize_body_is_413_before_it_is_read(editor_api, unchanged):
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    body = json.dumps({"title": "big", "text": "x" * limit}).encode()
    assert len(body) > limit
    response = post_raw(editor_api, "/api/documents/", body)
    assert response.status_code == 413
    assert "at most" in response.json()["detail"]


def test_a_document_over_the_text_limit_is_400(editor_api, unchanged):
    from tracker.services.documents import MAX_DOCUMENT_CHARS

    body = {"title": "big", "text": "y" * (MAX_DOCUMENT_CHARS + 1)}
    response = editor_api.post("/api/documents/", body, format="json")
    assert response.status_code == 400 and "text" in response.data


def test_other_content_types_are_415(editor_api, unchanged):
    response = post_raw(editor_api, "/api/claims/", b"text=x", "application/x-www-form-urlencoded")
    assert response.status_code == 415


@pytest.mark.parametrize(
    "query",
    [
        "status=probably",
        "aspect=casualties",
        "event=first",
        "event=0",
        "updated_since=yesterday",
        "has_open_flags=perhaps",
        "archived=maybe",
        "search=a%00b",
        "x%00=1",
    ],
)
def test_bad_filters_are_400(editor_api, newsroom, query):
    response = editor_api.get(f"/api/claims/?{query}")
    assert response.status_code == 400, response.data


@pytest.mark.parametrize(
    "path",
    [
        "/api/claims/?event=99999999999999999999999999",
        "/api/claims/?source=99999999999999999999999999",
        "/api/claims/?ordering=password",
        "/api/claims/?page_size=100000000000000000000",
        "/api/claims/?page_size=-3",
    ],
)
def test_odd_but_harmless_queries_are_answered(editor_api, newsroom, path):
    response = editor_api.get(path)
    assert response.status_code in (200, 400)


def test_a_bad_cursor_is_404(editor_api, newsroom):
    bad_offset = base64.b64encode(b"o=abc").decode()
    assert editor_api.get(f"/api/claims/?cursor={bad_offset}").status_code == 404


def test_a_forged_cursor_position_is_400(editor_api, newsroom):
    forged = base64.b64encode(b"p=not-a-date").decode()
    assert editor_api.get(f"/api/claims/?cursor={forged}").status_code == 400


def test_an_enormous_id_in_the_path_is_404(editor_api):
    assert editor_api.get("/api/claims/99999999999999999999999999/").status_code == 404
    assert editor_api.get("/api/claims/abc/").status_code == 404
