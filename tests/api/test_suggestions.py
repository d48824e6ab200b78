"""Reviewing suggested accounts over the API: list, read, correct, accept, reject.

Decisions go through the suggestion services, so an accepted suggestion is an
account like any other: the event's findings and the claim's independent
sources refresh. A bad edit is a 400 and leaves the suggestion, its history
and the claims untouched; a decided suggestion cannot be changed or decided
again.
"""

import pytest

from tests.api.conftest import etag_of
from tests.factories import make_event, make_source
from tracker import services
from tracker.models import Account, Claim, Finding, Source, Suggestion

REPORT = (
    "Market strike\n\n"
    "At least 12 people were killed in a strike on a market, the Syrian Observatory for "
    "Human Rights said. The army denied any role in the attack.\n"
)


@pytest.fixture
def ingested(reporter):
    make_source(name="Syrian Observatory for Human Rights", kind="ngo")
    return services.document_ingest(actor=reporter, title="Market strike", text=REPORT, via="api")


def pending(document, **filters) -> Suggestion:
    return Suggestion.objects.get(document=document, status="pending", **filters)


def url_of(suggestion: Suggestion, action: str = "") -> str:
    return f"/api/suggestions/{suggestion.pk}/{action + '/' if action else ''}"


def decide(client, suggestion: Suggestion, action: str, body=None):
    """Accept or reject ``suggestion`` as read just now (with its current ETag)."""
    etag = etag_of(client, url_of(suggestion))
    return client.post(url_of(suggestion, action), body, format="json", HTTP_IF_MATCH=etag)


def snapshot(suggestion: Suggestion) -> tuple:
    """What a refused request must leave as it was."""
    suggestion.refresh_from_db()
    return (
        suggestion.status,
        suggestion.stance,
        suggestion.claim_text,
        suggestion.quote,
        suggestion.quote_start,
        suggestion.count_min,
        suggestion.count_max,
        suggestion.history.count(),
        Claim.objects.count(),
        Account.objects.count(),
        Source.objects.count(),
    )


# -- reading --------------------------------------------------------------------


def test_the_list_filters_by_status_document_stance_and_aspect(reporter_api, reporter, ingested):
    other = services.document_ingest(
        actor=None, title="", text="The ministry said 4 people were injured.\n", via="api"
    )
    everything = reporter_api.get("/api/suggestions/").data["results"]
    assert len(everything) == Suggestion.objects.count()
    assert [row["id"] for row in everything] == sorted(row["id"] for row in everything)

    def ids(query: str) -> set[int]:
        response = reporter_api.get(f"/api/suggestions/?{query}")
        assert response.status_code == 200, response.data
        return {row["id"] for row in response.data["results"]}

    mine = set(Suggestion.objects.filter(document=ingested.document).values_list("pk", flat=True))
    assert ids(f"document={ingested.document.pk}") == mine
    assert ids(f"document={other.document.pk}").isdisjoint(mine)
    denial = pending(ingested.document, stance="denies")
    assert ids("stance=denies") == {denial.pk}
    killed = set(Suggestion.objects.filter(aspect="killed").values_list("pk", flat=True))
    assert killed and ids("aspect=killed") == killed
    services.suggestion_reject(actor=reporter, suggestion=denial, note="Not a claim")
    assert denial.pk not in ids("status=pending")
    assert ids("status=rejected") == {denial.pk}
    assert ids("status=accepted&status=rejected") == {denial.pk}
    assert denial.pk in ids("")  # the default is every status


@pytest.mark.parametrize(
    "query", ["status=maybe", "stance=shrugs", "aspect=casualties", "document=first", "document=0"]
)
def test_bad_filters_are_400(reporter_api, ingested, query):
    assert reporter_api.get(f"/api/suggestions/?{query}").status_code == 400


