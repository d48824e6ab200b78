"""Sources, documents, events, accounts, flags and conflicts over the API."""

from tests.api.conftest import etag_of
from tests.newsroom import ARTICLE
from tracker.models import Account, Document, Event, Finding, Source
from tracker.vocabularies import Stance


def test_sources_are_created_with_aliases_and_parents(editor_api, newsroom):
    response = editor_api.post(
        "/api/sources/",
        {"name": "Col. Sean Ryan", "kind": "spokesperson", "parent": newsroom.coalition.pk,
         "reliability": "C", "aliases": ["Sean Ryan"]},
        format="json",
    )  # fmt: skip
    assert response.status_code == 201, response.data
    assert response.data["root"]["name"] == "US-led coalition"
    assert response.data["aliases"] == ["Sean Ryan"]
    # A name taken as an alias elsewhere is refused.
    taken = editor_api.post(
        "/api/sources/", {"name": "Syrian Arab News Agency", "kind": "outlet"}, format="json"
    )
    assert taken.status_code == 400 and "name" in taken.data
    alias = editor_api.post(f"/api/sources/{newsroom.sana.pk}/aliases/",
                            {"name": "us-led COALITION"}, format="json")  # fmt: skip
    assert alias.status_code == 400 and "name" in alias.data


def test_a_parent_loop_is_refused(editor_api, newsroom):
    url = f"/api/sources/{newsroom.government.pk}/"
    response = editor_api.patch(
        url, {"parent": newsroom.sana.pk}, format="json", HTTP_IF_MATCH=etag_of(editor_api, url)
    )
    assert response.status_code == 400 and "parent" in response.data
    assert Source.objects.get(pk=newsroom.government.pk).parent is None


def test_a_document_is_added_with_its_text(reporter_api, reporter):
    response = reporter_api.post(
        "/api/documents/",
        {"title": "KXIP vs KKR Live Score", "text": "Strikes hit Deir ez-Zor late Thursday.",
         "url": "https://news.example/b", "published_at": "2017-05-26T08:00:00Z"},
        format="json",
    )  # fmt: skip
    assert response.status_code == 201, response.data
    document = Document.objects.get(pk=response.data["id"])
    assert document.created_by == reporter
    assert response.data["title_mismatch"] is True
    assert response.data["text"] == "Strikes hit Deir ez-Zor late Thursday."


def test_the_same_text_twice_names_the_stored_document(editor_api, newsroom):
    response = editor_api.post("/api/documents/", {"title": "Copy", "text": ARTICLE}, format="json")
    assert response.status_code == 400
    assert f"#{newsroom.document.pk}" in response.data["text"][0]
    assert Document.objects.count() == 1


def test_a_documents_text_is_fixed(editor_api, newsroom):
    url = f"/api/documents/{newsroom.document.pk}/"
    read = editor_api.get(url)
    assert read.data["accounts"][0]["quote"] == "more than 30 civilians"
    response = editor_api.patch(
        url, {"text": "Rewritten"}, format="json", HTTP_IF_MATCH=read["ETag"]
    )
    assert response.status_code == 400 and "text" in response.data
    same = editor_api.patch(
        url, {"text": ARTICLE, "url": "https://news.example/c"}, format="json",
        HTTP_IF_MATCH=read["ETag"],
    )  # fmt: skip
    assert same.status_code == 200
    assert Document.objects.get(pk=newsroom.document.pk).url == "https://news.example/c"


def test_a_document_url_must_be_http(editor_api, newsroom):
    url = f"/api/documents/{newsroom.document.pk}/"
    response = editor_api.patch(url, {"url": "javascript:alert(1)"}, format="json",
                                HTTP_IF_MATCH=etag_of(editor_api, url))  # fmt: skip
    assert response.status_code == 400 and "url" in response.data


def test_the_event_detail_shows_accounts_side_by_side(editor_api, newsroom):
    data = editor_api.get(f"/api/events/{newsroom.event.pk}/").data
    killed = next(a for a in data["aspects"] if a["aspect"] == "killed")
    # "more than 30" and "at least 35" agree; the consensus is [35, open).
    assert killed["agree"] is True
    assert killed["consensus"] == {"min": 35, "max": None, "words": "at least 35 people"}
    assert killed["spread"] == {"min": 31, "max": None, "words": "at least 31 people"}
    assert killed["best_supported"] == [] and killed["outliers"] == []
    assert killed["line"] == (
        "Killed: reported at least 31 people. Both sources agree on at least 35 people."
    )
    assert data["summary"]["lines"][0]["text"] == killed["line"]
    assert data["summary"]["grade"] in {"weak", "fair", "contested", "confirmed"}
    assert data["summary"]["grade_reasons"][0].startswith("Suggested ")
    assert {bar["voice"] for bar in killed["bars"]} == {"Syrian government (SANA)",
                                                         "Local monitors"}  # fmt: skip
    rows = {row["id"]: row for row in data["accounts"]}
    sana = rows[newsroom.sana_account.pk]
    assert sana["root"]["name"] == "Syrian government" and sana["interested"] is True
    assert sana["value"] == {"min": 31, "max": None, "words": "at least 31 people"}
    coalition = rows[newsroom.coalition_account.pk]
    assert coalition["stance"] == "hedges" and coalition["value"] is None
    assert any(f["kind"] == "stance_tension" and f["is_open"] for f in data["findings"])
    assert len(data["accounts"]) == Account.objects.filter(claim__event=newsroom.event).count()


