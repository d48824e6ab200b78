"""A document's event candidates over real HTTP: read them, file under one, or a new event."""

from datetime import UTC, date, datetime

import pytest

from tests.api.test_live_server import call
from tests.factories import make_event, make_reporter, make_source
from tracker import services
from tracker.models import Event, Suggestion

REPORT = (
    "Strike kills five in Deir al-Zour\n"
    "An air strike hit a house in Deir al-Zour on Tuesday, killing five people, residents "
    "said. The US-led coalition said it had carried out a strike in the area.\n"
)


def _token(user) -> dict[str, str]:
    _, key = services.api_token_create(actor=None, user=user, name="tests")
    return {"Authorization": f"Token {key}"}


def _newsroom():
    coalition = make_source(name="US-led coalition", kind="armed_party")
    services.entity_create(actor=None, name="Deir ez-Zor", kind="place", aliases=["Deir al-Zour"])
    services.entity_create(actor=None, name="US-led coalition", kind="party", source=coalition)
    for day in (3, 4):
        make_event(name=f"Strike in Deir ez-Zor, March {day}", place="Deir ez-Zor",
                   date_start=date(2026, 3, day), parties=[coalition])  # fmt: skip
    return services.document_ingest(
        actor=None, title="Strike kills five in Deir al-Zour", text=REPORT, via="command",
        published_at=datetime(2026, 3, 4, 9, tzinfo=UTC),
    ).document  # fmt: skip


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_tool_reads_the_candidates_and_files_the_report_in_one_call(live_server):
    document = _newsroom()
    auth = _token(make_reporter(username="tool"))
    api = f"{live_server.url}/api/documents/{document.pk}"

    status, _, found = call(f"{api}/event-candidates/", **auth)
    assert status == 200
    assert [c["event"]["name"] for c in found["candidates"]] == [
        "Strike in Deir ez-Zor, March 3", "Strike in Deir ez-Zor, March 4",
    ]  # fmt: skip
    assert "same place: Deir al-Zour = Deir ez-Zor" in found["candidates"][0]["reasons"]
    assert "none was chosen" in found["note"] and found["new_event"]["place"] == "Deir ez-Zor"

    chosen = found["candidates"][0]["event"]["id"]
    status, _, _ = call(f"{api}/file-under-event/", "POST", {"event": chosen}, **auth)
    assert status == 428  # the document's version is required
    status, headers, before = call(f"{api}/", **auth)
    etag = headers["ETag"]
    assert before["suggestions"]["by_event"] == [
        {"event": None, "count": before["suggestions"]["total"]}
    ]
    status, _, filed = call(f"{api}/file-under-event/", "POST", {"event": chosen},
                            **auth, **{"If-Match": etag})  # fmt: skip
    assert status == 200 and filed["filed"] == before["suggestions"]["total"] > 0
    assert set(Suggestion.objects.values_list("event", flat=True)) == {chosen}
    # The document's ETag changed with where its suggestions are filed: the old one is stale.
    status, _, _ = call(f"{api}/file-under-event/", "POST", {"event": chosen},
                        **auth, **{"If-Match": etag})  # fmt: skip
    assert status == 412


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_new_event_from_the_report_and_bad_input_named(live_server):
    document = _newsroom()
    auth = _token(make_reporter(username="tool"))
    api = f"{live_server.url}/api/documents/{document.pk}"
    _, headers, _ = call(f"{api}/", **auth)
    match = {"If-Match": headers["ETag"]}

    for body, field in (
        ({"event": 999999}, "event"),
        ({"event": "x"}, "event"),
        ({"event": Event.objects.first().pk, "suggestions": [999999]}, "suggestions"),
        ({"evnt": 1}, "evnt"),
    ):
        status, _, error = call(f"{api}/file-under-event/", "POST", body, **auth, **match)
        assert status == 400 and field in error, (body, error)
    status, _, error = call(f"{api}/new-event/", "POST", {"name": ""}, **auth, **match)
    assert status == 400 and "name" in error
    assert not Suggestion.objects.filter(event__isnull=False).exists()

    status, headers, made = call(
        f"{api}/new-event/", "POST",
        {"name": "House strike in Deir ez-Zor", "place": "Deir ez-Zor", "date_start": "2026-03-03"},
        **auth, **match,
    )  # fmt: skip
    assert status == 201 and made["filed"] > 0
    assert headers["Location"].endswith(f"/api/events/{made['event']['id']}/")
    assert set(Suggestion.objects.values_list("event", flat=True)) == {made["event"]["id"]}