def test_the_detail_locates_the_quote_and_names_who_said_it(reporter_api, ingested):
    document = ingested.document
    known = pending(document, stance="asserts", source__isnull=False)
    data = reporter_api.get(url_of(known)).data
    assert data["source"]["name"] == "Syrian Observatory for Human Rights"
    assert data["proposed_source"] is None
    assert document.text[data["quote_start"] : data["quote_end"]] == data["quote"]
    assert data["context"]["before"] == document.text[: data["quote_start"]][-160:]
    assert data["context"]["after"] == document.text[data["quote_end"] :][:160]
    assert (data["aspect"], data["count_min"], data["count_max"], data["unit"]) == (
        "killed", 12, None, "people",
    )  # fmt: skip
    assert data["interval"] == "at least 12 people"
    assert data["claim_text"] and data["rules"]
    assert data["document"]["id"] == document.pk
    assert data["decision"] == {
        "status": "pending", "decided_by": None, "decided_at": None, "note": "",
        "account": None, "claim": None,
    }  # fmt: skip

    unknown = pending(document, stance="denies")
    data = reporter_api.get(url_of(unknown)).data
    assert data["source"] is None
    assert data["proposed_source"]["name"] == unknown.proposed_source_name
    assert data["speaker"] == unknown.proposed_source_name


# -- editing --------------------------------------------------------------------


def test_an_edit_needs_if_match_and_is_kept_in_history(reporter_api, ingested):
    suggestion = pending(ingested.document, stance="denies")
    url = url_of(suggestion)
    assert reporter_api.patch(url, {"stance": "hedges"}, format="json").status_code == 428
    event = make_event(name="Market strike")
    response = reporter_api.patch(
        url, {"stance": "hedges", "event": event.pk, "claim_text": "The army had no role"},
        format="json", HTTP_IF_MATCH=etag_of(reporter_api, url),
    )  # fmt: skip
    assert response.status_code == 200, response.data
    assert (response.data["stance"], response.data["event"]["id"]) == ("hedges", event.pk)
    assert response["ETag"] == etag_of(reporter_api, url)
    suggestion.refresh_from_db()
    assert suggestion.claim_text == "The army had no role"
    assert {h.stance for h in suggestion.history.all()} == {"denies", "hedges"}


def test_a_client_may_send_back_what_it_read_but_not_decide_by_editing(reporter_api, ingested):
    suggestion = pending(ingested.document, stance="denies")
    url = url_of(suggestion)
    read = reporter_api.get(url)
    body = {**read.data, "stance": "hedges"}
    body["source"] = None  # a summary is read; an id (or null) is written
    body["intermediary"] = None
    body["event"] = None
    body["named_parties"] = []
    response = reporter_api.patch(url, body, format="json", HTTP_IF_MATCH=read["ETag"])
    assert response.status_code == 200, response.data
    assert response.data["stance"] == "hedges"
    before = snapshot(suggestion)
    decided = reporter_api.patch(url, {"status": "accepted"}, format="json",
                                 HTTP_IF_MATCH=response["ETag"])  # fmt: skip
    assert decided.status_code == 400 and "status" in decided.data
    assert snapshot(suggestion) == before
    # Accepting is the decision: a status sent with it is no contradiction.
    accepted = decide(reporter_api, suggestion, "accept", {"status": "accepted"})
    assert accepted.status_code == 201, accepted.data


def test_a_stale_etag_is_412(reporter_api, editor_api, ingested):
    suggestion = pending(ingested.document, stance="denies")
    url = url_of(suggestion)
    stale = etag_of(reporter_api, url)
    editor_api.patch(url, {"stance": "hedges"}, format="json", HTTP_IF_MATCH=stale)
    response = reporter_api.patch(url, {"stance": "retracts"}, format="json", HTTP_IF_MATCH=stale)
    assert response.status_code == 412
    assert Suggestion.objects.get(pk=suggestion.pk).stance == "hedges"


BAD_EDITS = [
    ({"stance": "shrugs"}, "stance"),
    ({"aspect": "casualties"}, "aspect"),
    ({"unit": "furlongs"}, "unit"),
    ({"quote": "fifty people were killed"}, "quote"),
    ({"quote": "the", "quote_start": 0}, "quote"),
    ({"quote_start": 10**9}, "quote_start"),
    ({"count_min": 40, "count_max": 30}, "count_max"),
    ({"count_max": 5}, "count_max"),  # below the stored minimum of 12
    ({"count_min": -1}, "count_min"),
    ({"count_min": "many"}, "count_min"),
    ({"claim_text": ""}, "claim_text"),
    ({"claim_text": "a\x00b"}, "claim_text"),
    ({"claim_text": 12}, "claim_text"),
    ({"event": 424242}, "event"),
    ({"source": "SANA"}, "source"),
    ({"named_parties": [424242]}, "named_parties"),
    ({"status": "accepted", "decided_by": 1, "cout_min": 3}, "cout_min"),
]


