"""The desk over HTTP: inbox, assignments, comments, redaction, timelines, my desk."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.conftest import etag_of
from tests.factories import make_account, make_claim, make_document, make_flag, make_source
from tracker import services
from tracker.models import Assignment, Comment


def test_the_inbox_ranks_items_and_counts_them(editor_api, reporter):
    flagged = make_flag(raised_by=reporter).claim
    ready = make_claim(text="Ready to judge")
    make_account(claim=ready)
    make_account(claim=ready)
    response = editor_api.get("/api/inbox/")
    assert response.status_code == 200
    body = response.json()
    assert [(r["reason"], r["kind"], r["id"]) for r in body["results"]] == [
        ("open_flag", "claim", flagged.pk),
        ("ready_to_judge", "claim", ready.pk),
    ]
    assert body["counts"]["open_flag"] == {"count": 1, "label": "1"}
    assert body["next_offset"] is None
    only = editor_api.get("/api/inbox/?reason=ready_to_judge&page_size=1").json()
    assert [r["id"] for r in only["results"]] == [ready.pk]


def test_the_inbox_refuses_bad_filters_with_400(editor_api):
    assert editor_api.get("/api/inbox/?reason=everything").status_code == 400
    assert editor_api.get("/api/inbox/?page_size=many").status_code == 400
    assert editor_api.get("/api/inbox/?offset=-1").status_code == 400


def test_the_inbox_needs_a_newsroom_member(anon, nobody_api):
    assert anon.get("/api/inbox/").status_code == 401
    assert nobody_api.get("/api/inbox/").status_code == 403


def test_inbox_query_count_does_not_grow_with_the_page(editor_api, reporter, editor):
    make_flag(raised_by=reporter)
    with CaptureQueriesContext(connection) as one:
        editor_api.get("/api/inbox/")
    for _ in range(8):
        claim = make_flag(raised_by=reporter).claim
        services.assignment_set(actor=editor, claim=claim, assignee=reporter)
    with CaptureQueriesContext(connection) as many:
        assert len(editor_api.get("/api/inbox/").json()["results"]) == 9
    assert len(one.captured_queries) == len(many.captured_queries)


def test_assign_to_a_reporter_who_sees_it_and_comments(editor_api, reporter_api, reporter):
    claim = make_claim(text="Thirty killed")
    assigned = editor_api.post(
        "/api/assignments/",
        {"claim": claim.pk, "assignee": "reporter", "request": "Find a second source"},
        format="json",
    )
    assert assigned.status_code == 201, assigned.data
    assert assigned.json()["assignee"] == "reporter" and assigned.json()["is_current"]
    desk = reporter_api.get("/api/desk/mine/").json()
    assert [a["claim"] for a in desk["assigned"]] == [claim.pk]
    mine = reporter_api.get("/api/inbox/?mine=1")
    assert mine.status_code == 200
    comment = reporter_api.post(
        "/api/comments/", {"claim": claim.pk, "text": "AP confirms thirty"}, format="json"
    )
    assert comment.status_code == 201 and comment.json()["author"] == "reporter"
    timeline = reporter_api.get(f"/api/claims/{claim.pk}/timeline/").json()
    assert [e["kind"] for e in timeline] == ["assignment", "comment"]
    assert timeline[1]["summary"] == "AP confirms thirty" and timeline[1]["who"] == "reporter"


def test_a_reporter_cannot_assign_nor_redact(reporter_api, reporter):
    claim = make_claim()
    comment = services.comment_add(actor=reporter, claim=claim, text="Named a source")
    assign = reporter_api.post(
        "/api/assignments/", {"claim": claim.pk, "assignee": "reporter"}, format="json"
    )
    etag = etag_of(reporter_api, f"/api/comments/{comment.pk}/")
    redact = reporter_api.post(
        f"/api/comments/{comment.pk}/redact/", {"reason": "x"}, format="json", HTTP_IF_MATCH=etag
    )
    assert (assign.status_code, redact.status_code) == (403, 403)
    assert not Assignment.objects.exists()
    assert Comment.objects.get(pk=comment.pk).text == "Named a source"


def test_an_editor_redacts_with_if_match(editor_api, reporter):
    claim = make_claim()
    comment = services.comment_add(actor=reporter, claim=claim, text="Jane Doe told us")
    url = f"/api/comments/{comment.pk}/"
    assert editor_api.post(url + "redact/", {"reason": "x"}, format="json").status_code == 428
    response = editor_api.post(
        url + "redact/",
        {"reason": "Named a confidential source"},
        format="json",
        HTTP_IF_MATCH=etag_of(editor_api, url),
    )
    assert response.status_code == 200
    body = response.json()
    assert body["text"] == "" and body["is_redacted"] and body["redacted_by"] == "editor"
    assert body["redaction_reason"] == "Named a confidential source"
    timeline = editor_api.get(f"/api/claims/{claim.pk}/timeline/").json()
    assert "Jane Doe" not in str(timeline)


def test_assigning_to_an_unknown_user_or_nothing_is_400(editor_api):
    claim = make_claim()
    unknown = editor_api.post(
        "/api/assignments/", {"claim": claim.pk, "assignee": "ghost"}, format="json"
    )
    neither = editor_api.post("/api/assignments/", {"assignee": "editor"}, format="json")
    assert (unknown.status_code, neither.status_code) == (400, 400)


def test_taking_and_unassigning(editor_api, editor):
    claim = make_claim()
    taken = editor_api.post(
        "/api/assignments/", {"claim": claim.pk, "assignee": "editor"}, format="json"
    )
    assert taken.status_code == 201
    ended = editor_api.post(
        "/api/assignments/", {"claim": claim.pk, "assignee": None}, format="json"
    )
    assert ended.status_code == 204
    history = editor_api.get(f"/api/assignments/?claim={claim.pk}").json()["results"]
    assert [(a["assignee"], a["is_current"]) for a in history] == [("editor", False)]


def test_an_editor_assigns_a_document_which_the_reporter_finds_on_their_desk(
    editor_api, reporter_api, reporter
):
    document = make_document(title="KXIP vs KKR Live Score")
    assigned = editor_api.post(
        "/api/assignments/",
        {"document": document.pk, "assignee": "reporter", "request": "Review its suggestions"},
        format="json",
    )
    assert assigned.status_code == 201, assigned.data
    assert (assigned.data["document"], assigned.data["claim"], assigned.data["event"]) == (
        document.pk, None, None,
    )  # fmt: skip
    desk = reporter_api.get("/api/desk/mine/").json()
    assert [a["document"] for a in desk["assigned"]] == [document.pk]
    listed = editor_api.get(f"/api/assignments/?document={document.pk}").json()["results"]
    assert [a["id"] for a in listed] == [assigned.data["id"]]
    forged = reporter_api.post(
        "/api/assignments/", {"document": document.pk, "assignee": "reporter"}, format="json"
    )
    assert forged.status_code == 403
    two = editor_api.post(
        "/api/assignments/",
        {"document": document.pk, "claim": make_claim().pk, "assignee": "reporter"},
        format="json",
    )
    assert two.status_code == 400 and "subject" in two.json()
    assert Assignment.objects.count() == 1


def test_a_removed_account_is_on_the_claims_timeline(editor_api, editor):
    claim = make_claim()
    account = make_account(claim=claim, source=make_source(name="Wire A"))
    services.account_remove(actor=editor, account=account)
    entries = editor_api.get(f"/api/claims/{claim.pk}/timeline/").json()
    assert [(e["kind"], e["who"], e["summary"]) for e in entries] == [
        ("account_removed", "editor", "Account removed: Wire A asserts")
    ]
