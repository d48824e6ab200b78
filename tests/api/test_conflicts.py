"""Stored conflicts over the API: their details, their lasting ids, and the event summary."""

import csv
import io
from html import escape

import pytest
from django.core.management import call_command
from django.urls import include, path, reverse
from drf_spectacular.generators import SchemaGenerator

from tests.admin.conftest import logged_in
from tests.factories import make_account, make_claim, make_source
from tracker import services
from tracker.api import urls as api_urls
from tracker.models import Event, Finding


def finding_of(event, kind: str) -> Finding:
    return Finding.objects.get(event=event, kind=kind)


def test_a_conflict_keeps_its_id_across_a_change_and_is_gone_when_its_subject_is(
    editor_api, editor, newsroom
):
    low = make_claim(text="3 killed", aspect="killed", event=newsroom.event, count_min=3,
                     count_max=3, unit="people")  # fmt: skip
    account = make_account(claim=low, source=make_source(name="Local monitor"))
    conflict = Finding.objects.filter(event=newsroom.event, kind="count_conflict").first()
    url = f"/api/conflicts/{conflict.pk}/"
    before = editor_api.get(url).data

    # Another account of the same low figure: the same conflict, with more behind it.
    make_account(claim=low, source=make_source(name="Local monitor desk", parent=account.source))
    after = editor_api.get(url)
    assert after.status_code == 200 and after.data["id"] == conflict.pk
    assert len(after.data["accounts"]) == len(before["accounts"]) + 1

    for other in low.accounts.all():
        services.account_remove(actor=editor, account=other)
    gone = editor_api.get(url)
    assert gone.status_code == 410
    assert "removed" in gone.data["detail"]
    assert editor_api.get("/api/conflicts/999999/").status_code == 404
    response = editor_api.post(f"{url}acknowledge/", {"note": "x"}, format="json",
                               HTTP_IF_MATCH='"x"')  # fmt: skip
    assert response.status_code == 410


def test_details_name_the_sides_and_the_count(editor_api, newsroom):
    agreement = finding_of(newsroom.event, "count_agreement")
    details = editor_api.get(f"/api/conflicts/{agreement.pk}/").data["details"]
    by_source = {side["source"]["name"]: side for side in details["sides"]}
    sana = by_source["SANA"]
    assert sana["root"] == {"id": newsroom.government.pk, "name": "Syrian government"}
    assert sana["interested"] is True and sana["stance"] == "asserts"
    assert sana["interval"]["open_high"] is True and sana["interval"]["max"] is None
    low = sana["interval"]["min"]
    assert low == newsroom.sana_account.claim.count_min
    assert sana["interval"]["words"].startswith(f"at least {low}")
    assert sana["account_ids"] == [newsroom.sana_account.pk]
    assert details["aspect"] == "killed"
    assert details["reported_range"]["words"].startswith("at least ")
    assert details["consensus"]["open_high"] is True
    assert details["best_supported"] == [] and details["outliers"] == []


def test_a_stance_finding_has_sides_and_no_count(editor_api, newsroom):
    tension = finding_of(newsroom.event, "stance_tension")
    details = editor_api.get(f"/api/conflicts/{tension.pk}/").data["details"]
    assert {side["stance"] for side in details["sides"]} == {"asserts", "hedges"}
    assert all(side["interval"] is None for side in details["sides"])
    assert "reported_range" not in details


def test_the_schema_documents_details_event_summary_and_gone(schema):
    components = schema["components"]["schemas"]
    details = components["FindingDetails"]
    assert details["required"] == ["sides"]
    assert {"sides", "reported_range", "best_supported", "outliers"} <= set(details["properties"])
    side = components["FindingSide"]["properties"]
    assert {"source", "root", "interested", "stance", "interval", "account_ids"} <= set(side)
    figure = components["Figure"]["properties"]
    assert {"min", "max", "open_low", "open_high", "approximate", "words"} <= set(figure)
    assert "event_summary" in components["Conflict"]["properties"]
    detail = schema["paths"]["/api/conflicts/{id}/"]["get"]["responses"]
    assert "410" in detail


@pytest.fixture
def schema(db) -> dict:
    # The conflicts endpoints alone: the schema of the conflicts is what is tested here.
    conflicts = [p for p in api_urls.router.urls if str(p.pattern).startswith("conflicts/")]
    generator = SchemaGenerator(patterns=[path("api/", include((conflicts, "api")))])
    return generator.get_schema(request=None, public=True)


def test_the_four_places_give_the_seed_the_same_summary(editor_api, editor):
    call_command("load_seeds", verbosity=0)
    event = Event.objects.get()
    detail = editor_api.get(f"/api/events/{event.pk}/").data["summary"]
    lines = [line["text"] for line in detail["lines"]]
    assert lines[0].startswith("Killed: reported ")

    conflicts = editor_api.get(f"/api/conflicts/?event={event.pk}").data["results"]
    assert conflicts
    for conflict in conflicts:
        assert conflict["event_summary"]["lines"] == lines
        assert conflict["event_summary"]["grade"] == detail["grade"]

    page = logged_in(editor).get(reverse("admin:tracker_event_compare", args=[event.pk]))
    body = page.content.decode()
    assert all(f"<li>{escape(line)}</li>" in body for line in lines)

    response = editor_api.get("/api/claims/export.csv")
    exported = b"".join(response.streaming_content).decode()
    rows = [row for row in csv.DictReader(io.StringIO(exported)) if row["event_id"]]
    assert rows and {row["event_summary"] for row in rows} == {" ".join(lines)}
    assert {row["event_suggested_grade"] for row in rows} == {detail["grade_label"]}
