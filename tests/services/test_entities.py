import pytest
from django.core.exceptions import ValidationError

from tracker import services
from tracker.models import NamedEntity

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
