"""Renaming a source rewords the stored findings and summaries that name it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_account, make_claim, make_event, make_source
from tracker import services
from tracker.models import Claim, Event, Finding
from tracker.vocabularies import SourceKind

pytestmark = pytest.mark.django_db


def toll(event, count, source):
    claim = make_claim(text=f"{count} killed", aspect="killed", event=event, count_min=count,
                       count_max=count, unit="people")  # fmt: skip
    make_account(claim=claim, source=source)
    return claim


@pytest.fixture
def two_events():
    government = make_source(name="Ministry of Health", kind=SourceKind.GOVERNMENT)
    agency = make_source(name="State agency", kind=SourceKind.STATE_MEDIA, parent=government)
    monitor = make_source(name="Monitor", kind=SourceKind.NGO)
    first, second = make_event(name="Strike one"), make_event(name="Strike two")
    toll(first, 8, agency)
    toll(first, 30, monitor)
    toll(second, 12, government)
    toll(second, 40, monitor)
    untouched = make_event(name="Elsewhere")
    toll(untouched, 3, make_source(name="Wire"))
    toll(untouched, 90, make_source(name="Other wire"))
    return government, agency, first, second, untouched


def texts(event: Event) -> str:
    event.refresh_from_db()
    stored = " ".join(Finding.objects.filter(event=event).values_list("explanation", flat=True))
    lines = " ".join(line["text"] for line in event.summary["lines"])
    reasons = " ".join(
        " ".join(r) for r in Claim.objects.filter(event=event).values_list(
            "suggestion_reasons", flat=True)
    )  # fmt: skip
    return f"{stored} {lines} {reasons}"


def test_renaming_a_parent_rewords_the_events_its_children_speak_in(two_events, editor):
    government, _, first, second, _ = two_events
    assert "Ministry of Health" in texts(first) and "Ministry of Health" in texts(second)
    services.source_update(actor=editor, source=government, name="Health ministry")
    for event in (first, second):
        words = texts(event)
        assert "Ministry of Health" not in words and "Health ministry" in words


def test_renaming_a_source_rewords_its_own_events(two_events, editor):
    _, agency, first, _, _ = two_events
    services.source_update(actor=editor, source=agency, name="SANA")
    assert "State agency" not in texts(first)


def test_each_event_is_refreshed_once_and_others_not_at_all(two_events, editor, monkeypatch):
    government, _, first, second, untouched = two_events
    from tracker.services import findings

    refreshed = []
    original = findings._refresh_event
    monkeypatch.setattr(
        findings, "_refresh_event", lambda event: (refreshed.append(event.pk), original(event))
    )
    services.source_update(actor=editor, source=government, name="Health ministry")
    assert sorted(refreshed) == sorted([first.pk, second.pk])
    assert untouched.pk not in refreshed


def test_a_change_that_names_nothing_refreshes_nothing(two_events, editor):
    government, *_ = two_events
    with CaptureQueriesContext(connection) as queries:
        services.source_update(actor=editor, source=government, description="Health ministry")
    assert not any("tracker_finding" in q["sql"] for q in queries)
