"""Event candidates for a report: reasons, ranking, no silent choice, a fixed query count."""

from datetime import UTC, date, datetime

import pytest

from tests.factories import make_claim, make_event, make_source
from tracker import services
from tracker.models import Suggestion
from tracker.selectors.event_candidates import (
    event_candidates_by_paragraph,
    event_candidates_for_document,
)

pytestmark = pytest.mark.django_db

PUBLISHED = datetime(2026, 3, 4, 9, tzinfo=UTC)
REPORT = (
    "Coalition strike kills five in Deir al-Zour\n"
    "An air strike hit a house in Deir al-Zour province on Tuesday, killing five people, "
    "residents said. The US-led coalition said it had carried out a strike in the area.\n"
)


@pytest.fixture
def names():
    coalition = make_source(name="US-led coalition", kind="armed_party")
    services.entity_create(actor=None, name="Deir ez-Zor", kind="place",
                           aliases=["Deir al-Zour", "Dayr az-Zawr"])  # fmt: skip
    services.entity_create(actor=None, name="US-led coalition", kind="party", source=coalition)
    services.entity_create(actor=None, name="Idlib", kind="place", aliases=["Idleb"])
    return coalition


def ingest(text=REPORT, title="Coalition strike kills five in Deir al-Zour", published=PUBLISHED):
    return services.document_ingest(
        actor=None, title=title, text=text, via="command", published_at=published
    ).document


def test_the_event_at_the_same_place_and_day_comes_first_with_its_reasons(names):
    strike = make_event(name="Air strike on a house in Deir ez-Zor", place="Deir ez-Zor",
                        date_start=date(2026, 3, 3), parties=[names])  # fmt: skip
    make_event(name="Shelling in Deir ez-Zor in January", place="Deir ez-Zor",
               date_start=date(2026, 1, 20))  # fmt: skip
    make_event(name="Market bombing in Idlib", place="Idlib", date_start=date(2026, 3, 3))
    candidates = event_candidates_for_document(document=ingest())
    assert candidates[0].event == strike
    reasons = candidates[0].reasons
    assert "same place: Deir al-Zour = Deir ez-Zor" in reasons
    assert "same day" in reasons and "names US-led coalition" in reasons
    # The Idlib market shares the date only, January's shelling the place only, six
    # weeks off: neither is offered.
    assert [c.event for c in candidates] == [strike]


def test_a_report_that_fits_no_event_says_so(names):
    make_event(name="Market bombing in Idlib", place="Idlib", date_start=date(2026, 3, 3))
    document = ingest()
    found = event_candidates_by_paragraph(document=document)
    assert found.candidates == [] and "No event matches" in found.note
    assert set(Suggestion.objects.filter(document=document).values_list("event", flat=True)) == {
        None
    }


def test_several_that_fit_are_ranked_and_none_is_chosen(names):
    for day in (2, 3, 4):
        make_event(name=f"Strike in Deir ez-Zor, March {day}", place="Deir ez-Zor",
                   date_start=date(2026, 3, day))  # fmt: skip
    document = ingest()
    found = event_candidates_by_paragraph(document=document)
    assert len(found.candidates) == 3 and "none was chosen" in found.note
    assert found.candidates[0].event.name == "Strike in Deir ez-Zor, March 3"
    assert not Suggestion.objects.filter(document=document, event__isnull=False).exists()


def test_the_only_event_that_fits_is_filed_and_the_reviewer_told_why(names):
    strike = make_event(name="Strike in Deir ez-Zor", place="Deir ez-Zor",
                        date_start=date(2026, 3, 3))  # fmt: skip
    document = ingest()
    assert set(Suggestion.objects.filter(document=document).values_list("event", flat=True)) == {
        strike.pk
    }
    assert any("the only event that fits" in w for w in document.extraction.warnings)


def test_a_figure_and_a_speaker_already_on_the_event_count(names):
    strike = make_event(name="Strike in Deir ez-Zor", place="Deir ez-Zor",
                        date_start=date(2026, 3, 3))  # fmt: skip
    make_event(name="Raid in Deir ez-Zor", place="Deir ez-Zor", date_start=date(2026, 3, 3))
    make_claim(text="Five killed", aspect="killed", event=strike, count_min=5, count_max=5,
               unit="people")  # fmt: skip
    candidates = event_candidates_for_document(document=ingest())
    assert candidates[0].event == strike
    assert "same figure: 5 people killed" in candidates[0].reasons


def test_paragraphs_about_different_events_are_ranked_each(names):
    deir = make_event(name="Strike in Deir ez-Zor", place="Deir ez-Zor",
                      date_start=date(2026, 3, 3))  # fmt: skip
    idlib = make_event(name="Market bombing in Idlib", place="Idlib",
                       date_start=date(2026, 3, 3))  # fmt: skip
    text = REPORT + (
        "In Idleb, a bomb killed three people at a market on Tuesday, the civil defence said.\n"
    )
    found = event_candidates_by_paragraph(document=ingest(text=text, title="Live: Syria"))
    firsts = {p.excerpt[:20]: p.candidates[0].event for p in found.paragraphs}
    assert set(firsts.values()) == {deir, idlib}


def test_finding_candidates_costs_the_same_queries_for_one_event_or_forty(
    names, django_assert_max_num_queries
):
    document = ingest()
    make_event(name="Strike in Deir ez-Zor 0", place="Deir ez-Zor", date_start=date(2026, 3, 3))
    with django_assert_max_num_queries(16) as few:
        event_candidates_by_paragraph(document=document)
    for n in range(1, 40):
        event = make_event(name=f"Strike in Deir ez-Zor {n}", place="Deir ez-Zor",
                           date_start=date(2026, 3, 3), parties=[names])  # fmt: skip
        make_claim(text=f"Claim {n}", event=event)
    with django_assert_max_num_queries(len(few.captured_queries)):
        found = event_candidates_by_paragraph(document=document)
    assert len(found.candidates) == 5
