"""The event page leads with the answer; editors record the event's grade beside the evidence."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from tests.admin.conftest import messages_of
from tracker import services
from tracker.models import Event, EventGradeChange

pytestmark = pytest.mark.django_db


def change_url(event) -> str:
    return reverse("admin:tracker_event_change", args=[event.pk])


def grade_url(event) -> str:
    return reverse("admin:tracker_event_grade", args=[event.pk])


def summary_lines(event) -> list[str]:
    event.refresh_from_db()
    return [line["text"] for line in event.summary["lines"]]


def test_the_event_page_leads_with_the_answer_then_the_form(editor_client, newsroom):
    body = editor_client.get(change_url(newsroom.event)).content.decode()
    first_line = summary_lines(newsroom.event)[0]
    assert first_line.startswith("Killed:")
    answer, form = body.index("The answer so far"), body.index('id="event_form"')
    assert answer < body.index(first_line) < form
    assert answer < body.index("Suggested grade (Airwars):") < form
    assert answer < body.index("Recorded grade:") < form
    assert body.index(reverse("admin:tracker_event_compare", args=[newsroom.event.pk])) < form
    assert "not graded yet" in body
    assert f'href="{grade_url(newsroom.event)}"' in body


def test_a_reporter_sees_the_answer_but_no_way_to_grade(reporter_client, newsroom):
    body = reporter_client.get(change_url(newsroom.event)).content.decode()
    assert "The answer so far" in body and grade_url(newsroom.event) not in body
    assert reporter_client.get(grade_url(newsroom.event)).status_code == 403
    forged = reporter_client.post(
        grade_url(newsroom.event), {"grade": "fair", "rationale": "Looks fine"}
    )
    assert forged.status_code == 403
    assert not EventGradeChange.objects.exists()
    assert Event.objects.get(pk=newsroom.event.pk).grade == ""


def test_the_grade_page_shows_the_evidence_and_offers_the_suggestion(editor_client, newsroom):
    event = newsroom.event
    suggested = Event.objects.get(pk=event.pk).summary["grade"]
    response = editor_client.get(grade_url(event))
    body = response.content.decode()
    for line in summary_lines(event):
        assert escape(line) in body
    reasons = Event.objects.get(pk=event.pk).summary["grade_reasons"]
    assert reasons[0] in body
    # The claims' verdicts as they read on the same scale, and the open conflicts.
    assert "The claims’ verdicts" in body or "The claims' verdicts" in body
    unverified = event.claims.filter(status="unverified").count()
    assert unverified >= 2
    assert f'class="tracker-badge tracker-status-unverified">Unverified</span> {unverified}' in body
    # The suggested grade is the form's starting point; every grade says what it means.
    assert response.context["form"].initial == {"grade": suggested}
    assert re.search(rf'value="{suggested}"[^>]*checked', body)
    assert "Discounted: an editor judged the reports unfounded" in body


def test_an_editor_records_a_grade_and_the_pages_show_it(editor_client, editor, newsroom):
    event = newsroom.event
    response = editor_client.post(
        grade_url(event), {"grade": "contested", "rationale": "Nobody owns the strike yet."}
    )
    assert response.status_code == 302 and response.url == change_url(event)
    change = EventGradeChange.objects.get()
    assert (change.event, change.to_grade, change.changed_by) == (event, "contested", editor)
    page = editor_client.get(change_url(event))
    assert "Grade recorded: “Contested”." in messages_of(page)
    body = page.content.decode()
    assert 'tracker-grade-contested">Contested</span>' in body
    assert "Nobody owns the strike yet." in body
    compare = reverse("admin:tracker_event_compare", args=[event.pk])
    assert (
        'tracker-grade-contested">Contested</span>' in editor_client.get(compare).content.decode()
    )
    history = editor_client.get(grade_url(event)).content.decode()
    assert "Nobody owns the strike yet." in history and "Grade history" in history


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"grade": "fair", "rationale": ""}, "rationale", "This field is required."),
        ({"grade": "fair", "rationale": "   "}, "rationale", "This field is required."),
        ({"grade": "excellent", "rationale": "Two sources"}, "grade", "Select a valid choice."),
        ({"rationale": "Two sources"}, "grade", "This field is required."),
    ],
)
def test_bad_input_is_shown_on_the_form_and_changes_nothing(editor_client, newsroom, data, field,
                                                            message):  # fmt: skip
    response = editor_client.post(grade_url(newsroom.event), data)
    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    assert not EventGradeChange.objects.exists()
    assert Event.objects.get(pk=newsroom.event.pk).grade == ""


def test_the_same_grade_again_is_refused_on_the_form(editor_client, editor, newsroom):
    services.event_set_grade(actor=editor, event=newsroom.event, grade="weak", rationale="One")
    response = editor_client.post(grade_url(newsroom.event), {"grade": "weak", "rationale": "Two"})
    assert response.status_code == 200
    assert "already graded Weak" in str(response.context["form"].errors["grade"])
    assert EventGradeChange.objects.count() == 1


def test_an_unknown_event_is_404(editor_client):
    assert editor_client.get(reverse("admin:tracker_event_grade", args=[999999])).status_code == 404
    assert editor_client.get("/admin/tracker/event/abc/grade/").status_code == 404
