import pytest
from django.core.exceptions import ValidationError

from tracker import services
from tracker.models import Event, NamedEntity
from tracker.services import entities as entity_services
from tracker.services import events as event_services

pytestmark = pytest.mark.django_db


def make_entity(editor, name: str, aliases: list[str]) -> NamedEntity:
    return services.entity_create(actor=editor, name=name, kind="organisation", aliases=aliases)


def test_renamed_to_its_own_alias_the_alias_keeps_the_old_name(editor):
    entity = make_entity(editor, "IS", ["Islamic State", "ISIS"])
    services.entity_update(actor=editor, entity=entity, name="Islamic State")
    entity.refresh_from_db()
    assert entity.name == "Islamic State"
    assert sorted(entity.aliases.values_list("name", flat=True)) == ["IS", "ISIS"]


def test_renamed_to_another_entrys_alias_is_refused(editor):
    make_entity(editor, "IS", ["Islamic State"])
    other = make_entity(editor, "SDF", [])
    with pytest.raises(ValidationError):
        services.entity_update(actor=editor, entity=other, name="islamic state")
    other.refresh_from_db()
    assert other.name == "SDF"


def test_names_beyond_ascii_are_one_name_in_the_table(editor):
    entity = make_entity(editor, "Ñandú Front", ["Jabhat Ñandú"])
    with pytest.raises(ValidationError) as raised:
        make_entity(editor, "ÑANDÚ FRONT", [])
    assert raised.value.message_dict["name"] == [
        f"The names table has 'Ñandú Front' already (id {entity.pk})."
    ]
    with pytest.raises(ValidationError) as raised:
        services.entity_alias_add(actor=editor, entity=entity, name="JABHAT ÑANDÚ")
    assert "alias of 'Ñandú Front'" in raised.value.message_dict["name"][0]
    assert NamedEntity.objects.count() == 1 and entity.aliases.count() == 1


def test_a_rival_entity_the_check_missed_gets_the_same_refusal(editor, monkeypatch):
    entity = make_entity(editor, "Ñandú Front", [])
    monkeypatch.setattr(entity_services, "_claim_name", lambda *args, **kwargs: None)
    with pytest.raises(ValidationError) as raised:
        make_entity(editor, "ñandú front", [])
    assert raised.value.message_dict["name"] == [
        f"The names table has 'Ñandú Front' already (id {entity.pk})."
    ]


def test_event_names_are_unique_ignoring_case_beyond_ascii(editor, monkeypatch):
    event = services.event_create(actor=editor, name="Strike on Ñandú market")
    expected = [f"An event named 'Strike on Ñandú market' already exists (id {event.pk})."]
    with pytest.raises(ValidationError) as raised:
        services.event_create(actor=editor, name="STRIKE ON ÑANDÚ MARKET")
    assert raised.value.message_dict["name"] == expected
    # A rival create the check did not see is refused by the index, in the same words.
    monkeypatch.setattr(event_services, "_check_name_free", lambda *args, **kwargs: None)
    with pytest.raises(ValidationError) as raised:
        services.event_create(actor=editor, name="strike on ñandú market")
    assert raised.value.message_dict["name"] == expected
    assert Event.objects.count() == 1
