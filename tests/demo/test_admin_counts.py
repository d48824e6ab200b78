"""The admin's claims list never counts the whole table."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_editor
from tracker.admin.large_lists import EstimatedCountPaginator
from tracker.models import Account, Claim, Event

CHANGELIST = reverse("admin:tracker_claim_changelist")
COUNT = re.compile(r"SELECT COUNT\(\*\)", re.IGNORECASE)


@pytest.fixture
def editor_client(client, db):
    client.force_login(make_editor(username="counting-editor"))
    return client


def counted(client, **params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(CHANGELIST, params)
    assert response.status_code == 200
    return response, [q["sql"] for q in captured.captured_queries]


def test_a_small_list_is_counted_exactly_and_boundedly(editor_client, demo):
    demo(claims=120)
    response, queries = counted(editor_client)
    live = Claim.objects.filter(archived_at__isnull=True).count()
    assert response.context["cl"].result_count == live
    assert response.context["cl"].full_result_count is None
    counts = [sql for sql in queries if COUNT.search(sql)]
    # One count, of a LIMITed subquery: it reads at most EXACT_UP_TO + 1 rows.
    assert len(counts) == 1 and "LIMIT 1001" in counts[0]
    assert f"{live} claims" in response.content.decode()


def test_past_the_bound_postgresql_estimates(editor_client, demo, monkeypatch):
    demo(claims=120)
    monkeypatch.setattr(EstimatedCountPaginator, "exact_up_to", 10)
    response, queries = counted(editor_client)
    counts = [sql for sql in queries if COUNT.search(sql)]
    if connection.vendor == "postgresql":
        assert counts == [next(sql for sql in counts if "LIMIT 11" in sql)]
        assert any(sql.startswith("EXPLAIN") for sql in queries)
        assert response.context["cl"].paginator.count_is_estimate
        assert re.search(r"about \d+ claims", response.content.decode())
    else:
        # SQLite has no estimate; it counts exactly, which it does quickly.
        live = Claim.objects.filter(archived_at__isnull=True).count()
        assert response.context["cl"].result_count == live
        assert "about" not in response.content.decode()
    assert len(response.context["cl"].result_list) == 50


def test_filters_are_counted_the_same_way(editor_client, demo):
    demo(claims=120)
    event = Event.objects.order_by("pk").first()
    response, _ = counted(editor_client, event__id__exact=event.pk, archived="all")
    assert response.context["cl"].result_count == Claim.objects.filter(event=event).count()


def test_the_event_filter_offers_recent_events_and_the_chosen_one(editor_client, demo):
    demo(claims=300)
    oldest = Event.objects.order_by("pk").first()
    response, _ = counted(editor_client, event__id__exact=oldest.pk)
    event_filter = next(f for f in response.context["cl"].filter_specs if f.title == "event")
    offered = [int(pk) for pk, _ in event_filter.lookup_choices]
    newest = list(Event.objects.order_by("-pk").values_list("pk", flat=True)[:20])
    assert offered == [oldest.pk, *newest]
    assert set(response.context["cl"].result_list) <= set(Claim.objects.filter(event=oldest))


def test_a_nonsense_event_matches_nothing(editor_client, demo):
    demo(claims=30)
    response, _ = counted(editor_client, event__id__exact="x")
    assert response.context["cl"].result_count == 0


def test_the_source_filter_offers_recent_sources_and_the_chosen_one(editor_client, demo):
    demo(claims=300)
    chosen = Account.objects.order_by("pk").first().source
    response, _ = counted(editor_client, source=chosen.pk, archived="all")
    source_filter = next(f for f in response.context["cl"].filter_specs if f.title == "source")
    offered = [int(pk) for pk, _ in source_filter.lookup_choices]
    assert chosen.pk in offered and len(offered) <= 21
    # Every source of the latest accounts is recent, and none is listed twice.
    assert len(set(offered)) == len(offered)
    shown = response.context["cl"].result_list
    assert shown and all(claim.accounts.filter(source=chosen).exists() for claim in shown)