def test_events_are_created_and_their_parties_changed(editor_api, newsroom):
    response = editor_api.post(
        "/api/events/",
        {"name": "Shelling of al-Bukamal", "date_start": "2017-05-25",
         "date_end": "2017-05-24"},
        format="json",
    )  # fmt: skip
    assert response.status_code == 400 and "date_end" in response.data
    response = editor_api.post(
        "/api/events/", {"name": "Shelling of al-Bukamal", "parties": [newsroom.coalition.pk]},
        format="json",
    )  # fmt: skip
    assert response.status_code == 201
    url = f"/api/events/{response.data['id']}/"
    changed = editor_api.patch(url, {"parties": [newsroom.government.pk]}, format="json",
                               HTTP_IF_MATCH=response["ETag"])  # fmt: skip
    assert changed.status_code == 200
    assert [p.name for p in Event.objects.get(pk=response.data["id"]).parties.all()] == [
        "Syrian government"
    ]


def test_an_account_finds_its_quote(reporter_api, newsroom):
    response = reporter_api.post(
        "/api/accounts/",
        {"claim": newsroom.perpetrator.pk, "source": newsroom.reuters.pk,
         "document": newsroom.document.pk, "stance": "cannot_verify",
         "quote": "could not independently verify"},
        format="json",
    )  # fmt: skip
    assert response.status_code == 201, response.data
    start = ARTICLE.index("could not independently verify")
    assert (response.data["quote_start"], response.data["quote_end"]) == (start, start + 30)


def test_an_account_stays_with_its_claim(editor_api, newsroom):
    url = f"/api/accounts/{newsroom.sana_account.pk}/"
    response = editor_api.patch(url, {"claim": newsroom.perpetrator.pk}, format="json",
                                HTTP_IF_MATCH=etag_of(editor_api, url))  # fmt: skip
    assert response.status_code == 400 and "claim" in response.data


def test_an_editor_removes_an_account(editor_api, newsroom):
    url = f"/api/accounts/{newsroom.coalition_account.pk}/"
    response = editor_api.delete(url, HTTP_IF_MATCH=etag_of(editor_api, url))
    assert response.status_code == 204
    assert not Account.objects.filter(pk=newsroom.coalition_account.pk).exists()
    # The tension it caused is gone with it.
    assert not Finding.objects.filter(kind="stance_tension").exists()


def test_an_account_edit_refreshes_findings(editor_api, newsroom):
    url = f"/api/accounts/{newsroom.coalition_account.pk}/"
    response = editor_api.patch(url, {"stance": Stance.DENIES}, format="json",
                                HTTP_IF_MATCH=etag_of(editor_api, url))  # fmt: skip
    assert response.status_code == 200
    assert Finding.objects.filter(kind="stance_conflict", is_open=True).exists()


def test_an_editor_resolves_a_flag(editor_api, editor, newsroom, conditional):
    flag_url = f"/api/flags/{newsroom.flag.pk}/"
    note = {"note": "Reached a second source."}
    assert editor_api.post(f"{flag_url}resolve/", note, format="json").status_code == 428
    response = conditional("post", f"{flag_url}resolve/", note, etag_url=flag_url)
    assert response.status_code == 200
    assert response.data["is_open"] is False and response.data["resolved_by"] == editor.username
    assert response["ETag"] == etag_of(editor_api, flag_url)
    again = conditional("post", f"{flag_url}resolve/", {}, etag_url=flag_url)
    assert again.status_code == 400 and "flag" in again.data


def test_an_editor_acknowledges_a_conflict(editor_api, editor, newsroom, conditional):
    finding = newsroom.open_conflict()
    finding_url = f"/api/conflicts/{finding.pk}/"
    url = f"{finding_url}acknowledge/"
    assert editor_api.post(url, {"note": "Hedged."}, format="json").status_code == 428
    assert conditional("post", url, {}, etag_url=finding_url).status_code == 400  # needs a note
    response = conditional("post", url, {"note": "Hedged by a party."}, etag_url=finding_url)
    assert response.status_code == 200
    assert response.data["is_open"] is False
    assert response.data["acknowledged_by"] == editor.username
    assert conditional("post", url, {"note": "again"}, etag_url=finding_url).status_code == 400
    info = Finding.objects.filter(severity="info").first()
    info_url = f"/api/conflicts/{info.pk}/"
    response = conditional("post", f"{info_url}acknowledge/", {"note": "x"}, etag_url=info_url)
    assert response.status_code == 400


def test_status_changes_are_listed_per_claim(editor_api, newsroom):
    url = f"/api/claims/{newsroom.toll.pk}/"
    editor_api.post(f"{url}status/", {"status": "in_review"}, format="json",
                    HTTP_IF_MATCH=etag_of(editor_api, url))  # fmt: skip
    rows = editor_api.get(f"/api/status-changes/?claim={newsroom.toll.pk}").data["results"]
    assert [(r["from_status"], r["to_status"]) for r in rows] == [("unverified", "in_review")]
    assert (
        editor_api.get(f"/api/status-changes/?claim={newsroom.perpetrator.pk}").data["results"]
        == []
    )
