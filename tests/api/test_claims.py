"""Claims over the API: create, read, edit, verdicts, flags, archive and restore."""

from tests.api.conftest import etag_of
from tracker.models import Claim, Flag, StatusChange
from tracker.vocabularies import FindingKind, FindingSeverity, SuggestionBasis, VerificationStatus


def test_create_returns_the_claim_with_its_location(editor_api, newsroom):
    response = editor_api.post(
        "/api/claims/",
        {"text": "  Roughly 2,000 people fled  ", "aspect": "other", "event": newsroom.event.pk,
         "count_min": 2000, "count_max": 2000, "count_approximate": True, "unit": "people",
         "named_parties": [newsroom.coalition.pk]},
        format="json",
    )  # fmt: skip
    assert response.status_code == 201, response.data
    claim = Claim.objects.get(pk=response.data["id"])
    assert response["Location"].endswith(f"/api/claims/{claim.pk}/")
    assert response["ETag"] == etag_of(editor_api, f"/api/claims/{claim.pk}/")
    assert claim.text == "Roughly 2,000 people fled"
    assert claim.status == VerificationStatus.UNVERIFIED
    assert response.data["named_parties"][0]["name"] == "US-led coalition"
    assert response.data["interval"] == "about 2,000 people"


def test_a_new_claim_cannot_come_with_a_verdict(editor_api):
    response = editor_api.post("/api/claims/", {"text": "x", "status": "confirmed"}, format="json")
    assert response.status_code == 400
    assert "status" in response.data
    assert not Claim.objects.filter(text="x").exists()


def test_the_list_is_compact_and_the_detail_nests(editor_api, newsroom):
    listed = editor_api.get("/api/claims/").data["results"]
    row = next(r for r in listed if r["id"] == newsroom.toll.pk)
    assert "accounts" not in row and "findings" not in row
    assert row["account_count"] == 2 and row["open_flag_count"] == 1
    assert row["event_name"] == "Strike in Deir ez-Zor"

    detail = editor_api.get(f"/api/claims/{newsroom.toll.pk}/").data
    sana = next(a for a in detail["accounts"] if a["id"] == newsroom.sana_account.pk)
    assert sana["source"]["name"] == "SANA"
    assert sana["source"]["root"]["name"] == "Syrian government"
    assert sana["document"] == {
        "id": newsroom.document.pk, "title": "Strikes kill civilians in Deir ez-Zor",
        "title_mismatch": False, "url": "https://news.example/a", "published_at": None,
    }  # fmt: skip
    assert sana["quote"] == "more than 30 civilians"
    assert detail["open_flags"][0]["raised_by"] == "reporter"
    assert {f["kind"] for f in detail["findings"]} >= {"unconfirmed_by"}
    for finding in detail["findings"]:
        assert finding["kind_label"] == FindingKind(finding["kind"]).label
        assert finding["severity_label"] == FindingSeverity(finding["severity"]).label
    suggestion = detail["suggestion"]
    toll = Claim.objects.get(pk=newsroom.toll.pk)
    assert suggestion == {
        "status": toll.suggested_status, "basis": toll.suggestion_basis,
        "basis_label": SuggestionBasis(toll.suggestion_basis).label,
        "reasons": toll.suggestion_reasons, "independent_sources": toll.independent_sources,
    }  # fmt: skip
    assert suggestion["reasons"]


def test_put_replaces_and_leaves_out_fields_to_their_defaults(editor_api, newsroom):
    url = f"/api/claims/{newsroom.toll.pk}/"
    response = editor_api.put(
        url,
        {"text": "Civilians were killed"},
        format="json",
        HTTP_IF_MATCH=etag_of(editor_api, url),
    )
    assert response.status_code == 200, response.data
    claim = Claim.objects.get(pk=newsroom.toll.pk)
    assert (claim.text, claim.event, claim.aspect, claim.count_min, claim.unit) == (
        "Civilians were killed", None, "other", None, "",
    )  # fmt: skip


def test_patch_changes_only_what_is_sent(editor_api, newsroom):
    url = f"/api/claims/{newsroom.toll.pk}/"
    response = editor_api.patch(
        url, {"count_max": 40}, format="json", HTTP_IF_MATCH=etag_of(editor_api, url)
    )
    assert response.status_code == 200
    claim = Claim.objects.get(pk=newsroom.toll.pk)
    assert (claim.count_min, claim.count_max, claim.text) == (
        31, 40, "More than 30 civilians were killed",
    )  # fmt: skip


def test_sending_back_what_was_read_is_accepted(editor_api, newsroom):
    url = f"/api/claims/{newsroom.toll.pk}/"
    read = editor_api.get(url)
    body = dict(read.data)
    body.update(text="Edited", named_parties=[], event=newsroom.event.pk)
    response = editor_api.put(url, body, format="json", HTTP_IF_MATCH=read["ETag"])
    assert response.status_code == 200, response.data


