"""A conflict of a deleted event answers 410 Gone, as one whose subject went away does."""

from tests.factories import make_event
from tracker.models import Finding


def test_the_conflicts_of_a_deleted_event_answer_410(editor_api):
    event = make_event(name="Duplicate of the market strike")
    finding = Finding.objects.create(
        event=event, kind="count_conflict", key="count:killed:people:a|b", severity="conflict",
        explanation="Wire A says 3, but Wire B says 12.", signature="s1", is_open=True,
    )  # fmt: skip
    url = f"/api/conflicts/{finding.pk}/"
    assert editor_api.get(url).status_code == 200
    # No role may delete an event; the operator may, from a shell.
    event.delete()
    assert editor_api.get(url).status_code == 410
    assert editor_api.get("/api/conflicts/999999/").status_code == 404