@pytest.mark.parametrize(("body", "field"), BAD_EDITS)
def test_a_bad_edit_is_400_and_nothing_is_written(reporter_api, ingested, body, field):
    suggestion = pending(ingested.document, aspect="killed")
    url = url_of(suggestion)
    before = snapshot(suggestion)
    response = reporter_api.patch(
        url, body, format="json", HTTP_IF_MATCH=etag_of(reporter_api, url)
    )
    assert response.status_code == 400, response.data
    assert field in response.data, response.data
    assert snapshot(suggestion) == before


@pytest.mark.parametrize(("body", "field"), BAD_EDITS)
def test_accepting_with_a_bad_edit_is_400_and_nothing_is_written(
    reporter_api, ingested, body, field
):
    suggestion = pending(ingested.document, aspect="killed")
    before = snapshot(suggestion)
    response = decide(reporter_api, suggestion, "accept", body)
    assert response.status_code == 400, response.data
    assert field in response.data, response.data
    assert snapshot(suggestion) == before


def test_a_valid_edit_then_a_failing_accept_leaves_nothing(reporter_api):
    # The outlet's own voice needs the document's outlet: the edit in the same
    # request is rolled back with the refused acceptance.
    result = services.document_ingest(
        actor=None, title="", text="At least 35 civilians were killed on Thursday.\n", via="api"
    )
    own = pending(result.document, voice="outlet")
    before = snapshot(own)
    response = decide(reporter_api, own, "accept", {"stance": "hedges"})
    assert response.status_code == 400 and "source" in response.data
    assert snapshot(own) == before


# -- deciding -------------------------------------------------------------------


def test_accepting_creates_the_account_and_claim(reporter_api, reporter, ingested):
    suggestion = pending(ingested.document, stance="asserts", source__isnull=False)
    response = decide(reporter_api, suggestion, "accept")
    assert response.status_code == 201, response.data
    account = Account.objects.get(pk=response.data["id"])
    assert response["Location"].endswith(f"/api/accounts/{account.pk}/")
    assert response.data["claim"] == account.claim_id
    assert (account.quote_start, account.quote_end) == (suggestion.quote_start,
                                                       suggestion.quote_end)  # fmt: skip
    assert account.document == ingested.document and account.claim.status == "unverified"
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.decided_by, suggestion.account) == (
        "accepted", reporter, account,
    )  # fmt: skip
    decision = reporter_api.get(url_of(suggestion)).data["decision"]
    assert decision["status"] == "accepted" and decision["decided_by"] == "reporter"
    assert (decision["account"], decision["claim"]) == (account.pk, account.claim_id)
    document = reporter_api.get(f"/api/documents/{ingested.document.pk}/").data
    assert document["suggestions"]["accepted"] == 1
    assert [a["id"] for a in document["accounts"]] == [account.pk]


def test_accepting_an_unknown_speaker_adds_the_proposed_source(reporter_api, ingested):
    denial = pending(ingested.document, stance="denies")
    response = decide(reporter_api, denial, "accept")
    assert response.status_code == 201, response.data
    assert response.data["source"]["name"] == denial.proposed_source_name
    assert Source.objects.filter(name=denial.proposed_source_name).count() == 1


