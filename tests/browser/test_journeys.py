"""What a reporter and an editor do all day, clicked through in real Chromium.

(a) A reporter pastes a report, accepts a suggested account and flags the
    claim "could not verify" with a reason.
(b) An editor finds the flagged claim in the review queue, compares the
    event's conflicting accounts (with the range chart), sets a status with a
    rationale and sees it in the history.
(c) A reporter is offered no status change, and a forged status POST with a
    valid session and CSRF token is refused (403) with nothing changed.

Each journey builds its own data and leaves screenshots of its key pages in
artifacts/screenshots/.
"""

import re

import pytest

from tests.factories import make_account, make_claim, make_editor, make_flag, make_reporter
from tracker import services
from tracker.models import Account, Claim, Flag, StatusChange, Suggestion
from tracker.vocabularies import Aspect, FlagReason, SourceKind

# Transactions must commit for the live server's thread to see them; the
# serialized rollback brings back the roles' groups that the flush removes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

REPORT = (
    "At least 12 people were killed in a strike on a market in Saraqib, the Syrian "
    "Observatory for Human Rights said. The army denied any role in the attack."
)


def test_reporter_pastes_accepts_and_flags(watched):
    make_reporter(username="rita")
    services.source_create(
        actor=None, name="Syrian Observatory for Human Rights", kind=SourceKind.NGO
    )
    page = watched.page
    watched.goto("/admin/")
    watched.shot("login")
    watched.log_in("rita")

    # Paste a report: the document page lists what the extractor suggests.
    watched.goto("/admin/tracker/document/add/")
    page.fill("#id_title", "Market strike in Saraqib")
    page.fill("#id_text", REPORT)
    watched.shot("paste")
    page.click("input[name=_continue]")
    page.wait_for_url(re.compile(r"/admin/tracker/document/\d+/change/"))
    suggestions = page.locator("#suggestions")
    assert "Suggested accounts" in suggestions.inner_text()
    row = suggestions.locator("tr", has_text="Syrian Observatory for Human Rights")
    assert row.count() == 1, suggestions.inner_text()
    watched.shot("suggestions")

    # Accept it in one click: it becomes an account on a new claim.
    row.get_by_role("button", name="Accept").click()
    page.wait_for_load_state()
    assert "Accepted: account #" in page.locator(".messagelist").inner_text()
    suggestion = Suggestion.objects.get(source__name="Syrian Observatory for Human Rights")
    assert suggestion.status == "accepted"
    account = Account.objects.get(pk=suggestion.account_id)
    row = page.locator(f"#suggestion-{suggestion.pk}")
    assert f"account #{account.pk}" in row.inner_text()
    watched.shot("accepted")

    # Flag the claim: "Could not verify…", then the reason, two clicks.
    watched.goto(f"/admin/tracker/claim/{account.claim_id}/change/")
    assert page.get_by_role("link", name="Set status…").count() == 0
    # The page reads who says it, above the form that edits the claim.
    assert "Syrian Observatory for Human Rights" in page.locator("#accounts").inner_text()
    page.locator(".tracker-flag-menu summary").click()
    watched.shot("flag-menu")
    page.locator(".tracker-flag-options").get_by_role("button", name="Single source").click()
    page.wait_for_load_state()
    assert "Flagged “Could not verify” (Single source)" in page.locator(".messagelist").inner_text()
    assert "Single source" in page.locator("#open-flags").inner_text()
    watched.shot("flagged")
    flag = Flag.objects.get(claim_id=account.claim_id)
    assert (flag.kind, flag.reason, flag.raised_by.username) == (
        "could_not_verify",
        FlagReason.SINGLE_SOURCE,
        "rita",
    )


def _conflicting_event():
    """Two independent sources whose death tolls cannot both be true; one claim flagged."""
    government = services.source_create(
        actor=None, name="Syrian government", kind=SourceKind.GOVERNMENT
    )
    sana = services.source_create(
        actor=None, name="SANA", kind=SourceKind.STATE_MEDIA, parent=government
    )
    coalition = services.source_create(
        actor=None, name="US-led coalition", kind=SourceKind.ARMED_PARTY
    )
    monitors = services.source_create(actor=None, name="Local monitors", kind=SourceKind.NGO)
    event = services.event_create(
        actor=None, name="Strike in Deir ez-Zor", parties=[coalition, government]
    )
    toll = make_claim(text="More than 30 civilians were killed", aspect=Aspect.KILLED,
                      event=event, count_min=31, unit="people")  # fmt: skip
    low = make_claim(text="No more than 5 civilians were killed", aspect=Aspect.KILLED,
                     event=event, count_max=5, unit="people")  # fmt: skip
    make_account(claim=toll, source=sana)
    make_account(claim=toll, source=monitors)
    make_account(claim=low, source=coalition)
    make_flag(
        claim=toll,
        raised_by=make_reporter(username="rita"),
        reason=FlagReason.CONFLICTING_ACCOUNTS,
        note="The coalition says five at most.",
    )
    return event, toll


