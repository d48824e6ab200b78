"""The desk in the admin: inbox, discussion, assignment, redaction, my desk."""

from django.urls import reverse
from django.utils.html import escape

from tests.factories import make_account, make_claim, make_document, make_event, make_flag
from tracker import services
from tracker.models import Assignment, Comment


def test_the_inbox_lists_why_each_item_waits_with_capped_counts(editor_client, reporter):
    flagged = make_flag(raised_by=reporter).claim
    ready = make_claim(text="Two accounts and no verdict")
    make_account(claim=ready)
    make_account(claim=ready)
    response = editor_client.get(reverse("admin:tracker_inbox"))
    assert response.status_code == 200
    page = response.content.decode()
    assert page.index(flagged.text) < page.index(ready.text)
    assert "A reporter flagged it" in page
    assert 'data-reason="open_flag">Open flags <span class="desk-count">1</span>' in page
    only_ready = editor_client.get(reverse("admin:tracker_inbox") + "?reason=ready_to_judge")
    assert ready.text in only_ready.content.decode()
    assert flagged.text not in only_ready.content.decode()


def test_the_admin_index_shows_the_inbox_counts_and_the_root_lands_on_the_inbox(
    editor_client, reporter
):
    make_flag(raised_by=reporter)
    index = editor_client.get(reverse("admin:index")).content.decode()
    assert 'id="inbox-summary"' in index
    assert 'data-reason="open_flag">Open flags <span class="desk-count">1</span>' in index
    assert editor_client.get("/")["Location"] == reverse("admin:tracker_inbox")


def test_an_editor_takes_an_item_from_the_inbox(editor_client, editor, reporter):
    claim = make_flag(raised_by=reporter).claim
    inbox = reverse("admin:tracker_inbox")
    response = editor_client.post(
        reverse("admin:tracker_take", args=["claim", claim.pk]), {"next": inbox}
    )
    assert response.status_code == 302 and response["Location"] == inbox
    assert Assignment.objects.get(claim=claim, ended_at__isnull=True).assignee == editor
    mine = editor_client.get(inbox + "?mine=1").content.decode()
    assert claim.text in mine


def test_a_reporter_cannot_take_assign_or_redact_by_a_forged_request(client, reporter, editor):
    claim = make_claim()
    comment = services.comment_add(actor=editor, claim=claim, text="The source is X")
    client.force_login(reporter)
    take = client.post(reverse("admin:tracker_take", args=["claim", claim.pk]))
    assign = client.post(
        reverse("admin:tracker_discussion", args=["claim", claim.pk]),
        {"action": "assign", "assignee": reporter.pk},
    )
    redact = client.post(
        reverse("admin:tracker_comment_redact", args=[comment.pk]), {"reason": "oops"}
    )
    assert (take.status_code, assign.status_code, redact.status_code) == (403, 403, 403)
    assert not Assignment.objects.exists()
    assert Comment.objects.get(pk=comment.pk).text == "The source is X"


def test_assign_to_a_reporter_who_finds_it_on_their_desk_and_comments(
    editor_client, client, reporter
):
    claim = make_claim(text="The toll was 35")
    discussion = reverse("admin:tracker_discussion", args=["claim", claim.pk])
    editor_client.post(
        discussion,
        {"action": "assign", "assignee": reporter.pk, "request": "Find a second source"},
    )
    client.force_login(reporter)
    desk = client.get(reverse("admin:tracker_my_desk")).content.decode()
    assert "The toll was 35" in desk and "Find a second source" in desk
    client.post(discussion, {"action": "comment", "text": "Reuters confirms 35"})
    page = client.get(discussion).content.decode()
    assert "Reuters confirms 35" in page
    assert page.index("Assigned to reporter") < page.index("Reuters confirms 35")
    assert "Redact…" not in page


def test_an_editor_redacts_a_comment_and_the_timeline_says_who_and_why(editor_client, reporter):
    event = make_event()
    comment = services.comment_add(actor=reporter, event=event, text="Named Jane Doe")
    response = editor_client.post(
        reverse("admin:tracker_comment_redact", args=[comment.pk]), {"reason": "A source's name"}
    )
    assert response.status_code == 302
    page = editor_client.get(reverse("admin:tracker_discussion", args=["event", event.pk]))
    text = page.content.decode()
    assert "Named Jane Doe" not in text
    assert "Comment redacted by editor" in text and "A source&#x27;s name" in text


def test_my_desk_lists_my_flags_and_documents(client, reporter):
    flag = make_flag(raised_by=reporter)
    document = make_document(title="Strike report: people killed in a strike")
    document.created_by = reporter
    document.save(update_fields=["created_by"])
    client.force_login(reporter)
    page = client.get(reverse("admin:tracker_my_desk")).content.decode()
    assert flag.claim.text in page and "Strike report: people killed in a strike" in page


def test_my_desk_names_a_mismatched_document_by_its_working_title(client, reporter):
    document = make_document(title="KXIP vs KKR Live Score")
    document.created_by = reporter
    document.save(update_fields=["created_by"])
    assert document.title_mismatch
    client.force_login(reporter)
    page = client.get(reverse("admin:tracker_my_desk")).content.decode()
    assert escape(document.working_title) in page and "KXIP" not in page


def test_a_document_assigned_to_a_reporter_is_on_their_desk(editor_client, client, reporter):
    document = make_document(title="Strike report: people killed in a strike")
    response = editor_client.post(
        reverse("admin:tracker_discussion", args=["document", document.pk]),
        {"action": "assign", "assignee": reporter.pk, "request": "Review its suggestions"},
    )
    assert response.status_code == 302
    assignment = Assignment.objects.get(document=document, ended_at__isnull=True)
    assert assignment.assignee == reporter
    client.force_login(reporter)
    page = client.get(reverse("admin:tracker_my_desk")).content.decode()
    assert reverse("admin:tracker_document_change", args=[document.pk]) in page
    assert "Review its suggestions" in page
    # The document's page says who is asked to process it.
    document_page = client.get(reverse("admin:tracker_document_change", args=[document.pk]))
    assert "Assigned to <strong>reporter</strong>" in document_page.content.decode()


def test_a_document_is_not_discussed_and_a_reporter_cannot_assign_it(client, reporter):
    document = make_document()
    client.force_login(reporter)
    url = reverse("admin:tracker_discussion", args=["document", document.pk])
    page = client.get(url)
    assert page.status_code == 200 and 'name="action" value="comment"' not in page.content.decode()
    forged_assign = client.post(url, {"action": "assign", "assignee": reporter.pk})
    forged_comment = client.post(url, {"action": "comment", "text": "Hello"})
    taken = client.post(reverse("admin:tracker_take", args=["document", document.pk]))
    assert (forged_assign.status_code, forged_comment.status_code, taken.status_code) == (
        403,
        403,
        403,
    )
    assert not Assignment.objects.exists() and not Comment.objects.exists()


def test_a_blank_comment_is_refused_with_a_message(editor_client):
    claim = make_claim()
    response = editor_client.post(
        reverse("admin:tracker_discussion", args=["claim", claim.pk]),
        {"action": "comment", "text": "   "},
    )
    assert response.status_code == 200
    assert not Comment.objects.exists()
    assert "This field is required" in response.content.decode()


def test_the_claim_page_links_to_its_discussion(editor_client):
    claim = make_claim()
    page = editor_client.get(reverse("admin:tracker_claim_change", args=[claim.pk]))
    assert reverse("admin:tracker_discussion", args=["claim", claim.pk]) in page.content.decode()
