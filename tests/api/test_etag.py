"""ETags and If-Match: 428 without, 412 when stale, 200 when current."""

import pytest

from tests.api.conftest import etag_of
from tests.factories import make_account
from tracker.models import Claim, Source, StatusChange
from tracker.vocabularies import Stance


@pytest.fixture
def claim_url(newsroom) -> str:
    return f"/api/claims/{newsroom.toll.pk}/"


def test_a_detail_carries_a_strong_etag(editor_api, claim_url):
    response = editor_api.get(claim_url)
    etag = response["ETag"]
    assert etag.startswith('"') and etag.endswith('"') and not etag.startswith("W/")
    # Stable while nothing changes.
    assert editor_api.get(claim_url)["ETag"] == etag


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_a_write_without_if_match_is_428_and_changes_nothing(editor_api, newsroom, method):
    url = f"/api/claims/{newsroom.toll.pk}/"
    body = {"text": "Changed"} if method != "delete" else None
    response = getattr(editor_api, method)(url, body, format="json")
    assert response.status_code == 428
    claim = Claim.objects.get(pk=newsroom.toll.pk)
    assert claim.text == "More than 30 civilians were killed" and claim.archived_at is None


def test_a_status_change_without_if_match_is_428(editor_api, newsroom):
    response = editor_api.post(
        f"/api/claims/{newsroom.toll.pk}/status/", {"status": "in_review"}, format="json"
    )
    assert response.status_code == 428
    assert not StatusChange.objects.exists()


def test_a_stale_etag_is_412_with_the_current_one(editor_api, reporter_api, claim_url):
    stale = etag_of(editor_api, claim_url)
    assert (
        reporter_api.patch(
            claim_url, {"text": "Reporter's wording"}, format="json", HTTP_IF_MATCH=stale
        ).status_code
        == 200
    )
    current = etag_of(editor_api, claim_url)
    response = editor_api.patch(
        claim_url, {"text": "Editor's wording"}, format="json", HTTP_IF_MATCH=stale
    )
    assert response.status_code == 412
    assert response["ETag"] == current
    assert Claim.objects.get(pk=response.wsgi_request.resolver_match.kwargs["pk"]).text == (
        "Reporter's wording"
    )


def test_a_current_etag_lets_the_write_through_and_returns_the_next(editor_api, claim_url):
    etag = etag_of(editor_api, claim_url)
    response = editor_api.patch(claim_url, {"text": "Edited"}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert response["ETag"] == etag_of(editor_api, claim_url)
    assert response.data["text"] == "Edited"


@pytest.mark.parametrize(
    ("header", "status"),
    [
        ("*", 428),
        ("", 428),
        ('W/"{tag}"', 412),  # weak tags never match If-Match
        ('"nope", "{tag}"', 200),  # any tag of a list may match
        ("{tag}", 200),  # unquoted, as hand-written clients send it
        ('"nope"', 412),
        ("garbage,,,", 412),
    ],
)
def test_if_match_forms(editor_api, claim_url, header, status):
    tag = etag_of(editor_api, claim_url).strip('"')
    response = editor_api.patch(
        claim_url, {"count_approximate": True}, format="json",
        HTTP_IF_MATCH=header.format(tag=tag),
    )  # fmt: skip
    assert response.status_code == status


def test_if_none_match_gives_304(editor_api, claim_url):
    etag = etag_of(editor_api, claim_url)
    response = editor_api.get(claim_url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["ETag"] == etag
    assert editor_api.get(claim_url, HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_the_etag_moves_when_an_account_is_added(editor_api, newsroom, claim_url):
    # Adding an account does not touch the claim's row, but it changes what a
    # client sees of the claim, so an editor who read the old version is told.
    before = etag_of(editor_api, claim_url)
    make_account(claim=newsroom.toll, source=newsroom.coalition, stance=Stance.DENIES)
    assert etag_of(editor_api, claim_url) != before
    response = editor_api.post(
        f"{claim_url}status/", {"status": "confirmed"}, format="json", HTTP_IF_MATCH=before
    )
    assert response.status_code == 412


def test_a_status_change_hands_back_the_claims_new_etag(editor_api, claim_url):
    etag = etag_of(editor_api, claim_url)
    response = editor_api.post(
        f"{claim_url}status/", {"status": "in_review"}, format="json", HTTP_IF_MATCH=etag
    )
    assert response.status_code == 201
    assert response["Claim-ETag"] == etag_of(editor_api, claim_url)
    # The old tag is now stale for the next verdict.
    again = editor_api.post(
        f"{claim_url}status/", {"status": "confirmed", "rationale": "Seen"}, format="json",
        HTTP_IF_MATCH=etag,
    )  # fmt: skip
    assert again.status_code == 412
    assert StatusChange.objects.count() == 1


@pytest.mark.parametrize(
    ("resource", "pick", "body"),
    [
        ("sources", lambda n: n.reuters, {"reliability": "A"}),
        ("documents", lambda n: n.document, {"title": "New title"}),
        ("events", lambda n: n.event, {"place": "Deir ez-Zor"}),
        ("accounts", lambda n: n.sana_account, {"stance": "hedges"}),
    ],
)
def test_other_mutable_resources_need_if_match_too(editor_api, newsroom, resource, pick, body):
    url = f"/api/{resource}/{pick(newsroom).pk}/"
    etag = etag_of(editor_api, url)
    assert editor_api.patch(url, body, format="json").status_code == 428
    assert editor_api.patch(url, body, format="json", HTTP_IF_MATCH=etag).status_code == 200
    assert editor_api.patch(url, body, format="json", HTTP_IF_MATCH=etag).status_code == 412


def test_404_comes_before_the_precondition(editor_api):
    response = editor_api.patch("/api/claims/999999/", {"text": "x"}, format="json",
                                HTTP_IF_MATCH='"x"')  # fmt: skip
    assert response.status_code == 404


def test_source_etag_changes_with_a_new_alias(editor_api, newsroom):
    url = f"/api/sources/{newsroom.coalition.pk}/"
    before = etag_of(editor_api, url)
    response = editor_api.post(f"{url}aliases/", {"name": "CJTF-OIR"}, format="json")
    assert response.status_code == 201
    assert response["ETag"] != before
    assert Source.objects.get(pk=newsroom.coalition.pk).aliases.count() == 1
