"""A report's places found through the events filed under them; a fixed number of queries."""

from datetime import date

import pytest
from django.db import connection

from tests.factories import make_claim, make_event, make_source
from tracker import services
from tracker.selectors.event_candidates import (
    MentionFact,
    ReportFacts,
    SuggestionFact,
    rank_for_facts,
)

pytestmark = pytest.mark.django_db

DAY = date(2026, 3, 3)


@pytest.fixture
def deir():
    return services.entity_create(actor=None, name="Deir ez-Zor", kind="place",
                                  aliases=["Deir al-Zour", "Dayr az-Zawr"])  # fmt: skip


def report(place, *, said="Deir al-Zour", title="", suggestions=(), parties=()):
    mentions = [MentionFact(start=10, text=said, entity_id=place.pk)]
    mentions += [MentionFact(start=40, text=p.name, entity_id=p.pk) for p in parties]
    return ReportFacts(title=title, dates=(DAY,), mentions=tuple(mentions),
                       suggestions=tuple(suggestions), end=200)  # fmt: skip


def test_an_event_filed_under_another_spelling_is_found_with_the_spellings_named(deir):
    event = make_event(name="Air strike on a bakery", place="Dayr az-Zawr", date_start=DAY)
    candidates = rank_for_facts(report(deir)).candidates
    assert [c.event for c in candidates] == [event]
    assert "same place: Deir al-Zour = Dayr az-Zawr" in candidates[0].reasons


def test_an_alias_added_later_brings_its_events_and_removed_takes_them_away(deir):
    event = make_event(name="Air strike on a bakery", place="Dair Alzour", date_start=DAY)
    # A place no entity knows: the report's Deir al-Zour does not find it.
    assert rank_for_facts(report(deir)).candidates == []
    alias = services.entity_alias_add(actor=None, entity=deir, name="Dair Alzour")
    candidates = rank_for_facts(report(deir)).candidates
    assert [c.event for c in candidates] == [event]
    assert "same place: Deir al-Zour = Dair Alzour" in candidates[0].reasons
    services.entity_alias_remove(actor=None, alias=alias)
    assert rank_for_facts(report(deir)).candidates == []


def test_a_town_is_not_found_inside_a_longer_name():
    short = services.entity_create(actor=None, name="Tal Zor-3", kind="place")
    services.entity_create(actor=None, name="Tal Zor-31", kind="place")
    make_event(name="Raid on a school", place="Tal Zor-31, region", date_start=DAY)
    near = make_event(name="Raid on a house", place="Tal Zor-3, region", date_start=DAY)
    found = rank_for_facts(report(short, said="Tal Zor-3")).candidates
    assert [c.event for c in found] == [near]


# names, then (PostgreSQL) the events of the three lookups with their parties,
# latest claims and speakers in one query; or (SQLite) each lookup, the events,
# their parties, and with suggestions their claims and the speakers on them.
QUERIES = {"postgresql": 2, "sqlite": 6}
WITH_SUGGESTIONS = {"postgresql": 0, "sqlite": 2}


def test_ranking_costs_a_fixed_number_of_queries_however_many_events_fit(
    deir, django_assert_num_queries
):
    coalition = make_source(name="US-led coalition", kind="armed_party")
    party = services.entity_create(actor=None, name="US-led coalition", kind="party",
                                   source=coalition)  # fmt: skip
    speaker = make_source(name="Civil Defence", kind="ngo")
    suggestion = SuggestionFact(start=60, source_id=speaker.pk, party_ids=frozenset(),
                                aspect="killed", count_min=5, count_max=5, unit="people",
                                claim_text="Five people were killed")  # fmt: skip
    bare = report(deir, title="Strike in Deir ez-Zor", parties=[party])
    full = report(deir, title="Strike in Deir ez-Zor", parties=[party], suggestions=[suggestion])
    expected, more = QUERIES[connection.vendor], WITH_SUGGESTIONS[connection.vendor]
    make_event(name="Strike in Deir ez-Zor", place="Deir ez-Zor", date_start=DAY)
    with django_assert_num_queries(expected):
        assert len(rank_for_facts(bare).candidates) == 1
    with django_assert_num_queries(expected + more):
        rank_for_facts(full)
    for n in range(40):
        event = make_event(name=f"Strike in Deir ez-Zor {n}", place="Deir ez-Zor",
                           date_start=DAY, parties=[coalition])  # fmt: skip
        make_claim(text=f"Five people were killed {n}", event=event, aspect="killed",
                   count_min=5, count_max=5, unit="people")  # fmt: skip
    with django_assert_num_queries(expected):
        assert len(rank_for_facts(bare).candidates) == 5
    with django_assert_num_queries(expected + more):
        found = rank_for_facts(full).candidates
    assert "same figure: 5 people killed" in found[0].reasons
