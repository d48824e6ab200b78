"""The places an event is filed under stay true as events and the names table change."""

import pytest

from tests.factories import make_event
from tracker import services
from tracker.models import EventPlace

pytestmark = pytest.mark.django_db


def filed(event) -> set[str]:
    return set(EventPlace.objects.filter(event=event).values_list("entity__name", flat=True))


@pytest.fixture
def deir():
    return services.entity_create(actor=None, name="Deir ez-Zor", kind="place",
                                  aliases=["Deir al-Zour"])  # fmt: skip


def test_an_event_is_filed_under_the_places_its_place_or_name_holds(deir):
    services.entity_create(actor=None, name="Idlib", kind="place")
    services.entity_create(actor=None, name="US-led coalition", kind="party")
    by_alias = make_event(name="Strike on a bakery", place="Deir al-Zour province")
    by_name = make_event(name="Coalition strike between Idlib and Deir ez-Zor")
    party_only = make_event(name="US-led coalition raid", place="Somewhere else")
    assert filed(by_alias) == {"Deir ez-Zor"}
    assert filed(by_name) == {"Deir ez-Zor", "Idlib"}
    assert filed(party_only) == set()  # a party is not a place


def test_whole_words_only():
    services.entity_create(actor=None, name="Tal Zor-3", kind="place")
    services.entity_create(actor=None, name="Tal Zor-31", kind="place")
    assert filed(make_event(name="Raid on Tal Zor-31")) == {"Tal Zor-31"}
    assert filed(make_event(name="Raid on Tal Zor-3, 5 May")) == {"Tal Zor-3"}


def test_an_event_moved_elsewhere_is_refiled(deir):
    services.entity_create(actor=None, name="Idlib", kind="place")
    event = make_event(name="Strike on a bakery", place="Deir ez-Zor")
    services.event_update(actor=None, event=event, place="Idlib")
    assert filed(event) == {"Idlib"}
    services.event_update(actor=None, event=event, name="Strike on a bakery in Deir al-Zour")
    assert filed(event) == {"Idlib", "Deir ez-Zor"}
    services.event_update(actor=None, event=event, date_text="late Tuesday")
    assert filed(event) == {"Idlib", "Deir ez-Zor"}


def test_a_place_entered_after_its_events_files_them():
    event = make_event(name="Shelling of Dayr az-Zawr", place="Dayr az-Zawr")
    other = make_event(name="Shelling of Dayr", place="")
    services.entity_create(actor=None, name="Deir ez-Zor", kind="place", aliases=["Dayr az-Zawr"])
    assert filed(event) == {"Deir ez-Zor"} and filed(other) == set()


def test_an_alias_added_files_the_events_that_hold_it_and_removed_unfiles_them(deir):
    event = make_event(name="Strike in Dair Alzour", place="Dair Alzour")
    kept = make_event(name="Strike in Deir ez-Zor", place="Deir ez-Zor")
    assert filed(event) == set()
    alias = services.entity_alias_add(actor=None, entity=deir, name="Dair Alzour")
    assert filed(event) == {"Deir ez-Zor"}
    services.entity_alias_remove(actor=None, alias=alias)
    assert filed(event) == set() and filed(kept) == {"Deir ez-Zor"}


def test_a_renamed_place_keeps_the_events_its_spellings_still_name(deir):
    old_name_only = make_event(name="Strike", place="Deir ez-Zor")
    by_alias = make_event(name="Raid", place="Deir al-Zour")
    by_new_name = make_event(name="Shelling", place="Dayr az-Zawr")
    services.entity_update(actor=None, entity=deir, name="Dayr az-Zawr")
    assert filed(by_new_name) == {"Dayr az-Zawr"} and filed(by_alias) == {"Dayr az-Zawr"}
    assert filed(old_name_only) == set()


def test_a_place_that_becomes_a_party_unfiles_its_events_and_back(deir):
    event = make_event(name="Strike", place="Deir ez-Zor")
    services.entity_update(actor=None, entity=deir, kind="party")
    assert filed(event) == set()
    services.entity_update(actor=None, entity=deir, kind="place")
    assert filed(event) == {"Deir ez-Zor"}


def test_filing_a_new_event_costs_three_queries_however_big_the_names_table(
    deir, django_assert_max_num_queries
):
    def places_queries(captured):
        tables = ("tracker_eventplace", "tracker_namedentity", "tracker_entityalias")
        return [q["sql"] for q in captured if any(table in q["sql"] for table in tables)]

    with django_assert_max_num_queries(20) as small:
        make_event(name="Strike on Deir ez-Zor", place="Deir al-Zour")
    for n in range(30):
        services.entity_create(actor=None, name=f"Town {n}", kind="place", aliases=[f"Town {n}a"])
    with django_assert_max_num_queries(len(small.captured_queries)) as big:
        event = make_event(name="Strike on Town 3 and Town 4a", place="Town 5")
    # Its places by name, by alias, and the filing.
    assert len(places_queries(small.captured_queries)) == 3
    assert len(places_queries(big.captured_queries)) == 3
    assert filed(event) == {"Town 3", "Town 4", "Town 5"}
