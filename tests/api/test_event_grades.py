"""Over HTTP: the event detail carries the recorded grade and its history; editors record it."""

import pytest

from tests.api.conftest import etag_of
from tests.api.test_live_server import PASSWORD, call
from tests.factories import make_account, make_claim, make_editor, make_event, make_source
from tests.roles import restore_roles
from tracker.models import Event, EventGradeChange


def grade(client, event, body, *, etag=None):
    url = f"/api/events/{event.pk}/"
    if etag is None:
        etag = etag_of(client, url)
    return client.post(f"{url}grade/", body, format="json", HTTP_IF_MATCH=etag)


def test_an_editor_records_a_grade_and_the_detail_shows_it(editor_api, editor, newsroom):
    url = f"/api/events/{newsroom.event.pk}/"
    before = editor_api.get(url)
    assert before.data["grade"] == "" and before.data["grade_history"] == []
    suggested = before.data["summary"]["grade"]
    response = grade(editor_api, newsroom.event, {"grade": "contested", "rationale": "Who fired?"})
    assert response.status_code == 201, response.data
    assert response.data["to_grade"] == "contested" and response.data["from_grade"] == ""
    assert response.data["suggested_grade"] == suggested
    assert response.data["changed_by"] == editor.username
    after = editor_api.get(url)
    assert after["ETag"] == response["Event-ETag"] != before["ETag"]
    assert after.data["grade"] == "contested"
    (entry,) = after.data["grade_history"]
    assert entry["rationale"] == "Who fired?" and entry["judged_summary"]["grade"] == suggested
    # The suggestion is unchanged by the editor's call.
    assert after.data["summary"]["grade"] == suggested
    listed = editor_api.get("/api/events/").data["results"]
    assert [row["grade"] for row in listed if row["id"] == newsroom.event.pk] == ["contested"]


def test_recording_a_grade_needs_if_match_and_a_current_one(editor_api, newsroom):
    url = f"/api/events/{newsroom.event.pk}/grade/"
    body = {"grade": "weak", "rationale": "One source"}
    assert editor_api.post(url, body, format="json").status_code == 428
    stale = etag_of(editor_api, f"/api/events/{newsroom.event.pk}/")
    assert grade(editor_api, newsroom.event, body, etag=stale).status_code == 201
    again = grade(editor_api, newsroom.event, {"grade": "fair", "rationale": "x"}, etag=stale)
    assert again.status_code == 412
    assert Event.objects.get(pk=newsroom.event.pk).grade == "weak"


def test_a_reporter_cannot_record_a_grade(reporter_api, newsroom):
    response = grade(reporter_api, newsroom.event, {"grade": "fair", "rationale": "Two sources"})
    assert response.status_code == 403
    assert not EventGradeChange.objects.exists()
    # Reading the grade is for everyone in the newsroom.
    assert reporter_api.get(f"/api/events/{newsroom.event.pk}/").data["grade_history"] == []


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"grade": "excellent", "rationale": "Two sources"}, "grade"),
        ({"rationale": "Two sources"}, "grade"),
        ({"grade": "fair", "rationale": ""}, "rationale"),
        ({"grade": "fair", "rationale": "   "}, "rationale"),
        ({"grade": "fair"}, "rationale"),
        ({"grade": "fair", "rationale": 42}, "rationale"),
        ({"grade": "fair", "rationale": "ok", "grde": "x"}, "grde"),
    ],
)
def test_bad_input_is_a_400_naming_the_field_and_changes_nothing(editor_api, newsroom, body,
                                                                 field):  # fmt: skip
    url = f"/api/events/{newsroom.event.pk}/"
    before = etag_of(editor_api, url)
    response = grade(editor_api, newsroom.event, body, etag=before)
    assert response.status_code == 400
    assert field in response.json()
    assert not EventGradeChange.objects.exists()
    assert etag_of(editor_api, url) == before


def test_the_same_grade_twice_is_a_400(editor_api, newsroom):
    body = {"grade": "weak", "rationale": "One source"}
    assert grade(editor_api, newsroom.event, body).status_code == 201
    again = grade(editor_api, newsroom.event, body)
    assert again.status_code == 400 and "already graded" in str(again.json()["grade"])


def test_a_round_trip_of_the_event_ignores_the_grade_it_read(editor_api, newsroom):
    grade(editor_api, newsroom.event, {"grade": "weak", "rationale": "One source"})
    url = f"/api/events/{newsroom.event.pk}/"
    read = editor_api.get(url)
    body = {key: value for key, value in read.json().items()}
    body["grade"] = "fair"  # read-only: ignored, not written
    body["parties"] = [party["id"] for party in body["parties"]]
    response = editor_api.put(url, body, format="json", HTTP_IF_MATCH=read["ETag"])
    assert response.status_code == 200, response.data
    assert Event.objects.get(pk=newsroom.event.pk).grade == "weak"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_editor_grades_an_event_over_a_real_socket(live_server):
    restore_roles()
    make_editor(username="desk")
    event = make_event(name="Checkpoint shooting")
    claim = make_claim(text="5 killed", aspect="killed", event=event, count_min=5, count_max=5,
                       unit="people")  # fmt: skip
    make_account(claim=claim, source=make_source(name="Wire A"))
    make_account(claim=claim, source=make_source(name="Wire B"))
    api = f"{live_server.url}/api"
    status, _, body = call(f"{api}/auth/token/", "POST", {"username": "desk",
                                                          "password": PASSWORD})  # fmt: skip
    assert status == 200
    auth = {"Authorization": f"Token {body['token']}"}
    status, headers, detail = call(f"{api}/events/{event.pk}/", **auth)
    assert status == 200 and detail["summary"]["grade"] == "fair" and detail["grade"] == ""
    status, answer_headers, change = call(
        f"{api}/events/{event.pk}/grade/", "POST",
        {"grade": "fair", "rationale": "Two wires agree"}, **auth, **{"If-Match": headers["ETag"]},
    )  # fmt: skip
    assert status == 201 and change["to_grade"] == "fair" and change["suggested_grade"] == "fair"
    status, headers, detail = call(f"{api}/events/{event.pk}/", **auth)
    assert detail["grade"] == "fair" and headers["ETag"] == answer_headers["Event-ETag"]
    assert [c["rationale"] for c in detail["grade_history"]] == ["Two wires agree"]
