"""Reads of the names table, and what the extractor is told about names."""

import pytest

from tests.factories import make_event, make_source
from tracker import services
from tracker.models import NamedEntity
from tracker.selectors.names import (
    ENTITY_KEY,
    SOURCE_KEY,
    entity_list_queryset,
    entity_search,
    entity_table,
    event_matching_places,
    key_to_pk,
    source_table,
    sources_for_entities,
)


def place(name: str, *aliases: str) -> NamedEntity:
    return services.entity_create(actor=None, name=name, kind="place", aliases=list(aliases))


@pytest.mark.parametrize("entities", [1, 3])
def test_the_list_is_two_queries(db, django_assert_num_queries, entities):
    for n in range(entities):
        place(f"Town {n}", f"Village {n}", f"Hamlet {n}")
    with django_assert_num_queries(2):
        rows = list(entity_list_queryset().order_by("pk"))
        assert [alias.name for alias in rows[0].aliases.all()] == ["Hamlet 0", "Village 0"]
        assert rows[0].source is None
    assert len(rows) == entities


def test_search_by_name_or_alias_once_each(db):
    town = place("Deir ez-Zor", "Deir al-Zour", "Dayr az-Zawr")
    place("Raqqa")
    everyone = NamedEntity.objects.all()
    assert list(entity_search(everyone, "deir")) == [town]
    assert list(entity_search(everyone, "zawr dayr")) == [town]
    assert not entity_search(everyone, "raqqa zour").exists()


def test_the_extractors_tables_lead_back_to_their_rows(db, django_assert_num_queries):
    sana = make_source(name="SANA", kind="state_media", aliases=["Syrian Arab News Agency"])
    entry = services.entity_create(actor=None, name="SANA", kind="organisation", source=sana)
    with django_assert_num_queries(2):
        (source,) = source_table()
    assert (source.name, source.aliases, key_to_pk(source.key, SOURCE_KEY)) == (
        "SANA", ("Syrian Arab News Agency",), sana.pk,
    )  # fmt: skip
    with django_assert_num_queries(2):
        (entity,) = entity_table()
    assert key_to_pk(entity.key, ENTITY_KEY) == entry.pk
    assert key_to_pk(entity.key, SOURCE_KEY) is None
    assert sources_for_entities({entry.pk}) == {entry.pk: sana.pk}


def test_an_event_found_by_any_spelling_of_its_place(db):
    event = make_event(name="Strike in Deir ez-Zor")
    make_event(name="Strike in Raqqa")
    deir = place("Deir ez-Zor", "Deir al-Zour")
    raqqa = place("Raqqa")
    nowhere = place("Palmyra")
    assert event_matching_places({deir.pk}) == event
    # Two candidates: the reporter chooses.
    assert event_matching_places({deir.pk, raqqa.pk}) is None
    assert event_matching_places({nowhere.pk}) is None
