"""ClaimReview JSON-LD, checked field by field against schema.org.

The property sets below are those schema.org defines for each type (ClaimReview
inherits from Review and CreativeWork, Claim from CreativeWork, Rating from
Intangible and Thing); the output may use no other.
"""

import pytest

from tests.api.conftest import etag_of
from tests.factories import make_account, make_source
from tracker import services
from tracker.models import StatusChange
from tracker.vocabularies import STATUS_MAPPING, SourceKind, Stance, VerificationStatus

CREATIVE_WORK = {
    "@type", "author", "datePublished", "dateModified", "url", "headline", "publisher", "name",
}  # fmt: skip
SCHEMA_PROPERTIES = {
    "ClaimReview": CREATIVE_WORK | {"@context", "claimReviewed", "itemReviewed", "reviewRating"},
    "Claim": CREATIVE_WORK | {"appearance", "firstAppearance"},
    "Rating": {"@type", "ratingValue", "bestRating", "worstRating", "alternateName"},
    "CreativeWork": CREATIVE_WORK,
    "Organization": {"@type", "name", "url"},
    "Person": {"@type", "name", "url"},
    "DataFeed": {"@context", "@type", "name", "dataFeedElement"},
}


def assert_schema_org(node) -> None:
    """Every object's keys are properties schema.org defines for its @type."""
    if isinstance(node, list):
        for item in node:
            assert_schema_org(item)
        return
    if not isinstance(node, dict):
        return
    allowed = SCHEMA_PROPERTIES[node["@type"]]
    assert set(node) <= allowed, set(node) - allowed
    for value in node.values():
        assert_schema_org(value)


def give_verdict(client, claim, status: str, rationale: str = "Checked.") -> dict:
    url = f"/api/claims/{claim.pk}/"
    response = client.post(
        f"{url}status/", {"status": status, "rationale": rationale}, format="json",
        HTTP_IF_MATCH=etag_of(client, url),
    )  # fmt: skip
    assert response.status_code == 201, response.data
    return response.data


@pytest.fixture
def publisher(settings):
    settings.TRACKER_PUBLISHER_NAME = "The Desk"
    settings.TRACKER_PUBLISHER_URL = "https://desk.example/"


def test_a_claimreview_field_by_field(editor_api, newsroom, publisher):
    toll = newsroom.toll
    spokesperson = make_source(name="Col. Sean Ryan", kind=SourceKind.SPOKESPERSON)
    make_account(claim=toll, source=spokesperson, stance=Stance.HEDGES,
                 said_on="2017-05-26")  # fmt: skip
    give_verdict(editor_api, toll, "in_review", "")
    change = give_verdict(editor_api, toll, "corroborated", "Two independent sources.")
    response = editor_api.get(f"/api/claims/{toll.pk}/claimreview/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    review = response.json()

    assert_schema_org(review)
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == "More than 30 civilians were killed"
    assert review["url"] == f"http://testserver/api/claims/{toll.pk}/claimreview/"
    verdict_at = StatusChange.objects.get(pk=change["id"]).changed_at
    assert review["datePublished"] == verdict_at.isoformat()
    assert review["author"] == {
        "@type": "Organization", "name": "The Desk", "url": "https://desk.example/",
    }  # fmt: skip

    mapped = STATUS_MAPPING[VerificationStatus.CORROBORATED]
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": mapped.claimreview_value,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": mapped.claimreview_name,
    }

    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    # Who made the claim: SANA asserts, the spokesperson hedges. Reuters, who
    # could not verify it, is no author of it.
    assert item["author"] == [
        {"@type": "Organization", "name": "SANA"},
        {"@type": "Person", "name": "Col. Sean Ryan"},
    ]
    assert item["appearance"] == [
        {"@type": "CreativeWork", "url": "https://news.example/a",
         "headline": "Strikes kill civilians in Deir ez-Zor"},
    ]  # fmt: skip
    assert item["datePublished"] == "2017-05-26"


@pytest.mark.parametrize(
    "status", [s for s in VerificationStatus.values if s not in ("unverified", "in_review")]
)
def test_every_verdict_reads_as_the_mapping_says(editor_api, newsroom, status):
    give_verdict(editor_api, newsroom.perpetrator, status)
    rating = editor_api.get(f"/api/claims/{newsroom.perpetrator.pk}/claimreview/").json()[
        "reviewRating"
    ]
    mapped = STATUS_MAPPING[status]
    assert rating["alternateName"] == mapped.claimreview_name
    assert rating.get("ratingValue") == mapped.claimreview_value
    assert (rating["bestRating"], rating["worstRating"]) == (5, 1)


def test_no_verdict_no_claimreview(editor_api, newsroom):
    assert editor_api.get(f"/api/claims/{newsroom.toll.pk}/claimreview/").status_code == 404
    give_verdict(editor_api, newsroom.toll, "in_review")
    assert editor_api.get(f"/api/claims/{newsroom.toll.pk}/claimreview/").status_code == 404


def test_the_feed_lists_live_verdicts_only(editor_api, newsroom, conditional, settings):
    settings.TRACKER_CLAIMREVIEW_URL = "https://desk.example/verdicts/{id}"
    give_verdict(editor_api, newsroom.toll, "disputed")
    give_verdict(editor_api, newsroom.article_toll, "confirmed")
    give_verdict(editor_api, newsroom.perpetrator, "false")
    conditional("delete", f"/api/claims/{newsroom.perpetrator.pk}/")
    feed = editor_api.get("/api/claimreview/").json()
    assert_schema_org(feed)
    assert feed["@type"] == "DataFeed"
    reviews = feed["dataFeedElement"]
    assert [r["claimReviewed"] for r in reviews] == [
        "At least 35 civilians were killed", "More than 30 civilians were killed",
    ]  # fmt: skip
    assert reviews[0]["url"] == f"https://desk.example/verdicts/{newsroom.article_toll.pk}"
    assert all("@context" not in review for review in reviews)


def test_the_feed_is_paged(editor_api, newsroom):
    for claim in (newsroom.toll, newsroom.article_toll, newsroom.perpetrator):
        give_verdict(editor_api, claim, "confirmed")
    first = editor_api.get("/api/claimreview/?page_size=2")
    assert len(first.json()["dataFeedElement"]) == 2
    link = first["Link"]
    assert link.endswith('; rel="next"')
    second = editor_api.get(link[1 : link.index(">")])
    assert len(second.json()["dataFeedElement"]) == 1
    assert 'rel="next"' not in second["Link"] and 'rel="prev"' in second["Link"]


def test_json_is_served_to_who_asks_for_it(editor_api, newsroom):
    services.claim_set_status(actor=None, claim=newsroom.toll, status="false", rationale="")
    response = editor_api.get(
        f"/api/claims/{newsroom.toll.pk}/claimreview/", HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
