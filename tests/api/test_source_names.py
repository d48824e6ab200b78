"""Source and event names over the API: one name in every script, people told apart."""

import pytest

from tests.api.conftest import etag_of
from tests.factories import make_account, make_claim, make_document, make_source
from tracker.models import Event, Source

pytestmark = pytest.mark.django_db


def post_source(client, **body):
    return client.post("/api/sources/", {"kind": "outlet", **body}, format="json")


def test_the_same_name_twice_is_a_400_naming_the_first(editor_api):
    first = post_source(editor_api, name="ÐUPLICATE Ñews")
    assert first.status_code == 201, first.data
    again = post_source(editor_api, name="ÐUPLICATE Ñews")
    assert again.status_code == 400
    assert again.data == {
        "name": [f"A source named 'ÐUPLICATE Ñews' already exists (id {first.data['id']})."]
    }


def test_names_differing_only_in_case_beyond_ascii_are_one_source(editor_api):
    first = post_source(editor_api, name="ÑANDÚ Agency")
    assert first.status_code == 201
    second = post_source(editor_api, name="ñandú agency")
    assert second.status_code == 400 and str(first.data["id"]) in second.data["name"][0]
    alias = editor_api.post(
        f"/api/sources/{first.data['id']}/aliases/", {"name": "Ñandú Wire"}, format="json"
    )
    assert alias.status_code == 201
    other = post_source(editor_api, name="Other")
    taken = editor_api.post(
        f"/api/sources/{other.data['id']}/aliases/", {"name": "ÑANDÚ WIRE"}, format="json"
    )
    assert taken.status_code == 400
    assert "alias of 'ÑANDÚ Agency'" in taken.data["name"][0]
    assert Source.objects.count() == 2
    found = editor_api.get("/api/sources/", {"search": "ñandú wire"})
    assert [s["id"] for s in found.data["results"]] == [first.data["id"]]


def test_renaming_onto_another_name_is_a_400(editor_api):
    make_source(name="Straße Radio")
    other = make_source(name="Other radio")
    url = f"/api/sources/{other.pk}/"
    response = editor_api.patch(
        url, {"name": "STRASSE RADIO"}, format="json", HTTP_IF_MATCH=etag_of(editor_api, url)
    )
    assert response.status_code == 400 and "Straße Radio" in response.data["name"][0]


def test_two_spokesmen_of_one_name_under_two_ministries_are_two_sources(editor_api):
    defence = make_source(name="Ministry of Defence", kind="government")
    interior = make_source(name="Ministry of Interior", kind="government")
    first = post_source(editor_api, name="Ahmed Hassan", kind="spokesperson", parent=defence.pk)
    second = post_source(editor_api, name="Ahmed Hassan", kind="spokesperson", parent=interior.pk)
    assert (first.status_code, second.status_code) == (201, 201)
    assert first.data["display_name"] == "Ahmed Hassan (Ministry of Defence)"
    assert second.data["display_name"] == "Ahmed Hassan (Ministry of Interior)"
    same = post_source(editor_api, name="AHMED HASSAN", kind="witness", parent=defence.pk)
    assert same.status_code == 400
    assert same.data["name"] == [
        "A source named 'Ahmed Hassan (Ministry of Defence)' already exists "
        f"(id {first.data['id']})."
    ]
    organisation = post_source(editor_api, name="Press Office", kind="government")
    again = post_source(editor_api, name="press office", kind="government", parent=defence.pk)
    assert organisation.status_code == 201 and again.status_code == 400


def test_accounts_show_whom_the_speaker_speaks_for(reporter_api):
    defence = make_source(name="Ministry of Defence", kind="government")
    spokesman = make_source(name="Ahmed Hassan", kind="spokesperson", parent=defence)
    document = make_document(text="Ahmed Hassan said 12 people were killed.")
    claim = make_claim(text="12 people were killed")
    make_account(claim=claim, source=spokesman, document=document, quote="12 people were killed")
    detail = reporter_api.get(f"/api/claims/{claim.pk}/")
    assert detail.status_code == 200
    (account,) = detail.data["accounts"]
    assert account["source"]["display_name"] == "Ahmed Hassan (Ministry of Defence)"
    listed = reporter_api.get("/api/sources/", {"search": "Ahmed"})
    assert [s["display_name"] for s in listed.data["results"]] == [
        "Ahmed Hassan (Ministry of Defence)"
    ]


def test_event_names_beyond_ascii_are_a_400_naming_the_event(editor_api):
    first = editor_api.post("/api/events/", {"name": "Strike on Ñandú market"}, format="json")
    assert first.status_code == 201
    again = editor_api.post("/api/events/", {"name": "STRIKE ON ÑANDÚ MARKET"}, format="json")
    assert again.status_code == 400
    assert again.data["name"] == [
        f"An event named 'Strike on Ñandú market' already exists (id {first.data['id']})."
    ]
    assert Event.objects.count() == 1
