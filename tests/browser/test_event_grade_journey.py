"""Recording an event's grade in real Chromium.

An editor opens an event, reads the answer (summary, suggested grade) at the
top of its page, follows "Record grade…", reads the evidence, tries to save
without a rationale (told to give one, nothing saved), then records a grade
that goes against the suggestion and sees it beside the suggestion on the
event page and on the comparison. A reporter sees no way to grade, and a
forged visit to the grade page is 403. Both widths are checked for
sideways scrolling on the pages this journey changes.
"""

import re

import pytest

from tests.factories import (
    make_account,
    make_claim,
    make_editor,
    make_event,
    make_reporter,
    make_source,
)
from tracker.models import Event, EventGradeChange

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _event_with_two_wires():
    event = make_event(name="Market strike in Idlib")
    claim = make_claim(text="Twelve people were killed in the market strike", aspect="killed",
                       event=event, count_min=12, count_max=12, unit="people")  # fmt: skip
    make_account(claim=claim, source=make_source(name="Wire A"))
    make_account(claim=claim, source=make_source(name="Wire B"))
    event.refresh_from_db()
    assert event.summary["grade"] == "fair"
    return event


def _fits(page) -> None:
    for width in (1280, 1440):
        page.set_viewport_size({"width": width, "height": 900})
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width, f"{page.url} is {scroll} px wide at {width} px"
    page.set_viewport_size({"width": 1280, "height": 900})


def test_editor_records_an_event_grade_beside_the_suggestion(watched):
    make_editor(username="edna")
    event = _event_with_two_wires()
    page = watched.page
    watched.log_in("edna")

    watched.goto(f"/admin/tracker/event/{event.pk}/change/")
    answer = page.locator("#answer")
    assert "Killed: reported 12 people." in answer.inner_text()
    assert "Suggested grade (Airwars): Fair" in answer.inner_text()
    assert "not graded yet" in answer.inner_text()
    # The answer comes before the form.
    answer_top = answer.bounding_box()["y"]
    assert answer_top < page.locator("#event_form").bounding_box()["y"]
    _fits(page)
    watched.shot("event-page")

    answer.get_by_role("link", name="Record grade…").click()
    page.wait_for_url(re.compile(rf"/admin/tracker/event/{event.pk}/grade/$"))
    evidence = page.locator("#evidence").inner_text()
    assert "Unverified 1" in evidence and "No open conflicts." in evidence
    # The suggestion is where the form starts; the editor must still say why.
    assert page.locator("input[name=grade][value=fair]").is_checked()
    _fits(page)
    watched.shot("grade-page")
    page.locator("input[type=submit][value='Record grade']").click()
    assert "This field is required." in page.locator("#content-main").inner_text()
    assert not EventGradeChange.objects.exists()

    page.locator("input[name=grade][value=weak]").check()
    page.fill("#id_rationale", "Both wires quote the same medic: one source in truth.")
    page.locator("input[type=submit][value='Record grade']").click()
    page.wait_for_url(re.compile(rf"/admin/tracker/event/{event.pk}/change/$"))
    recorded = page.locator("#recorded-grade").inner_text()
    assert "Weak" in recorded and "one source in truth" in recorded
    assert "differs from the suggestion" in recorded
    assert "Suggested grade (Airwars): Fair" in page.locator("#answer").inner_text()
    watched.shot("event-graded")
    change = EventGradeChange.objects.get()
    assert (change.to_grade, change.suggested_grade) == ("weak", "fair")
    assert Event.objects.get(pk=event.pk).grade == "weak"

    watched.goto(f"/admin/tracker/event/{event.pk}/compare/")
    assert "Weak" in page.locator("#recorded-grade").inner_text()
    _fits(page)
    watched.shot("compare-graded")


def test_a_reporter_cannot_grade_an_event(watched):
    make_reporter(username="rita")
    event = _event_with_two_wires()
    page = watched.page
    watched.log_in("rita")
    watched.goto(f"/admin/tracker/event/{event.pk}/change/")
    assert "Suggested grade (Airwars): Fair" in page.locator("#answer").inner_text()
    assert page.get_by_role("link", name="Record grade…").count() == 0
    response = watched.goto(f"/admin/tracker/event/{event.pk}/grade/", expect_failure=True)
    assert response.status == 403
    assert not EventGradeChange.objects.exists()
