"""Over HTTP: a verdict certifies the claim as judged, and ClaimReview publishes just that."""

from tests.api.conftest import etag_of
from tests.api.test_claimreview import give_verdict
from tracker.models import Claim, StatusChange
from tracker.vocabularies import Stance, VerificationStatus


def patch(client, claim, body, *, etag_client=None):
    url = f"/api/claims/{claim.pk}/"
    etag = etag_of(etag_client or client, url)
    return client.patch(url, body, format="json", HTTP_IF_MATCH=etag)


def test_a_reporter_gets_403_for_changing_a_judged_claim(reporter_api, editor_api, newsroom):
    give_verdict(editor_api, newsroom.toll, "confirmed")
    response = patch(reporter_api, newsroom.toll, {"text": "More than 300 were killed"})
    assert response.status_code == 403
    assert "Flag the claim instead" in response.data["detail"]
    claim = Claim.objects.get(pk=newsroom.toll.pk)
    assert (claim.text, claim.status) == ("More than 30 civilians were killed", "confirmed")


def test_a_reporter_gets_403_for_an_interval_too(reporter_api, editor_api, newsroom):
    give_verdict(editor_api, newsroom.toll, "disputed")
    response = patch(reporter_api, newsroom.toll, {"count_min": 300, "count_max": 400})
    assert response.status_code == 403
    assert "count_min, count_max" in response.data["detail"]
    assert Claim.objects.get(pk=newsroom.toll.pk).count_min == 31


def test_a_reporter_still_edits_an_unjudged_claim(reporter_api, newsroom):
    response = patch(reporter_api, newsroom.toll, {"text": "More than 31 were killed"})
    assert response.status_code == 200
    assert response.data["text"] == "More than 31 were killed"


def test_an_editors_patch_sends_the_claim_back_to_review(editor_api, editor, newsroom):
    give_verdict(editor_api, newsroom.toll, "confirmed")
    response = patch(editor_api, newsroom.toll, {"text": "More than 40 were killed"})
    assert response.status_code == 200, response.data
    assert response.data["status"] == "in_review"
    back, verdict = response.data["status_history"][:2]
    assert (back["from_status"], back["to_status"], back["changed_by"]) == (
        "confirmed", "in_review", editor.username,
    )  # fmt: skip
    assert back["rationale"] == "Back to review: text changed after the verdict."
    assert back["judged_claim"]["text"] == "More than 40 were killed"
    assert verdict["judged_claim"]["text"] == "More than 30 civilians were killed"


def test_claimreview_withdraws_while_in_review_and_publishes_the_new_verdict(editor_api, newsroom):
    url = f"/api/claims/{newsroom.toll.pk}/claimreview/"
    first = give_verdict(editor_api, newsroom.toll, "confirmed")
    assert patch(editor_api, newsroom.toll, {"text": "More than 40 were killed"}).status_code == 200
    assert editor_api.get(url).status_code == 404
    second = give_verdict(editor_api, newsroom.toll, "disputed", "Only one source says 40.")
    review = editor_api.get(url).json()
    assert review["claimReviewed"] == "More than 40 were killed"
    assert review["reviewRating"]["alternateName"] == "Disputed"
    changed_at = {
        change.pk: change.changed_at.isoformat()
        for change in StatusChange.objects.filter(pk__in=[first["id"], second["id"]])
    }
    assert review["datePublished"] == changed_at[first["id"]]
    assert review["dateModified"] == changed_at[second["id"]]


def test_claimreview_rates_the_judged_text_not_what_the_claim_says_now(editor_api, newsroom):
    """A claim changed behind the services (as reporters could before) keeps its verdict's text."""
    change = give_verdict(editor_api, newsroom.toll, "confirmed")
    Claim.objects.filter(pk=newsroom.toll.pk).update(text="More than 300 were killed")
    for review in (
        editor_api.get(f"/api/claims/{newsroom.toll.pk}/claimreview/").json(),
        editor_api.get("/api/claimreview/").json()["dataFeedElement"][0],
    ):
        assert review["claimReviewed"] == "More than 30 civilians were killed"
        assert review["reviewRating"]["alternateName"] == "Confirmed"
        verdict_at = StatusChange.objects.get(pk=change["id"]).changed_at.isoformat()
        assert review["dateModified"] == verdict_at


def test_the_detail_says_when_accounts_changed_since_the_verdict(
    reporter_api, editor_api, newsroom
):
    url = f"/api/claims/{newsroom.toll.pk}/"
    assert editor_api.get(url).data["accounts_changed_at"] is None
    give_verdict(editor_api, newsroom.toll, "confirmed")
    response = reporter_api.post(
        "/api/accounts/",
        {"claim": newsroom.toll.pk, "source": newsroom.coalition.pk, "stance": Stance.DENIES},
        format="json",
    )
    assert response.status_code == 201, response.data
    detail = editor_api.get(url).data
    assert detail["status"] == VerificationStatus.CONFIRMED
    stored = Claim.objects.get(pk=newsroom.toll.pk).accounts_changed_at
    assert detail["accounts_changed_at"] == stored.isoformat().replace("+00:00", "Z")


def test_accounts_changed_at_cannot_be_written(editor_api, newsroom):
    response = patch(editor_api, newsroom.toll, {"accounts_changed_at": "2020-01-01T00:00:00Z"})
    assert response.status_code == 200
    assert Claim.objects.get(pk=newsroom.toll.pk).accounts_changed_at is None