def test_the_status_is_not_edited_like_a_field(editor_api, newsroom):
    url = f"/api/claims/{newsroom.toll.pk}/"
    response = editor_api.patch(
        url, {"status": "confirmed"}, format="json", HTTP_IF_MATCH=etag_of(editor_api, url)
    )
    assert response.status_code == 400
    assert "/status/" in str(response.data["status"])
    assert Claim.objects.get(pk=newsroom.toll.pk).status == VerificationStatus.UNVERIFIED


def test_verdicts_record_who_when_from_to_and_why(editor_api, editor, newsroom):
    url = f"/api/claims/{newsroom.toll.pk}/"
    first = editor_api.post(
        f"{url}status/", {"status": "in_review"}, format="json",
        HTTP_IF_MATCH=etag_of(editor_api, url),
    )  # fmt: skip
    assert first.status_code == 201
    assert first.data["from_status"] == "unverified" and first.data["to_status"] == "in_review"
    assert first.data["changed_by"] == editor.username
    assert first["Location"].endswith(f"/api/status-changes/{first.data['id']}/")

    # Every change after the first needs a rationale.
    bare = editor_api.post(
        f"{url}status/", {"status": "corroborated"}, format="json",
        HTTP_IF_MATCH=etag_of(editor_api, url),
    )  # fmt: skip
    assert bare.status_code == 400 and "rationale" in bare.data

    second = editor_api.post(
        f"{url}status/", {"status": "corroborated", "rationale": "Monitors agree."},
        format="json", HTTP_IF_MATCH=etag_of(editor_api, url),
    )  # fmt: skip
    assert second.status_code == 201
    assert StatusChange.objects.filter(claim=newsroom.toll).count() == 2
    history = editor_api.get(url).data["status_history"]
    assert [h["to_status"] for h in history] == ["corroborated", "in_review"]
    assert history[0]["rationale"] == "Monitors agree."


def test_flags_are_raised_on_a_claim(reporter_api, reporter, newsroom):
    url = f"/api/claims/{newsroom.perpetrator.pk}/flags/"
    response = reporter_api.post(
        url, {"kind": "could_not_verify", "reason": "no_independent_access",
              "note": "No access to the area."}, format="json",
    )  # fmt: skip
    assert response.status_code == 201, response.data
    flag = Flag.objects.get(pk=response.data["id"])
    assert (flag.claim, flag.raised_by, flag.note) == (
        newsroom.perpetrator, reporter, "No access to the area.",
    )  # fmt: skip
    assert response["Location"].endswith(f"/api/flags/{flag.pk}/")
    # The same open flag twice is refused by the service.
    again = reporter_api.post(
        url, {"kind": "could_not_verify", "reason": "single_source"}, format="json"
    )
    assert again.status_code == 400 and "kind" in again.data
    # "other" needs a note.
    other = reporter_api.post(url, {"kind": "other", "reason": "other"}, format="json")
    assert other.status_code == 400 and "note" in other.data


def test_delete_archives_and_restore_brings_back(editor_api, newsroom):
    url = f"/api/claims/{newsroom.perpetrator.pk}/"
    archived = editor_api.delete(url, HTTP_IF_MATCH=etag_of(editor_api, url))
    assert archived.status_code == 200
    assert archived.data["archived"] is True and archived.data["archived_by"] == "editor"
    assert Claim.objects.get(pk=newsroom.perpetrator.pk).archived_at is not None
    ids = [row["id"] for row in editor_api.get("/api/claims/").data["results"]]
    assert newsroom.perpetrator.pk not in ids
    # Still there at its URL, and in the archived list.
    assert editor_api.get(url).status_code == 200
    archived_ids = [r["id"] for r in editor_api.get("/api/claims/?archived=yes").data["results"]]
    assert archived_ids == [newsroom.perpetrator.pk]
    # Archiving twice is refused.
    twice = editor_api.delete(url, HTTP_IF_MATCH=etag_of(editor_api, url))
    assert twice.status_code == 400
    # Flagging an archived claim is refused.
    flagged = editor_api.post(f"{url}flags/", {"reason": "single_source"}, format="json")
    assert flagged.status_code == 400

    restored = editor_api.post(f"{url}restore/", HTTP_IF_MATCH=etag_of(editor_api, url))
    assert restored.status_code == 200 and restored.data["archived"] is False
    assert Claim.objects.get(pk=newsroom.perpetrator.pk).archived_at is None


def test_a_verdict_on_an_archived_claim_is_refused(editor_api, newsroom):
    url = f"/api/claims/{newsroom.perpetrator.pk}/"
    editor_api.delete(url, HTTP_IF_MATCH=etag_of(editor_api, url))
    response = editor_api.post(
        f"{url}status/", {"status": "false", "rationale": "x"}, format="json",
        HTTP_IF_MATCH=etag_of(editor_api, url),
    )  # fmt: skip
    assert response.status_code == 400
    assert not StatusChange.objects.filter(claim=newsroom.perpetrator).exists()


def test_missing_claims_are_404(editor_api):
    assert editor_api.get("/api/claims/424242/").status_code == 404
    assert editor_api.post("/api/claims/424242/flags/", {"reason": "other", "note": "x"},
                           format="json").status_code == 404  # fmt: skip
