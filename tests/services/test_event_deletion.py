"""Deleting an event leaves a tombstone for each of its findings: 410, not 404."""

import pytest

from tests.factories import make_event
from tracker.models import Event, Finding, RemovedFinding

pytestmark = pytest.mark.django_db


def stored_finding(event, key: str) -> Finding:
    return Finding.objects.create(
        event=event, kind="count_agreement", key=key, severity="info",
        explanation="Figures agree", signature=f"s-{key}",
    )  # fmt: skip


@pytest.mark.parametrize("how", ["instance", "queryset"])
def test_an_events_findings_leave_tombstones_however_it_is_deleted(how):
    event, other = make_event(), make_event()
    gone = [stored_finding(event, "a"), stored_finding(event, "b")]
    kept = stored_finding(other, "a")
    event_id = event.pk
    if how == "instance":
        event.delete()
    else:
        Event.objects.filter(pk=event_id).delete()
    tombstones = RemovedFinding.objects.order_by("finding_id")
    assert [(t.finding_id, t.event_id, t.key) for t in tombstones] == [
        (f.pk, event_id, f.key) for f in gone
    ]
    assert list(Finding.objects.all()) == [kept]
