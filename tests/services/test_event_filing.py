"""Filing a document's suggestions under an event, a new event, and claims that join."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import make_claim, make_document, make_event, make_source, make_suggestions
from tracker import services
from tracker.models import Claim, Document, Event, Suggestion
from tracker.selectors.claim_joining import claim_to_join

pytestmark = pytest.mark.django_db


@pytest.fixture
def document():
    document = make_document(text="One said 12 were killed. Two said the army did it. Three.")
    make_suggestions(document=document, spans=[(0, 24), (25, 50)], aspect="killed",
                     count_min=12, count_max=12, unit="people",
                     source=make_source(name="Observatory"))  # fmt: skip
    return document


def pending(document):
    return list(Suggestion.objects.filter(document=document).order_by("ordinal"))


def test_one_click_files_every_waiting_suggestion_and_moving_one_is_one_more(reporter, document):
    first, second = make_event(name="First"), make_event(name="Second")
    assert services.document_file_under_event(actor=reporter, document=document, event=first) == 2
    assert {s.event for s in pending(document)} == {first}
    one = pending(document)[1]
    services.document_file_under_event(
        actor=reporter, document=document, event=second, suggestions=[one]
    )
    assert [s.event for s in pending(document)] == [first, second]
    assert one.history.count() == 3  # created, filed, moved: every change on record


def test_filing_refuses_what_is_not_a_waiting_suggestion_of_the_document(reporter, document):
    event = make_event()
    other = make_suggestions(document=make_document(), spans=[(0, 5)])[0]
    with pytest.raises(ValidationError) as raised:
        services.document_file_under_event(
            actor=reporter, document=document, event=event, suggestions=[other]
        )
    assert "suggestions" in raised.value.message_dict
    with pytest.raises(ValidationError) as raised:
        services.document_file_under_event(actor=reporter, document=document, event=None)
    assert "event" in raised.value.message_dict
    assert not Suggestion.objects.filter(event__isnull=False).exists()


def test_a_new_event_is_created_and_the_suggestions_filed_under_it(reporter, document):
    party = services.source_create(actor=None, name="Army", kind="armed_party")
    event = services.event_create_for_document(
        actor=reporter, document=document, name="Market strike", place="Idlib",
        date_start=date(2026, 3, 3), parties=[party],
    )  # fmt: skip
    assert (event.place, list(event.parties.all())) == ("Idlib", [party])
    assert {s.event for s in pending(document)} == {event}


def test_a_taken_name_creates_nothing_and_files_nothing(reporter, document):
    make_event(name="Market strike")
    with pytest.raises(ValidationError) as raised:
        services.event_create_for_document(actor=reporter, document=document, name="market STRIKE")
    assert "name" in raised.value.message_dict
    assert (
        Event.objects.count() == 1 and not Suggestion.objects.filter(event__isnull=False).exists()
    )


def test_anonymous_cannot_file():
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.document_file_under_event(
            actor=AnonymousUser(), document=Document(pk=1), event=Event(pk=1)
        )


def test_a_suggestion_saying_what_a_claim_of_its_event_says_joins_it(reporter, document):
    event = make_event()
    existing = make_claim(text="Twelve dead", aspect="killed", event=event, count_min=12,
                          count_max=12, unit="people")  # fmt: skip
    services.document_file_under_event(actor=reporter, document=document, event=event)
    first = pending(document)[0]
    assert claim_to_join(first) == existing
    account = services.suggestion_accept(actor=reporter, suggestion=first)
    assert account.claim == existing


def test_the_reviewer_can_choose_another_claim_or_a_new_one(reporter, document):
    event = make_event()
    same = make_claim(text="Twelve dead", aspect="killed", event=event, count_min=12,
                      count_max=12, unit="people")  # fmt: skip
    other = make_claim(text="A dozen dead", aspect="killed", event=event, count_min=10,
                       count_max=14, unit="people")  # fmt: skip
    services.document_file_under_event(actor=reporter, document=document, event=event)
    first, second = pending(document)
    services.suggestion_update(actor=reporter, suggestion=first, claim=other)
    first.refresh_from_db()
    assert claim_to_join(first) == other
    assert services.suggestion_accept(actor=reporter, suggestion=first).claim == other
    services.suggestion_update(actor=reporter, suggestion=second, new_claim=True)
    second.refresh_from_db()
    assert claim_to_join(second) is None
    made = services.suggestion_accept(actor=reporter, suggestion=second).claim
    assert made not in (same, other) and made.event == event


def test_a_claim_of_another_event_or_both_choices_are_refused(reporter, document):
    event, elsewhere = make_event(), make_event()
    foreign = make_claim(text="Elsewhere", event=elsewhere)
    services.document_file_under_event(actor=reporter, document=document, event=event)
    first = pending(document)[0]
    with pytest.raises(ValidationError) as raised:
        services.suggestion_update(actor=reporter, suggestion=first, claim=foreign)
    assert "claim" in raised.value.message_dict
    mine = make_claim(text="Mine", event=event)
    with pytest.raises(ValidationError) as raised:
        services.suggestion_update(actor=reporter, suggestion=first, claim=mine, new_claim=True)
    assert "new_claim" in raised.value.message_dict
    first.refresh_from_db()
    assert (first.claim, first.new_claim) == (None, False)


def test_a_suggestion_with_no_event_never_joins_a_claim_by_itself(reporter, document):
    make_claim(text="Twelve dead", aspect="killed", count_min=12, count_max=12, unit="people")
    first = pending(document)[0]
    assert claim_to_join(first) is None
    account = services.suggestion_accept(actor=reporter, suggestion=first)
    assert Claim.objects.filter(aspect="killed").count() == 2
    assert account.claim.event is None


def test_a_report_in_arabic_is_stored_searchable_and_says_no_suggestions_were_made(reporter):
    text = "قال المرصد السوري لحقوق الإنسان إن 12 شخصا قتلوا في دير الزور يوم الثلاثاء."
    result = services.document_ingest(actor=reporter, title="تقرير", text=text, via="paste")
    assert result.created and result.suggestions == 0
    assert any("Arabic script" in warning for warning in result.warnings)
    from tracker.selectors.document_search import document_search

    assert list(document_search(Document.objects.all(), "المرصد")) == [result.document]
