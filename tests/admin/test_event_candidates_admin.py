"""The document page: which event the report is about, filing in one click, a new event."""

from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from tests.admin.conftest import queries_for
from tests.factories import make_claim, make_event, make_source
from tracker import services
from tracker.models import Event, Suggestion

pytestmark = pytest.mark.django_db

REPORT = (
    "Strike kills five in Deir al-Zour\n"
    "An air strike hit a house in Deir al-Zour on Tuesday, killing five people, residents "
    "said. The US-led coalition said it had carried out a strike in the area.\n"
)


@pytest.fixture
def coalition():
    coalition = make_source(name="US-led coalition", kind="armed_party")
    services.entity_create(actor=None, name="Deir ez-Zor", kind="place", aliases=["Deir al-Zour"])
    services.entity_create(actor=None, name="US-led coalition", kind="party", source=coalition)
    return coalition


def ingest(text=REPORT):
    return services.document_ingest(
        actor=None, title="Strike kills five in Deir al-Zour", text=text, via="command",
        published_at=datetime(2026, 3, 4, 9, tzinfo=UTC),
    ).document  # fmt: skip


def page(client, document):
    return client.get(reverse("admin:tracker_document_change", args=[document.pk]))


def test_the_page_ranks_the_candidates_with_their_reasons_and_files_in_one_click(
    reporter_client, coalition
):
    first = make_event(name="Strike in Deir ez-Zor, March 3", place="Deir ez-Zor",
                       date_start=date(2026, 3, 3), parties=[coalition])  # fmt: skip
    make_event(name="Strike in Deir ez-Zor, March 9", place="Deir ez-Zor",
               date_start=date(2026, 3, 9))  # fmt: skip
    document = ingest()
    html = page(reporter_client, document).content.decode()
    assert "Several events fit; none was chosen for you." in html
    assert "same place: Deir al-Zour = Deir ez-Zor; same day; names US-led coalition" in html
    assert html.index("March 3") < html.index("March 9")
    url = reverse("admin:tracker_document_file_under_event", args=[document.pk])
    response = reporter_client.post(url, {"event": first.pk})
    assert response.status_code == 302
    assert {s.event_id for s in Suggestion.objects.filter(document=document)} == {first.pk}


def test_one_suggestion_moves_to_another_event(reporter_client, coalition):
    first = make_event(name="Strike in Deir ez-Zor", place="Deir ez-Zor",
                       date_start=date(2026, 3, 3))  # fmt: skip
    other = make_event(name="Raid in Deir ez-Zor", place="Deir ez-Zor",
                       date_start=date(2026, 3, 3))  # fmt: skip
    document = ingest()
    one = Suggestion.objects.filter(document=document).order_by("ordinal").first()
    url = reverse("admin:tracker_document_file_under_event", args=[document.pk])
    reporter_client.post(url, {"event": first.pk})
    reporter_client.post(url, {"event": other.pk, "suggestion": one.pk})
    one.refresh_from_db()
    assert one.event == other and {s.event for s in Suggestion.objects.exclude(pk=one.pk)} == {
        first
    }


def test_no_candidate_says_so_and_offers_a_new_event_pre_filled(reporter_client, coalition):
    document = ingest()
    html = page(reporter_client, document).content.decode()
    assert "No event matches this report: file it under a new event." in html
    assert 'value="Deir ez-Zor"' in html and 'value="2026-03-03"' in html
    assert f'name="parties" value="{coalition.pk}" checked' in html
    url = reverse("admin:tracker_document_new_event", args=[document.pk])
    response = reporter_client.post(url, {"name": "House strike in Deir ez-Zor",
                                          "place": "Deir ez-Zor", "date_start": "2026-03-03",
                                          "parties": [coalition.pk]})  # fmt: skip
    assert response.status_code == 302
    event = Event.objects.get()
    assert list(event.parties.all()) == [coalition]
    assert {s.event for s in Suggestion.objects.filter(document=document)} == {event}


def test_bad_input_changes_nothing_and_says_why(reporter_client, coalition):
    document = ingest()
    url = reverse("admin:tracker_document_file_under_event", args=[document.pk])
    response = reporter_client.post(url, {"event": "nope"}, follow=True)
    assert "Nothing was filed." in response.content.decode()
    url = reverse("admin:tracker_document_new_event", args=[document.pk])
    response = reporter_client.post(url, {"name": "", "date_start": "yesterday"}, follow=True)
    assert "Nothing was created." in response.content.decode()
    assert not Event.objects.exists()
    assert not Suggestion.objects.filter(event__isnull=False).exists()


def test_someone_who_may_not_review_cannot_file(client, coalition):
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="visitor"))
    document = ingest()
    url = reverse("admin:tracker_document_file_under_event", args=[document.pk])
    assert client.post(url, {"event": make_event().pk}).status_code == 403


def test_each_suggestion_shows_the_claim_it_will_join(reporter_client, coalition):
    event = make_event(name="Strike in Deir ez-Zor", place="Deir ez-Zor",
                       date_start=date(2026, 3, 3))  # fmt: skip
    document = ingest()
    killed = Suggestion.objects.filter(document=document, aspect="killed").first()
    claim = make_claim(text="Five killed in the strike", aspect="killed", event=event,
                       count_min=killed.count_min, count_max=killed.count_max,
                       unit=killed.unit)  # fmt: skip
    html = page(reporter_client, document).content.decode()
    assert f"claim #{claim.pk}</a>: “Five killed in the strike”" in html
    detail = reporter_client.get(reverse("admin:tracker_suggestion_change", args=[killed.pk]))
    assert f"claim #{claim.pk}" in detail.content.decode()


def test_a_report_in_arabic_is_stored_and_says_no_suggestions_were_made(reporter_client):
    document = ingest(text="قال المرصد السوري لحقوق الإنسان إن 12 شخصا قتلوا في دير الزور.")
    html = page(reporter_client, document).content.decode()
    assert "mostly in Arabic script, which the extractor does not read" in html
    changelist = reporter_client.get(reverse("admin:tracker_document_changelist"), {"q": "المرصد"})
    assert document.display_title in changelist.content.decode()


def test_the_page_costs_the_same_with_one_candidate_or_many(reporter_client, coalition):
    make_event(name="Strike 0 in Deir ez-Zor", place="Deir ez-Zor", date_start=date(2026, 3, 3))
    document = ingest()
    url = reverse("admin:tracker_document_change", args=[document.pk])
    reporter_client.get(url)
    before, _ = queries_for(reporter_client, url)
    for n in range(1, 12):
        event = make_event(name=f"Strike {n} in Deir ez-Zor", place="Deir ez-Zor",
                           date_start=date(2026, 3, 3), parties=[coalition])  # fmt: skip
        make_claim(text=f"Claim {n}", event=event)
    after, _ = queries_for(reporter_client, url)
    assert after == before


def test_waiting_suggestions_are_named_above_the_form_with_the_way_to_the_event(
    reporter_client, reporter, coalition
):
    document = ingest()
    waiting = Suggestion.objects.filter(document=document, status="pending").count()
    assert waiting >= 1
    html = page(reporter_client, document).content.decode()
    lead = html.index('id="decision-lead"')
    assert f"{waiting} suggested account" in html[lead : lead + 200]
    assert lead < html.index('name="title"') < html.index('id="event-candidates"')
    for suggestion in Suggestion.objects.filter(document=document):
        services.suggestion_reject(actor=reporter, suggestion=suggestion, note="Not an account")
    assert 'id="decision-lead"' not in page(reporter_client, document).content.decode()
