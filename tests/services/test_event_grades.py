"""An editor records an event's grade; the suggestion stays a suggestion."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from tests.factories import make_account, make_claim, make_event, make_source
from tracker import services
from tracker.models import Event, EventGradeChange
from tracker.services._boundary import write_transaction
from tracker.vocabularies import AirwarsGrade

pytestmark = pytest.mark.django_db


@pytest.fixture
def graded_event():
    """Two independent outlets assert one toll: the comparison suggests Fair."""
    event = make_event(name="Market strike")
    toll = make_claim(text="12 killed", aspect="killed", event=event, count_min=12, count_max=12,
                      unit="people")  # fmt: skip
    make_account(claim=toll, source=make_source(name="Wire A"))
    make_account(claim=toll, source=make_source(name="Wire B"))
    event.refresh_from_db()
    assert event.summary["grade"] == AirwarsGrade.FAIR
    return event


def test_an_editor_records_a_grade_with_the_suggestion_of_the_moment(graded_event, editor):
    change = services.event_set_grade(
        actor=editor, event=graded_event, grade="weak", rationale="  Both wires quote one medic. "
    )
    stored = EventGradeChange.objects.get(pk=change.pk)
    assert (stored.from_grade, stored.to_grade, stored.changed_by) == ("", "weak", editor)
    assert stored.rationale == "Both wires quote one medic."
    assert stored.suggested_grade == "fair"
    assert stored.judged_summary == graded_event.summary
    event = Event.objects.get(pk=graded_event.pk)
    assert event.grade == "weak"
    # The suggestion is not touched by the editor's call.
    assert event.summary["grade"] == "fair"


def test_each_grade_is_a_new_row_naming_the_one_before(graded_event, editor):
    services.event_set_grade(actor=editor, event=graded_event, grade="fair", rationale="Two wires")
    services.event_set_grade(
        actor=editor, event=graded_event, grade="discounted", rationale="The report was withdrawn"
    )
    history = list(graded_event.grade_changes.order_by("changed_at", "pk"))
    assert [(c.from_grade, c.to_grade) for c in history] == [("", "fair"), ("fair", "discounted")]
    assert Event.objects.get(pk=graded_event.pk).grade == "discounted"


def test_a_reporter_cannot_record_a_grade(graded_event, reporter):
    with pytest.raises(PermissionDenied):
        services.event_set_grade(actor=reporter, event=graded_event, grade="fair", rationale="ok")
    assert not EventGradeChange.objects.exists()
    assert Event.objects.get(pk=graded_event.pk).grade == ""


@pytest.mark.parametrize(
    ("grade", "rationale", "field"),
    [
        ("excellent", "Two wires", "grade"),
        ("Fair", "Two wires", "grade"),  # the label is not the code
        ("fair", "", "rationale"),
        ("fair", "   \n ", "rationale"),
        ("fair", "x" * 5001, "rationale"),
        ("fair", "a\x00b", "rationale"),
    ],
)
def test_bad_input_names_its_field_and_changes_nothing(graded_event, editor, grade, rationale,
                                                       field):  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        services.event_set_grade(actor=editor, event=graded_event, grade=grade, rationale=rationale)
    assert set(refused.value.error_dict) == {field}
    assert not EventGradeChange.objects.exists()
    assert Event.objects.get(pk=graded_event.pk).grade == ""


def test_the_same_grade_twice_is_refused(graded_event, editor):
    services.event_set_grade(actor=editor, event=graded_event, grade="fair", rationale="Two wires")
    with pytest.raises(ValidationError, match="already graded Fair"):
        services.event_set_grade(actor=editor, event=graded_event, grade="fair", rationale="Again")
    assert graded_event.grade_changes.count() == 1


def test_grade_changes_are_append_only_in_the_database(graded_event, editor):
    change = services.event_set_grade(
        actor=editor, event=graded_event, grade="fair", rationale="Two wires"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        EventGradeChange.objects.filter(pk=change.pk).update(rationale="Rewritten")
    with pytest.raises(IntegrityError), transaction.atomic():
        EventGradeChange.objects.create(
            event=graded_event, from_grade="fair", to_grade="weak", rationale=""
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=graded_event.pk).update(grade="excellent")
    assert EventGradeChange.objects.get(pk=change.pk).rationale == "Two wires"


def test_the_suggestion_kept_is_the_one_after_this_writes_changes(editor):
    """Inside one write, accounts added before the grade are compared first."""
    event = make_event(name="Checkpoint shooting")
    claim = make_claim(text="5 killed", aspect="killed", event=event, count_min=5, count_max=5,
                       unit="people")  # fmt: skip
    # One write: the accounts' refresh would run only at its end, but for the
    # grade's settle() first.
    with write_transaction():
        make_account(claim=claim, source=make_source(name="Wire A"))
        make_account(claim=claim, source=make_source(name="Wire B"))
        change = services.event_set_grade(
            actor=editor, event=event, grade="fair", rationale="Two wires"
        )
    assert change.suggested_grade == "fair"
