"""What the API reads it takes back: related objects as read, and sources by name."""

import pytest

from tests.api.conftest import etag_of
from tests.factories import make_source
from tracker.models import Account, Claim, Source
from tracker.vocabularies import SourceKind

VOLATILE = {"updated_at", "findings", "suggestion", "status_history", "accounts_changed_at"}


def steady(body: dict) -> dict:
    return {key: value for key, value in body.items() if key not in VOLATILE}


@pytest.mark.parametrize("method", ["put", "patch"])
@pytest.mark.parametrize(
    "path",
    [
        "/api/claims/{perpetrator}/",
        "/api/claims/{toll}/",
        "/api/accounts/{coalition_account}/",
        "/api/accounts/{sana_account}/",
        "/api/sources/{sana}/",
        "/api/events/{event}/",
        "/api/documents/{document}/",
    ],
)
def test_a_body_read_and_sent_back_changes_nothing(editor_api, newsroom, method, path):
    url = path.format(
        perpetrator=newsroom.perpetrator.pk, toll=newsroom.toll.pk,
        coalition_account=newsroom.coalition_account.pk, sana_account=newsroom.sana_account.pk,
        sana=newsroom.sana.pk, event=newsroom.event.pk, document=newsroom.document.pk,
    )  # fmt: skip
    read = editor_api.get(url)
    assert read.status_code == 200
    body = read.json()
    sent = getattr(editor_api, method)(url, body, format="json", HTTP_IF_MATCH=read["ETag"])
    assert sent.status_code == 200, sent.data
    assert steady(sent.json()) == steady(body)


def test_nested_objects_as_read_are_taken(editor_api, newsroom):
    n = newsroom
    partner = make_source(name="Partner forces", kind=SourceKind.ARMED_PARTY)
    url = f"/api/claims/{n.perpetrator.pk}/"
    response = editor_api.patch(
        url,
        {"named_parties": [{"id": n.coalition.pk, "name": "US-led coalition"},
                           {"id": partner.pk}],
         "event": {"id": n.event.pk, "name": "whatever the client kept"}},
        format="json", HTTP_IF_MATCH=etag_of(editor_api, url),
    )  # fmt: skip
    assert response.status_code == 200, response.data
    assert set(Claim.objects.get(pk=n.perpetrator.pk).named_parties.all()) == {n.coalition, partner}


def test_an_account_by_source_name_and_alias(editor_api, newsroom):
    n = newsroom
    response = editor_api.post(
        "/api/accounts/",
        {"claim": {"id": n.toll.pk}, "source": "reuters", "intermediary": {"name": "SANA"},
         "stance": "cannot_verify"},
        format="json",
    )  # fmt: skip
    assert response.status_code == 201, response.data
    account = Account.objects.get(pk=response.data["id"])
    assert (account.source, account.intermediary) == (n.reuters, n.sana)


def test_a_claim_names_its_party_by_name(editor_api, newsroom):
    response = editor_api.post(
        "/api/claims/",
        {"text": "The coalition struck again", "aspect": "perpetrator",
         "named_parties": ["US-led coalition"]},
        format="json",
    )  # fmt: skip
    assert response.status_code == 201, response.data
    assert [p["id"] for p in response.data["named_parties"]] == [newsroom.coalition.pk]


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("Nobody we know", "No source is named"),
        ({"name": "Nobody we know"}, "No source is named"),
        ({"name": 12}, "must be text"),
        ({"nom": "SANA"}, '"id"'),
        ("", "may not be null"),
        ("   ", "id or name"),
        ("x\x00y", "No source has such a name"),
    ],
)
def test_an_unknown_name_is_400_and_nothing_is_added(editor_api, newsroom, source, words):
    before = Account.objects.count(), Source.objects.count()
    response = editor_api.post(
        "/api/accounts/", {"claim": newsroom.toll.pk, "source": source}, format="json"
    )
    assert response.status_code == 400
    assert words in str(response.data["source"])
    assert (Account.objects.count(), Source.objects.count()) == before


def test_a_name_two_people_share_is_400_naming_both(editor_api, newsroom):
    army = make_source(name="Syrian army", kind=SourceKind.ARMED_PARTY)
    make_source(name="Ahmed Hassan", kind=SourceKind.SPOKESPERSON, parent=newsroom.government)
    make_source(name="Ahmed Hassan", kind=SourceKind.SPOKESPERSON, parent=army)
    response = editor_api.post(
        "/api/accounts/", {"claim": newsroom.toll.pk, "source": "Ahmed Hassan"}, format="json"
    )
    assert response.status_code == 400
    assert "names 2 sources" in str(response.data["source"])
    by_affiliation = editor_api.post(
        "/api/accounts/",
        {"claim": newsroom.toll.pk, "source": "Ahmed Hassan (Syrian army)"},
        format="json",
    )
    assert by_affiliation.status_code == 201, by_affiliation.data
    assert by_affiliation.data["source"]["display_name"] == "Ahmed Hassan (Syrian army)"


def test_an_account_cannot_move_to_another_claim(editor_api, newsroom):
    url = f"/api/accounts/{newsroom.sana_account.pk}/"
    response = editor_api.patch(
        url, {"claim": newsroom.perpetrator.pk}, format="json",
        HTTP_IF_MATCH=etag_of(editor_api, url),
    )  # fmt: skip
    assert response.status_code == 400
    assert "stays with its claim" in str(response.data["claim"])
    assert Account.objects.get(pk=newsroom.sana_account.pk).claim == newsroom.toll


def test_a_perpetrator_claim_without_a_party_is_400(editor_api, newsroom):
    response = editor_api.post(
        "/api/claims/", {"text": "Someone struck", "aspect": "perpetrator"}, format="json"
    )
    assert response.status_code == 400
    assert "must name the party" in str(response.data["named_parties"])


def test_more_than_is_written_and_read_back(editor_api, newsroom):
    response = editor_api.post(
        "/api/claims/",
        {"text": "More than 30 were killed", "aspect": "killed", "count_min": 31,
         "count_min_exclusive": True, "unit": "people"},
        format="json",
    )  # fmt: skip
    assert response.status_code == 201, response.data
    assert response.data["interval"] == "more than 30 people"
    assert response.data["count_min_exclusive"] is True
    listed = editor_api.get("/api/claims/?search=killed")
    row = next(r for r in listed.data["results"] if r["id"] == response.data["id"])
    assert (row["interval"], row["count_min_exclusive"]) == ("more than 30 people", True)