def test_accepting_with_edits_refreshes_the_events_findings(reporter_api, reporter, ingested):
    event = make_event(name="Market strike")
    existing = services.claim_create(
        actor=reporter, text="12 killed", aspect="killed", event=event, count_min=12, unit="people"
    )
    services.account_add(actor=reporter, claim=existing, source=make_source(name="Wire"))
    existing.refresh_from_db()
    assert existing.independent_sources == 1
    findings_before = set(Finding.objects.filter(event=event).values_list("pk", "explanation"))

    suggestion = pending(ingested.document, aspect="killed")
    response = decide(reporter_api, suggestion, "accept", {"event": event.pk, "stance": "asserts"})
    assert response.status_code == 201, response.data
    assert response.data["claim"] == existing.pk  # the same claim, reused
    existing.refresh_from_db()
    assert existing.independent_sources == 2
    claim = reporter_api.get(f"/api/claims/{existing.pk}/").data
    assert claim["independent_sources"] == 2 and len(claim["accounts"]) == 2
    findings_after = set(Finding.objects.filter(event=event).values_list("pk", "explanation"))
    assert findings_after and findings_after != findings_before


def test_rejecting_records_who_and_why(reporter_api, reporter, ingested):
    suggestion = pending(ingested.document, stance="denies")
    response = decide(reporter_api, suggestion, "reject", {"note": "Not a claim about the strike"})
    assert response.status_code == 200, response.data
    assert response.data["status"] == "rejected"
    assert response.data["decision"]["note"] == "Not a claim about the strike"
    assert response.data["decision"]["decided_by"] == "reporter"
    assert response["ETag"] == etag_of(reporter_api, url_of(suggestion))
    assert not Account.objects.exists()


@pytest.mark.parametrize("first", ["accept", "reject"])
def test_a_decided_suggestion_cannot_be_changed_or_decided_again(reporter_api, ingested, first):
    suggestion = pending(ingested.document, stance="asserts", source__isnull=False)
    assert decide(reporter_api, suggestion, first, {}).status_code in (200, 201)
    before = snapshot(suggestion)
    url = url_of(suggestion)
    for action in ("accept", "reject"):
        again = decide(reporter_api, suggestion, action, {})
        assert again.status_code == 400 and "status" in again.data, again.data
    edit = reporter_api.patch(
        url, {"stance": "hedges"}, format="json", HTTP_IF_MATCH=etag_of(reporter_api, url)
    )
    assert edit.status_code == 400 and "status" in edit.data
    assert snapshot(suggestion) == before


def test_a_decision_is_428_without_if_match_and_412_when_stale(reporter_api, editor_api, ingested):
    suggestion = pending(ingested.document, stance="asserts", source__isnull=False)
    url = url_of(suggestion)
    stale = etag_of(reporter_api, url)
    editor_api.patch(url, {"stance": "hedges"}, format="json", HTTP_IF_MATCH=stale)
    before = snapshot(suggestion)
    for action in ("accept", "reject"):
        response = reporter_api.post(url_of(suggestion, action), {}, format="json")
        assert response.status_code == 428, (action, response.data)
    assert snapshot(suggestion) == before
    response = reporter_api.post(url_of(suggestion, "accept"), {}, format="json",
                                 HTTP_IF_MATCH=stale)  # fmt: skip
    assert response.status_code == 412
    assert snapshot(suggestion) == before
    current = etag_of(reporter_api, url)
    response = reporter_api.post(url_of(suggestion, "accept"), {}, format="json",
                                 HTTP_IF_MATCH=current)  # fmt: skip
    assert response.status_code == 201
    assert response.data["stance"] == "hedges"


@pytest.mark.parametrize(
    ("body", "field"),
    [({"note": "x" * 2001}, "note"), ({"note": "a\x00b"}, "note"), ({"note": 3}, "note"),
     ({"reason": "dup"}, "reason")],
)  # fmt: skip
def test_a_bad_rejection_is_400(reporter_api, ingested, body, field):
    suggestion = pending(ingested.document, stance="denies")
    before = snapshot(suggestion)
    response = decide(reporter_api, suggestion, "reject", body)
    assert response.status_code == 400 and field in response.data, response.data
    assert snapshot(suggestion) == before


def test_suggestions_are_not_created_replaced_or_deleted_directly(editor_api, ingested):
    suggestion = Suggestion.objects.first()
    assert editor_api.post("/api/suggestions/", {}, format="json").status_code == 405
    assert editor_api.put(url_of(suggestion), {}, format="json").status_code == 405
    assert editor_api.delete(url_of(suggestion)).status_code == 405
    assert Suggestion.objects.filter(pk=suggestion.pk).exists()
