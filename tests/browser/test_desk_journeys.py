"""The editors' desk in real Chromium.

(a) An editor lands on the inbox, takes an item, sets its status, and sees it leave.
(b) An editor assigns a claim to a reporter, who finds it on their own desk and
    comments on it; the reporter's forged assignment is refused (403).
The inbox is also checked for sideways scrolling at 1280 and 1440 px.
"""

import re

import pytest

from tests.factories import make_account, make_claim, make_editor, make_flag, make_reporter
from tracker.models import Assignment, Comment, StatusChange

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _ready_claim(text: str):
    claim = make_claim(text=text)
    make_account(claim=claim)
    make_account(claim=claim)
    return claim


def test_editor_takes_an_item_from_the_inbox_and_judges_it(watched):
    edna = make_editor(username="edna")
    claim = _ready_claim("Forty people were displaced by the flooding in Idlib")
    make_flag(raised_by=make_reporter(username="rita"))
    page = watched.page
    watched.log_in("edna")

    page.locator("#inbox-summary").get_by_role("link", name="Inbox").click()
    page.wait_for_url(re.compile(r"/admin/inbox/$"))
    row = page.locator("#inbox tr", has_text=claim.text)
    assert "Ready to judge" in row.inner_text()
    assert "two or more accounts to judge it by" in row.inner_text()
    watched.shot("inbox")
    row.get_by_role("button", name="Take").click()
    page.wait_for_url(re.compile(r"/admin/inbox/$"))
    assert "edna" in page.locator("#inbox tr", has_text=claim.text).inner_text()
    assert Assignment.objects.get(claim=claim, ended_at__isnull=True).assignee == edna

    page.locator("#inbox tr", has_text=claim.text).get_by_role("link", name="Set status").click()
    page.wait_for_url(re.compile(rf"/admin/tracker/claim/{claim.pk}/status/"))
    page.select_option("#id_status", "corroborated")
    page.fill("#id_rationale", "Two independent accounts agree.")
    page.get_by_role("button", name="Set status").or_(
        page.locator("input[type=submit][value='Set status']")
    ).click()
    page.wait_for_url(re.compile(rf"/admin/tracker/claim/{claim.pk}/change/"))
    assert StatusChange.objects.get(claim=claim).to_status == "corroborated"

    watched.goto("/admin/inbox/")
    assert claim.text not in page.locator("#content-main").inner_text()
    watched.shot("inbox-after")


def test_editor_assigns_a_claim_to_a_reporter_who_comments(watched):
    make_editor(username="edna")
    make_reporter(username="rita")
    claim = make_claim(text="The strike killed twelve at the Saraqib market")
    page = watched.page
    watched.log_in("edna")
    watched.goto(f"/admin/desk/claim/{claim.pk}/discussion/")
    page.select_option("#id_assignee", label="rita")
    page.fill("#id_request", "Find a second source for the toll")
    page.get_by_role("button", name="Assign").click()
    assert "Assigned to rita" in page.locator(".desk-timeline").inner_text()
    watched.shot("assigned")
    page.context.clear_cookies()

    watched.log_in("rita")
    watched.goto("/admin/desk/mine/")
    mine = page.locator("#assigned-to-me")
    assert "Find a second source for the toll" in mine.inner_text()
    watched.shot("my-desk")
    mine.get_by_role("link", name=claim.text).click()
    page.wait_for_url(re.compile(rf"/admin/desk/claim/{claim.pk}/discussion/"))
    assert page.locator("form.desk-assign").count() == 0
    page.fill("#id_text", "Reuters' stringer confirms twelve dead.")
    page.get_by_role("button", name="Add comment").click()
    timeline = page.locator(".desk-timeline").inner_text()
    assert "Reuters' stringer confirms twelve dead." in timeline and "rita" in timeline
    assert "Redact" not in timeline
    watched.shot("commented")

    discussion = watched.url(f"/admin/desk/claim/{claim.pk}/discussion/")
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    rita = Comment.objects.get().author
    forged = page.request.post(
        discussion,
        form={"csrfmiddlewaretoken": token, "action": "assign", "assignee": str(rita.pk)},
        headers={"Referer": discussion},
        max_redirects=0,
    )
    assert forged.status == 403
    assert Assignment.objects.get(ended_at__isnull=True).request.startswith("Find a second")


@pytest.mark.parametrize("width", [1280, 1440])
def test_the_inbox_fits_the_window(watched, width, reporter):
    make_editor(username="edna")
    for n in range(12):
        make_flag(raised_by=reporter, claim=_ready_claim(f"Claim {n}: " + "a long claim " * 20))
    page = watched.page
    page.set_viewport_size({"width": width, "height": 900})
    watched.log_in("edna")
    watched.goto("/admin/inbox/")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    watched.shot(f"inbox-{width}", full_page=False)
