"""The hot queries use the indexes the migrations create (PostgreSQL, asserted with EXPLAIN).

Each query is the SQL Django issues for a real request or selector call, on a
generated archive of modest size (8,000 claims: below a few thousand, reading
the whole small table is genuinely cheaper for some of them, and the planner
rightly does). The plans are PostgreSQL's own choice, no planner setting
changed; bench/RESULTS.md measures the same queries at a million claims.
"""

import json
from collections.abc import Iterator

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import make_editor
from tests.roles import restore_roles
from tracker import services
from tracker.demo.generate import generate
from tracker.models import Claim, Event
from tracker.selectors.event_candidates import MentionFact, ReportFacts, rank_for_facts
from tracker.selectors.search import claims_similar_to

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="EXPLAIN plans and these indexes (GIN, trigram) are PostgreSQL's; "
        "SQLite migrates without them",
    ),
]


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker) -> Iterator[None]:
    """A generated archive for the whole module, rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        # A transactional test run before this module in the same worker
        # flushed the roles the generator gives its users (see tests/roles.py).
        restore_roles()
        generate(claims=8000, seed=5)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def editor(archive, client):
    client.force_login(make_editor(username="planning-editor"))
    return client


def index_names(sql: str, params: list | tuple = (), *, settings: tuple[str, ...] = ()) -> set[str]:
    with transaction.atomic(), connection.cursor() as cursor:
        for setting in settings:
            cursor.execute(setting)
        # No parameters: the SQL is as Django logged it, literals in place (and a
        # trigram "%" operator that a placeholder parser would misread).
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params or None)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    names: set[str] = set()

    def walk(node: dict) -> None:
        if "Index Name" in node:
            names.add(node["Index Name"])
        for child in node.get("Plans", []):
            walk(child)

    walk(plan[0]["Plan"])
    return names


def claims_query(client: Client, url: str) -> str:
    """The SQL of the request's main read of claims (the one with ORDER BY and LIMIT)."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return next(
        q["sql"]
        for q in captured.captured_queries
        if 'FROM "tracker_claim"' in q["sql"] and "ORDER BY" in q["sql"] and "LIMIT" in q["sql"]
    )


def test_the_api_list_walks_the_updated_index(editor):
    used = index_names(claims_query(editor, "/api/claims/"))
    assert "claim_updated_idx" in used
    # The per-row counts read accounts, flags and findings by their claim.
    assert any(name.startswith("tracker_account_claim_id") for name in used)
    assert "flag_open_by_claim_idx" in used


def test_a_status_filter_walks_the_status_index(editor):
    used = index_names(claims_query(editor, "/api/claims/?status=disputed"))
    assert "claim_status_updated_idx" in used


def test_search_reads_the_gin_index(editor):
    place = Claim.objects.order_by("pk").values_list("text", flat=True)[0].split()[-1]
    used = index_names(claims_query(editor, f"/api/claims/?search={place}"))
    assert "claim_search_vector_gin" in used


def test_the_admin_list_walks_the_updated_index(editor):
    used = index_names(claims_query(editor, "/admin/tracker/claim/"))
    assert "claim_updated_idx" in used


def test_the_review_queue_walks_its_partial_index(editor):
    used = index_names(claims_query(editor, "/admin/tracker/reviewqueueclaim/"))
    assert "claim_review_queue_idx" in used


def test_claims_of_an_event_use_its_index(editor):
    event = Event.objects.order_by("pk").first()
    used = index_names(claims_query(editor, f"/api/claims/?event={event.pk}"))
    assert used & {"claim_event_aspect_idx"} or any(
        name.startswith("tracker_claim_event_id") for name in used
    )


def test_near_duplicates_read_the_trigram_index(archive):
    text = Claim.objects.order_by("pk").values_list("text", flat=True)[0]
    with CaptureQueriesContext(connection) as captured:
        assert claims_similar_to(text)
    sql = next(q["sql"] for q in captured.captured_queries if "similarity" in q["sql"].lower()
               and "SET" not in q["sql"])  # fmt: skip
    # The threshold the selector sets for its query.
    threshold = next(
        q["sql"] for q in captured.captured_queries if "similarity_threshold" in q["sql"]
    )
    assert "claim_text_trgm_gin" in index_names(sql, settings=(threshold,))


def test_event_candidates_read_the_places_days_and_title_indexes(archive):
    event = Event.objects.exclude(place="").order_by("pk").first()
    town = event.place.split(",")[0]
    place = services.entity_create(actor=None, name=town, kind="place")
    party = event.parties.first()
    mentions = [MentionFact(start=0, text=town, entity_id=place.pk)]
    if party is not None:
        entity = services.entity_create(actor=None, name=f"{party.name} (party)", kind="party",
                                        source=party)  # fmt: skip
        mentions.append(MentionFact(start=20, text=party.name, entity_id=entity.pk))
    facts = ReportFacts(title=event.name, dates=(event.date_start,), mentions=tuple(mentions),
                        suggestions=(), end=100)  # fmt: skip
    with CaptureQueriesContext(connection) as captured:
        assert rank_for_facts(facts).candidates[0].event == event
    sql = next(q["sql"] for q in captured.captured_queries if "UNION" in q["sql"])
    used = index_names(sql)
    # The report's place by entity id, its days and title in the GiST index.
    assert {"event_place_unique", "event_days_name_gist"} <= used