def test_editor_reviews_compares_and_decides(watched):
    make_editor(username="edna")
    event, toll = _conflicting_event()
    page = watched.page
    watched.log_in("edna")

    # The review queue, from the admin's index, lists the flagged claim.
    page.get_by_role("link", name=re.compile("Review queue", re.I)).first.click()
    page.wait_for_url(re.compile(r"/admin/tracker/reviewqueueclaim/"))
    queue = page.locator("#result_list")
    assert "The coalition says five at most." in queue.inner_text()
    watched.shot("review-queue")
    queue.get_by_role("link", name=toll.text).click()
    page.wait_for_url(re.compile(rf"/admin/tracker/claim/{toll.pk}/change/"))
    watched.shot("claim")

    # The event's comparison: the conflict, the accounts, the range chart.
    page.get_by_role("link", name="Compare the event's accounts").click()
    page.wait_for_url(re.compile(rf"/admin/tracker/event/{event.pk}/compare/"))
    conflicts = page.locator("#conflicts")
    assert conflicts.locator(".tracker-conflict").count() >= 1, conflicts.inner_text()
    accounts = page.locator("#accounts").inner_text()
    for source in ("SANA", "Local monitors", "US-led coalition"):
        assert source in accounts
    chart = page.locator("svg.tracker-range-chart").first
    assert chart.is_visible()
    bars = chart.locator("g.tracker-chart-bar")
    assert bars.count() >= 2
    assert bars.locator("rect.tracker-chart-range").first.bounding_box()["width"] > 0
    watched.shot("compare")

    # The verdict, with a rationale, and the history that records it.
    watched.goto(f"/admin/tracker/claim/{toll.pk}/change/")
    page.get_by_role("link", name="Set status…").click()
    page.wait_for_url(re.compile(rf"/admin/tracker/claim/{toll.pk}/status/"))
    page.select_option("#id_status", "disputed")
    rationale = "The coalition's figure and SANA's cannot both be right; asking our stringer."
    page.fill("#id_rationale", rationale)
    # The evidence beside the decision: the accounts' quotes and the open flag.
    evidence = page.locator("#evidence").inner_text()
    assert "The coalition says five at most." in evidence
    assert page.locator("#id_resolve_open_flags").is_checked()
    watched.shot("set-status")
    page.get_by_role("button", name="Set status").or_(
        page.locator("input[type=submit][value='Set status']")
    ).click()
    page.wait_for_url(re.compile(rf"/admin/tracker/claim/{toll.pk}/change/"))
    assert "Status set to “Disputed”" in page.locator(".messagelist").inner_text()
    history = page.locator("#status-history")
    assert rationale in history.inner_text() and "edna" in history.inner_text()
    watched.shot("history")
    change = StatusChange.objects.get(claim=toll)
    assert (change.from_status, change.to_status) == ("unverified", "disputed")
    # The verdict answered the reporter's flag too (the box is ticked by default), and says so.
    assert change.rationale.startswith(rationale + "\n\nThis verdict resolved the open flag: ")
    assert not Flag.objects.filter(claim=toll, resolved_at__isnull=True).exists()


def test_reporter_cannot_set_a_status_even_by_forging_the_request(watched):
    make_reporter(username="rita")
    claim = make_claim(text="The market was struck twice")
    page = watched.page
    watched.log_in("rita")

    watched.goto(f"/admin/tracker/claim/{claim.pk}/change/")
    tools = page.locator(".object-tools")
    assert tools.get_by_role("link", name="Set status…").count() == 0
    assert tools.get_by_text("Could not verify…").count() == 1  # reporters may flag
    watched.shot("claim-without-status-tool")

    # A forged POST: the reporter's own session and CSRF token, the editor's form.
    status_url = watched.url(f"/admin/tracker/claim/{claim.pk}/status/")
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    forged = page.request.post(
        status_url,
        form={"csrfmiddlewaretoken": token, "status": "confirmed", "rationale": "Trust me."},
        headers={"Referer": status_url},
        max_redirects=0,
    )
    assert forged.status == 403
    response = watched.goto(f"/admin/tracker/claim/{claim.pk}/status/", expect_failure=True)
    assert response.status == 403
    watched.shot("forbidden")

    claim.refresh_from_db()
    assert claim.status == "unverified"
    assert not StatusChange.objects.filter(claim=claim).exists()
    assert not Claim.history.filter(id=claim.pk, status="confirmed").exists()
