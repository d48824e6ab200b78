"""generate_demo_data stores each event's comparison once, as the services' refresh would."""

from collections import Counter

from tracker.demo import stories
from tracker.models import Event, Finding


def test_each_event_is_compared_and_stored_once(demo, monkeypatch):
    stored: Counter = Counter()
    real = stories.StoryTeller._store

    def counting(self, batch, claims, accounts, event_id, *args, **kwargs):
        if event_id is not None:
            stored[event_id] += 1
        return real(self, batch, claims, accounts, event_id, *args, **kwargs)

    monkeypatch.setattr(stories.StoryTeller, "_store", counting)
    demo(claims=300)
    events = set(Event.objects.values_list("pk", flat=True))
    assert events and set(stored) == events
    assert set(stored.values()) == {1}
    # What was stored for each event is one comparison's findings, not several.
    signatures = list(Finding.objects.filter(event__isnull=False).values_list("event", "signature"))
    assert len(signatures) == len(set(signatures))
